"""A minimal FIT writer for benchmarks: a file_id, the records of a track and one session, with CRC.

It exists so the import benchmark can turn a handful of sample runs into thousands of distinct activities
(each shifted in time); it is not part of the product."""

from __future__ import annotations

import struct

import numpy as np

from kniewijs.core.activity import ActivityData
from kniewijs.formats.fit_crc import crc16_arc

FIT_EPOCH = 631065600
INVALID_U32 = 0xFFFFFFFF
INVALID_U16 = 0xFFFF
INVALID_U8 = 0xFF
INVALID_S32 = 0x7FFFFFFF
SPORTS = {"running": 1, "cycling": 2, "swimming": 5, "walking": 11, "other": 0}


def _definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    return head + b"".join(struct.pack("<BBB", n, size, base) for n, size, base in fields)


def _column(array: np.ndarray | None, n: int, scale: float, invalid: int, top: int) -> np.ndarray:
    if array is None:
        return np.full(n, invalid, dtype=np.int64)
    scaled = np.clip(np.round(np.nan_to_num(array, nan=0.0) * scale), 0, top).astype(np.int64)
    return np.where(np.isfinite(array), scaled, invalid)


# One record message: the header byte, then the fields in the order of the record definition below.
RECORD = np.dtype(
    [
        ("header", "u1"),
        ("time", "<u4"),
        ("lat", "<i4"),
        ("lon", "<i4"),
        ("distance", "<u4"),
        ("hr", "u1"),
        ("cadence", "u1"),
        ("speed", "<u2"),
    ]
)


def write_fit(activity: ActivityData, shift_s: float) -> bytes:
    """The activity as a FIT file, every time moved by `shift_s` seconds."""
    t = activity.track
    times = t.time + shift_s
    lat, lon = t.get("lat"), t.get("lon")
    dist, hr, cad, speed = t.get("distance_m"), t.get("heart_rate"), t.get("cadence_spm"), t.get("speed_mps")
    body = bytearray()
    start = int(activity.start.timestamp() + shift_s) - FIT_EPOCH
    body += _definition(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84), (4, 4, 0x86)])
    body += struct.pack("<BBHHI", 0, 4, 255, 1, start)
    body += _definition(
        1,
        20,
        [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (5, 4, 0x86), (3, 1, 0x02), (4, 1, 0x02), (6, 2, 0x84)],
    )
    n = len(times)
    semis = 2**31 / 180.0
    records = np.zeros(n, dtype=RECORD)
    records["header"] = 1
    records["time"] = times.astype(np.int64) - FIT_EPOCH
    for name, values in (("lat", lat), ("lon", lon)):
        if values is None:
            records[name] = INVALID_S32
        else:
            records[name] = np.where(
                np.isfinite(values), np.round(np.nan_to_num(values) * semis), INVALID_S32
            )
    records["distance"] = _column(dist, n, 100, INVALID_U32, INVALID_U32 - 1)
    records["hr"] = _column(hr, n, 1, INVALID_U8, 254)
    records["cadence"] = _column(None if cad is None else cad / 2, n, 1, INVALID_U8, 254)  # FIT: strides/min
    records["speed"] = _column(speed, n, 1000, INVALID_U16, INVALID_U16 - 1)
    body += records.tobytes()
    body += _definition(
        2, 18, [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86)]
    )
    duration = activity.duration_s or 0.0
    distance = activity.distance_m or 0.0
    end = int(times[-1]) - FIT_EPOCH if len(times) else start
    body += struct.pack(
        "<BIIBIII",
        2,
        end,
        start,
        SPORTS.get(activity.sport, 0),
        int(duration * 1000),
        int(duration * 1000),
        int(distance * 100),
    )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", crc16_arc(header))
    data = header + bytes(body)
    return data + struct.pack("<H", crc16_arc(data))

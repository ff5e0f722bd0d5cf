"""A minimal FIT writer for benchmarks: a file_id, the records of a track and one session, with CRC.

It exists so the import benchmark can turn a handful of sample runs into thousands of distinct activities
(each shifted in time); it is not part of the product."""

from __future__ import annotations

import struct

import numpy as np

from kniewijs.core.activity import ActivityData

FIT_EPOCH = 631065600
INVALID_U32 = 0xFFFFFFFF
INVALID_U16 = 0xFFFF
INVALID_U8 = 0xFF
INVALID_S32 = 0x7FFFFFFF
SPORTS = {"running": 1, "cycling": 2, "swimming": 5, "walking": 11, "other": 0}


def _crc(data: bytes, crc: int = 0) -> int:
    table = (
        0x0000,
        0xCC01,
        0xD801,
        0x1400,
        0xF001,
        0x3C00,
        0x2800,
        0xE401,
        0xA001,
        0x6C00,
        0x7800,
        0xB401,
        0x5000,
        0x9C01,
        0x8801,
        0x4400,
    )
    for byte in data:
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[byte & 0xF]
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[(byte >> 4) & 0xF]
    return crc


def _definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
    head = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    return head + b"".join(struct.pack("<BBB", n, size, base) for n, size, base in fields)


def _value(array: np.ndarray | None, i: int, scale: float, invalid: int, top: int) -> int:
    if array is None or not np.isfinite(array[i]):
        return invalid
    return int(min(max(round(array[i] * scale), 0), top))


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
    semis = 2**31 / 180.0
    for i in range(len(times)):
        la = INVALID_S32 if lat is None or not np.isfinite(lat[i]) else int(round(lat[i] * semis))
        lo = INVALID_S32 if lon is None or not np.isfinite(lon[i]) else int(round(lon[i] * semis))
        steps = None if cad is None or not np.isfinite(cad[i]) else cad[i] / 2  # FIT: strides per minute
        body += struct.pack(
            "<BIiiIBBH",
            1,
            int(times[i]) - FIT_EPOCH,
            la,
            lo,
            _value(dist, i, 100, INVALID_U32, INVALID_U32 - 1),
            _value(hr, i, 1, INVALID_U8, 254),
            INVALID_U8 if steps is None else int(min(steps, 254)),
            _value(speed, i, 1000, INVALID_U16, INVALID_U16 - 1),
        )
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
    header += struct.pack("<H", _crc(header))
    data = header + bytes(body)
    return data + struct.pack("<H", _crc(data))

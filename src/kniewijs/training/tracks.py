"""A Track kept as compressed numpy arrays in one database column."""

from __future__ import annotations

import io

import numpy as np

from kniewijs.core.activity import Track


def pack(track: Track) -> bytes | None:
    if len(track) == 0:
        return None
    buffer = io.BytesIO()
    arrays = {"time": track.time} | {
        name: values for name, values in track.channels.items() if np.isfinite(values).any()
    }
    np.savez_compressed(
        buffer,
        **{k: np.asarray(v, dtype=np.float32 if k != "time" else np.float64) for k, v in arrays.items()},
    )
    return buffer.getvalue()


def unpack(data: bytes | memoryview | None) -> Track:
    if not data:
        return Track(time=np.empty(0, dtype=np.float64))
    with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as archive:
        channels = {name: archive[name].astype(np.float64) for name in archive.files if name != "time"}
        return Track(time=archive["time"].astype(np.float64), channels=channels)

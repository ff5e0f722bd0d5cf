"""Array type names shared by the metric modules."""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

# What one day's training load is measured in: running kilometres (the default), or Foster's session-RPE
# load (RPE 0-10 x minutes, every sport).
LoadUnit = Literal["km", "srpe"]
LOAD_UNITS: tuple[LoadUnit, ...] = ("km", "srpe")

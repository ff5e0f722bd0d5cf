"""Trailing window sums and exponentially weighted averages over daily series, without a Python loop
per day.

ewma: y[t] = y[t-1] + alpha * (x[t] - y[t-1]), y[-1] = `initial`. It is computed in closed form,
y[t] = a**t * (y[-1] + sum_{i<=t} alpha * x[i] * a**-i) with a = 1 - alpha, block by block: each block is
short enough that a**-block_length stays far from overflow, and only the state at the end of each block
is carried across in Python (tens of blocks for ten years, not thousands of days).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ._types import FloatArray

# a**-length stays below e**500 inside a block: loads up to e**200 stay far from float overflow
# (e**709), and the closed form's rounding error stays of the order of the machine epsilon times the
# values. Ten years of daily load then need one to three blocks.
_MAX_GROWTH_EXPONENT = 500.0


def trailing_sum(values: FloatArray, window: int, *, skip_last: int = 0) -> FloatArray:
    """Sum of the `window` values ending `skip_last` days before each day (zeros before the start).

    From differences of a running total; a window holding only zeros is set to exactly 0, so years of
    load before it cannot leave a rounding crumb that a ratio would divide by."""
    if window < 1 or skip_last < 0:
        raise ValueError("a window needs at least one day")
    n = values.shape[0]
    padded = np.concatenate([np.zeros(window + skip_last), values])
    total = np.cumsum(padded)
    nonzero = np.cumsum(padded != 0)
    # Day t sits at index t + window + skip_last of `padded`; its window ends skip_last days earlier,
    # at index t + window, and starts after index t.
    sums: FloatArray = total[window : window + n] - total[:n]
    sums[nonzero[window : window + n] == nonzero[:n]] = 0.0
    return sums


def trailing_shifts(values: FloatArray, window: int) -> list[FloatArray]:
    """The series shifted by 0 .. window-1 days (zeros shifted in): day t of shift k is values[t-k].

    Contiguous arrays, so per-day statistics over a short window run as a handful of whole-array
    operations instead of a reduction over a strided window view."""
    if window < 1:
        raise ValueError("a window needs at least one day")
    n = values.shape[0]
    padded = np.concatenate([np.zeros(window - 1), values])
    return [padded[window - 1 - k : window - 1 - k + n] for k in range(window)]


@lru_cache(maxsize=64)
def _powers(decay: float, length: int) -> tuple[FloatArray, FloatArray]:
    """(a**j, a**-j) for j < length; the same few factors recur for every runner."""
    exponents = np.arange(length, dtype=np.float64)
    powers, growth = decay**exponents, decay**-exponents
    powers.flags.writeable = False
    growth.flags.writeable = False
    return powers, growth


def ewma(values: FloatArray, alpha: float, initial: float = 0.0) -> FloatArray:
    """Exponentially weighted moving average with smoothing factor alpha in (0, 1]."""
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must lie in (0, 1]")
    n = values.shape[0]
    if alpha == 1.0 or n == 0:
        return values.astype(np.float64, copy=True)
    decay = 1.0 - alpha
    block = max(1, min(n, int(_MAX_GROWTH_EXPONENT / -math.log(decay))))
    powers, growth = _powers(decay, block)
    result = np.empty(n, dtype=np.float64)
    state = float(initial)
    for begin in range(0, n, block):
        chunk = values[begin : begin + block]
        m = chunk.shape[0]
        local = powers[:m] * np.cumsum(alpha * chunk * growth[:m])
        # The carried state decays by a**(j+1) at position j.
        result[begin : begin + m] = local + state * decay * powers[:m]
        state = float(result[begin + m - 1])
    return result

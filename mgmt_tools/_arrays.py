"""The numpy array types of the engines' signatures, named once.

``IndexArray`` and ``IntArray`` are the same type; the first names positions (task numbers,
link ends, an ordering), the second counts and codes, so that a signature says which it takes.
A module that must not import numpy when it loads imports them under ``TYPE_CHECKING``.

Examples
--------
>>> import numpy as np
>>> values: FloatArray = np.zeros(3)
>>> values.dtype
dtype('float64')
"""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = ["BoolArray", "FloatArray", "IndexArray", "IntArray"]

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.int64]
IndexArray: TypeAlias = npt.NDArray[np.int64]
BoolArray: TypeAlias = npt.NDArray[np.bool_]

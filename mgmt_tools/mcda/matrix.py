"""The checked inputs: a :class:`DecisionMatrix` (``mgmt index``) and :class:`Judgements`
(``mgmt ahp``), kept in arrays, with what is needed to place a problem found later in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mgmt_tools._arrays import BoolArray, FloatArray
from mgmt_tools.errors import PathPart, Problem

__all__ = ["PLACEHOLDER", "Comparison", "DecisionMatrix", "Judgements", "Locate", "PairMatrix"]

Path = tuple[PathPart, ...]
PLACEHOLDER = "\x00"
"""Names starting with this mark parts of a file replaced after a structural error."""
Locate = Callable[[Path, str], Problem]
"""Places a message at a path of the input (the alternatives may live in a CSV file)."""


def _nowhere(path: Path, message: str) -> Problem:
    return Problem(message, path)


@dataclass(frozen=True)
class Comparison:
    """One judgement: ``row`` is ``value`` times as important as ``col`` (indices)."""

    row: int
    col: int
    value: float
    path: Path = ()


@dataclass(frozen=True, eq=False)
class PairMatrix:
    """A pairwise comparison matrix as given: NaN marks a missing pair (to be completed)."""

    name: str
    """'criteria', a criterion's name (hierarchy), or 'matrix' (a single matrix)."""
    elements: tuple[str, ...]
    values: FloatArray
    given: tuple[Comparison, ...]
    """The judgements as written (upper or lower triangle), for naming inconsistent ones."""
    path: Path = ()
    faults: int = 0
    """Judgements that were reported as faulty (unknown elements, values not above 0)."""

    @property
    def size(self) -> int:
        return len(self.elements)

    @property
    def missing(self) -> list[tuple[int, int]]:
        """The pairs (i < j) with no judgement."""
        rows, cols = np.nonzero(np.isnan(np.triu(self.values, 1)))
        return [(int(i), int(j)) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]


@dataclass(frozen=True, eq=False)
class DecisionMatrix:
    """A validated decision matrix: criteria, alternatives and their values (rows x criteria)."""

    criteria: tuple[str, ...]
    criterion_names: tuple[str, ...]
    maximize: BoolArray
    """Per criterion: True for a benefit (direction max), False for a cost."""
    alternatives: list[str]
    values: FloatArray
    """Alternatives x criteria, C-contiguous float64."""
    given_weights: FloatArray | None = None
    """The criteria's weights as written (NaN where a criterion has none); None when none has."""
    goal: str | None = None
    method: str = "weighted_sum"
    normalization: str | None = None
    """None: the method's default."""
    weighting: str = "given"
    vikor_v: float = 0.5
    ahp_method: str = "eigenvector"
    random_index: str = "saaty1980"
    comparisons: PairMatrix | None = None
    """With weighting: ahp, the criteria's comparisons."""
    load_warnings: tuple[str, ...] = ()
    locate: Locate = field(default=_nowhere, repr=False)
    """Places problems found when computing (a zero a formula cannot take) in the input."""
    value_path: Callable[[int, int], Path] = field(
        default=lambda row, col: ("alternatives", row), repr=False
    )
    weight_path: Callable[[int], Path] = field(
        default=lambda col: ("criteria", col, "weight"), repr=False
    )

    @property
    def shape(self) -> tuple[int, int]:
        """(alternatives, criteria)."""
        return (len(self.alternatives), len(self.criteria))

    def problem_at(self, row: int, col: int, message: str) -> Problem:
        """A problem placed at the value of alternative ``row`` for criterion ``col``."""
        return self.locate(self.value_path(row, col), message)


@dataclass(frozen=True, eq=False)
class Judgements:
    """Validated AHP judgements: one matrix, or a hierarchy (criteria and, per criterion, the
    alternatives)."""

    criteria: PairMatrix
    """The single matrix, or the criteria's matrix of a hierarchy."""
    alternatives: tuple[str, ...] | None = None
    by_criterion: tuple[PairMatrix, ...] = ()
    """Hierarchy: the alternatives' matrix under each criterion, in the criteria's order."""
    goal: str | None = None
    method: str = "eigenvector"
    random_index: str = "saaty1980"
    load_warnings: tuple[str, ...] = ()

    @property
    def is_hierarchy(self) -> bool:
        return self.alternatives is not None

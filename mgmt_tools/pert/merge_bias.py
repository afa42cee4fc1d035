"""The merge-bias warning: other paths whose mean comes within one sd of the project length.

PERT's normal approximation follows one critical path; where another path is nearly as long,
the true finish distribution is later than PERT says. Each near-critical task (0 < total float
<= sd) lies on a path of mean T - total float; the path is traced through links that are tight
at early dates behind the task and tight at late dates ahead of it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools._numeric import isclose
from mgmt_tools.locale import _
from mgmt_tools.pert.network import Network

__all__ = ["merge_bias_warnings"]

MAX_WARNINGS = 3


def merge_bias_warnings(
    network: Network,
    length: float,
    sd: float,
    total_float: FloatArray,
    ls: FloatArray,
    offset: FloatArray,
    driving: npt.NDArray[np.bool_],
) -> list[str]:
    """One warning per distinct near-critical path (at most :data:`MAX_WARNINGS`).

    ``total_float`` is per task; ``ls``, ``offset`` and ``driving`` per node and link of the
    network.
    """
    if sd <= 0:
        return []
    near = np.flatnonzero((total_float > 0) & ((total_float <= sd) | isclose(total_float, sd)))
    if not near.size:
        return []
    pred, succ = network.pred, network.succ
    tight_late = isclose(ls[succ] - offset, ls[pred])
    behind = _first_neighbour(network.node_count, succ, pred, driving)
    ahead = _first_neighbour(network.node_count, pred, succ, tight_late)
    warnings: list[str] = []
    covered: set[int] = set()
    for task in near[np.argsort(total_float[near], kind="stable")].tolist():
        if task in covered:
            continue
        path = [
            node
            for node in _walk(task, behind)[::-1] + _walk(task, ahead)[1:]
            if node < network.task_count
        ]  # a group's start and finish are not tasks
        covered.update(path)
        names = " -> ".join(network.labels[t] for t in path)
        warnings.append(
            _(
                "merge bias: path {path} has mean {mean}, within one sd ({sd}) of the "
                "project's {length}; the PERT probability is optimistic: run with --simulate "
                "for the distribution of the finish"
            ).format(
                path=names,
                mean=f"{length - float(total_float[task]):g}",
                sd=f"{sd:.4g}",
                length=f"{length:g}",
            )
        )
        if len(warnings) == MAX_WARNINGS:
            break
    return warnings


def _first_neighbour(
    count: int, key: IndexArray, other: IndexArray, mask: npt.NDArray[np.bool_]
) -> IndexArray:
    """For each task, the ``other`` end of its first link (in link order) selected by
    ``mask`` with the task at the ``key`` end; -1 where there is none."""
    chosen = np.flatnonzero(mask)
    tasks, first = np.unique(key[chosen], return_index=True)
    result = np.full(count, -1, dtype=np.int64)
    result[tasks] = other[chosen[first]]
    return result


def _walk(task: int, step: IndexArray) -> list[int]:
    path = [task]
    nxt = int(step[task])
    while nxt >= 0 and len(path) <= len(step):
        path.append(nxt)
        nxt = int(step[nxt])
    return path

"""The network the engine schedules: the plan's tasks and links, with groups made explicit.

A plan's links may start or end at a group. The engine sees only nodes and links, so each
group becomes two hidden milestones, its start S and its finish F:

- every task of the group waits for S, and F waits for every task (groups nest: S of a
  subgroup waits for S of its parent, F of the parent waits for F of the subgroup);
- a link into the group (FS or SS; as in MS Project, a group cannot be the successor of an FF
  or SF link) ends at S, so every task of the group waits for it;
- a link from the group counts from F (FS, FF: the group's last finish) or from S (SS, SF: the
  group's start, the earliest start its own links allow).

Each declared link becomes exactly one engine link, kept first and in order, so per-link
results of the engine are per-link results of the plan. A plan without groups is its own
network. Nodes 0..n-1 are the tasks; S and F of group g are n + 2g and n + 2g + 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools.pert.model import Plan

__all__ = ["Network", "build_network", "network_of"]


@dataclass(frozen=True, eq=False)
class Network:
    """Nodes (tasks, then hidden group milestones) and links for the passes."""

    task_count: int
    duration: FloatArray
    pred: IndexArray
    succ: IndexArray
    kind: npt.NDArray[np.int8]
    lag: FloatArray
    declared: int
    """The first ``declared`` links are the plan's links, in order; the rest join groups."""
    labels: list[str]
    """A name per node for messages: the task id, or the group id for S and F."""

    @property
    def node_count(self) -> int:
        return len(self.duration)

    @property
    def hidden(self) -> npt.NDArray[np.bool_]:
        """Per node: a group's start or finish rather than a task."""
        mask = np.zeros(self.node_count, dtype=bool)
        mask[self.task_count :] = True
        return mask


def build_network(
    ids: list[str],
    duration: FloatArray,
    group_ids: list[str],
    group_parent: IndexArray,
    task_group: IndexArray,
    pred: IndexArray,
    succ: IndexArray,
    kind: npt.NDArray[np.int8],
    lag: FloatArray,
) -> Network:
    """The engine's network of a plan whose links refer to nodes 0..n-1 (tasks) and n..n+g-1
    (groups)."""
    n = len(ids)
    if not group_ids:
        return Network(n, duration, pred, succ, kind, lag, len(pred), ids)
    groups = len(group_ids)
    start = n + 2 * np.arange(groups)
    finish = start + 1
    from_group = pred >= n
    to_group = succ >= n
    from_finish = (kind == 0) | (kind == 2)
    pred = pred.copy()
    succ = succ.copy()
    ends = pred[from_group] - n
    pred[from_group] = np.where(from_finish[from_group], finish[ends], start[ends])
    succ[to_group] = start[succ[to_group] - n]
    members = np.flatnonzero(task_group >= 0)
    children = np.flatnonzero(group_parent >= 0)
    structural_pred = np.concatenate(
        [start[task_group[members]], members, start[group_parent[children]], finish[children]]
    )
    structural_succ = np.concatenate(
        [members, finish[task_group[members]], start[children], finish[group_parent[children]]]
    )
    extra = len(structural_pred)
    labels = ids + [group for group in group_ids for _ in (0, 1)]
    return Network(
        task_count=n,
        duration=np.concatenate([duration, np.zeros(2 * groups)]),
        pred=np.concatenate([pred, structural_pred]).astype(np.int64),
        succ=np.concatenate([succ, structural_succ]).astype(np.int64),
        kind=np.concatenate([kind, np.zeros(extra, dtype=np.int8)]),
        lag=np.concatenate([lag, np.zeros(extra)]),
        declared=len(pred),
        labels=labels,
    )


def network_of(plan: Plan) -> Network:
    """The engine's network of ``plan``."""
    task_group = (
        plan.task_group
        if plan.task_group is not None
        else np.full(plan.task_count, -1, dtype=np.int64)
    )
    return build_network(
        plan.ids,
        plan.duration,
        plan.group_ids,
        plan.group_parent,
        task_group,
        plan.link_pred,
        plan.link_succ,
        plan.link_type,
        plan.link_lag,
    )

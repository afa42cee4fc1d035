"""Random precedence networks for the pert benchmark, and the plan files made from them.

Everything is drawn from a fixed seed, so every run times the same inputs. Durations are whole
numbers (1 to 20, 1 % zero) and lags whole numbers too, so sums are exact and any two correct
implementations agree to the bit, whatever order they add in.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mgmt_tools._arrays import FloatArray, IndexArray
from mgmt_tools.pert.model import Plan

__all__ = [
    "SEED",
    "TYPE_NAMES",
    "Network",
    "chain",
    "layered",
    "plan_of",
    "renumbered",
    "shuffled",
    "task_ids",
    "write_csv",
    "write_json",
]

SEED = 20240607
TYPE_NAMES = ("FS", "SS", "FF", "SF")


@dataclass
class Network:
    """A precedence network in columns, links sorted by successor (as a loaded plan has them)."""

    duration: FloatArray
    pred: IndexArray
    succ: IndexArray
    kind: npt.NDArray[np.int8]
    lag: FloatArray

    @property
    def size(self) -> str:
        """'1.0M/2.5M': tasks and links."""
        return f"{_count(self.duration.size)}/{_count(self.pred.size)}"


def _count(number: int) -> str:
    if number >= 999_500:
        return f"{number / 1e6:.1f}M"
    return f"{number / 1e3:.0f}k" if number >= 1000 else str(number)


def _link_kinds(
    rng: np.random.Generator, count: int, typed: bool
) -> tuple[npt.NDArray[np.int8], FloatArray]:
    """Link types (70 % FS, 10 % each of SS, FF, SF) and lags (60 % zero, else -2..5)."""
    if not typed:
        return np.zeros(count, dtype=np.int8), np.zeros(count)
    kind = rng.choice(4, count, p=[0.7, 0.1, 0.1, 0.1]).astype(np.int8)
    lag = np.where(rng.random(count) < 0.6, 0, rng.integers(-2, 6, count)).astype(np.float64)
    return kind, lag


def _durations(rng: np.random.Generator, count: int) -> FloatArray:
    duration = rng.integers(1, 21, count).astype(np.float64)
    duration[rng.random(count) < 0.01] = 0.0
    return duration


def layered(
    levels: int,
    width: int,
    *,
    seed: int = SEED,
    typed: bool = True,
    far: float = 0.2,
    window: int = 10,
) -> Network:
    """``levels`` levels of ``width`` tasks, numbered level by level. Each task after the first
    level draws 2 or 3 predecessors from the previous level or, with probability ``far``, from
    one of the ``window`` levels before it; a repeated draw collapses into one link."""
    rng = np.random.default_rng(seed)
    count = levels * width
    duration = _durations(rng, count)
    tasks = np.arange(width, count)
    succ = np.repeat(tasks, rng.integers(2, 4, tasks.size))
    level = succ // width
    back = np.where(rng.random(succ.size) < far, rng.integers(2, window + 1, succ.size), 1)
    pred = (level - np.minimum(back, level)) * width + rng.integers(0, width, succ.size)
    key = np.unique(succ * count + pred)
    succ, pred = key // count, key % count
    kind, lag = _link_kinds(rng, key.size, typed)
    return Network(duration, pred, succ, kind, lag)


def chain(count: int, *, seed: int = SEED, typed: bool = True) -> Network:
    """A single chain: task i depends on task i - 1."""
    rng = np.random.default_rng(seed)
    duration = _durations(rng, count)
    pred = np.arange(count - 1, dtype=np.int64)
    kind, lag = _link_kinds(rng, count - 1, typed)
    return Network(duration, pred, pred + 1, kind, lag)


def shuffled(network: Network, *, seed: int = SEED) -> tuple[Network, IndexArray]:
    """The same network with the tasks listed in random order; also the new numbers."""
    new_number = np.random.default_rng(seed).permutation(network.duration.size)
    return renumbered(network, new_number), new_number


def renumbered(network: Network, new_number: IndexArray) -> Network:
    """The same network with task t numbered ``new_number[t]``, links by successor again."""
    duration = np.empty_like(network.duration)
    duration[new_number] = network.duration
    pred, succ = new_number[network.pred], new_number[network.succ]
    by_succ = np.argsort(succ, kind="stable")
    return Network(
        duration, pred[by_succ], succ[by_succ], network.kind[by_succ], network.lag[by_succ]
    )


def task_ids(count: int) -> list[str]:
    return [f"T{number}" for number in range(count)]


def plan_of(network: Network) -> Plan:
    """The columnar plan of ``network``: what ``load`` builds, without the parsing."""
    count = network.duration.size
    ids = task_ids(count)
    missing = np.full(count, np.nan)
    starts = np.searchsorted(network.succ, network.succ)  # first link of the same successor
    return Plan(
        ids=ids,
        names=ids,
        duration=network.duration,
        optimistic=missing,
        most_likely=missing,
        pessimistic=missing,
        milestone=network.duration == 0,
        link_pred=network.pred,
        link_succ=network.succ,
        link_type=network.kind,
        link_lag=network.lag,
        link_position=np.arange(network.succ.size) - starts,
    )


def _links_into(network: Network) -> list[range]:
    """Per task, the numbers of the links that enter it (links are sorted by successor)."""
    bounds = np.searchsorted(network.succ, np.arange(network.duration.size + 1)).tolist()
    return [range(bounds[task], bounds[task + 1]) for task in range(len(bounds) - 1)]


def write_csv(network: Network, path: Path) -> None:
    """A finish-to-start network as CSV: id, name, duration, depends_on ('T1;T7')."""
    ids = task_ids(network.duration.size)
    preds = network.pred.tolist()
    durations = network.duration.tolist()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "duration", "depends_on"])
        for task, links in enumerate(_links_into(network)):
            depends_on = ";".join(ids[preds[link]] for link in links)
            writer.writerow([ids[task], f"Task {task}", f"{durations[task]:g}", depends_on])


def write_json(network: Network, path: Path) -> None:
    """The network as a JSON plan: bare ids for FS links without lag, mappings otherwise."""
    ids = task_ids(network.duration.size)
    preds, kinds, lags = network.pred.tolist(), network.kind.tolist(), network.lag.tolist()
    durations = network.duration.tolist()
    tasks: list[dict[str, Any]] = []
    for task, links in enumerate(_links_into(network)):
        item: dict[str, Any] = {
            "id": ids[task],
            "name": f"Task {task}",
            "duration": durations[task],
        }
        entries: list[Any] = [
            ids[preds[link]]
            if kinds[link] == 0 and lags[link] == 0
            else {"task": ids[preds[link]], "type": TYPE_NAMES[kinds[link]], "lag": lags[link]}
            for link in links
        ]
        if entries:
            item["depends_on"] = entries
        tasks.append(item)
    path.write_text(json.dumps({"project": "benchmark", "tasks": tasks}), encoding="utf-8")

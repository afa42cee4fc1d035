"""The baseline of the pert benchmark: the obvious networkx implementation.

Build an ``nx.DiGraph`` from the links (durations as node attributes, link type code and lag as
edge attributes), order it with ``nx.topological_sort``, and run the forward and backward
passes in Python with the semantics of docs/formats/pert.md:

    FS: ES(s) >= EF(p) + L    SS: ES(s) >= ES(p) + L    FF: EF(s) >= EF(p) + L
    SF: EF(s) >= ES(p) + L    ES >= 0, and the late dates mirror them with LF <= T.

For files, the baseline also reads them (the ``csv`` module, ``json.loads``) and, for the JSON
case, writes its result with ``json.dumps``. It computes less than ``schedule`` (no free float,
no critical paths), so the ratios it gives are conservative.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks._pert_networks import TYPE_NAMES, Network
from mgmt_tools._arrays import FloatArray

__all__ = ["Answer", "from_arrays", "from_csv", "from_json", "passes"]

Answer = tuple[FloatArray, FloatArray, float]
"""Early starts and late starts in task order, and the project duration."""


def graph_of(
    nodes: Iterable[tuple[Hashable, float]],
    links: Iterable[tuple[Hashable, Hashable, int, float]],
) -> Any:
    """An ``nx.DiGraph``: nodes with a duration, links with their type code and lag."""
    import networkx as nx

    graph: Any = nx.DiGraph()
    graph.add_nodes_from((node, {"duration": value}) for node, value in nodes)
    graph.add_edges_from((p, s, {"type": kind, "lag": lag}) for p, s, kind, lag in links)
    return graph


def _offset(link: Mapping[str, Any], before: float, after: float) -> float:
    """c in ES(s) >= ES(p) + c, summed in the library's order (so floats agree to the bit)."""
    kind = link["type"]
    value = link["lag"] + (before if kind in (0, 2) else 0.0)
    return float(value - (after if kind in (2, 3) else 0.0))


def passes(graph: Any) -> tuple[dict[Any, float], dict[Any, float], float]:
    """Forward and backward passes over a networkx DAG: ES and LS per node, and T."""
    import networkx as nx

    duration: dict[Any, float] = dict(graph.nodes(data="duration"))
    order = list(nx.topological_sort(graph))
    early: dict[Any, float] = {}
    for node in order:
        start = 0.0
        for pred, link in graph.pred[node].items():
            bound = early[pred] + _offset(link, duration[pred], duration[node])
            if bound > start:
                start = bound
        early[node] = start
    length = max((early[node] + duration[node] for node in order), default=0.0)
    late: dict[Any, float] = {}
    for node in reversed(order):
        start = length - duration[node]
        for succ, link in graph.succ[node].items():
            bound = late[succ] - _offset(link, duration[node], duration[succ])
            if bound < start:
                start = bound
        late[node] = start
    return early, late, length


def _in_order(values: Mapping[Any, float], nodes: list[Any]) -> FloatArray:
    return np.fromiter((values[node] for node in nodes), np.float64, len(nodes))


def from_arrays(network: Network) -> Answer:
    """networkx on the network's arrays (nodes are task numbers)."""
    links = zip(
        network.pred.tolist(),
        network.succ.tolist(),
        network.kind.tolist(),
        network.lag.tolist(),
        strict=True,
    )
    early, late, length = passes(graph_of(enumerate(network.duration.tolist()), links))
    nodes = list(range(network.duration.size))
    return _in_order(early, nodes), _in_order(late, nodes), length


def from_csv(path: Path) -> tuple[list[str], Answer]:
    """Read the CSV with the csv module, then networkx; also the ids in file order."""
    with path.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    ids = [row["id"] for row in rows]
    graph = graph_of(
        ((row["id"], float(row["duration"])) for row in rows),
        (
            (pred, row["id"], 0, 0.0)
            for row in rows
            for pred in row["depends_on"].split(";")
            if pred
        ),
    )
    early, late, length = passes(graph)
    return ids, (_in_order(early, ids), _in_order(late, ids), length)


def from_json(path: Path, out: Path) -> Answer:
    """Read the JSON plan, schedule with networkx, write a JSON result like ``--json``."""
    tasks = json.loads(path.read_text(encoding="utf-8"))["tasks"]
    codes = {name: code for code, name in enumerate(TYPE_NAMES)}

    def links() -> Iterator[tuple[str, str, int, float]]:
        for task in tasks:
            for entry in task.get("depends_on", ()):
                if isinstance(entry, str):
                    yield entry, task["id"], 0, 0.0
                else:
                    yield entry["task"], task["id"], codes[entry["type"]], entry["lag"]

    early, late, length = passes(graph_of(((t["id"], t["duration"]) for t in tasks), links()))
    rows = []
    for task in tasks:
        node, duration = task["id"], task["duration"]
        es, ls = early[node], late[node]
        rows.append(
            {
                "id": node,
                "name": task["name"],
                "duration": duration,
                "es": es,
                "ef": es + duration,
                "ls": ls,
                "lf": ls + duration,
                "total_float": ls - es,
                "critical": abs(ls - es) <= 1e-9 * max(1.0, abs(ls), abs(es)),
            }
        )
    out.write_text(json.dumps({"duration": length, "tasks": rows}), encoding="utf-8")
    ids = [task["id"] for task in tasks]
    return _in_order(early, ids), _in_order(late, ids), length

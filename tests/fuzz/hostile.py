"""Hostile inputs for the fuzz suite: texts, numbers, mutations of a method's example, the
bytes a careless or malicious user could hand a command, and option values.

The strategies start from a method's own example (loaded as the dict a user's YAML loads to)
and break it: keys dropped, duplicated (written back as YAML aliases: a shared object is an
anchor and ``*alias``), retyped, renamed; values replaced by hostile texts or numbers, wrapped in
deep nesting; then the document is written as YAML or JSON (NaN and Infinity included, as
Python writes them), re-encoded (BOM, UTF-16, Latin-1), truncated or sprinkled with random
bytes, or prefixed with YAML tags that must never be evaluated.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import sys
from collections.abc import Iterator
from typing import Any

import yaml
from hypothesis import strategies as st

from mgmt_tools.registry.options import Option

__all__ = [
    "HOSTILE_NUMBERS",
    "HOSTILE_TEXTS",
    "YAML_SNIPPETS",
    "documents",
    "encoded",
    "hostile_values",
    "option_arguments",
    "raw_texts",
]

HOSTILE_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "\t\n\r ",
    "\x00",
    "a\x00b",
    "\x07\x08\x0b\x0c\x7f",
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[H",
    "\x9b31m",
    "\ud800",
    "name \udfff end",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\u200b",
    "\ufeff",
    "\u2028\u2029\x85",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "+1+1",
    "-2-3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "客户尽调",
    "ﾃｽﾄ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉",
    "a" * 100_001,
    "x" * 5_000,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "]]><!--",
    '"; label="x',
    "a -> b",
    "{}[]|<>",
    "\\",
    "\\N",
    "$(touch pwned)",
    "`id`",
    "../../../../etc/passwd",
    "/etc/passwd",
    "/dev/null",
    "C:\\Windows\\win.ini",
    "%s%s%s%n",
    "{0.__class__}",
    "null",
    "~",
    "yes",
    "NO",
    "010",
    "0x1F",
    "1_000",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    ".inf",
    "1/0",
    "0/0",
    "1e308",
    "1e999",
    "-0",
    "9999-12-31",
    "10000-01-01",
    "0000-00-00",
    "2024-02-30",
    "#comment",
    "*alias",
    "&anchor",
    "!!python/object/apply:os.system",
    "<<",
    "---",
    "...",
)
"""Texts that break naive escaping, encoding, CSV, terminals, parsers or spreadsheets."""

HOSTILE_NUMBERS: tuple[Any, ...] = (
    0,
    -0.0,
    1,
    -1,
    0.5,
    1e308,
    -1e308,
    1.7976931348623157e308,
    1e-320,
    5e-324,
    2**53 + 1,
    10**40,
    -(10**40),
    10**4000 - 1,  # 4,000 digits (Python prints at most 4,300; the corpus has 5,000)
    math.inf,
    -math.inf,
    math.nan,
    True,
    False,
    None,
)
"""Numbers at and past the edges of a float, and the values that pass for numbers."""

YAML_SNIPPETS: tuple[str, ...] = (
    "fuzz_tag: !!python/object/apply:os.system ['touch PWNED']\n",
    "fuzz_tag: !!python/object/new:subprocess.Popen [['touch', 'PWNED']]\n",
    "fuzz_tag: !!python/name:os.system\n",
    "fuzz_bin: !!binary aGVsbG8=\n",
    "fuzz_set: !!set {a, b}\n",
    "fuzz_ts: !!timestamp 2001-12-14t21:59:43.10-05:00\n",
    "fuzz_float: !!float .nan\n",
    "fuzz_custom: !custom {x: 1}\n",
    "fuzz_anchor: &a {x: 1}\nfuzz_merge: {<<: *a, y: 2}\n",
    "fuzz_merge_bad: {<<: [1, 2]}\n",
    "? [complex, key]\n: value\n",
    "fuzz_dup: 1\nfuzz_dup: 2\n",
    "fuzz_unknown_alias: *nowhere\n",
    "%YAML 1.1\n---\n",
    "--- !!map\n",
    "\x1b[31mescape_key\x1b[0m: 1\n",
    "fuzz_laughs: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
    "fuzz_l1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]\n"
    "fuzz_l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]\n"
    "fuzz_l3: [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]\n",
)
"""Lines put in front of a YAML mapping: tags that must never be evaluated (a ``PWNED`` file
appearing would show one was), aliases, merge keys, duplicates, a small alias fan-out."""


def hostile_values() -> st.SearchStrategy[Any]:
    """A hostile scalar, or a small structure of them, or random Hypothesis data."""
    scalars = st.one_of(
        st.sampled_from(HOSTILE_TEXTS),
        st.sampled_from(HOSTILE_NUMBERS),
        st.text(max_size=30),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text()), inner, max_size=3
            ),
        ),
        max_leaves=6,
    )


def _paths(document: Any) -> list[tuple[Any, ...]]:
    """Paths to the nodes of a loaded document (the root is ``()``), each shared object
    once, at most 60 levels down and 5,000 paths: enough to break it anywhere that matters."""
    found: list[tuple[Any, ...]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack and len(found) < 5_000:
        node, path = stack.pop()
        found.append(path)
        if id(node) in seen or len(path) > 60:
            continue
        if isinstance(node, dict | list):
            seen.add(id(node))
        if isinstance(node, dict):
            stack += [(value, (*path, key)) for key, value in node.items()]
        elif isinstance(node, list):
            stack += [(value, (*path, index)) for index, value in enumerate(node)]
    return found


def _at(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        root = root[step]
    return root


def _nested(value: Any, depth: int, as_list: bool) -> Any:
    for _ in range(depth):
        value = [value] if as_list else {"k": value}
    return value


MUTATIONS = ("drop", "duplicate", "share", "retype", "rename", "add", "empty", "nest")


@st.composite
def documents(draw: st.DrawFn, example: Any) -> Any:
    """``example`` (a loaded document) with one to four mutations."""
    with _deep():
        document = copy.deepcopy(example)
        for _ in range(draw(st.integers(1, 4))):
            paths = _paths(document)
            path = draw(st.sampled_from(paths))
            node = _at(document, path)
            mutation = draw(st.sampled_from(MUTATIONS))
            if mutation in ("retype", "nest") and path:
                parent = _at(document, path[:-1])
                if mutation == "retype":
                    parent[path[-1]] = draw(hostile_values())
                else:
                    depth = draw(st.sampled_from([2, 50, 150, 250, 400, 1100]))
                    parent[path[-1]] = _nested(node, depth, draw(st.booleans()))
            elif mutation == "drop" and path:
                parent = _at(document, path[:-1])
                del parent[path[-1]]
            elif isinstance(node, list) and node:
                item = draw(st.sampled_from(node))
                if mutation == "duplicate":
                    node.append(copy.deepcopy(item))
                elif mutation == "share":  # the same object twice: YAML writes an alias
                    node.extend([item] * draw(st.integers(1, 3000)))
                elif mutation == "empty":
                    node.clear()
                else:
                    node.insert(draw(st.integers(0, len(node))), draw(hostile_values()))
            elif isinstance(node, dict):
                if mutation == "rename" and node:
                    old = draw(st.sampled_from(sorted(node, key=str)))
                    node[draw(st.sampled_from(HOSTILE_TEXTS))] = node.pop(old)
                elif mutation == "empty":
                    node.clear()
                elif mutation == "share" and node:  # a sibling's value reused: an alias
                    key = draw(st.sampled_from(sorted(node, key=str)))
                    node[f"{key}_again"] = node[key]
                else:
                    node[draw(st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text()))] = draw(
                        hostile_values()
                    )
            elif not path:
                document = draw(hostile_values())
        return document


@contextlib.contextmanager
def _deep() -> Iterator[None]:
    """Room for the writers to recurse through a document nested 1,100 levels."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def _dump_yaml(document: Any) -> str:
    with _deep():
        try:
            return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)
        except (yaml.YAMLError, RecursionError, ValueError):
            return _dump_json(document, False)


def _dump_json(document: Any, ensure_ascii: bool) -> str:
    with _deep():
        try:
            return json.dumps(document, ensure_ascii=ensure_ascii, default=str)
        except (ValueError, RecursionError, TypeError):
            return "{}"


@st.composite
def raw_texts(draw: st.DrawFn, document: Any, fmt: str) -> str:
    """``document`` written as ``fmt`` (yaml or json), sometimes with YAML snippets first."""
    if fmt == "json":
        return _dump_json(document, draw(st.booleans()))
    text = _dump_yaml(document)
    if isinstance(document, dict) and draw(st.integers(0, 3)) == 0:
        text = draw(st.sampled_from(YAML_SNIPPETS)) + text
    return text


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as the bytes of a file: UTF-8 mostly; else with a BOM, UTF-16, Latin-1,
    truncated, with random bytes spliced in, or random bytes only."""
    data = text.encode("utf-8", "surrogatepass")
    how = draw(
        st.sampled_from(
            ["utf-8"] * 6 + ["bom", "utf-16", "latin-1", "truncate", "splice", "random", "nul"]
        )
    )
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    if how == "latin-1":
        return text.encode("latin-1", "replace")
    if how == "truncate" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "splice":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    if how == "random":
        return draw(st.binary(max_size=200))
    if how == "nul":
        return data.replace(b"\n", b"\n\x00", 1)
    return data


def _values(option: Option) -> st.SearchStrategy[str]:
    """Hostile command-line values for ``option`` (bounded where a big one would only cost
    time or memory in this process: --simulate and --draws; the corpus tries big ones)."""
    edges = st.sampled_from(
        ["0", "-1", "nan", "inf", "-inf", "1e308", "-0", "1e-320", "", " ", "1/0", "\x1b[2J"]
    )
    kind = option.kind
    if option.name in ("simulate", "draws"):
        return st.one_of(st.integers(-2, 300).map(str), edges)
    if kind == "int":
        return st.one_of(st.integers(-5, 50).map(str), st.just(str(10**40)), edges)
    if kind == "float":
        return st.one_of(st.floats().map(repr), edges)
    if kind == "choice":
        return st.one_of(st.sampled_from(option.choices), st.sampled_from(HOSTILE_TEXTS[:12]))
    if kind == "date":
        return st.sampled_from(
            ["2027-06-30", "9999-12-31", "10000-01-01", "0001-01-01", "2024-02-30", "today"]
        )
    if kind == "path":
        return st.sampled_from(["missing.csv", "/etc/passwd", "/dev/null", ".", "-"])
    return st.one_of(st.sampled_from(HOSTILE_TEXTS[:60]), st.text(max_size=20), edges)


@st.composite
def option_arguments(draw: st.DrawFn, options: tuple[Option, ...]) -> list[str]:
    """Zero to two of ``options`` on the command line, with hostile values."""
    if not options:
        return []
    chosen = draw(st.lists(st.sampled_from(options), max_size=2, unique_by=lambda o: o.name))
    arguments: list[str] = []
    for option in chosen:
        if option.kind == "flag":
            arguments.append(option.cli_flag)
        else:
            arguments += [option.cli_flag, draw(_values(option))]
    return arguments

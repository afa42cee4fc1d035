"""The fuzz corpus (issue #14, item 7): hostile inputs that once hung a command, exhausted its
memory, crashed it or leaked through it, each run under the rules of
:func:`tests.fuzz.checks.violations` and the case's own (no formula cell in a CSV, no content
of a file the input merely names): in-process, or, for an input built to hang or exhaust
memory and for drawings, as ``python -m mgmt_cli`` in a child process bounded in time (killed
as a hang) and memory (2 GB of address space).

Every file under ``tests/fuzz/corpus/<command>/`` is run by ``mgmt <command> FILE --json``
(``mgmt report FILE -o out.html`` for reports) unless it is a companion read by another input;
:data:`CASES` adds the runs that need other options and the inputs too big to keep in the
repository (built by a function when the test runs). The corpus is copied to a fresh folder for
each run, which must hold nothing new afterwards but the case's target.

A case the library still fails is marked ``xfail(strict=True)`` in :data:`XFAIL` with its cause:
when the fix lands the test passes, strict xfail reports that as a failure, and the mark is
removed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.fuzz import budget
from tests.fuzz.checks import Run, formula_cells, listing, run_in_child, run_in_process, violations

pytestmark = pytest.mark.fuzz

CORPUS = Path(__file__).resolve().parent / "corpus"

TIMEOUT = 25.0
"""Seconds a child run may take before it is killed as a hang: above ``--render-timeout 5``
that every drawing case passes, and the start of a Python process with numpy."""

RENDER = ("--render-timeout", "5")

COMPANIONS = frozenset({"index/not-a-table.csv", "pareto/formula-cells.csv"})
"""Corpus files read by another input, not run on their own."""

IN_CHILD = frozenset({"pert/billion-laughs.yaml", "goals/alias-tree.yaml"})
"""Corpus files built to exhaust memory or time: run in a bounded child process."""


@dataclass(frozen=True)
class Case:
    """One run: ``args`` in ``corpus/<folder>`` (a copy); ``make`` writes a generated input
    there first; ``target`` is the one new file allowed; ``hidden`` are texts that must
    appear in no output (content of a file the input names); ``csv`` an output whose cells
    must not start a spreadsheet formula; ``slow`` the CPU seconds the run may use."""

    id: str
    folder: str
    args: tuple[str, ...]
    target: str | None = None
    make: Callable[[Path], None] | None = None
    hidden: tuple[str, ...] = ()
    csv: str | None = None
    no_graphviz: bool = False
    slow: float = 10.0
    timeout: float = TIMEOUT
    """Wall-clock seconds before a child run is killed as a hang."""
    child: bool = False
    """Run in a child process bounded in time and memory (an input built to hang or to
    exhaust memory, or a drawing), not in-process (fast)."""


def _wide_decision(folder: Path) -> None:
    """A decision whose root has 3,000 branches (rendering hung for minutes)."""
    branches = "\n".join(f"    - {{name: b{i}, payoff: {i}}}" for i in range(3000))
    text = "name: Wide\nobjective: max\nroot:\n  type: decision\n  name: Pick\n"
    text += f"  branches:\n{branches}\n"
    (folder / "wide-3000.yaml").write_text(text, encoding="utf-8")


def _long_name(folder: Path) -> None:
    """A plan with a 1 MB task name (rendering hung for minutes)."""
    text = f"tasks:\n  - {{id: A, name: {'x' * 1_000_000}, duration: 1}}\n"
    (folder / "long-name.yaml").write_text(text, encoding="utf-8")


def _strata(folder: Path) -> None:
    """Complaints in 100,000 strata (``pareto --by`` ran out of memory); 20,000 outside
    ``make fuzz`` (7 s of CPU for 100,000)."""
    count = 100_000 if budget.FUZZING else 20_000
    lines = ["reason,branch"] + [f"r{i % 7},branch {i}" for i in range(count)]
    (folder / "strata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _long_text_under_number(folder: Path) -> None:
    """A text past the length limit under a key that YAML reads as a number (found by
    ``make fuzz``: the message's path had a float in it)."""
    text = f"effect: E\ncategories:\n  Machines:\n    - cause: A\n      1e999: [{'a' * 100_001}]\n"
    (folder / "long-text-under-number.yaml").write_text(text, encoding="utf-8")


def _example(relative: str, name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        shutil.copy(EXAMPLES / relative, folder / name)

    return make


def _output_dir(folder: Path) -> None:
    _example("pert/supply-chain-onboarding.yaml", "plan.yaml")(folder)
    (folder / "out.svg").mkdir()


def _md_pictures(folder: Path) -> None:
    """A report whose Markdown pictures would land on files that are already there."""
    _example("rank/weekly-todo.yaml", "todo.yaml")(folder)
    text = "title: Pictures\nsections:\n  - {method: rank, input: todo.yaml}\n"
    (folder / "pictures.yaml").write_text(text, encoding="utf-8")
    (folder / "r_files").mkdir()
    for name in ("r-1-rank.svg", "r-1-rank.png", "r-1.svg"):
        (folder / "r_files" / name).write_text("precious\n", encoding="utf-8")
        (folder / name).write_text("precious\n", encoding="utf-8")


CASES: tuple[Case, ...] = (
    Case(
        "decision-deep-100-svg",
        "decision",
        ("decision", "deep-100-levels.yaml", "-o", "out.svg", *RENDER),
        "out.svg",
        slow=20,
        child=True,
    ),
    Case(
        "decision-wide-3000-svg",
        "decision",
        ("decision", "wide-3000.yaml", "-o", "out.svg", *RENDER),
        "out.svg",
        _wide_decision,
        slow=20,
        child=True,
    ),
    Case(
        "decision-wide-3000-json",
        "decision",
        ("decision", "wide-3000.yaml", "--json"),
        make=_wide_decision,
    ),
    Case(
        "decision-billion-laughs", "pert", ("decision", "billion-laughs.yaml", "--json"), child=True
    ),
    Case(
        "goals-billion-laughs",
        "pert",
        ("goals", "billion-laughs.yaml", "-o", "out.svg"),
        "out.svg",
        child=True,
    ),
    Case(
        "pert-long-name-svg",
        "pert",
        ("pert", "long-name.yaml", "-o", "out.svg", *RENDER),
        "out.svg",
        _long_name,
        slow=20,
        child=True,
    ),
    Case("pert-long-name-json", "pert", ("pert", "long-name.yaml", "--json"), make=_long_name),
    Case(
        "ahp-huge-values-svg",
        "ahp",
        ("ahp", "huge-values.yaml", "-o", "out.svg", *RENDER),
        "out.svg",
        slow=20,
        child=True,
    ),
    Case(
        "goals-deep-330-raised",
        "goals",
        ("goals", "deep-330-levels.yaml", "--json", "--max-depth", "5000"),
    ),
    Case(
        "goals-deep-330-svg-raised",
        "goals",
        ("goals", "deep-330-levels.yaml", "-o", "out.svg", "--max-depth", "5000", *RENDER),
        "out.svg",
        slow=20,
        child=True,
    ),
    Case("pert-lone-surrogate-text", "pert", ("pert", "lone-surrogate.json")),
    Case(
        "pert-lone-surrogate-csv",
        "pert",
        ("pert", "lone-surrogate.json", "-o", "out.csv"),
        "out.csv",
    ),
    Case(
        "pert-lone-surrogate-svg",
        "pert",
        ("pert", "lone-surrogate.json", "-o", "out.svg"),
        "out.svg",
    ),
    Case(
        "pert-past-9999-mspdi", "pert", ("pert", "past-year-9999.yaml", "-o", "out.xml"), "out.xml"
    ),
    Case(
        "gantt-past-9999-svg", "pert", ("gantt", "past-year-9999.yaml", "-o", "out.svg"), "out.svg"
    ),
    Case(
        "pert-deadline-past-9999",
        "pert",
        ("pert", "plan.yaml", "--deadline", "10000-01-01", "--json"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
    ),
    Case("pert-empty-name-svg", "pert", ("pert", "empty-name.yaml", "-o", "out.svg"), "out.svg"),
    Case("pert-empty-name-dot", "pert", ("pert", "empty-name.yaml", "-o", "out.dot"), "out.dot"),
    Case(
        "rank-formula-csv",
        "rank",
        ("rank", "formula-names.yaml", "-o", "out.csv"),
        "out.csv",
        csv="out.csv",
    ),
    Case(
        "pert-formula-csv",
        "pert",
        ("pert", "formula-names.yaml", "-o", "out.csv"),
        "out.csv",
        csv="out.csv",
    ),
    Case("pert-escape-key-text", "pert", ("pert", "escape-in-unknown-key.yaml")),
    Case("pert-escape-key-json-text", "pert", ("pert", "escape-in-unknown-key.json")),
    Case(
        "index-names-other-file",
        "index",
        ("index", "names-secret.yaml", "--json"),
        hidden=("SECRET",),
    ),
    Case(
        "pareto-100k-strata",
        "pareto",
        ("pareto", "strata.csv", "--column", "reason", "--by", "branch", "--json"),
        make=_strata,
        slow=20,
        child=True,
    ),
    Case(
        "pareto-formula-cells-csv",
        "pareto",
        ("pareto", "formula-cells.csv", "--column", "reason", "-o", "out.csv"),
        "out.csv",
        csv="out.csv",
    ),
    Case(
        "pareto-hostile-counts-csv",
        "pareto",
        ("pareto", "hostile-counts.yaml", "-o", "out.csv"),
        "out.csv",
        csv="out.csv",
    ),
    Case(
        "pareto-hostile-counts-text",
        "pareto",
        ("pareto", "hostile-counts.yaml"),
    ),
    Case(
        "fishbone-hostile-names-svg",
        "fishbone",
        ("fishbone", "hostile-names.yaml", "-o", "out.svg"),
        "out.svg",
        child=True,
    ),
    Case(
        "fishbone-hostile-names-md",
        "fishbone",
        ("fishbone", "hostile-names.yaml", "-o", "out.md"),
        "out.md",
    ),
    Case(
        "pareto-cutoff-nan",
        "pareto",
        ("pareto", "counts.yaml", "--cutoff", "nan", "--json"),
        make=_example("pareto/complaint-counts.yaml", "counts.yaml"),
    ),
    Case(
        "pareto-top-huge",
        "pareto",
        ("pareto", "counts.yaml", "--top", "9" * 400, "--json"),
        make=_example("pareto/complaint-counts.yaml", "counts.yaml"),
    ),
    Case(
        "pert-simulate-huge",
        "pert",
        ("pert", "plan.yaml", "--simulate", "1000000000000", "--seed", "1", "--json"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
        slow=20,
        timeout=12,
        child=True,
    ),
    Case(
        "pert-output-disk-full",
        "pert",
        ("pert", "plan.yaml", "-o", "/dev/full", "-f", "json"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
    ),
    Case(
        "pert-deadline-nan",
        "pert",
        ("pert", "plan.yaml", "--deadline", "nan", "--json"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
    ),
    Case(
        "goals-on-track-nan",
        "goals",
        ("goals", "goals.yaml", "--on-track", "nan", "--json"),
        make=_example("goals/deposit-growth-2027.yaml", "goals.yaml"),
    ),
    Case(
        "index-vikor-v-inf",
        "index",
        ("index", "index.yaml", "--method", "vikor", "--vikor-v", "inf", "--json"),
        make=_example("index/cash-management-platform.yaml", "index.yaml"),
    ),
    Case(
        "decision-vary-nan",
        "decision",
        ("decision", "tree.yaml", "--vary", "margin=nan:1:3", "--json"),
        make=_example("decision/credit-line-steel.yaml", "tree.yaml"),
    ),
    Case(
        "decision-vary-huge-steps",
        "decision",
        ("decision", "tree.yaml", "--vary", "margin=0:1:1000000000", "--json"),
        make=_example("decision/credit-line-steel.yaml", "tree.yaml"),
        timeout=12,
        child=True,
    ),
    Case(
        "index-draws-huge",
        "index",
        ("index", "index.yaml", "--sensitivity", "--draws", "1000000000000", "--json"),
        make=_example("index/cash-management-platform.yaml", "index.yaml"),
        timeout=12,
        child=True,
    ),
    Case(
        "fishbone-long-text-under-number-key",
        "fishbone",
        ("fishbone", "long-text-under-number.yaml", "--json"),
        make=_long_text_under_number,
    ),
    Case(
        "pert-deadline-escape-codes",
        "pert",
        ("pert", "plan.yaml", "--deadline", "\x1b]0;title\x07\x1b[2J"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
    ),
    Case(
        "pert-output-is-a-folder", "pert", ("pert", "plan.yaml", "-o", "out.svg"), make=_output_dir
    ),
    Case(
        "pert-output-is-the-input",
        "pert",
        ("pert", "plan.yaml", "-o", "plan.yaml", "-f", "json"),
        make=_example("pert/supply-chain-onboarding.yaml", "plan.yaml"),
    ),
    Case(
        "pert-dot-fallback-onto-input",
        "pert",
        ("pert", "plan.dot", "--input-format", "yaml", "-o", "plan.svg"),
        "plan.svg",
        _example("pert/supply-chain-onboarding.yaml", "plan.dot"),
        no_graphviz=True,
    ),
    Case(
        "report-md-keeps-pictures",
        "report",
        ("report", "pictures.yaml", "-o", "r.md"),
        "r.md",
        _md_pictures,
    ),
)
"""Runs beyond each corpus file's default one."""

XFAIL: dict[str, str] = {}
"""Case id -> the cause it still fails with (#14); the mark goes when the fix lands."""


def _default_cases() -> list[Case]:
    """``mgmt <folder> FILE --json`` (a report: ``-o out.html``) for every corpus file."""
    cases = []
    for path in sorted(CORPUS.glob("*/*")):
        relative = f"{path.parent.name}/{path.name}"
        if relative in COMPANIONS or not path.is_file():
            continue
        command = path.parent.name
        if command == "report":
            args: tuple[str, ...] = ("report", path.name, "-o", "out.html")
            cases.append(Case(relative, command, args, "out.html"))
        else:
            args = (command, path.name, "--json")
            cases.append(Case(relative, command, args, child=relative in IN_CHILD))
    return cases


ALL = (*_default_cases(), *CASES)


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[pytest.mark.xfail(strict=True, reason=f"#14: {XFAIL[case.id]}")]
            if case.id in XFAIL
            else [],
        )
        for case in ALL
    ]


def run_case(case: Case, tmp_path: Path) -> tuple[Run, list[str]]:
    """Run ``case`` in a copy of the corpus under ``tmp_path``: the run and what it broke."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    folder = tmp_path / "corpus" / case.folder
    if case.make:
        case.make(folder)
    env = None
    if case.no_graphviz:
        (tmp_path / "empty-path").mkdir()
        env = {"PATH": str(tmp_path / "empty-path")}
    before = listing(tmp_path)
    if case.child or case.no_graphviz:
        run = run_in_child(case.args, folder, case.timeout, env=env)
    else:
        here = Path.cwd()
        os.chdir(folder)
        try:
            run = run_in_process(case.args)
        finally:
            os.chdir(here)
    after = listing(tmp_path)
    target = {f"corpus/{case.folder}/{case.target}"} if case.target else set()
    if case.args[0] == "report" and case.target:  # its pictures, in a folder named after it
        stem = case.target.rsplit(".", 1)[0]
        pictures = f"corpus/{case.folder}/{stem}_files"
        target |= {p for p in after.keys() - before.keys() if p.startswith(f"{pictures}/")}
        target |= {pictures}
    broken = violations(
        run,
        json_out="--json" in case.args,
        before=before,
        after=after,
        allowed=target,
        slow=case.slow,
    )
    shown = run.out + run.err
    broken += [
        f"shows {text!r} from a file it should not echo" for text in case.hidden if text in shown
    ]
    if case.csv and run.code == 0:
        cells = formula_cells((folder / case.csv).read_text(encoding="utf-8"))
        if cells:
            broken.append(f"formula cells in the CSV: {cells[:3]}")
    return run, broken


@pytest.mark.parametrize("case", _params())
def test_corpus(case: Case, tmp_path: Path) -> None:
    run, broken = run_case(case, tmp_path)
    assert not broken, (
        f"mgmt {' '.join(a[:60] for a in case.args)} (in corpus/{case.folder}): exit {run.code}, "
        f"{run.seconds:.1f} s: {'; '.join(broken)}; first error line: {run.first_error_line()!r}"
    )


def test_every_case_names_an_existing_folder() -> None:
    folders = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert {case.folder for case in CASES} <= folders
    assert set(XFAIL) <= {case.id for case in ALL}
    assert all((CORPUS / name).is_file() for name in COMPANIONS)

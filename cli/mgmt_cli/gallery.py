"""The picture gallery: every picture the commands draw, in English and Chinese, beside the
command that drew it (``docs/gallery.md``, pictures in ``docs/images/``).

``python -m mgmt_cli.gallery`` (``make gallery``) runs each command of :data:`PICTURES` in
this process, writes its PNG to ``docs/images/NAME.png`` and the page; ``--check`` exits 1
when the page is not the one :func:`page` writes, or a picture is missing, or a picture under
``docs/images/`` is not in the gallery (the pictures of the method pages are gallery pictures
too, so ``make gallery`` redraws every picture of the docs). A test runs the same check, and
the geometry test of the gallery draws every entry and holds it to the style's rules (no text
overlapping text or leaving the canvas, legible on an A4 page and a slide).

Add a picture: an entry in :data:`PICTURES` (its ``name`` is the file's stem), then
``make gallery``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PICTURES", "Picture", "check", "draw", "main", "page"]

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
IMAGES = DOCS / "images"
PAGE = DOCS / "gallery.md"


@dataclass(frozen=True)
class Picture:
    """One picture of the gallery: ``mgmt COMMAND... -o docs/images/NAME.png``."""

    name: str
    """The file's stem under docs/images/."""
    section: str
    """The gallery's heading it is shown under (the command's picture)."""
    caption: str
    command: tuple[str, ...]
    """The arguments after ``mgmt``, without ``-o``; paths relative to the repository."""

    @property
    def path(self) -> Path:
        return IMAGES / f"{self.name}.png"

    @property
    def shell(self) -> str:
        """The command as a user types it."""
        return " ".join(["mgmt", *self.command, "-o", f"docs/images/{self.name}.png"])


def _p(name: str, section: str, caption: str, command: str) -> Picture:
    return Picture(name, section, caption, tuple(command.split()))


PICTURES: tuple[Picture, ...] = (
    # pert and gantt
    _p(
        "pert-network",
        "PERT network",
        "Activity-on-node network of a supplier onboarding plan",
        "pert examples/pert/supply-chain-onboarding.yaml",
    ),
    _p(
        "pert-network-zh",
        "PERT network",
        "信用卡新品上线计划的网络图",
        "pert examples/pert/card-launch-zh.yaml --lang zh",
    ),
    _p(
        "pert-gantt",
        "Gantt chart",
        "Gantt chart of the supplier onboarding plan",
        "gantt examples/pert/supply-chain-onboarding.yaml",
    ),
    _p(
        "gantt-spring-festival-zh",
        "Gantt chart",
        "跨春节的网点升级计划甘特图（调休上班日）",
        "gantt examples/pert/spring-festival-zh.yaml --lang zh",
    ),
    _p(
        "pert-risk",
        "Schedule risk",
        "Simulated finish dates of the supplier onboarding plan",
        "pert examples/pert/supply-chain-onboarding.yaml --simulate 10000 --seed 1",
    ),
    _p(
        "pert-risk-zh",
        "Schedule risk",
        "信用卡新品上线计划的工期风险",
        "pert examples/pert/card-launch-zh.yaml --simulate 10000 --seed 1 --lang zh",
    ),
    # decision
    _p(
        "decision-tree",
        "Decision tree",
        "Decision tree of a credit line to a steel trader",
        "decision examples/decision/credit-line-steel.yaml",
    ),
    _p(
        "decision-tree-zh",
        "Decision tree",
        "网点装修方案的决策树",
        "decision examples/decision/branch-renovation-zh.yaml --lang zh",
    ),
    _p(
        "decision-credit-line-risk-profile",
        "Risk profile",
        "Risk profiles of the root's alternatives",
        "decision examples/decision/credit-line-steel.yaml --chart risk-profile",
    ),
    _p(
        "decision-risk-profile-zh",
        "Risk profile",
        "网点装修方案的风险剖面",
        "decision examples/decision/branch-renovation-zh.yaml --chart risk-profile --lang zh",
    ),
    _p(
        "decision-sensitivity",
        "Sensitivity",
        "Sensitivity to the report's accuracy",
        "decision examples/decision/credit-line-steel.yaml --vary report_accuracy=0.5:1:11",
    ),
    _p(
        "decision-tornado",
        "Tornado",
        "Tornado of the credit-line example",
        "decision examples/decision/credit-line-steel.yaml --tornado --chart tornado",
    ),
    _p(
        "decision-tornado-zh",
        "Tornado",
        "网点装修方案的龙卷风图",
        "decision examples/decision/branch-renovation-zh.yaml --tornado --chart tornado --lang zh",
    ),
    # index and ahp
    _p(
        "index-hierarchy",
        "Index hierarchy",
        "Criteria and alternatives of a platform choice",
        "index examples/index/cash-management-platform.yaml",
    ),
    _p(
        "index-hierarchy-zh",
        "Index hierarchy",
        "网点选址的指标层次",
        "index examples/index/branch-site-zh.yaml --lang zh",
    ),
    _p(
        "index-ranking",
        "Ranking",
        "Scores of the cash-management platforms",
        "index examples/index/cash-management-platform.yaml --chart ranking",
    ),
    _p(
        "index-ranking-zh",
        "Ranking",
        "网点选址的得分排序",
        "index examples/index/branch-site-zh.yaml --chart ranking --lang zh",
    ),
    _p(
        "index-cash-management-acceptability",
        "Rank acceptability",
        "How often each platform takes each rank under random weights",
        "index examples/index/cash-management-platform.yaml --sensitivity --seed 1",
    ),
    _p(
        "index-contribution",
        "Contribution",
        "What each criterion adds to each platform's score",
        "index examples/index/cash-management-platform.yaml --chart contribution",
    ),
    _p(
        "index-contribution-zh",
        "Contribution",
        "网点选址各指标对得分的贡献",
        "index examples/index/branch-site-zh.yaml --chart contribution --lang zh",
    ),
    _p(
        "ahp-team-leader",
        "AHP hierarchy",
        "AHP hierarchy of the team-leader choice",
        "ahp examples/ahp/team-leader.yaml",
    ),
    _p(
        "ahp-core-system-vendor-zh",
        "AHP hierarchy",
        "核心系统供应商选择的层次分析",
        "ahp examples/ahp/core-system-vendor-zh.yaml --lang zh",
    ),
    _p(
        "ahp-contribution",
        "AHP contribution",
        "What each criterion adds to each candidate's overall priority",
        "ahp examples/ahp/team-leader.yaml --chart contribution",
    ),
    _p(
        "ahp-contribution-zh",
        "AHP contribution",
        "核心系统供应商各准则对总优先级的贡献",
        "ahp examples/ahp/core-system-vendor-zh.yaml --chart contribution --lang zh",
    ),
    # rank
    _p(
        "rank-weekly-todo",
        "Priority matrix",
        "Eisenhower matrix of a branch's week",
        "rank examples/rank/weekly-todo.yaml",
    ),
    _p(
        "rank-weekly-todo-zh",
        "Priority matrix",
        "客户经理本周待办的四象限",
        "rank examples/rank/rm-weekly-todo-zh.yaml --lang zh",
    ),
    _p(
        "rank-branch-initiatives",
        "Priority matrix",
        "Value / effort matrix of a branch's improvement ideas",
        "rank examples/rank/branch-initiatives.yaml",
    ),
    _p(
        "rank-branch-initiatives-zh",
        "Priority matrix",
        "网点改进设想的价值 / 工作量矩阵",
        "rank examples/rank/branch-initiatives-zh.yaml --lang zh",
    ),
    _p(
        "rank-mobile-app-backlog",
        "Priority ranking",
        "WSJF ranking of the mobile-app backlog",
        "rank examples/rank/mobile-app-backlog.yaml --chart ranking",
    ),
    _p(
        "rank-client-pipeline",
        "Priority ranking",
        "RICE ranking of a relationship manager's pipeline",
        "rank examples/rank/client-pipeline.yaml --chart ranking",
    ),
    # pareto
    _p(
        "pareto",
        "Pareto chart",
        "Complaints by reason",
        "pareto examples/pareto/complaints.csv --column reason",
    ),
    _p(
        "pareto-zh",
        "Pareto chart",
        "信用卡客户投诉原因",
        "pareto examples/pareto/card-complaints-zh.yaml --lang zh",
    ),
    _p(
        "pareto-by-branch",
        "Pareto chart",
        "Complaints by reason, one panel per branch",
        "pareto examples/pareto/complaints.csv --column reason --by branch",
    ),
    # fishbone and goals
    _p(
        "fishbone-slow-credit-approval",
        "Fishbone",
        "Causes of slow credit approval",
        "fishbone examples/fishbone/slow-credit-approval.yaml --highlight 3",
    ),
    _p(
        "fishbone-zh",
        "Fishbone",
        "信用卡投诉的鱼骨图",
        "fishbone examples/fishbone/card-complaints-zh.yaml --lang zh --highlight 2",
    ),
    _p(
        "goals",
        "Goal tree",
        "Deposit growth goals for 2027",
        "goals examples/goals/deposit-growth-2027.yaml",
    ),
    _p(
        "goals-zh",
        "Goal tree",
        "网点 2027 年存款目标树",
        "goals examples/goals/branch-deposits-2027-zh.yaml --lang zh",
    ),
)
"""Every picture of the docs, in the gallery's order."""


def page() -> str:
    """The gallery page's Markdown."""
    lines = [
        "# Gallery",
        "",
        "<!-- Generated by `make gallery` (python -m mgmt_cli.gallery): edit PICTURES in",
        "     cli/mgmt_cli/gallery.py, not this page. -->",
        "",
        "Every picture the commands draw, in English and Chinese, as the command beside it",
        "writes it: these files are pasted into reports as they are. Each is checked by the",
        "tests to keep its text apart (no label on another label or off the picture) and",
        "legible once fitted to the text block of an A4 page or to a 16:9 slide. The same",
        "pictures illustrate the method pages.",
        "",
    ]
    section = None
    for picture in PICTURES:
        if picture.section != section:
            section = picture.section
            lines += [f"## {section}", ""]
        lines += [
            f"**{picture.caption}**",
            "",
            "```sh",
            picture.shell,
            "```",
            "",
            f"![{picture.caption}](images/{picture.name}.png)",
            "",
        ]
    return "\n".join(lines)


def draw(picture: Picture, path: Path | None = None) -> None:
    """Run ``picture``'s command in this process, writing its PNG to ``path`` (by default
    its place under docs/images/); raise RuntimeError with the command's output if it fails."""
    import os

    from click.testing import CliRunner

    from mgmt_cli.main import cli

    target = path or picture.path
    runner = CliRunner()
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        outcome = runner.invoke(cli, [*picture.command, "-o", str(target)], catch_exceptions=True)
    finally:
        os.chdir(here)
    if outcome.exit_code != 0:
        raise RuntimeError(f"{picture.shell} failed ({outcome.exit_code}):\n{outcome.output}")


def check() -> list[str]:
    """What is out of date: the page, missing pictures, pictures that are not in the gallery."""
    problems = []
    if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != page():
        problems.append(f"{PAGE.relative_to(ROOT)} is stale")
    names = {picture.name for picture in PICTURES}
    problems += [
        f"{picture.path.relative_to(ROOT)} is missing"
        for picture in PICTURES
        if not picture.path.exists()
    ]
    problems += [
        f"{path.relative_to(ROOT)} is not drawn by the gallery"
        for path in sorted(IMAGES.glob("*.png"))
        if path.stem not in names
    ]
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mgmt_cli.gallery [--check] [NAME...]``: draw the named pictures (all by
    default) and write the page; ``--check`` only reports what is stale."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--check" in args:
        problems = check()
        for problem in problems:
            print(f"gallery: {problem}; run make gallery", file=sys.stderr)
        return 1 if problems else 0
    chosen = [p for p in PICTURES if not args or p.name in args]
    for picture in chosen:
        print(f"gallery: {picture.shell}", file=sys.stderr)
        draw(picture)
    PAGE.write_text(page(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

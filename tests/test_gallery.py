"""The gallery (docs/gallery.md, issue #16): current, complete, and every picture in it fit to
paste: no text on other text or off the picture, legible on an A4 page and on a slide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgmt_cli import gallery
from mgmt_tools.render import geometry
from mgmt_tools.render.style import LEGIBLE_SIZE

ROOT = Path(__file__).parent.parent

# Pictures that do not fit yet, while issue #16 is under way; strict, so a fixed one fails
# until it is taken off the list.
NOT_YET = frozenset(
    {
        "pert-network",
        "decision-tree",
        "decision-tornado-zh",
        "pareto-by-branch",
        "goals",
        "goals-zh",
    }
)


def test_gallery_is_current() -> None:
    assert gallery.check() == [], "run make gallery"


def test_every_picture_of_the_docs_is_a_gallery_picture() -> None:
    names = {picture.name for picture in gallery.PICTURES}
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    used = {
        (page.name, match)
        for page in pages
        for match in re.findall(r"images/([\w-]+)\.png", page.read_text(encoding="utf-8"))
    }
    assert used, "the docs show pictures"
    assert sorted(u for u in used if u[1] not in names) == []


def test_gallery_names_are_unique() -> None:
    names = [picture.name for picture in gallery.PICTURES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "picture",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True)) if p.name in NOT_YET else p
        for p in gallery.PICTURES
    ],
    ids=lambda p: p.name,
)
def test_gallery_picture_fits_a_report(picture: gallery.Picture, tmp_path: Path) -> None:
    with geometry.recorded() as drawn:
        gallery.draw(picture, tmp_path / f"{picture.name}.png")
    assert len(drawn) == 1
    drawing = drawn[0]
    problems = drawing.problems(pages=("slide",))
    a4 = max(drawing.printed_size("a4"), drawing.printed_size("a4-landscape"))
    if a4 < LEGIBLE_SIZE:
        problems.append(f"smallest text prints at {a4:.1f} pt on A4 (< {LEGIBLE_SIZE})")
    assert problems == [], picture.shell

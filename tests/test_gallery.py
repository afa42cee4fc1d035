"""The gallery (docs/gallery.md, issue #16): current, complete, and every picture in it fit to
paste: no text on other text or off the picture, legible on an A4 page and on a slide."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mgmt_cli import gallery
from mgmt_tools.render import geometry
from mgmt_tools.render.style import LEGIBLE_SIZE

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).parent.parent


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


@pytest.mark.parametrize("picture", gallery.PICTURES, ids=lambda p: p.name)
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
    assert _looks_the_same(tmp_path / f"{picture.name}.png", picture.path), (
        f"docs/images/{picture.name}.png is not what the code draws now: run make gallery"
    )


def _looks_the_same(drawn: Path, kept: Path, tolerance: float = 0.02) -> bool:
    """Whether two PNGs show the same picture: sizes within 2% and the mean difference of
    their 32 x 32 block averages (grey, 0..1) below ``tolerance`` and none above five times
    it, so a new font version's hinting passes and a changed drawing or colour does not."""
    import numpy as np
    from matplotlib.image import imread

    one, two = (np.asarray(imread(path), dtype=float) for path in (drawn, kept))
    if any(
        abs(a - b) > 0.02 * max(a, b) for a, b in zip(one.shape[:2], two.shape[:2], strict=True)
    ):
        return False
    differences = np.abs(_blocks(one) - _blocks(two))
    return bool(differences.mean() < tolerance and differences.max() < 5 * tolerance)


def _blocks(image: np.ndarray, count: int = 32) -> np.ndarray:
    import numpy as np

    grey = image[..., :3].mean(axis=2) if image.ndim == 3 else image
    return np.array(
        [
            [block.mean() for block in np.array_split(band, count, axis=1)]
            for band in np.array_split(grey, count, axis=0)
        ]
    )


def test_a_changed_picture_is_told_apart() -> None:
    pictures = {picture.name: picture.path for picture in gallery.PICTURES}
    assert _looks_the_same(pictures["pareto"], pictures["pareto"])
    assert not _looks_the_same(pictures["pareto"], pictures["pareto-zh"])
    assert not _looks_the_same(pictures["index-ranking"], pictures["ahp-team-leader"])


def test_a_recoloured_bar_is_told_apart(tmp_path: Path) -> None:
    import numpy as np
    from matplotlib.image import imread, imsave

    image = np.array(imread(gallery.IMAGES / "pareto.png"))
    height, width = image.shape[:2]
    image[height // 2 : height // 2 + 40, width // 3 : width // 3 + 40, :3] = 0.2
    imsave(tmp_path / "changed.png", image)
    assert not _looks_the_same(tmp_path / "changed.png", gallery.IMAGES / "pareto.png")

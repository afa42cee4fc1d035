"""The one visual style of every picture: fonts, colours, sizes, title placement and the
pages pictures are pasted into.

Diagrams (Graphviz, :mod:`mgmt_tools.render.dot`) and charts (matplotlib,
:mod:`mgmt_tools.render.charts`) both read their look from here, so a critical task, the vital
few of a Pareto chart and the chosen branch of a decision tree share one accent colour, every
picture sets its text in the same fonts (Chinese first, so that a label in either language
shows), and titles sit in the same place: top left, bold, in :data:`TITLE_SIZE` points, with
notes such as "as of" on the line below in :data:`NOTE_SIZE`, never beside the legend.

:data:`PAGES` are the areas a picture is pasted into (the text block of an A4 page, a 16:9
slide); :mod:`mgmt_tools.render.geometry` measures how large a picture's smallest text prints
when fitted to one of them.

Examples
--------
>>> THEME.accent == CRITICAL == VITAL == CHOSEN
True
>>> PAGES["a4"].width, PAGES["slide"].aspect > 1
(6.3, True)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACCENT_TINT",
    "CATEGORIES",
    "CHOSEN",
    "CRITICAL",
    "DASHES",
    "DOTS",
    "DPI",
    "FONT_FAMILIES",
    "GOOD",
    "GOOD_FILL",
    "GREYS",
    "GRID",
    "LEGEND_SIZE",
    "LEGIBLE_SIZE",
    "NEUTRAL",
    "NOTE_SIZE",
    "PAGES",
    "PROGRESS",
    "QUADRANT_FILLS",
    "QUADRANT_INKS",
    "SHADE",
    "THEME",
    "TITLE_SIZE",
    "TRACK",
    "VALUE_SIZE",
    "VITAL",
    "WARNING",
    "Page",
    "Theme",
]

FONT_FAMILIES = (
    "Noto Sans CJK SC",  # the name fontconfig gives fonts-noto-cjk (Linux, CI)
    "Source Han Sans SC",  # the same design under Adobe's name
    "Microsoft YaHei",  # Windows
    "PingFang SC",  # macOS
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "DejaVu Sans",
    "Arial",
    "sans-serif",
)
"""Font families, first found wins: Pango (PNG/PDF) and browsers (SVG) both read the list."""


@dataclass(frozen=True)
class Theme:
    """Colours and fonts shared by every diagram."""

    accent: str = "#C0392B"
    """Critical tasks and links, the optimal branch, the vital few."""
    accent_fill: str = "#FDEDEC"
    ink: str = "#1F2933"
    """Text."""
    muted: str = "#616E7C"
    """Secondary text: ids, labels of the box's cells, notes."""
    line: str = "#7B8794"
    """Borders of ordinary boxes and links that drive their successor."""
    faint: str = "#9AA5B1"
    """Links with slack: present, but not what the eye should follow."""
    fill: str = "#FFFFFF"
    band_fill: str = "#F5F7FA"
    """Background of the rows of numbers in a box."""
    background: str = "white"
    font: str = ",".join(FONT_FAMILIES)
    font_size: float = 11.0
    small_size: float = 9.0


THEME = Theme()

CRITICAL = THEME.accent
"""Critical tasks and links of a plan."""
VITAL = THEME.accent
"""The vital few of a Pareto chart."""
CHOSEN = THEME.accent
"""The chosen (optimal) branch of a decision tree, the winner of a ranking."""

NEUTRAL = "#9AA5B1"
"""Fill of ordinary bars: a grey between the theme's line and faint colours."""
SHADE = "#ECEFF3"
"""Background of non-working days and other spans that are out of play."""
GRID = "#E4E7EB"
DASHES = (0, (4, 3))
"""Dash pattern of deadlines and other limits."""
DOTS = (0, (1.5, 1.5))
TITLE_SIZE, NOTE_SIZE = 12.0, 9.0
"""Points of a chart's title and of its notes (the line under the title, footnotes)."""
DPI = 150
"""Resolution of PNG charts: sharp enough to paste into a report."""


ACCENT_TINT = "#F2B8B1"
"""A light tint of the accent: a band behind the best value, under the lines."""
GOOD = "#2E7D4F"
"""Done, on target: borders, bars and words of goals met."""
GOOD_FILL = "#EEF7F1"
WARNING = "#D68910"
"""At risk: the amber between on track and off track."""
PROGRESS = "#52606D"
"""A progress bar of ordinary standing."""
TRACK = GRID
"""The unfilled part of a progress bar."""
GREYS = ("#3E4C59", "#D9DEE4")
"""The dark and light ends of a grey ramp (ranks after the first, in order)."""
QUADRANT_FILLS = ("#FDEDEC", "#EBF5FB", "#FEF9E7", "#F4F6F7")
"""Backgrounds of the four quadrants of a 2x2 matrix, best first (do / quick wins first)."""
QUADRANT_INKS = (THEME.accent, "#1F618D", "#9A7D0A", THEME.muted)
"""Dots, names and bars of the four quadrants' or priority categories' items, best first."""
CATEGORIES = (
    "#1F77B4",  # blue
    "#E69F00",  # amber
    "#2CA02C",  # green
    "#9467BD",  # purple
    "#17BECF",  # teal
    "#8C564B",  # brown
    "#AEC7E8",  # light blue
    "#FFBB78",  # light orange
    "#98DF8A",  # light green
    "#C5B0D5",  # lavender
    "#9EDAE5",  # light teal
    "#C49C94",  # light brown
)
"""Colours of categories without an order (criteria of a contribution chart), dark then light,
repeated beyond twelve: no red (the accent marks what matters) and no grey (out of focus)."""

VALUE_SIZE = 8.0
"""Points of the numbers and names written on or beside the data (bar values, dot labels)."""
LEGEND_SIZE = 8.5
"""Points of legend entries and keys."""


@dataclass(frozen=True)
class Page:
    """An area a picture is pasted into, in inches."""

    name: str
    width: float
    height: float

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height


PAGES = {
    "a4": Page("a4", 6.3, 9.7),
    "a4-landscape": Page("a4-landscape", 9.7, 6.3),
    "slide": Page("slide", 12.3, 5.9),
}
"""The text block of an A4 page (16 x 24.7 cm: 2.5 cm margins), upright and turned, and the
content area of a 16:9 slide (13.33 x 7.5 in less its title and margins)."""

LEGIBLE_SIZE = 6.0
"""The smallest text, in points, that stays readable in print once a picture is fitted to a
page: the gallery and the geometry tests hold pictures of typical inputs to it."""

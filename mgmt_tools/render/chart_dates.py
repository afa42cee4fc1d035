"""Date axes of charts: readable ticks in English and Chinese, matplotlib's day numbers, the
years it can draw, and the shading of non-working days.

Matplotlib and numpy are imported inside the functions: importing this module costs nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mgmt_tools import locale
from mgmt_tools.render.style import SHADE

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes

__all__ = ["MOST_SHADED_DAYS", "date_axis", "date_limits", "epoch", "shade_days"]


def date_axis(axes: Axes, days: float) -> None:
    """Readable date ticks for an axis spanning ``days`` days: Mondays up to four months
    (day ticks between them up to ten weeks), matplotlib's concise dates beyond."""
    from matplotlib import dates as mdates

    english = locale.current() == "en"
    if days <= 120:
        weeks = 1 if days <= 70 else 2
        mondays = mdates.WeekdayLocator(byweekday=mdates.MO, interval=weeks)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(mondays)
        from matplotlib.ticker import FuncFormatter

        def day_month(value: float, _position: int | None = None) -> str:
            return locale.day_month(mdates.num2date(value).date())  # type: ignore[no-untyped-call]

        axes.xaxis.set_major_formatter(FuncFormatter(day_month))
        if days <= 70:
            axes.xaxis.set_minor_locator(mdates.DayLocator())  # type: ignore[no-untyped-call]
    else:
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        if english:
            concise = mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        else:
            concise = _chinese_dates(
                locator,
                formats=["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"],
                zero_formats=["", "%Y年", "%m月", "%m月%d日", "%H:%M", "%H:%M"],
                offset_formats=[
                    "",
                    "%Y年",
                    "%Y年%m月",
                    "%Y年%m月%d日",
                    "%Y年%m月%d日",
                    "%Y年%m月%d日 %H:%M",
                ],
            )
        axes.xaxis.set_major_formatter(concise)


_LEADING_ZERO = re.compile(r"(?<!\d)0(\d)(?=[月日])")


def _chinese_dates(locator: Any, **formats: Any) -> Any:
    """matplotlib's concise dates with Chinese units and no leading zeros (``3月``, ``5日``)."""
    from matplotlib import dates as mdates

    class Concise(mdates.ConciseDateFormatter):
        def format_ticks(self, values: Any) -> list[str]:
            return [_LEADING_ZERO.sub(r"\1", label) for label in super().format_ticks(values)]  # type: ignore[no-untyped-call]

        def get_offset(self) -> str:
            return _LEADING_ZERO.sub(r"\1", str(super().get_offset()))  # type: ignore[no-untyped-call]

    return Concise(locator, **formats)  # type: ignore[no-untyped-call]


MOST_SHADED_DAYS = 1500
"""The longest span of days whose non-working days a chart shades (about four years)."""
_FIRST_DRAWN = datetime.date(1, 1, 1)
_LAST_DRAWN = datetime.date(9999, 12, 31)


def epoch() -> np.datetime64:
    """Day 0 of matplotlib's date numbers, as a ``numpy.datetime64`` day."""
    import numpy as np
    from matplotlib import dates as mdates

    day: str = mdates.get_epoch()  # type: ignore[no-untyped-call]
    return np.datetime64(day, "D")


def date_limits(low: float, high: float) -> tuple[float, float]:
    """``low`` and ``high`` (matplotlib date numbers) kept within the years matplotlib can
    draw, 0001 to 9999 (a plan may start on 0001-01-01; the margin must not leave year 1).

    >>> from datetime import date
    >>> from matplotlib import dates as mdates
    >>> low, high = date_limits(mdates.date2num(date(1, 1, 1)) - 5, 10.0)
    >>> mdates.num2date(low).year, high
    (1, 10.0)
    """
    from matplotlib import dates as mdates

    first = float(mdates.date2num(_FIRST_DRAWN))  # type: ignore[no-untyped-call]
    last = float(mdates.date2num(_LAST_DRAWN))  # type: ignore[no-untyped-call]
    return min(max(low, first), last), max(min(high, last), first)


def shade_days(axes: Axes, first: int, off: Sequence[bool] | Any) -> int:
    """Shade each run of days flagged in ``off`` (day ``first + i`` for flag ``i``, in
    matplotlib date numbers) behind the data; returns the number of shaded spans.

    Over more than :data:`MOST_SHADED_DAYS` days nothing is shaded: a day is then thinner
    than a pixel, and tens of thousands of spans would take minutes to draw."""
    import numpy as np

    if len(off) > MOST_SHADED_DAYS:
        return 0
    flags = np.asarray(off, dtype=bool)
    edges = np.diff(np.concatenate(([False], flags, [False])).astype(np.int8))
    begins, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    for begin, end in zip(begins.tolist(), ends.tolist(), strict=True):
        axes.axvspan(
            first + begin, first + end, color=SHADE, linewidth=0, zorder=0, gid="nonworking"
        )
    return len(begins)

"""The words every text of a schedule shares, in the reader's language: the project's name when
it has none, its time unit, its span, dates spelled out and the columns of the task table.

Translated when called (:mod:`mgmt_tools.locale`), so a text is written in the language current
when it is made. English output is the text of the code.

>>> from mgmt_tools.locale import using
>>> with using("zh"):
...     unit_name("days"), span_words(7.5, "days", "2027-03-01", "2027-03-10")
('天', '7.5 天，2027年3月1日至2027年3月10日')
>>> with using("en"):
...     unit_name("days"), span_words(7.5, "days", "2027-03-01", "2027-03-10")
('days', '7.5 days, 2027-03-01 to 2027-03-10')
"""

from __future__ import annotations

import datetime as dt

from mgmt_tools.locale import N_, _, date_text, pgettext

__all__ = ["column_names", "date_words", "project_words", "span_words", "unit_name"]

_UNITS = {
    "days": N_("days"),
    "day": N_("day"),
    "working days": N_("working days"),
    "weeks": N_("weeks"),
    "hours": N_("hours"),
    "months": N_("months"),
}
"""Time units written in English (``days`` is the default) and shown in the reader's words;
any other unit is the plan's own text."""


def unit_name(units: str) -> str:
    """The plan's time unit in the reader's language: the default ``days`` and the other
    English units translated, any other text as written."""
    known = _UNITS.get(units.strip().lower())
    return _(known) if known is not None else units


def project_words(project: str | None) -> str:
    """The project's title, or ``Project`` (in the reader's language) when it has none."""
    return project or _("Project")


def date_words(day: str | dt.date | None) -> str:
    """An ISO date spelled out for the reader (:func:`mgmt_tools.locale.date_text`)."""
    if day is None:
        return ""
    return date_text(dt.date.fromisoformat(day) if isinstance(day, str) else day)


def span_words(duration: str | float, units: str, start: str | None, finish: str | None) -> str:
    """``7.5 days``, or ``7.5 days, 2027-03-01 to 2027-03-10`` with dates (``duration``
    already formatted, or a number written with :func:`mgmt_tools.render.format_number`)."""
    if not isinstance(duration, str):
        from mgmt_tools.render import format_number

        duration = format_number(duration)
    unit = unit_name(units)
    if start is None:
        return _("{duration} {units}").format(duration=duration, units=unit)
    return _("{duration} {units}, {start} to {finish}").format(
        duration=duration, units=unit, start=date_words(start), finish=date_words(finish)
    )


def column_names(dated: bool) -> list[str]:
    """The headers of the task table: id, name, duration, the four dates, the two floats,
    critical, and the start and finish dates when ``dated``."""
    columns = [
        pgettext("schedule column", "id"),
        pgettext("schedule column", "name"),
        pgettext("schedule column", "dur"),
        pgettext("schedule column", "ES"),
        pgettext("schedule column", "EF"),
        pgettext("schedule column", "LS"),
        pgettext("schedule column", "LF"),
        pgettext("schedule column", "TF"),
        pgettext("schedule column", "FF"),
        pgettext("schedule column", "crit"),
    ]
    if dated:
        columns += [pgettext("schedule column", "start"), pgettext("schedule column", "finish")]
    return columns

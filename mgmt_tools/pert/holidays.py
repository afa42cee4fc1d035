"""Named working calendars: a country's official days off and make-up working days, from the
``holidays`` package (vacanza/holidays, MIT), for ``calendar: cn`` or ``calendar: {base: cn}``.

Each name covers the years its data is official for (:attr:`NamedCalendar.years`); a plan
reaching outside them is refused (:func:`mgmt_tools.pert.calendar.check_years`), never
scheduled on a guess.

- ``cn``: mainland China, the General Office of the State Council's yearly notice of the
  public holidays (国务院办公厅关于部分节假日安排的通知): the days off, and the weekend days
  worked to make up for them (调休). The package checks each year against the notice from 2001
  and adds a year when the notice is published (November of the year before): ``cn`` covers
  2001 to the last year of the package's table of substituted days off, so a package update
  extends it. The make-up days are the package's own (``weekend_workdays``: the "from" day of
  each substituted day off), not a table of ours.
- ``us``: United States federal holidays (OPM), observed on the Friday or Monday when they fall
  on a weekend. ``gb``: England and Wales bank holidays (one list for both nations);
  ``gb-sct`` Scotland; ``gb-nir`` Northern Ireland. ``hk``: Hong Kong general holidays. These
  follow fixed rules the package computes for every year of its range for the country (US
  from 1777, GB from 1872, HK from 1946, all to 2100); a one-off day declared later (a state
  funeral, say) is there only once the package has it: add it to ``holidays`` meanwhile.

The package computes only the years a plan needs (:meth:`NamedCalendar.days`); the results
are cached.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from mgmt_tools.locale import N_, _

__all__ = ["NAMES", "NamedCalendar", "named"]


@dataclass(frozen=True)
class NamedCalendar:
    """A country's calendar in the ``holidays`` package, as one name of ``calendar``."""

    name: str
    country: str
    subdivision: str | None
    title: str
    """What it is, in English (marked for translation; translate where shown)."""

    @functools.cached_property
    def years(self) -> tuple[int, int]:
        """The first and last years covered (see the module's documentation)."""
        if self.country == "CN":
            from holidays.countries.china import ChinaStaticHolidays

            noticed = ChinaStaticHolidays.special_public_holidays
            first = last = min(noticed)
            while last + 1 in noticed:  # the years in a row, should one ever be missing
                last += 1
            return first, last
        import holidays

        kind = holidays.country_holidays(self.country, subdiv=self.subdivision, years=[])
        return int(kind.start_year), int(kind.end_year)

    def days(self, first: int, last: int) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
        """The days off and the make-up working days of the years ``first`` to ``last``
        (within :attr:`years`), each sorted."""
        low, high = self.years
        return _days(self.name, max(first, low), min(last, high))


@functools.lru_cache(maxsize=64)
def _days(name: str, first: int, last: int) -> tuple[tuple[dt.date, ...], tuple[dt.date, ...]]:
    if first > last:
        return (), ()
    import holidays

    calendar = NAMED[name]
    high = calendar.years[1]
    # a make-up day late in a year can be listed with the next year's notice (2002's New
    # Year days off were made up on 2001-12-29 and 30): ask for one year more
    days = holidays.country_holidays(
        calendar.country, subdiv=calendar.subdivision, years=range(first, min(last + 1, high) + 1)
    )
    off = tuple(sorted(day for day in days if first <= day.year <= last))
    worked: set[dt.date] = getattr(days, "weekend_workdays", set())
    return off, tuple(sorted(day for day in worked if first <= day.year <= last))


NAMED: dict[str, NamedCalendar] = {
    calendar.name: calendar
    for calendar in (
        NamedCalendar(
            "cn",
            "CN",
            None,
            N_("mainland China: State Council holidays and make-up working days"),
        ),
        NamedCalendar("us", "US", None, N_("United States federal holidays")),
        NamedCalendar("gb", "GB", "ENG", N_("England and Wales bank holidays")),
        NamedCalendar("gb-sct", "GB", "SCT", N_("Scotland bank holidays")),
        NamedCalendar("gb-nir", "GB", "NIR", N_("Northern Ireland bank holidays")),
        NamedCalendar("hk", "HK", None, N_("Hong Kong general holidays")),
    )
}
"""Every named calendar, by name."""
NAMES = tuple(NAMED)
"""The names ``calendar`` accepts."""


def named(name: str) -> NamedCalendar:
    """The named calendar ``name``; ValueError naming the known ones for another name.

    >>> named("cn").years[0]
    2001
    """
    try:
        return NAMED[name]
    except KeyError:
        message = _("unknown calendar {name} (known: {known})")
        raise ValueError(message.format(name=repr(name), known=", ".join(NAMES))) from None

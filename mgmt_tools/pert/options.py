"""The text of pert's options, read into values (the registry's ``parse`` hooks).

The command line and a report file's ``options`` give ``--deadline`` as text; this module
turns it into what :func:`mgmt_tools.pert.run` takes, with the message the user sees when it
cannot.
"""

from __future__ import annotations

import datetime as dt
import math

from mgmt_tools.locale import _

__all__ = ["parse_calendar", "parse_deadline"]


def parse_deadline(text: str) -> float | dt.date:
    """A deadline: a number of the plan's units, or a date (YYYY-MM-DD).

    Raises
    ------
    ValueError
        ``text`` is neither, with the message shown to the user.

    Examples
    --------
    >>> parse_deadline("42"), parse_deadline(" 7.5 "), parse_deadline("2027-03-31")
    (42.0, 7.5, datetime.date(2027, 3, 31))
    >>> parse_deadline("soon")
    Traceback (most recent call last):
    ...
    ValueError: 'soon' is neither a number of units nor a date (YYYY-MM-DD)
    """
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if math.isfinite(number):  # float() reads "nan" and "inf" too: no deadline
            return number
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        message = _("'{text}' is neither a number of units nor a date (YYYY-MM-DD)")
        raise ValueError(message.format(text=text)) from None


def parse_calendar(text: str) -> str:
    """A named working calendar (``cn``, ``us``, ``gb``, ``gb-sct``, ``gb-nir``, ``hk``).

    Raises
    ------
    ValueError
        ``text`` names no calendar, with the message shown to the user.

    Examples
    --------
    >>> parse_calendar(" CN ")
    'cn'
    >>> parse_calendar("fr")
    Traceback (most recent call last):
    ...
    ValueError: unknown calendar 'fr' (known: cn, us, gb, gb-sct, gb-nir, hk)
    """
    from mgmt_tools.pert.holidays import named

    return named(text.strip().lower()).name

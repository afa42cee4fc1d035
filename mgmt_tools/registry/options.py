"""Options of a method: one declaration serves the command line, report files and the docs.

Stdlib only, as the whole registry: ``mgmt --help`` reads it.

>>> Option("top", "", kind="int", low=1).convert("3")
3
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from dataclasses import dataclass
from typing import Any, Literal

from mgmt_tools.locale import _

__all__ = ["Kind", "Option", "Stage", "resolve", "words"]

Stage = Literal["load", "run", "draw", "chart"]
Kind = Literal["text", "int", "float", "flag", "choice", "date", "path"]


def resolve(reference: str) -> Any:
    """The object named by ``"package.module:name"`` (imported now).

    >>> resolve("mgmt_tools.errors:did_you_mean").__name__
    'did_you_mean'
    """
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Option:
    """One option of a method: ``--flag`` on the command line, a key in a report's ``options``.

    ``stage`` says which function receives it as a keyword: the loader (``load``), the run
    function (``run``) or the chart's drawing function (``draw``); a ``chart`` option only
    picks the picture (``--risk-profile``).
    """

    name: str
    """The key in report files and the keyword argument (``other_after``)."""
    help: str
    stage: Stage = "run"
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    default: Any = None
    metavar: str | None = None
    parse: str | None = None
    """``"module:function"`` turning the text of a ``text`` option into its value; a
    ``ValueError`` from it is the message the user sees."""
    flag: str | None = None
    """The command-line flag when it is not ``--`` + name with dashes (``--simulate``)."""
    keyword: str | None = None
    """The keyword argument when it is not ``name`` (``trials`` for ``simulate``)."""

    @property
    def cli_flag(self) -> str:
        """The flag on the command line.

        >>> Option("other_after", "").cli_flag, Option("simulate", "", keyword="trials").cli_flag
        ('--other-after', '--simulate')
        """
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def argument(self) -> str:
        """The keyword argument of the function that receives the option."""
        return self.keyword or self.name

    def convert(self, value: Any) -> Any:
        """The option's value from a report file or the command line, checked.

        Raises ``ValueError`` with a message for the user.

        >>> Option("top", "", kind="int", low=1).convert(3)
        3
        >>> Option("top", "", kind="int", low=1).convert(0)
        Traceback (most recent call last):
        ...
        ValueError: must be at least 1, got 0
        """
        if value is None:
            return None
        return self._one(value)

    def _one(self, value: Any) -> Any:
        kind = self.kind
        if kind == "flag":
            if not isinstance(value, bool):
                raise ValueError(_("is true or false, got {value}").format(value=repr(value)))
            return value
        if kind == "choice":
            text = str(value).lower()
            if text not in self.choices:
                from mgmt_tools.errors import did_you_mean

                hint = did_you_mean(text, list(self.choices))
                raise ValueError(_("unknown value {value}").format(value=repr(value)) + hint)
            return text
        if kind in ("int", "float"):
            return self._number(value)
        if kind == "date":
            if isinstance(value, dt.date):
                return value
            try:
                return dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(
                    _("not a date (write YYYY-MM-DD): {value}").format(value=repr(value))
                ) from None
        if self.parse is not None:
            parsed = resolve(self.parse)(value if isinstance(value, str) else str(value))
            return parsed
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError(_("is text, got {value}").format(value=repr(value)))
        return str(value)

    def _number(self, value: Any) -> float | int:
        if isinstance(value, bool):
            raise ValueError(_("is a number, got {value}").format(value=repr(value)))
        try:
            number: float | int = int(value) if self.kind == "int" else float(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: int(inf)
            message = (
                _("is a whole number, got {value}")
                if self.kind == "int"
                else _("is a number, got {value}")
            )
            raise ValueError(message.format(value=repr(value))) from None
        if not math.isfinite(number):
            raise ValueError(_("must be a finite number, got {value}").format(value=repr(value)))
        if self.kind == "int" and isinstance(value, float) and value != int(value):
            raise ValueError(_("is a whole number, got {value}").format(value=repr(value)))
        if self.low is not None and (number < self.low or (self.low_open and number == self.low)):
            message = (
                _("must be above {low}, got {value}")
                if self.low_open
                else _("must be at least {low}, got {value}")
            )
            raise ValueError(message.format(low=_plain(self.low), value=_plain(number)))
        if self.high is not None and number > self.high:
            raise ValueError(
                _("must be at most {high}, got {value}").format(
                    high=_plain(self.high), value=_plain(number)
                )
            )
        return number


def words(text: str) -> tuple[str, ...]:
    """Choices written as one line of words (``"rice ice wsjf"``)."""
    return tuple(text.split())


def _plain(number: float) -> str:
    return f"{number:g}"

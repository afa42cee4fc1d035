"""Everything a reader sees, in the reader's language: Chinese (``zh``) or English (``en``).

One translate function, :func:`_` (gettext), over the catalogs under this folder:
``zh/LC_MESSAGES/<domain>.po`` (one domain a package, see :mod:`mgmt_tools.locale.catalogs`),
compiled to ``.mo`` beside them. The English text is the message id, so English needs no
catalog and English output is the text in the code.

The language is a context variable, like the limits (:mod:`mgmt_tools.limits`): the command
line sets it from ``--lang`` for one command, a report section from ``lang:``, a script with
:func:`using` or :func:`set_language`. Unset, it follows the environment: the first of
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, where any ``zh*`` value means Chinese and
anything else English.

A message is translated when it is made (an error, a table header, a chart title), so the
text of a message with values is written with named fields and filled afterwards::

    _("unknown task {task} (known: {known})").format(task=..., known=...)

Text kept in a module-level constant is marked with :func:`N_` (so the catalogs tool finds
it) and translated where it is used, with ``_(CONSTANT)``.

>>> with using("zh"):
...     _("Chinese")
'中文'
>>> with using("en"):
...     _("Chinese")
'Chinese'
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import os
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from datetime import date
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "_",
    "chosen",
    "current",
    "date_text",
    "day_month",
    "default_language",
    "language_of",
    "listed",
    "ngettext",
    "pgettext",
    "set_language",
    "using",
]


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark ``message`` for the catalogs without translating it now (a constant)."""
    return message


LANGUAGES = ("en", "zh")
"""The languages a reader can choose; the first is the default."""
LANGUAGE_NAMES = {"en": N_("English"), "zh": N_("Chinese")}
"""Each language's name, for help and messages (translated where shown)."""
CATALOGS = Path(__file__).parent
"""The folder holding ``<language>/LC_MESSAGES/<domain>.po`` and the compiled ``.mo``."""
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables that choose the default language, first set wins (POSIX)."""

_LANGUAGE: ContextVar[str | None] = ContextVar("mgmt_language", default=None)


def language_of(value: str | None) -> str | None:
    """The language a locale name or a ``--lang`` value stands for, or None when empty.

    >>> language_of("zh_CN.UTF-8"), language_of("zh-Hans"), language_of("C.UTF-8")
    ('zh', 'zh', 'en')
    >>> language_of("") is None
    True
    """
    if not value:
        return None
    return "zh" if value.strip().lower().startswith("zh") else "en"


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: the first of ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set and not empty; ``zh*`` gives Chinese, anything else English.

    >>> default_language({"LANG": "zh_CN.UTF-8"}), default_language({})
    ('zh', 'en')
    >>> default_language({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
    'en'
    """
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        language = language_of(environ.get(name))
        if language is not None:
            return language
    return LANGUAGES[0]


def chosen() -> str | None:
    """The language set by ``--lang``, :func:`using` or :func:`set_language`; None when the
    environment decides (a report file's ``lang`` applies only then)."""
    return _LANGUAGE.get()


def current() -> str:
    """The language messages are written in now (``"en"`` or ``"zh"``)."""
    return _LANGUAGE.get() or default_language()


def _checked(language: str) -> str:
    if language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        raise ValueError(
            _("unknown language {language} (known: {known})").format(
                language=repr(language), known=known
            )
        )
    return language


@contextlib.contextmanager
def using(language: str | None) -> Iterator[str]:
    """Write the messages of the block in ``language`` (None: the environment's).

    >>> with using("zh"):
    ...     current()
    'zh'
    """
    token = _LANGUAGE.set(None if language is None else _checked(language))
    try:
        yield current()
    finally:
        _LANGUAGE.reset(token)


def set_language(language: str | None) -> None:
    """Write messages in ``language`` from now on in this context (a notebook); None
    returns to the environment's."""
    _LANGUAGE.set(None if language is None else _checked(language))


@functools.cache
def _translations(language: str) -> _gettext.NullTranslations:
    """The catalogs of ``language``: every domain's ``.mo``, chained in name order."""
    folder = CATALOGS / language / "LC_MESSAGES"
    chain: _gettext.NullTranslations = _gettext.NullTranslations()
    for path in sorted(folder.glob("*.mo"), reverse=True):
        with path.open("rb") as file:
            catalog = _gettext.GNUTranslations(file)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def _(message: str) -> str:
    """``message`` in the current language (itself in English, or where no translation is).

    >>> with using("zh"):
    ...     [_(LANGUAGE_NAMES[language]) for language in LANGUAGES]
    ['英文', '中文']
    """
    language = current()
    if language == "en":
        return message
    return _translations(language).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` things (Chinese has one form).

    >>> with using("en"):
    ...     ngettext("{count} task", "{count} tasks", 2).format(count=2)
    '2 tasks'
    """
    language = current()
    if language == "en":
        return singular if count == 1 else plural
    return _translations(language).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language where the same English word needs different
    translations (``context`` tells them apart)."""
    language = current()
    if language == "en":
        return message
    return _translations(language).pgettext(context, message)


def listed(items: Iterable[object]) -> str:
    """Items named one after another, as a reader of the current language writes a list:
    ``A, B, C`` in English, ``A、B、C`` in Chinese (the enumeration comma).

    >>> with using("zh"):
    ...     listed(["KYC", "授信", "放款"])
    'KYC、授信、放款'
    >>> with using("en"):
    ...     listed(["A", "B"])
    'A, B'
    """
    return pgettext("list separator", ", ").join(map(str, items))


def date_text(day: date) -> str:
    """A date spelled out for the reader: ISO in English, ``2027年3月1日`` in Chinese (Babel,
    CLDR's long form).

    >>> with using("zh"):
    ...     date_text(date(2027, 3, 1))
    '2027年3月1日'
    >>> with using("en"):
    ...     date_text(date(2027, 3, 1))
    '2027-03-01'
    """
    if current() == "en":
        return day.isoformat()
    from babel.dates import format_date

    return str(format_date(day, format="long", locale="zh_CN"))


def day_month(day: date) -> str:
    """A day and month for charts and diagrams: ``1 Mar`` in English (no leading zero, as in
    the network's boxes, the Gantt's grid and the date axes alike), ``3月1日`` in Chinese.

    >>> day_month(date(2027, 3, 1))
    '1 Mar'
    >>> with using("zh"):
    ...     day_month(date(2027, 3, 1))
    '3月1日'
    """
    if current() == "en":
        return f"{day.day} {day:%b}"
    from babel.dates import format_skeleton

    return str(format_skeleton("MMMd", day, locale="zh_CN"))

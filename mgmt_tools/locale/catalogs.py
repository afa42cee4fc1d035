"""Keep the message catalogs in step with the code (Babel): ``make catalogs``.

``python -m mgmt_tools.locale.catalogs update`` extracts every message the code marks
(:func:`~mgmt_tools.locale._`, :func:`~mgmt_tools.locale.N_`, ``ngettext``, ``pgettext``) into
its domain's ``zh/LC_MESSAGES/<domain>.po``: a new message gets an empty translation, a message
no longer in the code is dropped, a translation already written is kept. Then it compiles each
``.po`` to the ``.mo`` the program reads. ``check`` reports, without writing, what the tests
check: a message without its Chinese translation, a translation whose ``{fields}`` differ from
the English, the same English translated two ways, a catalog or compiled file out of date.

A file's domain is the first entry of :data:`DOMAINS` whose pattern matches its path.
"""

from __future__ import annotations

import io
import string
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from fnmatch import fnmatch
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

__all__ = ["DOMAINS", "ROOT", "check", "compiled", "domain_of", "extract", "main", "update"]

ROOT = Path(__file__).resolve().parents[2]
"""The repository: the folder holding ``mgmt_tools`` and ``cli``."""
FOLDER = Path(__file__).resolve().parent / "zh" / "LC_MESSAGES"
"""Where the Chinese catalogs live."""
DOMAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cli", ("cli/mgmt_cli/*",)),
    ("excel", ("mgmt_tools/_xlsx*.py", "mgmt_tools/render/xlsx*.py")),
    ("calendar", ("mgmt_tools/pert/calendar*.py", "mgmt_tools/pert/holidays*.py")),
    ("pert", ("mgmt_tools/pert/*",)),
    ("decision", ("mgmt_tools/decision/*",)),
    ("mcda", ("mgmt_tools/mcda/*",)),
    ("rank", ("mgmt_tools/rank/*",)),
    ("pareto", ("mgmt_tools/pareto/*",)),
    ("fishbone", ("mgmt_tools/fishbone/*",)),
    ("goals", ("mgmt_tools/goals/*",)),
    ("report", ("mgmt_tools/report/*", "mgmt_tools/render/report*.py")),
    ("registry", ("mgmt_tools/registry/*", "mgmt_tools/methods.py")),
    ("render", ("mgmt_tools/render/*",)),
    ("core", ("mgmt_tools/*.py", "mgmt_tools/locale/*")),
)
"""Each domain and the files whose messages it holds (paths relative to :data:`ROOT`)."""
SOURCES = ("mgmt_tools", "cli/mgmt_cli")
"""The folders whose Python files are searched for messages."""
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)
"""The date written in every catalog header, so an update changes only what changed."""


def domain_of(relative: str) -> str | None:
    """The domain of the file at ``relative`` (a path under the repository), if any.

    >>> domain_of("mgmt_tools/pert/build.py"), domain_of("mgmt_tools/_yaml.py")
    ('pert', 'core')
    """
    for domain, patterns in DOMAINS:
        if any(fnmatch(relative, pattern) for pattern in patterns):
            return domain
    return None


def _files() -> Iterator[tuple[str, Path]]:
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            domain = domain_of(relative)
            if domain is not None and path.name != "catalogs.py":
                yield domain, path


def _new_catalog() -> Catalog:
    catalog = Catalog(
        locale="zh_CN",
        project="mgmt-tools",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )
    catalog.header_comment = (
        "# Chinese (Simplified) messages of mgmt-tools: make catalogs keeps the message ids in\n"
        "# step with the code; the translations are written here by hand (docs/language.md)."
    )
    catalog.language_team = "mgmt-tools"
    catalog.last_translator = "mgmt-tools"
    return catalog


def extract() -> dict[str, Catalog]:
    """The messages the code marks, as an untranslated catalog per domain."""
    found = {domain: _new_catalog() for domain, _patterns in DOMAINS}
    for domain, path in _files():
        relative = path.relative_to(ROOT).as_posix()
        for line, message, _comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            found[domain].add(message, locations=[(relative, line)], context=context)
    return found


def _read(domain: str, folder: Path = FOLDER) -> Catalog:
    path = folder / f"{domain}.po"
    if not path.exists():
        return _new_catalog()
    with path.open("rb") as file:
        return read_po(file, locale="zh_CN", domain=domain)


def _po_bytes(catalog: Catalog) -> bytes:
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        omit_header=False,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
    )
    return buffer.getvalue()


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes of ``catalog`` (translated messages only)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update(domains: Iterable[str] = ()) -> list[str]:
    """Bring the ``.po`` of ``domains`` (all when empty) in step with the code and compile
    it; the files changed."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    changed: list[str] = []
    chosen = set(domains)
    for domain, template in extract().items():
        if chosen and domain not in chosen:
            continue
        if not len(template) and not (FOLDER / f"{domain}.po").exists():
            continue
        catalog = _read(domain)
        catalog.header_comment = template.header_comment
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        po = _po_bytes(catalog)
        for path, data in (
            (FOLDER / f"{domain}.po", po),
            (FOLDER / f"{domain}.mo", compiled(_read_bytes(po, domain))),
        ):
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                changed.append(path.relative_to(ROOT).as_posix())
    return changed


def _read_bytes(data: bytes, domain: str) -> Catalog:
    return read_po(io.BytesIO(data), locale="zh_CN", domain=domain)


def _fields(text: str) -> set[str]:
    try:
        return {
            name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None
        }
    except ValueError:
        return {"<unbalanced braces>"}


def _texts(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def check(folder: Path = FOLDER, domains: Iterable[str] = ()) -> list[str]:
    """Everything wrong with the catalogs in ``folder`` (of ``domains``, all when empty), one
    line each (empty when they are in order)."""
    problems: list[str] = []
    seen: dict[tuple[str | None, str], tuple[str, str]] = {}
    chosen = set(domains)
    for domain, template in extract().items():
        if chosen and domain not in chosen:
            continue
        po = folder / f"{domain}.po"
        if not po.exists():
            if len(template):
                problems.append(f"{domain}: no catalog {po.name}: run make catalogs")
            continue
        catalog = _read(domain, folder)
        in_code = {(message.context, _key(message.id)) for message in template if message.id}
        in_po = {(message.context, _key(message.id)) for message in catalog if message.id}
        for _context, key in sorted(in_code - in_po, key=str):
            problems.append(f"{domain}: not in {po.name} (run make catalogs): {key!r}")
        for _context, key in sorted(in_po - in_code, key=str):
            problems.append(
                f"{domain}: in {po.name} but not in the code (run make catalogs): {key!r}"
            )
        for message in catalog:
            if not message.id:
                continue
            english = _texts(message.id)
            chinese = _texts(message.string)
            where = f"{domain}.po: {english[0]!r}"
            if message.fuzzy:
                problems.append(f"{where}: marked fuzzy")
            if not chinese or not all(chinese):
                problems.append(f"{where}: no Chinese translation")
                continue
            wanted = set().union(*(_fields(text) for text in english))
            for text in chinese:
                if _fields(text) != wanted:
                    problems.append(
                        f"{where}: fields {sorted(_fields(text))} differ from {sorted(wanted)}"
                    )
            before = seen.setdefault((message.context, english[0]), (domain, chinese[0]))
            if before[1] != chinese[0]:
                problems.append(
                    f"{where}: translated {chinese[0]!r} here but {before[1]!r} in {before[0]}.po"
                )
        mo = folder / f"{domain}.mo"
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            problems.append(f"{domain}: {mo.name} is out of date: run make catalogs")
    return problems


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def main(argv: list[str] | None = None) -> int:
    """``update [DOMAIN...]`` (write) or ``check [DOMAIN...]`` (report); exit 1 when
    ``check`` finds problems."""
    args = argv if argv is not None else sys.argv[1:]
    command, domains = (args[0], args[1:]) if args else ("check", [])
    if command == "update":
        for name in update(domains):
            print(f"wrote {name}")
        problems = check(domains=domains)
    elif command == "check":
        problems = check(domains=domains)
    else:
        print(
            "usage: python -m mgmt_tools.locale.catalogs update|check [DOMAIN...]", file=sys.stderr
        )
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems and command == "check" else 0


if __name__ == "__main__":
    raise SystemExit(main())

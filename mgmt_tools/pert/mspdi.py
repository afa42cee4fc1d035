"""MS Project XML (MSPDI) in and out: :func:`read_mspdi` and :func:`to_mspdi`.

MSPDI is the XML that Microsoft Project saves ("XML format") and that ProjectLibre and
GanttProject exchange through MPXJ. The conventions followed here, each from Microsoft's
schema reference for mspdi_pj12.xsd (the Project 2007 XML Data Interchange Schema) unless
another source is named:

- Root ``<Project xmlns="http://schemas.microsoft.com/project">``; every element list is an
  ``xsd:sequence``, so elements are written in schema order (MS Project validates the order).
- ``Duration`` is an ``xsd:duration`` of working time, written ``PT#H#M#S`` as MS Project does
  (MPXJ's ``XsdDuration`` reads fractional seconds and negative parts, so this reader does too).
  A number of days is minutes / ``MinutesPerDay`` (default 480).
- ``PredecessorLink/Type``: 0 = FF, 1 = FS, 2 = SF, 3 = SS. ``LinkLag`` is in tenths of a
  minute; ``LagFormat`` only says how MS Project displays it (7 = days). Elapsed formats
  (4, 6, 8, 10, 12 and their estimated forms 36..44) count calendar time, 1440 minutes a day;
  percent formats (19, 20, 51, 52) hold a percentage of the predecessor's duration (as
  MPXJ's ``MSPDIReader`` reads them). Both are approximated, with a warning.
- ``WeekDay/DayType``: 0 = an exception (old form, with ``TimePeriod``), 1 = Sunday ...
  7 = Saturday. Exceptions of Project 2007 and later are ``Calendar/Exceptions/Exception``.
- ``TotalSlack``/``FreeSlack`` are tenths of a minute of working time.
- Three-point estimates are kept in the custom fields Duration1, Duration2 and Duration3
  (FieldID 188743783, 188743784, 188743785): the fields MS Project's own PERT analysis uses
  for the optimistic, expected (most likely) and pessimistic durations.
- Task ids that are not positive integers are kept in the custom field Text1 (FieldID
  188743731) under the alias ``mgmt id``; otherwise the id is the task's ``UID`` (stable,
  unlike ``ID``, which MS Project renumbers).

Plans in other units than days are converted (hours, weeks of five days, months of twenty
days, the MSPDI defaults); an MSPDI file always reads back in days.
"""

from __future__ import annotations

from typing import Any

from mgmt_tools.pert.mspdi_format import Node, parse_xml
from mgmt_tools.pert.mspdi_read import read
from mgmt_tools.pert.mspdi_write import write
from mgmt_tools.pert.result import Schedule

__all__ = ["Node", "parse_xml", "read_mspdi", "to_mspdi"]


def read_mspdi(text: str, source: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """Parse MSPDI XML into a plan dict in the YAML plan format (see below) plus warnings.

    Summary tasks become groups, nested by ``OutlineLevel``; the project summary task (UID 0)
    is skipped. Ids are the tasks' UIDs as text. Parts the plan format cannot hold
    (resources, assignments, constraints, task calendars, manual scheduling, ...) are
    skipped with one warning for each kind.

    Raises :class:`~mgmt_tools.errors.InputError` listing every problem of the file, each
    with the element and its line: XML that is not well formed or not MSPDI, entity
    declarations (refused, never expanded), links to a missing UID, malformed durations.

    >>> plan, warnings = read_mspdi('''<Project xmlns="http://schemas.microsoft.com/project">
    ...   <Tasks><Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration></Task>
    ...   <Task><UID>2</UID><Duration>PT4H0M0S</Duration>
    ...     <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type>
    ...     <LinkLag>2400</LinkLag></PredecessorLink></Task></Tasks></Project>''')
    >>> plan["tasks"][0]
    {'id': '1', 'name': 'Dig', 'duration': 2.0}
    >>> plan["tasks"][1]["depends_on"]
    [{'task': '1', 'type': 'SS', 'lag': 0.5}]
    """
    return read(parse_xml(text, source), source)


def to_mspdi(result: Schedule) -> str:
    """Write a scheduled plan as MSPDI XML text that MS Project, ProjectLibre and GanttProject
    open.

    Tasks carry their durations, outline (groups become summary tasks), links with types and
    lags, early and late dates, total and free slack and the critical flag; three-point
    estimates go to Duration1..3. Dates come from the plan's start and calendar (working
    hours 08:00-12:00 and 13:00-17:00); a plan without a start is written without a
    project ``StartDate`` (MS Project then starts it on the day the file is opened) and its
    task dates count from Monday 2001-01-01. Round trip: :func:`read_mspdi` gives back the
    plan, in days, with lags to a tenth of a minute.
    """
    return write(result)

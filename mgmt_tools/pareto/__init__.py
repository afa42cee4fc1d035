"""Pareto analysis: count categories in raw records, pre-summed counts or cost weights, order
them, find the vital few that reach a cutoff, merge the tail into "Other", stratify by a column.

``run`` is the one verb (``analyse`` and ``analyse_tally`` take the totals themselves):

>>> from mgmt_tools.pareto import loads, run
>>> result = run(loads("counts: {Rates: 45, Paperwork: 120, Delays: 20, Fees: 15}"), top=2)
>>> [(item.category, item.count, item.cumulative_percent) for item in result.items]
[('Paperwork', 120.0, 60.0), ('Rates', 45.0, 82.5), ('Other', 35.0, 100.0)]
"""

from mgmt_tools.pareto.analysis import analyse, analyse_tally, run
from mgmt_tools.pareto.chart import pareto_chart
from mgmt_tools.pareto.count import BLANK, Tally, count_categories, tally, tally_text
from mgmt_tools.pareto.io import ParetoData, format_of, from_dict, load, loads
from mgmt_tools.pareto.model import ParetoModel
from mgmt_tools.pareto.result import (
    OTHER,
    ParetoItem,
    ParetoResult,
    Stratum,
    summary_text,
    to_csv,
    to_markdown,
)

__all__ = [
    "BLANK",
    "OTHER",
    "ParetoData",
    "ParetoItem",
    "ParetoModel",
    "ParetoResult",
    "Stratum",
    "Tally",
    "analyse",
    "analyse_tally",
    "count_categories",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "pareto_chart",
    "run",
    "summary_text",
    "tally",
    "tally_text",
    "to_csv",
    "to_markdown",
]

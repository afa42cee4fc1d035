"""Pareto analysis: count categories in raw records, pre-summed counts or cost weights, order
them, find the vital few that reach a cutoff, merge the tail into "Other", stratify by a column.

>>> from mgmt_tools.pareto import analyse
>>> result = analyse(["Rates", "Paperwork", "Delays", "Fees"], [45, 120, 20, 15], top=2)
>>> [(row["category"], row["count"], row["cumulative_percent"]) for row in result.items]
[('Paperwork', 120.0, 60.0), ('Rates', 45.0, 82.5), ('Other', 35.0, 100.0)]
"""

from mgmt_tools.pareto.analysis import analyse, analyse_tally
from mgmt_tools.pareto.count import BLANK, Tally, count_categories, tally, tally_text
from mgmt_tools.pareto.io import ParetoData, format_of, from_dict, load, loads
from mgmt_tools.pareto.model import ParetoModel
from mgmt_tools.pareto.result import OTHER, ParetoResult, Stratum, summary_text, to_csv, to_markdown

__all__ = [
    "BLANK",
    "OTHER",
    "ParetoData",
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
    "summary_text",
    "tally",
    "tally_text",
    "to_csv",
    "to_markdown",
]

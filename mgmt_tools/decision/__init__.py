"""Decision trees: expected value and utility rollback, policy, risk profile, EVPI,
sensitivity with exact break-even values, and tornado.

>>> from mgmt_tools.decision import loads, run
>>> result = run(loads('''
... root:
...   type: decision
...   branches:
...     - name: Extend
...       payoff: 40
...       node:
...         type: chance
...         name: Client outcome
...         branches:
...           - {name: Repays, p: 0.92, payoff: 120}
...           - {name: Defaults, p: rest, payoff: -150}
...     - {name: Decline}
... '''))
>>> round(result.expected_value, 9), result.policy, round(result.evpi["Client outcome"], 9)
(138.4, {'root': 'Extend'}, 8.8)

``run`` is the verb of every method (``rollback`` is its older name); the pictures are drawn
by :func:`render` (the tree), :func:`risk_profile_chart`, :func:`sensitivity_chart` and
:func:`tornado_chart`.
"""

from mgmt_tools.decision.charts import risk_profile_chart, sensitivity_chart, tornado_chart
from mgmt_tools.decision.incremental import Outcome, Partial
from mgmt_tools.decision.io import format_of, from_dict, load, loads
from mgmt_tools.decision.model import BranchModel, NodeModel, RefModel, TreeModel
from mgmt_tools.decision.render import render, to_dot, to_svg
from mgmt_tools.decision.result import (
    DecisionResult,
    ProfilePoint,
    RiskProfile,
    Sensitivity,
    Switch,
    TornadoRow,
    summary_text,
)
from mgmt_tools.decision.rollback import risk_profile, rollback, run
from mgmt_tools.decision.sensitivity import parse_vary, parse_vary_text, sensitivity, tornado_rows
from mgmt_tools.decision.solve import Solution, solve
from mgmt_tools.decision.tree import Formulas, Tree

__all__ = [
    "BranchModel",
    "DecisionResult",
    "Formulas",
    "NodeModel",
    "Outcome",
    "Partial",
    "ProfilePoint",
    "RefModel",
    "RiskProfile",
    "Sensitivity",
    "Solution",
    "Switch",
    "TornadoRow",
    "Tree",
    "TreeModel",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "parse_vary",
    "parse_vary_text",
    "render",
    "risk_profile",
    "risk_profile_chart",
    "rollback",
    "run",
    "sensitivity",
    "sensitivity_chart",
    "solve",
    "summary_text",
    "to_dot",
    "to_svg",
    "tornado_chart",
    "tornado_rows",
]

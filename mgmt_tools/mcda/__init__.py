"""Weighted indices and AHP: decision matrices scored by weighted sum, weighted product, TOPSIS
or VIKOR with explicit normalisation and weighting; AHP priorities, consistency ratios with a
named random-index table, optimal completion of missing judgements, full hierarchies; weight
sensitivity (break points and Monte Carlo rank acceptability).

>>> from mgmt_tools.mcda import loads, run
>>> result = run(loads('''
... method: topsis
... criteria:
...   - {id: cost, weight: 0.5, direction: min}
...   - {id: output, weight: 0.5}
... alternatives:
...   - {name: A1, cost: 1, output: 3000}
...   - {name: A2, cost: 2, output: 3750}
...   - {name: A3, cost: 5, output: 4500}
... '''))
>>> result.winner, result.settings.normalization, result.ranking[0].alternative
('A1', 'vector', 'A1')

``run`` is the one verb, for a decision matrix (``evaluate``) and AHP judgements
(``analyse``) alike.
"""

from mgmt_tools.mcda.ahp import (
    MatrixAnalysis,
    analyse_matrix,
    consistency_ratio,
    priorities,
    random_index,
)
from mgmt_tools.mcda.analysis import analyse
from mgmt_tools.mcda.charts import acceptability_chart, ranking_chart
from mgmt_tools.mcda.checks import Settings
from mgmt_tools.mcda.completion import complete
from mgmt_tools.mcda.evaluate import evaluate
from mgmt_tools.mcda.io import (
    format_of,
    from_dict,
    judgements_from_dict,
    load,
    load_judgements,
    loads,
    loads_judgements,
)
from mgmt_tools.mcda.matrix import DecisionMatrix, Judgements, PairMatrix
from mgmt_tools.mcda.model import CriterionModel, JudgementsModel, MatrixModel
from mgmt_tools.mcda.normalize import Normalization, normalization
from mgmt_tools.mcda.ranking import rank
from mgmt_tools.mcda.render import render, to_dot, to_svg
from mgmt_tools.mcda.result import AhpResult, IndexResult, RankedAlternative
from mgmt_tools.mcda.runner import run
from mgmt_tools.mcda.sensitivity import Sensitivity, analyse_sensitivity
from mgmt_tools.mcda.summary import summary_text
from mgmt_tools.mcda.weights import critic_weights, entropy_weights, equal_weights, roc_weights

__all__ = [
    "AhpResult",
    "CriterionModel",
    "DecisionMatrix",
    "IndexResult",
    "Judgements",
    "JudgementsModel",
    "MatrixAnalysis",
    "MatrixModel",
    "Normalization",
    "PairMatrix",
    "RankedAlternative",
    "Sensitivity",
    "Settings",
    "acceptability_chart",
    "analyse",
    "analyse_matrix",
    "analyse_sensitivity",
    "complete",
    "consistency_ratio",
    "critic_weights",
    "entropy_weights",
    "equal_weights",
    "evaluate",
    "format_of",
    "from_dict",
    "judgements_from_dict",
    "load",
    "load_judgements",
    "loads",
    "loads_judgements",
    "normalization",
    "priorities",
    "random_index",
    "rank",
    "ranking_chart",
    "render",
    "roc_weights",
    "run",
    "summary_text",
    "to_dot",
    "to_svg",
]

"""Priority ranking: RICE, ICE, WSJF, MoSCoW, the Eisenhower matrix, value/effort grids,
paired comparison (Copeland or Bradley-Terry), Borda counts and weighted scoring models.

>>> from mgmt_tools.rank import loads, run
>>> result = run(loads('''
... method: borda
... ballots:
...   - {ranking: [Memphis, Nashville, Chattanooga, Knoxville], count: 42}
...   - {ranking: [Nashville, Chattanooga, Knoxville, Memphis], count: 26}
...   - {ranking: [Chattanooga, Knoxville, Nashville, Memphis], count: 15}
...   - {ranking: [Knoxville, Chattanooga, Nashville, Memphis], count: 17}
... '''))
>>> [(row.item, row.score) for row in result.ranking]
[('Nashville', 194.0), ('Chattanooga', 173.0), ('Memphis', 126.0), ('Knoxville', 107.0)]

``run`` is the one verb (``evaluate`` is another name of it).
"""

from mgmt_tools.rank.build import Backlog, Comparison, parse_comparison
from mgmt_tools.rank.charts import ranking_chart
from mgmt_tools.rank.evaluate import evaluate, run
from mgmt_tools.rank.io import format_of, from_dict, load, loads
from mgmt_tools.rank.model import BallotModel, ComparisonModel, RankModel
from mgmt_tools.rank.ranking import rank
from mgmt_tools.rank.render import matrix_unavailable, render, to_dot
from mgmt_tools.rank.result import RankResult, RankRow, summary_text, to_csv, to_markdown
from mgmt_tools.rank.scores import BradleyTerry

__all__ = [
    "Backlog",
    "BallotModel",
    "BradleyTerry",
    "Comparison",
    "ComparisonModel",
    "RankModel",
    "RankResult",
    "RankRow",
    "evaluate",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "matrix_unavailable",
    "parse_comparison",
    "rank",
    "ranking_chart",
    "render",
    "run",
    "summary_text",
    "to_csv",
    "to_dot",
    "to_markdown",
]

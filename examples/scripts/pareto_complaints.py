"""Pareto analysis of the branch complaint log: the vital few reasons.

Run from the repository root: ``python examples/scripts/pareto_complaints.py``.
"""

from mgmt_tools.pareto import analyse_tally, load

RECORDS = "examples/pareto/complaints.csv"


def main() -> None:
    data = load(RECORDS, column="reason")
    result = analyse_tally(data.tally, cutoff=80.0)
    summary = result.to_dict()
    print(f"total complaints: {summary['total']:g}")
    for item in summary["items"]:
        mark = "*" if item["vital"] else " "
        print(f"{mark} {item['category']}: {item['count']:g} ({item['cumulative_percent']:.1f}%)")


if __name__ == "__main__":
    main()

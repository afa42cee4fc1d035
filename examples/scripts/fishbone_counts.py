"""Rank the counted causes of the slow-credit-approval fishbone, largest first.

Run from the repository root: ``python examples/scripts/fishbone_counts.py``.
"""

from mgmt_tools.fishbone import analyse, load

CAUSES = "examples/fishbone/slow-credit-approval.yaml"


def main() -> None:
    result = analyse(load(CAUSES), highlight=3)
    data = result.to_dict()
    print(f"effect: {data['effect']}")
    print("categories:", ", ".join(category["name"] for category in data["categories"]))
    for row in data.get("ranked", [])[:5]:
        print(f"  {row['cause']} ({row['category']}): {row['count']:g}, {row['percent']:.1f}%")


if __name__ == "__main__":
    main()

"""Rank the mobile-app backlog with the method its file names (WSJF).

Run from the repository root: ``python examples/scripts/rank_backlog.py``.
"""

from mgmt_tools.rank import evaluate, load

BACKLOG = "examples/rank/mobile-app-backlog.yaml"


def main() -> None:
    result = evaluate(load(BACKLOG))
    data = result.to_dict()
    print(f"method: {data['method']}")
    for row in data["ranking"][:5]:
        print(f"  {row['rank']}. {row['item']}: {row['score']:.1f}")


if __name__ == "__main__":
    main()

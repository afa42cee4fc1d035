"""Roll up the progress of the 2027 deposit goals and judge their track on a given day.

Run from the repository root: ``python examples/scripts/goals_progress.py``.
"""

import datetime as dt

from mgmt_tools.goals import analyse, load

TREE = "examples/goals/deposit-growth-2027.yaml"


def main() -> None:
    data = analyse(load(TREE), as_of=dt.date(2027, 6, 30)).to_dict()
    print(f"{data['goal']}: {data['progress']:.0%}")
    for node in data["nodes"]:
        depth = node["path"].count(" / ")
        track = node.get("track") or ""
        print(f"{'  ' * depth}- {node['goal']}: {node['progress']:.0%} {track}")
    print(f"SMART issues: {len(data['smart_issues'])}")


if __name__ == "__main__":
    main()

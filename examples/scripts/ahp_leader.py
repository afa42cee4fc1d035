"""AHP priorities and consistency ratios of the team-leader choice.

Run from the repository root: ``python examples/scripts/ahp_leader.py``.
"""

from mgmt_tools.mcda import analyse, load_judgements

JUDGEMENTS = "examples/ahp/team-leader.yaml"


def main() -> None:
    data = analyse(load_judgements(JUDGEMENTS)).to_dict()
    print("criteria weights:")
    for name, weight in data["criteria_weights"].items():
        print(f"  {name}: {weight:.3f}")
    print("overall:")
    for name, weight in data["overall"].items():
        print(f"  {name}: {weight:.3f}")
    print("CR of the criteria matrix:", round(data["consistency_ratio"]["criteria"], 3))


if __name__ == "__main__":
    main()

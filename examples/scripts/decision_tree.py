"""Roll back the credit-line decision tree: expected value, policy and EVPI.

Run from the repository root: ``python examples/scripts/decision_tree.py``.
"""

from mgmt_tools.decision import load, rollback

TREE = "examples/decision/credit-line-steel.yaml"


def main() -> None:
    result = rollback(load(TREE), tornado=True)
    data = result.to_dict()
    print(f"expected value: {data['expected_value']:.2f}")
    for path, choice in data["policy"].items():
        print(f"policy at {path}: {choice}")
    for branch, value in data["branch_values"].items():
        print(f"  {branch}: {value:.2f}")
    for node, value in data["evpi"].items():
        print(f"EVPI of {node}: {value:.2f}")
    for row in data.get("tornado", []):
        print(f"tornado {row['variable']}: swing {row['swing']:.2f}")


if __name__ == "__main__":
    main()

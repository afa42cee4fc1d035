"""Score the cash-management platforms by TOPSIS and by the weighted sum.

Run from the repository root: ``python examples/scripts/index_topsis.py``.
"""

from mgmt_tools.mcda import evaluate, load

MATRIX = "examples/index/cash-management-platform.yaml"


def main() -> None:
    matrix = load(MATRIX)
    for method in ("topsis", "weighted_sum"):
        result = evaluate(matrix, method=method)
        data = result.to_dict()
        print(f"{method} ({data['normalization']} normalisation, {data['weighting']} weights)")
        for row in data["ranking"]:
            print(f"  {row['rank']}. {row['alternative']}: {row['score']:.4f}")
    print("weights:", {k: round(v, 3) for k, v in data["weights"].items()})


if __name__ == "__main__":
    main()

"""Schedule the supply-chain onboarding plan and simulate its risk (CPM, PERT, Monte Carlo).

Run from the repository root: ``python examples/scripts/pert_schedule.py``.
"""

from mgmt_tools.pert import load, schedule, simulate

PLAN = "examples/pert/supply-chain-onboarding.yaml"


def main() -> None:
    plan = load(PLAN)
    result = schedule(plan)
    print(f"project duration: {result.duration:.2f} days")
    for path in result.critical_paths:
        print("critical path:", " -> ".join(path))
    pert = result.to_dict().get("pert")
    if pert is not None:
        print(f"PERT sd: {pert['sd']:.2f}, P80: {pert['quantiles']['0.8']:.2f}")
    risk = simulate(plan, 2000, seed=1)
    print(f"simulated mean: {risk.mean:.2f}, sd: {risk.sd:.2f} ({risk.trials} trials)")


if __name__ == "__main__":
    main()

"""Run every method on its example through the method registry and say what each can write.

The registry (``mgmt_tools.methods.METHODS``) reads, computes and writes any method by name, as
the ``mgmt`` command does: a script can treat all methods alike.

Run from the repository root: ``python examples/scripts/every_method.py``.
"""

from pathlib import Path

from mgmt_tools.methods import METHODS

EXAMPLES = Path("examples")


def main() -> None:
    for name, method in METHODS.items():
        result = method.compute(method.read(EXAMPLES / method.example))
        first = method.summary_text(result).splitlines()[0]
        charts = ", ".join(chart.name for chart in method.charts)
        print(f"{name:9} {first[:60]}")
        print(f"{'':9} writes {', '.join(method.output_formats)}; draws {charts}")


if __name__ == "__main__":
    main()

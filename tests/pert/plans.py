"""Plans shared by the pert tests."""

from __future__ import annotations

ONBOARDING_TASKS = """\
tasks:
  - id: A
    name: Collect KYC documents
    duration: 3
  - id: B
    optimistic: 2
    most_likely: 4
    pessimistic: 9
    depends_on: [A]
  - id: C
    duration: 2
    depends_on:
      - {task: B, type: SS, lag: 1}
      - "A FF+2"
  - id: M
    name: Credit approved
    milestone: true
    depends_on: [B, C]
"""
"""The tasks of the docs/formats example: every way of giving a duration and a link."""

FORMATS_EXAMPLE = (
    """\
project: Supply-chain finance onboarding
units: days
start: 2027-03-01
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays: [2027-04-05, 2027-05-01]
deadline: 8
"""
    + ONBOARDING_TASKS
)
"""The plan of the pert section of docs/formats, whose JSON result that page prints."""

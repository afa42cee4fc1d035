"""Reported numbers of `schedule()` that the tolerance rule of docs/formats settles."""

from __future__ import annotations

import numpy as np

from mgmt_tools.pert import load, schedule

from ..conftest import EXAMPLES


def test_critical_tasks_report_late_dates_equal_to_early_ones() -> None:
    # the onboarding example's backward pass through estimates and lags gives KICK an LS of
    # -1.8e-15 before snapping: equal within 1e-9 x max(1, |a|, |b|), so reported as ES
    result = schedule(load(EXAMPLES / "pert" / "supply-chain-onboarding.yaml"))
    critical = result.critical
    assert critical.any()
    assert np.array_equal(result.ls[critical], result.es[critical])
    assert np.array_equal(result.lf[critical], result.ef[critical])
    assert (result.ls >= 0).all()

"""Published examples of each ranking method, with their sources."""

from __future__ import annotations

import math

import pytest

from mgmt_tools.rank import RankResult, evaluate, from_dict

TENNESSEE = [
    {"ranking": ["Memphis", "Nashville", "Chattanooga", "Knoxville"], "count": 42},
    {"ranking": ["Nashville", "Chattanooga", "Knoxville", "Memphis"], "count": 26},
    {"ranking": ["Chattanooga", "Knoxville", "Nashville", "Memphis"], "count": 15},
    {"ranking": ["Knoxville", "Chattanooga", "Nashville", "Memphis"], "count": 17},
]


def moscow(*items: tuple[str, str] | tuple[str, str, float]) -> RankResult:
    """The MoSCoW ranking of ``(name, priority)`` and ``(name, priority, score)`` items."""
    rows = [dict(zip(("name", "priority", "score"), item, strict=False)) for item in items]
    return evaluate(from_dict({"method": "moscow", "items": rows}))


def _scores(data: dict[str, object], **kwargs: object) -> dict[str, float]:
    result = evaluate(from_dict(data), **kwargs)  # type: ignore[arg-type]
    return {row["item"]: row["score"] for row in result.ranking}


def test_rice_intercom_examples() -> None:
    # Intercom's RICE (McBride 2016) as retold with worked numbers: "Reach 2,000 customers per
    # quarter, Impact 2, Confidence 80%, Effort 4 person-months: RICE = 800"
    # (github.com/timeclick-software/awesome-time-tracking, details/rice-framework.md), and
    # "Onboarding improvement: Reach 5000, Impact 2, Confidence 80%, Effort 2 = 4000";
    # "Fix critical bug: 10000, 3, 100%, 0.5 = 60000"; "Custom enterprise feature: 10, 3,
    # 100%, 6 = 5" (hashbuilds.com/patterns/what-is-rice-score).
    scores = _scores(
        {
            "method": "rice",
            "items": [
                {"name": "Feature A", "reach": 2000, "impact": 2, "confidence": "80%", "effort": 4},
                {"name": "Onboarding", "reach": 5000, "impact": 2, "confidence": 0.8, "effort": 2},
                {
                    "name": "Critical bug",
                    "reach": 10000,
                    "impact": 3,
                    "confidence": 1,
                    "effort": 0.5,
                },
                {"name": "Enterprise", "reach": 10, "impact": 3, "confidence": "100%", "effort": 6},
            ],
        }
    )
    assert scores == pytest.approx(
        {"Feature A": 800, "Onboarding": 4000, "Critical bug": 60000, "Enterprise": 5}
    )


def test_wsjf_published_example() -> None:
    # SAFe WSJF = (BV + TC + RR) / job size; worked example at
    # extrapinchofsalt.com/pm/frameworks/wsjf.html: "BV=7, TC=9, RR=5. CoD=21. Size=2.
    # WSJF=10.5" and "BV=8, TC=3, RR=4. CoD=15. Size=8. WSJF=1.9" (1.875 rounded).
    result = evaluate(
        from_dict(
            {
                "method": "wsjf",
                "items": [
                    {
                        "name": "Feed",
                        "business_value": 8,
                        "time_criticality": 3,
                        "risk_reduction": 4,
                        "job_size": 8,
                    },
                    {
                        "name": "Ad bug",
                        "business_value": 7,
                        "time_criticality": 9,
                        "risk_reduction": 5,
                        "job_size": 2,
                    },
                ],
            }
        )
    )
    assert [(r["item"], r["score"], r["rank"]) for r in result.ranking] == [
        ("Ad bug", 10.5, 1),
        ("Feed", 1.875, 2),
    ]
    assert round(result.ranking[1]["score"], 1) == 1.9


def test_borda_tennessee() -> None:
    # Wikipedia/electowiki "Borda count", the Tennessee capital example (42/26/15/17 %):
    # Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107
    # (electowiki.org/wiki/Borda_count).
    result = evaluate(from_dict({"method": "borda", "ballots": TENNESSEE}))
    assert [(r["item"], r["score"], r["rank"]) for r in result.ranking] == [
        ("Nashville", 194.0, 1),
        ("Chattanooga", 173.0, 2),
        ("Memphis", 126.0, 3),
        ("Knoxville", 107.0, 4),
    ]
    assert result.to_dict()["ballots"] == 100


def test_copeland_tennessee() -> None:
    # Copeland's method on the Tennessee example (Wikipedia "Copeland's method"): the pairwise
    # majorities are Nashville over all three (68 %), Chattanooga over Knoxville (83 %) and
    # Memphis (58 %), Knoxville over Memphis (58 %): Copeland scores 3, 1, -1, -3.
    result = evaluate(
        from_dict(
            {
                "method": "pairwise",
                "items": ["Memphis", "Nashville", "Chattanooga", "Knoxville"],
                "comparisons": [
                    "Nashville > Memphis",
                    "Nashville > Chattanooga",
                    "Nashville > Knoxville",
                    "Chattanooga > Knoxville",
                    "Chattanooga > Memphis",
                    "Knoxville > Memphis",
                ],
            }
        )
    )
    assert [(r["item"], r["score"]) for r in result.ranking] == [
        ("Nashville", 3.0),
        ("Chattanooga", 1.0),
        ("Knoxville", -1.0),
        ("Memphis", -3.0),
    ]
    assert result.warnings == []


def test_bradley_terry_citations() -> None:
    # Stigler (1994) journal citations as in Agresti (2002, p. 448) and the BradleyTerry2
    # vignette (Turner and Firth 2012; the cited journal "wins"): log-abilities relative to
    # Biometrika are Comm Statist -2.9491, JASA -0.4796, JRSS-B 0.2690.
    journals = ["Biometrika", "Comm Statist", "JASA", "JRSS-B"]
    cited_by = [  # row: cited, column: citing
        [714, 730, 498, 221],
        [33, 425, 68, 17],
        [320, 813, 1072, 142],
        [284, 276, 325, 188],
    ]
    comparisons = [
        {"compare": f"{journals[i]} > {journals[j]}", "count": cited_by[i][j]}
        for i in range(4)
        for j in range(4)
        if i != j
    ]
    result = evaluate(
        from_dict({"method": "pairwise", "comparisons": comparisons}), model="bradley-terry"
    )
    strength = dict(zip(result.names, result.scores.tolist(), strict=True))
    log_ability = {j: math.log(strength[j] / strength["Biometrika"]) for j in journals}
    assert log_ability["Comm Statist"] == pytest.approx(-2.9491, abs=5e-5)
    assert log_ability["JASA"] == pytest.approx(-0.4796, abs=5e-5)
    assert log_ability["JRSS-B"] == pytest.approx(0.2690, abs=5e-5)
    assert sum(strength.values()) == pytest.approx(1.0)
    estimation = result.to_dict()["estimation"]
    assert estimation["converged"]
    assert estimation["iterations"] > 1
    assert "Hunter 2004" in estimation["method"]


def test_intransitive_cycle_is_a_warning_naming_it() -> None:
    result = evaluate(
        from_dict({"method": "pairwise", "comparisons": ["A > B", "B > C", "C > A", "A > D"]})
    )
    assert result.warnings == ["intransitive preferences (a cycle): A > B > C > A"]
    assert [(r["item"], r["rank"]) for r in result.ranking] == [
        ("A", 1),
        ("B", 2),
        ("C", 2),
        ("D", 4),
    ]


def test_ties_and_equals() -> None:
    scores = _scores({"method": "pairwise", "comparisons": ["A > B", "B < C", "A = C"]})
    assert scores == {"A": 1.0, "C": 1.0, "B": -2.0}


def test_moscow_order_then_score() -> None:
    result = moscow(
        ("W", "wont"), ("S1", "should", 3), ("M", "MUST"), ("S2", "should", 8), ("C", "could")
    )
    assert [(r["item"], r["rank"], r["category"]) for r in result.ranking] == [
        ("M", 1, "must"),
        ("S2", 2, "should"),
        ("S1", 3, "should"),
        ("C", 4, "could"),
        ("W", 5, "wont"),
    ]
    assert result.ranking[0]["score"] is None


def test_eisenhower_quadrants_and_threshold() -> None:
    items = [
        {"name": "a", "urgent": True, "important": True},
        {"name": "b", "urgent": 4, "important": 5},
        {"name": "c", "urgent": 5, "important": 4.9},
        {"name": "d", "urgent": False, "important": 0},
    ]
    result = evaluate(from_dict({"method": "eisenhower", "items": items}))
    assert [r["category"] for r in result.ranking] == ["do", "schedule", "delegate", "eliminate"]
    lowered = evaluate(from_dict({"method": "eisenhower", "items": items}, threshold=4))
    assert [r["category"] for r in lowered.ranking][:3] == ["do", "do", "do"]


def test_value_effort_quadrants() -> None:
    items = [
        {"name": "pit", "value": 2, "effort": 9},
        {"name": "bet", "value": 9, "effort": 8},
        {"name": "win", "value": 8, "effort": 2},
        {"name": "fill", "value": 3, "effort": 1},
    ]
    result = evaluate(from_dict({"method": "value_effort", "items": items}))
    assert [(r["item"], r["category"]) for r in result.ranking] == [
        ("win", "quick win"),
        ("bet", "big bet"),
        ("fill", "fill-in"),
        ("pit", "money pit"),
    ]
    assert result.to_dict()["threshold"] == 5


def test_weighted_reuses_the_index_weighted_sum() -> None:
    from mgmt_tools.mcda import evaluate as index_evaluate
    from mgmt_tools.mcda import from_dict as index_from_dict

    criteria = [
        {"id": "cost", "weight": 0.4, "direction": "min"},
        {"id": "features", "weight": 0.35},
        {"id": "support", "weight": 0.25},
    ]
    items = [
        {"name": "Vendor A", "cost": 250, "features": 7, "support": 8},
        {"name": "Vendor B", "cost": 310, "features": 9, "support": 6},
        {"name": "Vendor C", "cost": 280, "features": 8, "support": 9},
    ]
    ours = _scores({"method": "weighted", "criteria": criteria, "items": items})
    theirs = index_evaluate(index_from_dict({"criteria": criteria, "alternatives": items}))
    assert ours == pytest.approx({r["alternative"]: r["score"] for r in theirs.ranking})

"""The report writer: escaping, contents, inline SVG, tables, Markdown with pictures beside it."""

from __future__ import annotations

from mgmt_tools.render.report import (
    Section,
    escape,
    html_report,
    key_numbers,
    main_table,
    markdown_report,
    show,
)

HOSTILE = '<script>alert("x")</script> & co'
SVG = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>'


def section(**changes: object) -> Section:
    values: dict[str, object] = {
        "title": HOSTILE,
        "method": "pert",
        "source": "a <b>.yaml",
        "result": {
            "command": "pert",
            "method": "cpm",
            "project": HOSTILE,
            "duration": 14.833333333333332,
            "pert": {"sd": 1.3017082793177757, "quantiles": {"0.5": 1.5}},
            "critical_paths": [["A", "B"]],
            "tasks": [{"id": "A</script>", "es": 0.0, "critical": True}, {"id": "B", "lf": 2.0}],
            "warnings": [HOSTILE],
        },
        "svg": SVG,
    }
    values.update(changes)
    return Section(**values)  # type: ignore[arg-type]


def test_escape_is_html_proper() -> None:
    assert escape("<a href='x'>&\"") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;"


def test_show_rounds_floats_for_reading() -> None:
    assert show(0.1 + 0.2) == "0.3"
    assert show(18.833333333333332) == "18.8333"
    assert show(0.0000123456) == "1.23e-05"
    assert show(3) == "3"
    assert show(False) == "false"


def test_key_numbers_and_main_table() -> None:
    result = section().result
    assert key_numbers(result) == [
        ("method", "cpm"),
        ("project", HOSTILE),
        ("duration", 14.833333333333332),
        ("pert.sd", 1.3017082793177757),
        ("pert.quantiles.0.5", 1.5),
        ("critical_paths", [["A", "B"]]),
    ]
    assert main_table(result) == (
        "tasks",
        ["id", "es", "critical", "lf"],
        [["A</script>", 0.0, True, None], ["B", None, None, 2.0]],
    )
    assert main_table({"a": [1, 2]}) is None


def test_html_escapes_every_text_and_inlines_svg() -> None:
    page = html_report(HOSTILE, [section(), section(svg=None, text=HOSTILE)], subtitle=HOSTILE)
    assert "<script>alert" not in page
    assert page.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co") >= 7
    assert "a &lt;b&gt;.yaml" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>') == 1
    assert "<?xml" not in page
    assert "<!DOCTYPE svg" not in page
    assert '<a href="#section-1">' in page
    assert '<a href="#section-2">' in page
    assert "@media print" in page
    assert "<td class=num>14.8333</td>" in page
    assert "A&lt;/script&gt;" in page
    # the embedded JSON cannot close its script element early
    assert '"A\\u003c/script\\u003e"' in page


def test_markdown_with_pictures_beside_it() -> None:
    text, images = markdown_report("Q1 | review", [section(), section(svg=None)], "q1")
    assert images == {"q1-1-pert.svg": SVG}
    assert "![" in text
    assert "](q1-1-pert.svg)" in text
    assert text.startswith("# Q1 \\| review\n")
    assert "| duration | 14.8333 |" in text
    assert "\\<script\\>" in text
    assert "<script>" not in text
    assert "1. [" in text
    assert "(#section-2)" in text

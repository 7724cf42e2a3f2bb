"""The CLI's JSON shapes and its errors (Chinese, non-zero, no traceback)."""

from __future__ import annotations

from .conftest import SAMPLE


def test_import_json_shape(cli) -> None:  # noqa: ANN001
    data = cli("import", str(SAMPLE / "reading_2023_2024.txt"), "--json").json()
    assert set(data) == {"imported", "skipped", "errors"}
    first = data["imported"][0]
    assert set(first) >= {"id", "title", "unit", "year", "sections"}
    assert (first["title"], first["unit"], first["year"], first["sections"]) == ("全民阅读推广专项经费", "青川市图书馆", 2023, 14)


def test_reports_json_shape(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    rows = cli("reports", "--json").json()
    assert len(rows) == 6
    assert set(rows[0]) == {"id", "title", "unit", "dept", "year", "kind", "profile", "outline", "updated_at"}
    assert {r["kind"] for r in rows} == {"past"}


def test_show_json_shape(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE / "ancient_books_2024_2025.txt"))
    data = cli("show", "古籍数字化保护项目@2025", "--json").json()
    assert set(data) >= {"id", "title", "unit", "year", "profile", "cover", "sections", "table"}
    assert data["year"] == 2025 and data["profile"] == "mof2020"
    assert data["cover"]["leader"] == "周启明"
    assert [s["key"] for s in data["sections"]][:3] == ["1.1", "1.2", "2.1"]
    assert all(set(s) >= {"key", "title", "text"} for s in data["sections"])
    table = data["table"]
    # amounts as exact decimal strings: JSON numbers would round (or overflow to Infinity)
    assert table["budget"] == {"total": "50", "fiscal": "46", "carry": "1.8", "other": "2.2"}
    assert table["spent"] == {"total": "38.6", "fiscal": "34.6", "carry": "1.8", "other": "2.2"}
    assert table["goals"]["expected"].startswith("完成古籍扫描不少于1500册")
    first = table["indicators"][0]
    assert {k: first[k] for k in ("level1", "level2", "level3", "expected", "actual")} == {
        "level1": "产出指标", "level2": "数量指标", "level3": "古籍扫描数量", "expected": "≥1500册", "actual": "1450册"}
    assert table["cells"]["total"]["rate"]["value"] == "77.20"  # as written


def test_show_unknown_report(cli) -> None:  # noqa: ANN001
    result = cli("show", "999")
    assert result.code == 1 and "没有编号为 999 的报告" in result.err


def test_usage_errors_are_chinese(cli) -> None:  # noqa: ANN001
    result = cli("search", "--limit", "abc")
    assert result.code == 2 and "需要一个整数" in result.err
    result = cli("frobnicate")
    assert result.code == 2 and "没有这个命令" in result.err


def test_demo_loads_the_sample_once(cli, tmp_path) -> None:  # noqa: ANN001
    demo = tmp_path / "demo.db"
    first = cli("demo", "--no-tui", db=demo)
    assert first.code == 0 and "新导入 6 份" in first.err
    again = cli("demo", "--no-tui", db=demo)
    assert "新导入 0 份" in again.err

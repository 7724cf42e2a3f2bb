"""zipin search: similar wording found even when the numbers differ; user text is never FTS syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.importer import import_paths
from store.search import Filters, search

from .conftest import SAMPLE


@pytest.fixture
def filled(store):  # noqa: ANN001, ANN201
    import_paths(store, [SAMPLE])
    return store


def test_paragraph_differing_only_in_numbers_is_a_near_exact_match(filled) -> None:  # noqa: ANN001
    query = "2026年项目实际支出88.1万元，执行率97.4%。其中：活动组织费35万元，图书采购费40.3万元，宣传印刷费12.8万元。"
    hits, _ = search(filled, query, limit=5)
    assert hits[0].title == "全民阅读推广专项经费" and hits[0].section == "2.2"
    assert hits[0].score >= 95
    # All three years of that paragraph outrank every other paragraph; two of them say the same
    # (numbers aside), so they are one result that counts the other report.
    same = [h for h in hits if h.title == "全民阅读推广专项经费" and h.section == "2.2"]
    assert hits[:len(same)] == same
    assert sum(1 + h.shared for h in same) == 3 and {h.year for h in same} == {2024, 2025}


def test_filters_narrow_the_results(filled) -> None:  # noqa: ANN001
    hits, _ = search(filled, "读者满意度", Filters(section="4.1", year=2024), limit=10)
    assert hits and all(h.section == "4.1" and h.year == 2024 for h in hits)
    hits, _ = search(filled, "满意度", Filters(unit="文化馆"), limit=10)
    assert hits and all(h.unit == "青川市文化馆" for h in hits)
    hits, _ = search(filled, "满意度", Filters(title="古籍"), limit=10)
    assert hits and all(h.title == "古籍数字化保护项目" for h in hits)


@pytest.mark.parametrize("query", ['"', '"满意度', "满意度 AND", "OR 满意度 NEAR(", "满意*", "(满意度)", "NOT", "a:b", "''"])
def test_fts_syntax_is_searched_as_plain_text(filled, query: str) -> None:  # noqa: ANN001
    hits, _ = search(filled, query, limit=5)
    if "满意" in query:  # the words around the syntax are still found
        assert hits and "满意" in hits[0].text


@pytest.mark.parametrize("query", ['"', 'NEAR("满意度" "资金", 2)', "满意度 OR", "*"])
def test_fts_syntax_through_the_cli(cli, query: str) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    result = cli("search", query, "--json")
    assert result.code == 0 and isinstance(result.json()["results"], list)
    assert "Traceback" not in result.err


def test_short_query_falls_back_to_substring(filled) -> None:  # noqa: ANN001
    hits, _ = search(filled, "古籍", limit=3)
    assert hits and all("古籍" in h.text for h in hits)


def test_cli_search_json_shape(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    data = cli("search", "读者满意度为95%", "--section", "4.1", "--limit", "2", "--json").json()
    assert set(data) == {"elapsed_ms", "results"}
    assert isinstance(data["elapsed_ms"], float)
    assert len(data["results"]) == 2
    assert set(data["results"][0]) >= {"report_id", "title", "year", "section", "text", "score"}
    assert data["results"][0]["section"] == "4.1"


def test_empty_store_search_is_empty(cli, tmp_path: Path) -> None:  # noqa: ANN001
    data = cli("search", "执行率", "--json").json()
    assert data["results"] == []

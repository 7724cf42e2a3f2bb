"""The search over the wording index: identical wordings collapsed with a count, ties by year,
unit and project, the index in step with imports, deletions and doctor, short queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.document import Report, Section
from store.db import Store, open_store
from store.doctor import diagnose
from store.reports import insert_report
from store.search import Filters, Near, search
from store.wordings import cache as wordings_cache
from store.wordings import saved_path

SHARED = "本项目资金专款专用，严格执行财务管理制度，未发现挤占挪用情况。"
OTHER = "项目按计划完成了全部年度任务，群众满意度达到较高水平。"


def _report(year: int, unit: str, title: str, *paragraphs: str) -> Report:
    report = Report(title=title, unit=unit, year=year)
    report.sections.append(Section("2.3", "资金管理", "", list(paragraphs)))
    return report


def _add(store: Store, *reports: Report) -> list[int]:
    with store.write() as db:
        return [insert_report(db, r) for r in reports]


@pytest.fixture
def copies(store: Store) -> Store:
    _add(store,
         _report(2023, "甲县文化馆", "阅读推广", SHARED, OTHER),
         _report(2024, "乙县文化馆", "阅读推广", SHARED.replace("严格", "严格地")),
         _report(2024, "甲县文化馆", "古籍保护", SHARED),
         _report(2022, "丙县文化馆", "非遗保护", SHARED))
    return store


def test_identical_wordings_are_one_result_with_their_count(copies: Store) -> None:
    hits, _ = search(copies, SHARED, limit=5)
    exact = [h for h in hits if h.text == SHARED]
    assert len(exact) == 1 and exact[0].shared == 2
    assert exact[0].shared_note() == "另有 2 份报告相同（数字不计）"
    assert hits[0] is exact[0] and hits[0].score == 100


def test_paragraphs_differing_only_in_numbers_are_one_wording(store: Store) -> None:
    _add(store, *(_report(2020 + i, f"{i}号单位", "项目", f"全年支出{10 + i}万元，执行率9{i}%。") for i in range(4)))
    hits, _ = search(store, "全年支出88万元，执行率97%。", limit=5)
    assert len(hits) == 1 and hits[0].shared == 3 and hits[0].year == 2023


def test_ties_go_to_the_newest_year_then_own_unit_then_same_project(copies: Store) -> None:
    (best,), _ = search(copies, SHARED, limit=1)
    assert (best.year, best.unit, best.title) == (2024, "甲县文化馆", "古籍保护")  # 2024 beats 2023 and 2022
    _add(copies, _report(2024, "丁县文化馆", "古籍保护", SHARED), _report(2024, "甲县文化馆", "阅读推广", SHARED))
    for near, expected in [(Near(unit="丁县文化馆"), ("丁县文化馆", "古籍保护")),
                           (Near(unit="甲县文化馆", title="阅读推广"), ("甲县文化馆", "阅读推广")),
                           (Near(title="阅读推广"), ("甲县文化馆", "阅读推广"))]:
        (hit,), _ = search(copies, SHARED, limit=1, near=near)
        assert (hit.year, hit.unit, hit.title) == (2024, *expected), near
        assert hit.shared == 4


def test_equal_scores_of_different_wordings_order_by_year(copies: Store) -> None:
    hits, _ = search(copies, "专款专用", limit=5)
    assert [h.score for h in hits[:2]] == [99, 99]
    assert [h.year for h in hits[:2]] == [2024, 2024] and hits[0].text != hits[1].text


def test_filters_count_only_the_paragraphs_they_keep(copies: Store) -> None:
    (hit,), _ = search(copies, SHARED, Filters(unit="甲县"), limit=1)
    assert hit.unit == "甲县文化馆" and hit.shared == 1
    (hit,), _ = search(copies, SHARED, Filters(year=2022), limit=1)
    assert hit.year == 2022 and hit.shared == 0
    assert search(copies, SHARED, Filters(section="9.9"), limit=3)[0] == []


@pytest.mark.parametrize("query", ["专", "管", "挪"])
def test_one_character_query(copies: Store, query: str) -> None:
    hits, _ = search(copies, query, limit=5)
    assert hits and all(query in h.text for h in hits)


@pytest.mark.parametrize("query", ["挤占挪用", "群众满意度", "财务管理制度"])
def test_short_query_finds_the_paragraphs_holding_it(copies: Store, query: str) -> None:
    hits, _ = search(copies, query, limit=5)
    assert hits and query in hits[0].text and hits[0].score == 99


@pytest.mark.parametrize("query", ['"专款专用"', "专款专用 OR", "NEAR(专款 专用)", "专款*", "^专款", "专款 AND 专用", "'"])
def test_fts_syntax_is_plain_text(copies: Store, query: str) -> None:
    hits, _ = search(copies, query, limit=3)
    if "专款" in query:
        assert hits and "专款" in hits[0].text


def test_index_follows_imports_and_deletions(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert search(store, "挤占挪用", limit=3)[0] == []
        first, = _add(store, _report(2023, "甲县", "甲项目", SHARED))
        assert [h.report_id for h in search(store, "挤占挪用", limit=3)[0]] == [first]
        second, = _add(store, _report(2024, "乙县", "乙项目", SHARED))
        (hit,), _ = search(store, "挤占挪用", limit=3)
        assert (hit.report_id, hit.shared) == (second, 1)
        with store.write() as db:
            db.execute("DELETE FROM reports WHERE id = ?", [second])
        (hit,), _ = search(store, "挤占挪用", limit=3)
        assert (hit.report_id, hit.shared) == (first, 0)
        with store.write() as db:
            db.execute("UPDATE reports SET year = 2030 WHERE id = ?", [first])
        assert search(store, "挤占挪用", limit=1)[0][0].year == 2030


def test_index_is_saved_and_reloaded_in_a_new_process(db_path: Path) -> None:
    with open_store(db_path) as store:
        _add(store, _report(2023, "甲县", "甲项目", SHARED))
        search(store, "挤占挪用")
    assert saved_path(db_path).exists()
    wordings_cache._HELD.clear()  # as a new process
    with open_store(db_path) as store:
        assert search(store, "挤占挪用")[0][0].text == SHARED


def test_drafts_are_searched_without_the_index(db_path: Path) -> None:
    with open_store(db_path) as store:
        _add(store, _report(2023, "甲县", "甲项目", OTHER))
        with store.write() as db:
            draft = insert_report(db, _report(2025, "甲县", "甲项目", SHARED), kind="draft")
        assert search(store, "挤占挪用", Filters(kind="past"))[0] == []
        hits, _ = search(store, "挤占挪用", Filters(kind=None))
        assert [h.report_id for h in hits] == [draft]


def test_doctor_rebuilds_a_damaged_saved_index(db_path: Path) -> None:
    with open_store(db_path) as store:
        _add(store, _report(2023, "甲县", "甲项目", SHARED))
        search(store, "挤占挪用")
    saved_path(db_path).write_bytes(b"not an index")
    checks = {c.name: c for c in diagnose(db_path, repair=False)}
    assert not checks["查找索引"].ok
    repaired = {c.name: c for c in diagnose(db_path)}
    assert repaired["查找索引"].ok and repaired["查找索引"].repaired
    assert {c.name: c for c in diagnose(db_path, repair=False)}["查找索引"].ok
    with open_store(db_path) as store:
        assert search(store, "挤占挪用")[0][0].text == SHARED


def test_cli_shows_the_count(cli, db_path: Path) -> None:  # noqa: ANN001
    with open_store(db_path) as store:
        _add(store, _report(2023, "甲县", "甲项目", SHARED), _report(2024, "乙县", "乙项目", SHARED))
    out = cli("search", "挤占挪用").out
    assert "另有 1 份报告相同" in out
    (result,) = cli("search", "挤占挪用", "--json").json()["results"]
    assert result["shared"] == 1 and result["shared_note"].startswith("另有 1 份报告相同")


def test_bounded_rerank_keeps_the_brute_force_best(store: Store) -> None:
    """best_scores skips partial matches its bound rules out; its best must be brute force's."""
    from store.importer import import_paths
    from store.scorer import best_scores, scores

    from .conftest import SAMPLE

    import_paths(store, [SAMPLE])
    texts = sorted({r["masked"] for r in store.query("SELECT masked FROM paragraphs")})
    for query in [texts[3][:40], texts[10], texts[20][5:12], "资金使用", "满意度调查", texts[7] + texts[8][:30]]:
        full = scores(query, texts)
        bounded = best_scores(query, texts, 5)
        top = [s for s in sorted(full, reverse=True)[:5] if s > 0]  # below the floor: no match
        kept = sorted((s for s in bounded if s == s), reverse=True)[:len(top)]  # NaN != NaN
        assert kept == pytest.approx(top), query


def _one_by_one(index, ws, mask, unit: int, title: int) -> list[tuple[int, int, int]]:  # noqa: ANN001
    """The stand-in paragraph and shared count, wording by wording, as plainly as it can be said."""
    out = []
    for w in ws:
        places = [p for p in range(index.member_starts[w], index.member_starts[w + 1]) if mask is None or mask[p]]
        if places:
            best = max(places, key=lambda p: (index.year[p], index.unit[p] == unit, index.title[p] == title,
                                              index.paragraph[p]))
            out.append((int(w), int(index.paragraph[best]), len({int(index.report[p]) for p in places}) - 1))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_representatives_in_one_pass_match_one_by_one(seed: int) -> None:
    """Few paragraphs per wording, so the unit and project tie-breaks decide often."""
    import random

    import numpy as np

    from store.wordings import build, representatives

    rng = random.Random(seed)
    rows, pid = [], 0
    for w in range(rng.randint(1, 4)):
        for _ in range(rng.randint(1, 5)):
            pid += 1
            rows.append((pid, rng.randint(1, 6), rng.choice("12"), f"措辞{w}", rng.choice([None, 2023, 2023]),
                         rng.choice(["甲馆", "乙馆"]), rng.choice(["阅读", "古籍"])))
    rng.shuffle(rows)
    index = build(rows, (0, len(rows)))
    mask = None if seed % 3 == 0 else np.array([rng.random() < 0.7 for _ in rows])
    ws = rng.sample(range(len(index)), rng.randint(1, len(index)))
    near = Near() if seed % 5 == 0 else Near(unit="甲馆", title="阅读")
    got = [(w, p, n) for w, p, n, *_ in representatives(index, ws, mask, near)]
    assert got == _one_by_one(index, ws, mask, index.code("units", near.unit) if near.unit else -2,
                              index.code("titles", near.title) if near.title else -2)

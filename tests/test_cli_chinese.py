"""The click CLI as a user of harlequin or posting expects it (issue 11, «Build» item 4): Chinese
throughout — help, usage lines and click's own errors —, `--db` and `--json` before or after
the command, «您是不是要找…» for a mistyped command or report name, `show` in Chinese field
names without `None`, `search` keeping drafts apart."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from extract.outline import load_outline
from store.db import open_store
from store.drafts import NewDraft, create_draft, save_text
from store.errors import NotFound
from store.importer import import_paths
from store.reports import resolve_report

from .conftest import SAMPLE, run_cli

# Words that may stay in Latin letters in help text: names of things, not English sentences.
COMMANDS = ("import", "reports", "show", "search", "extract", "check", "dismiss", "suggest", "export", "draft", "demo",
            "doctor")
ALLOWED = {"zipin", "JSON", "ZIPIN_DB", "Word", "docx", "md", "txt", "mof", "xj", "error", "warning", "past",
           "draft", *COMMANDS}


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """`zipin ARGS…` in process, with no --db added: the test places it."""
    return lambda *args: run_cli(capsys, list(args))


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    with open_store(db_path) as store:
        import_paths(store, [SAMPLE])
    return db_path


def _click_messages() -> set[str]:
    """Every message the installed click passes through gettext."""
    messages: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                messages.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return messages


def test_every_click_message_has_a_chinese_entry() -> None:
    from tui.usage import catalogue

    translated, _types = catalogue()
    missing = _click_messages() - set(translated)
    assert not missing, f"click messages without Chinese: {sorted(missing)}"


def _english_words(text: str) -> set[str]:
    text = re.sub(r"--?[a-z][a-z-]*|\.[a-z]+\b|[A-Za-z_]+\.(?:db|toml|txt|docx)", " ", text)
    return set(re.findall(r"[A-Za-z][A-Za-z_]+", text)) - ALLOWED


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_of_every_command_is_chinese(run, command: str) -> None:  # noqa: ANN001
    result = run(*([command] if command else []), "--help")
    assert result.code == 0
    assert result.out.startswith(f"用法：zipin {command}".rstrip())
    assert "选项：" in result.out and "显示本帮助并退出。" in result.out
    assert not _english_words(result.out), result.out


def test_help_lines_keep_their_columns_with_chinese_metavars(run) -> None:  # noqa: ANN001
    from tui.usage import display_width

    lines = [line for line in run("search", "--help").out.splitlines() if line.startswith("  -")]
    starts = {display_width(line[: re.search(r"\s{2,}\S", line[2:]).end() + 1]) for line in lines}  # type: ignore[union-attr]
    assert len(starts) == 1, lines


def test_db_before_or_after_the_command(run, sample_db: Path) -> None:  # noqa: ANN001
    before = run("--db", str(sample_db), "reports", "--json")
    after = run("reports", "--db", str(sample_db), "--json")
    last = run("reports", "--json", "--db", str(sample_db))
    assert before.code == after.code == last.code == 0
    assert len(before.json()) == 6 and before.json() == after.json() == last.json()
    assert run("show", "古籍数字化保护项目@2025", "--db", str(sample_db)).code == 0


def test_json_before_or_after_the_command(run, sample_db: Path) -> None:  # noqa: ANN001
    assert run("--json", "--db", str(sample_db), "reports").json() == run("--db", str(sample_db), "reports", "--json").json()
    shown = run("--db", str(sample_db), "--json", "show", "古籍数字化保护项目@2025")
    assert shown.json()["title"] == "古籍数字化保护项目"
    refused = run("--json", "--db", str(sample_db), "dismiss", "1", "abc", "--reason", "x")
    assert refused.code == 2 and "没有 JSON 输出" in refused.err


def test_a_mistyped_command_gets_candidates(run) -> None:  # noqa: ANN001
    result = run("chek")
    assert result.code == 2
    assert "没有这个命令：chek" in result.err and "您是不是要找：check" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_mistyped_option_gets_candidates(run, sample_db: Path) -> None:  # noqa: ANN001
    result = run("--db", str(sample_db), "reports", "--jsn")
    assert result.code == 2 and "没有这个选项：--jsn" in result.err and "您是不是要找 --json" in result.err


def test_a_partial_report_name_lists_the_matches(run, sample_db: Path) -> None:  # noqa: ANN001
    result = run("--db", str(sample_db), "show", "全民阅读")
    assert result.code == 1
    assert "您是不是要找" in result.err
    for year in (2025, 2024, 2023):
        assert f"全民阅读推广专项经费@{year}" in result.err
    assert "古籍" not in result.err


def test_a_mistyped_report_name_gets_candidates(run, sample_db: Path) -> None:  # noqa: ANN001
    result = run("--db", str(sample_db), "check", "全民阅读推广@2025")
    assert result.code == 1
    assert "您是不是要找" in result.err and "全民阅读推广专项经费@2025" in result.err
    assert "@2024" not in result.err  # the year asked for narrows the candidates
    typo = run("--db", str(sample_db), "show", "古藉数字化保护项目")
    assert "您是不是要找：古籍数字化保护项目@2025、古籍数字化保护项目@2024？" in typo.err
    wrong_year = run("--db", str(sample_db), "show", "古籍数字化保护项目@2019")
    assert "古籍数字化保护项目@2025" in wrong_year.err


def test_resolve_report_gives_candidates_without_click(sample_db: Path) -> None:
    with open_store(sample_db) as store:
        with pytest.raises(NotFound) as caught:
            resolve_report(store, "群众文化经费")
    assert caught.value.candidates == ["群众文化活动经费@2025"] and not caught.value.partial
    with open_store(sample_db) as store, pytest.raises(NotFound) as caught:
        resolve_report(store, "全民阅读")
    assert caught.value.partial and len(caught.value.candidates) == 3


def test_show_prints_chinese_field_names_and_never_none(run, sample_db: Path, tmp_path: Path) -> None:  # noqa: ANN001
    shown = run("--db", str(sample_db), "show", "古籍数字化保护项目@2025").out
    for field in load_outline().cover_fields:
        assert f"  {field.label}：" in shown
    assert "title：" not in shown and "unit：" not in shown and "None" not in shown
    bare = tmp_path / "bare.txt"
    bare.write_text("项目名称：只有一节的项目\n一、项目概况\n（一）项目基本情况\n本单位负责全市图书馆的管理。\n", encoding="utf-8")
    assert run("--db", str(sample_db), "import", str(bare)).code == 0
    shown = run("--db", str(sample_db), "show", "只有一节的项目").out
    assert "None" not in shown and "实施单位：—" in shown and "— 年度" in shown


def test_search_leaves_drafts_out_unless_asked(run, sample_db: Path) -> None:  # noqa: ANN001
    with open_store(sample_db) as store:
        draft = create_draft(store, NewDraft("古籍数字化保护项目", "青川市图书馆", "", 2026, "mof2020"))
        save_text(store, draft, "2.2", "草稿里独有的表述：古籍扫描外包服务费支出12.5万元。")
    query = "古籍扫描外包服务费支出"
    past_only = run("--db", str(sample_db), "search", query, "--json").json()["results"]
    assert all(r["kind"] == "past" for r in past_only) and draft not in {r["report_id"] for r in past_only}
    with_drafts = run("--db", str(sample_db), "search", query, "--drafts", "--json").json()["results"]
    assert with_drafts[0]["report_id"] == draft and with_drafts[0]["kind"] == "draft"
    shown = run("--db", str(sample_db), "search", query, "--drafts").out
    assert shown.splitlines()[0].split("]")[1].split()[0] == "草稿"
    assert "草稿" not in run("--db", str(sample_db), "search", query).out.split("（")[0]


def test_search_without_anything_to_look_for_asks_for_it(run, sample_db: Path) -> None:  # noqa: ANN001
    bare = run("--db", str(sample_db), "search")
    assert bare.code == 2 and "请写出要查找的文字" in bare.err
    listed = run("--db", str(sample_db), "search", "--section", "2.1", "--json")
    assert listed.code == 0 and listed.json()["results"]  # a section's past wordings, listed

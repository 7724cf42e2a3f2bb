"""zipin check and zipin dismiss: JSON shape, --fail-on, and dismissals that persist."""

from __future__ import annotations

from .conftest import SAMPLE

REPORT = "全民阅读推广专项经费@2025"


def test_check_json_shape_and_exit_codes(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    result = cli("check", REPORT, "--json")
    assert result.code == 0
    findings = result.json()
    assert len(findings) == 9
    assert set(findings[0]) >= {"rule", "severity", "status", "section", "message", "evidence", "fix", "fingerprint"}
    assert set(findings[0]["evidence"][0]) >= {"where", "text", "section", "start", "end", "cell"}
    assert cli("check", REPORT, "--fail-on", "error").code == 1
    assert cli("check", "古籍数字化保护项目@2025", "--fail-on", "warning").code == 0


def test_dismissal_persists_while_evidence_is_unchanged(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    findings = cli("check", REPORT, "--json").json()
    names = next(f for f in findings if f["rule"] == "names" and "文化馆" in f["message"])
    result = cli("dismiss", REPORT, names["fingerprint"], "--reason", "文化馆是合作单位")
    assert result.code == 0
    after = cli("check", REPORT, "--json").json()
    assert names["fingerprint"] not in {f["fingerprint"] for f in after} and len(after) == 8
    everything = cli("check", REPORT, "--all", "--json").json()
    kept = next(f for f in everything if f["fingerprint"] == names["fingerprint"])
    assert kept["dismissed"] == "文化馆是合作单位"
    assert cli("dismiss", REPORT, "0000", "--reason", "x").code == 1


def test_check_human_output(cli) -> None:  # noqa: ANN001
    cli("import", str(SAMPLE))
    out = cli("check", REPORT).out
    assert "[错误] 第 2.2 节：正文写执行率 96.55%，但附表执行数 79.5 ÷ 预算数 83.2 = 95.55%。" in out
    assert "共 9 条：错误 4，警告 5，提示 0。" in out

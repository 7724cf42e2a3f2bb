"""Small reports for the check tests, written as report text and read by the real importer."""

from __future__ import annotations

from extract.document import Report
from extract.outline import load_outline
from extract.reader import parse_text

FILLER = "本节内容按要求填写，情况属实。"
# Where a default section says more than the filler: 4.2 that all targets were met, 6 how the
# satisfaction figure of the default 附表 was obtained.
DEFAULTS = {"4.2": "各项绩效目标均已完成。", "6": "依据财务凭证和群众满意度问卷开展自评。"}


def mof_table(*, year: int = 2025, total: tuple[str, str, str] = ("100", "100", "95"),
              fiscal: tuple[str, str, str] = ("100", "100", "95"), carry: tuple[str, str, str] = ("0", "0", "0"),
              other: tuple[str, str, str] = ("0", "0", "0"), rate: str = "95.00%", rate_score: str = "9.5",
              indicators: list[tuple[str, ...]] | None = None, total_score: str | None = None,
              title: str = "测试项目", unit: str = "测试单位") -> str:
    """A 财预〔2020〕10号 自评表; indicators are (一级, 二级, 三级, 指标值, 实际值, 分值, 得分[, 原因])."""
    rows = [
        "\t项目支出绩效自评表", f"\t（{year}年度）", f"\t项目名称\t{title}", f"\t主管部门\t测试局\t实施单位\t{unit}",
        "\t项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        f"\t\t年度资金总额\t{total[0]}\t{total[1]}\t{total[2]}\t10\t{rate}\t{rate_score}",
        f"\t\t其中：当年财政拨款\t{fiscal[0]}\t{fiscal[1]}\t{fiscal[2]}\t—\t\t—",
        f"\t\t上年结转资金\t{carry[0]}\t{carry[1]}\t{carry[2]}\t—\t\t—",
        f"\t\t其他资金\t{other[0]}\t{other[1]}\t{other[2]}\t—\t\t—",
        "\t年度总体目标\t预期目标\t实际完成情况",
        "\t\t完成年度各项工作任务。\t完成了年度各项工作任务。",
        "\t绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    ]
    indicators = indicators if indicators is not None else [
        ("产出指标", "数量指标", "举办培训", "≥10期", "12期", "50", "50"),
        ("效益指标", "社会效益指标", "服务群众", "≥1000人次", "1200人次", "30", "30"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"),
    ]
    for ind in indicators:
        reason = ind[7] if len(ind) > 7 else ""
        rows.append("\t\t" + "\t".join([*ind[:7], reason]))
    if total_score is None:
        scored = [float(i[6]) for i in indicators if i[6]]
        total_score = f"{sum(scored) + float(rate_score):g}"
    rows.append(f"\t总分\t\t\t\t\t\t100\t{total_score}\t")
    return "\n\n".join(rows) + "\n"


def report(sections: dict[str, str] | None = None, **kwargs: object) -> Report:
    """A whole report: every outline section (filler where not given) and a consistent 附表."""
    (parsed,) = parse_text(report_text(sections, **kwargs))  # type: ignore[arg-type]
    return parsed


def report_text(sections: dict[str, str] | None = None, *, year: int = 2025, title: str = "测试项目",
                unit: str = "测试单位", dept: str = "测试局", table: str | None = "default",
                filed: str | None = None, cover: bool = True) -> str:
    """The text of `report(…)`, as a user's file would hold it."""
    sections = sections or {}
    lines = []
    if cover:
        lines += [f"项目名称：{title}", f"实施单位（公章）：{unit}", f"主管部门（公章）：{dept}", "项目负责人（签章）：张三",
                  f"填报时间：{filed or f'{year + 1}年2月1日'}"]
    outline = load_outline()
    for part in outline.parts:
        lines.append(f"{part.numeral}、{part.title}")
        children = outline.sections_of(part.key)
        for i, entry in enumerate(children):
            lines.append(f"（{'一二三四五'[i]}）{entry.title}")
            text = sections.get(entry.key, DEFAULTS.get(entry.key, FILLER))
            lines.extend(text.split("\n") if text else [])
        if not children and not part.table:
            lines.append(sections.get(part.key, DEFAULTS.get(part.key, FILLER)))
    text = "\n".join(lines) + "\n"
    if table == "default":
        table = mof_table(year=year, title=title, unit=unit)
    if table:
        text += table
    return text


def numbered_copies(count: int, first: int = 0) -> str:
    """`count` distinct reports in one text: the sample 文化馆 report under numbered project names,
    each with its own staff numbers — a department's many reports pasted into one file."""
    from .conftest import SAMPLE

    base = (SAMPLE / "culture_center_2025.txt").read_text(encoding="utf-8")
    copies = []
    for n in range(first, first + count):
        copies.append(base.replace("群众文化活动经费", f"群众文化活动经费第{n}号")
                      .replace("实有在职人员26人", f"实有在职人员{n % 9 + 18}人"))
    return "\n".join(copies)

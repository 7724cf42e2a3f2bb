"""The walk: one screen to draft a report section by section.

Left, the outline with each section's state and the draft's progress; centre, the section's
question and the answer editor (numbers coloured as they are typed); right, 往年表述 (last year's
wording with this year's numbers) and 一致性检查 (the live findings of the whole draft).
Everything that touches the store runs in thread workers; typing is saved at most 0.4 s later.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..dialogs import ReasonDialog
from ..messages import FindingsReady, NumbersReady, Saved, SaveDeferred, SaveFailed, StatusReady, SuggestionsReady
from ..session import Session, walk_steps
from ..widgets.budget import BudgetPicture
from ..widgets.editor import AnswerEditor
from ..widgets.panels import FindingList, SuggestionList
from .base import ZipinScreen

# Seconds from the first unsaved keystroke to the write.  A crash may lose at most 0.5 s of
# typing; the rest of that budget is for keystrokes the event loop reads late and the write.
SAVE_AFTER = 0.25
RETRY_AFTER = 1.0  # seconds before a save that met a busy store tries again
ANALYSE_AFTER = 0.35  # seconds of quiet before numbers, suggestions and checks are recomputed
COVER_FIELDS = (("title", "项目名称"), ("unit", "实施单位"), ("dept", "主管部门"), ("leader", "项目负责人"),
                ("filed", "填报时间"), ("year", "年度"))
STATE_MARKS = {"empty": ("○", "dim"), "drafted": ("●", "green"), "findings": ("▲", "yellow"), "errors": ("▲", "red")}


class WalkScreen(ZipinScreen[None]):
    # Priority: the editor's own F6/F7 (select line / select all) must not shadow these.
    BINDINGS = [
        Binding("f2", "insert_suggestion", "插入建议", priority=True),
        Binding("f3", "replace_suggestion", "替换为建议", priority=True),
        Binding("f4", "next_suggestion", "换一条", show=False, priority=True),
        Binding("f5", "check", "检查", priority=True),
        Binding("f6", "lookup", "查找往年", priority=True),
        Binding("f7", "previous_step", "上一节", priority=True),
        Binding("f8", "next_step", "下一节", priority=True),
        Binding("f9", "table", "附表", priority=True),
        Binding("f10", "review", "审阅导出", priority=True),
        Binding("ctrl+d", "dismiss_finding", "忽略检查项", show=False),
        Binding("escape", "home", "返回", show=False),
    ]

    def __init__(self, session: Session, draft_id: int, start: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.draft_id = draft_id
        self.steps = walk_steps()
        self.start_key = start
        self.key = ""
        self.info: dict[str, Any] = {}
        self._pending: tuple[str, str] | None = None
        self._save_timer: Timer | None = None
        self._save_failed_shown = False
        self._retry_timer: Timer | None = None
        self._deferred: set[str] = set()  # sections whose newest words wait in the journal
        self._analyse_timer: Timer | None = None
        self._findings: list[Any] = []
        self._echoed: dict[str, str] = {}  # answers read back and waiting for confirmation

    # ----- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="walk"):
            with Vertical(id="outline-pane"):
                yield Static(id="progress")
                yield OptionList(*(Option(f"{s.key} {s.short}" if s.is_section else s.short, id=s.key)
                                   for s in self.steps), id="outline")
            with Vertical(id="centre"):
                yield Static(id="question")
                with ContentSwitcher(initial="editor", id="switcher"):
                    yield AnswerEditor(id="editor")
                    with VerticalScroll(id="cover"):
                        for key, label in COVER_FIELDS:
                            yield Label(label)
                            yield Input(id=f"cover-{key}")
                    yield VerticalScroll(id="facts")
                yield Static(id="status", classes="dim")
            with Vertical(id="side"):
                yield Label("往年表述", classes="panel-title")
                yield SuggestionList(id="suggestions")
                yield Label("一致性检查", classes="panel-title")
                yield FindingList(id="findings")
                yield BudgetPicture(id="budget")
        yield Footer()

    def on_mount(self) -> None:
        self.editor.focus()
        self.load_draft()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "-narrow")

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one("#editor", AnswerEditor)

    # ----- loading

    @work(thread=True, group="load", exit_on_error=False)
    def load_draft(self) -> None:
        from store.drafts import answers
        from store.journal import reopen
        from store.reports import load_report

        store = self.session.store()
        restored = reopen(store, self.draft_id)
        if restored:
            self.app.call_from_thread(self.notify, f"已恢复上次未写入数据库的文字：{'、'.join(restored)}",
                                      title="已恢复")
        report = load_report(store, self.draft_id)
        info = {"title": report.title, "unit": report.unit, "dept": report.dept, "year": report.year,
                "profile": report.profile, "cover": report.cover, "answers": answers(store, self.draft_id),
                "texts": {s.key: s.text for s in report.sections}}
        self.app.call_from_thread(self._loaded, info)

    def _loaded(self, info: dict[str, Any]) -> None:
        self.info = info
        self.sub_title = f"{info['title']}（{info['year'] or '年度未填'}）"
        start = self.start_key or self._first_unfinished()
        self.go(start)
        self.refresh_status()
        self.run_checks()

    def _first_unfinished(self) -> str:
        if not self.info["cover"].get("title") or not self.info["cover"].get("unit"):
            return "cover"
        if not any(a["confirmed"] for a in self.info["answers"].values()):
            return "facts"
        for s in self.steps:
            if s.is_section and not self.info["texts"].get(s.key, "").strip():
                return s.key
        return self.steps[2].key

    # ----- moving between steps

    def go(self, key: str) -> None:
        if key == "7":
            self.action_table()
            return
        self.flush()
        step = next(s for s in self.steps if s.key == key)
        self.key = key
        outline = self.query_one("#outline", OptionList)
        outline.highlighted = outline.get_option_index(key)
        question = Text(f"{step.key if step.is_section else ''} {step.title}\n", style="bold")
        question.append(step.question)
        if step.hint:
            question.append(f"\n{step.hint}", style="dim")
        self.query_one("#question", Static).update(question)
        switcher = self.query_one("#switcher", ContentSwitcher)
        if key == "cover":
            switcher.current = "cover"
            self._fill_cover()
        elif key == "facts":
            switcher.current = "facts"
            self._fill_facts()
        else:
            switcher.current = "editor"
            text = self.info["texts"].get(key, "")
            self.editor.load_text(text)  # its Changed event finds the text unchanged: no save
            self.editor.clear_numbers()
            self.query_one("#status", Static).update("已保存" if text else "")
            self.editor.focus()
            self.analyse()

    @on(OptionList.OptionSelected, "#outline")
    def outline_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.go(event.option.id)

    def action_next_step(self) -> None:
        self._move(1)

    def action_previous_step(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        keys = [s.key for s in self.steps]
        index = keys.index(self.key) if self.key in keys else 0
        self.go(keys[max(0, min(len(keys) - 1, index + delta))])

    # ----- typing and saving

    @on(TextArea.Changed, "#editor")
    def text_changed(self) -> None:
        if not self.key:
            return
        text = self.editor.text
        if text == self.info["texts"].get(self.key):
            return  # the editor was (re)loaded: nothing new to save
        self.info["texts"][self.key] = text
        self._pending = (self.key, text)
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER, self.flush)
        self.query_one("#status", Static).update("未保存…")
        if self._analyse_timer is not None:
            self._analyse_timer.stop()
        self._analyse_timer = self.set_timer(ANALYSE_AFTER, self.analyse)

    def flush(self) -> None:
        """Write what is pending now (a timer calls this; so do leaving a section and quitting)."""
        pending = self._take_pending()
        if pending is not None:
            self.save(*pending)

    def _take_pending(self) -> tuple[str, str] | None:
        """The unsaved (key, text), now owned by the caller; the save timer is stopped."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        pending, self._pending = self._pending, None
        return pending

    @work(thread=True, group="save", exit_on_error=False)
    def save(self, key: str, text: str) -> None:
        self.post_message(self._write(key, text))

    def _write(self, key: str, text: str) -> Saved | SaveDeferred | SaveFailed:
        """Save one section: its words under the app's save lock (milliseconds, or a journal
        file while an import holds the store), then — once typing pauses, so a burst of
        keystrokes does not compete with its own saves for the CPU — its facts and search
        tokens.  On failure the words are in a rescue file and the message says where."""
        from store.autosave import Outcome, index_now, save_words
        from store.errors import StoreError

        try:
            with self.session.save_lock:
                outcome = save_words(self.session.store, self.draft_id, key, text)
        except StoreError as exc:
            return SaveFailed(exc.message)
        if outcome is Outcome.JOURNALLED:
            return SaveDeferred(key)
        if self._pending is None and not index_now(self.session.store, self.draft_id, key):
            return SaveDeferred(key)
        return Saved(key, text)

    def save_now(self) -> None:
        """Synchronous flush, for quitting: nothing typed may be lost."""
        pending = self._take_pending()
        if pending is None:
            return
        outcome = self._write(*pending)
        # quitting: the app prints these once it has closed
        if isinstance(outcome, SaveFailed):
            self.app.farewell.append(outcome.message)  # type: ignore[attr-defined]
        elif isinstance(outcome, SaveDeferred):
            self.app.farewell.append(  # type: ignore[attr-defined]
                f"数据库正忙（可能正在导入），{pending[0]} 的文字已暂存，下次打开这份草稿时自动写入。")

    def on_saved(self, message: Saved) -> None:
        self.query_one("#status", Static).update("已保存")
        if self._pending is None:  # typing has paused: check now (not at every save of a burst)
            self.run_checks()

    def on_save_deferred(self, message: SaveDeferred) -> None:
        """Another process holds the store: the words are journalled; try again in a moment
        (with whatever is newest by then), unless a newer save is on its way anyway."""
        self.query_one("#status", Static).update("已暂存，等待数据库…")
        self._deferred.add(message.key)
        if self._retry_timer is None:  # one timer retries every deferred section
            self._retry_timer = self.set_timer(RETRY_AFTER, self._retry_deferred)

    def _retry_deferred(self) -> None:
        self._retry_timer = None
        keys, self._deferred = self._deferred, set()
        for key in keys:
            if self._pending is None or self._pending[0] != key:  # else that save comes anyway
                self.save(key, self.info["texts"].get(key, ""))

    def on_save_failed(self, message: SaveFailed) -> None:
        """The text is in a rescue file; say so in the status line, and once in a notice — not a
        dialog, which would take the keystrokes of someone still typing."""
        self.query_one("#status", Static).update("未能保存到数据库，已另存为文件")
        if not self._save_failed_shown:
            self._save_failed_shown = True
            self.notify(message.message, title="未能保存", severity="error", timeout=30)

    # ----- analysis: numbers, suggestions

    def analyse(self) -> None:
        if self.key and self.key not in ("cover", "facts"):
            self.find_numbers(self.editor.text)
            self.find_suggestions(self.key, self._typed())

    def _typed(self) -> str:
        """The paragraph under the cursor: what the suggestions should match."""
        row, _ = self.editor.cursor_location
        lines = self.editor.text.split("\n")
        return lines[row] if row < len(lines) else ""

    @work(thread=True, exclusive=True, group="numbers", exit_on_error=False)
    def find_numbers(self, text: str) -> None:
        from extract import extract_numbers

        spans = [(m.start, m.end, m.kind) for m in extract_numbers(text)]
        self.post_message(NumbersReady(text, spans))

    def on_numbers_ready(self, message: NumbersReady) -> None:
        self.editor.set_numbers(message.text, message.spans)

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def find_suggestions(self, key: str, typed: str) -> None:
        from store.drafts import this_year
        from store.suggest import Request, suggest

        store = self.session.store()
        facts = this_year(store, self.draft_id, skip_section=key)
        request = Request(key, typed, self.info.get("year"), self.info.get("unit", ""), self.info.get("title", ""),
                          facts, exclude_report=self.draft_id, limit=5)
        suggestions, _ = suggest(store, request)
        self.post_message(SuggestionsReady(key, suggestions))

    def on_suggestions_ready(self, message: SuggestionsReady) -> None:
        if message.key == self.key:
            self.query_one("#suggestions", SuggestionList).show(message.suggestions)

    def action_next_suggestion(self) -> None:
        panel = self.query_one("#suggestions", SuggestionList)
        if panel.option_count:
            panel.highlighted = ((panel.highlighted or 0) + 1) % panel.option_count

    def action_insert_suggestion(self) -> None:
        chosen = self.query_one("#suggestions", SuggestionList).chosen()
        if chosen is None or self.key in ("cover", "facts"):
            return
        row, _ = self.editor.cursor_location
        line = self.editor.text.split("\n")[row] if self.editor.text else ""
        self.editor.insert(chosen.text if not line.strip() else "\n" + chosen.text)
        self.editor.focus()

    def action_replace_suggestion(self) -> None:
        chosen = self.query_one("#suggestions", SuggestionList).chosen()
        if chosen is None or self.key in ("cover", "facts"):
            return
        self.editor.text = chosen.text
        self.editor.focus()

    @on(OptionList.OptionSelected, "#suggestions")
    def suggestion_selected(self) -> None:
        self.action_insert_suggestion()

    # ----- checks

    def action_check(self) -> None:
        self.flush()
        self.run_checks()

    @work(thread=True, exclusive=True, group="checks", exit_on_error=False)
    def run_checks(self) -> None:
        from checks import check_report
        from checks.dismiss import dismissed_fingerprints

        store = self.session.store()
        findings = check_report(store, self.draft_id)
        self.post_message(FindingsReady(findings, dismissed_fingerprints(store, self.draft_id)))
        self._status_worker(findings)

    def on_findings_ready(self, message: FindingsReady) -> None:
        self._findings = message.findings
        self.query_one("#findings", FindingList).show(message.findings)

    def _status_worker(self, findings: list[Any] | None = None) -> None:
        from store.drafts import answers, rates_over_years
        from store.reports import load_report

        store = self.session.store()
        report = load_report(store, self.draft_id)
        states: dict[str, str] = {}
        for s in self.steps:
            if s.is_section:
                text = report.section_text(s.key)
                states[s.key] = "drafted" if text.strip() else "empty"
        findings = self._findings if findings is None else findings
        for f in findings:
            if states.get(f.section) in ("drafted", "findings"):  # an empty section stays «empty»
                states[f.section] = "errors" if f.severity == "error" else "findings"
        given = sum(1 for a in answers(store, self.draft_id).values() if a["confirmed"])
        table = report.table
        progress = {
            "sections": sum(1 for k, v in states.items() if v != "empty"), "total": len(states),
            "facts": given, "findings": len(findings),
        }
        self.info["budget"] = (table.amount("total", "budget") if table else None,
                               table.amount("total", "spent") if table else None)
        self.info["rates"] = rates_over_years(store, report.title)
        self.post_message(StatusReady(states, progress))

    def refresh_status(self) -> None:
        self.run_worker(self._status_worker, thread=True, group="status", exclusive=True, exit_on_error=False)

    def on_status_ready(self, message: StatusReady) -> None:
        outline = self.query_one("#outline", OptionList)
        for s in self.steps:
            state = message.states.get(s.key)
            mark, style = STATE_MARKS[state] if state else ("·", "dim")
            label = Text(f"{mark} ", style=style)
            label.append(f"{s.key} {s.short}" if s.is_section else s.short)
            outline.replace_option_prompt(s.key, label)
        p = message.progress
        self.query_one("#progress", Static).update(
            f"已写 {p['sections']}/{p['total']} 节 · 基本数据 {p['facts']} 项 · 待处理 {p['findings']} 条")
        budget, spent = self.info.get("budget", (None, None))
        self.query_one("#budget", BudgetPicture).show(budget, spent, self.info.get("rates", []))

    @on(OptionList.OptionSelected, "#findings")
    def finding_selected(self) -> None:
        finding = self.query_one("#findings", FindingList).chosen()
        if finding is None:
            return
        target = next((e for e in finding.evidence if e.where in ("text", "heading")), None)
        if target is None or target.section in (None, "7"):
            if finding.section == "7":
                self.action_table()
            else:
                self.go("cover")
            return
        self.go(target.section)
        if target.start is not None and target.end is not None:
            start, end = self._editor_span(target)
            self.editor.select_span(start, end)
        self.editor.focus()

    def _editor_span(self, evidence: Any) -> tuple[int, int]:
        """Evidence offsets count paragraphs joined without blank lines; the editor keeps them."""
        text = self.editor.text
        if evidence.paragraph is None:
            return evidence.start, evidence.end
        paragraphs = [p for p in text.split("\n") if p.strip()]
        before = sum(len(p) + 1 for p in paragraphs[:evidence.paragraph])
        inner_start, inner_end = evidence.start - before, evidence.end - before
        lines = text.split("\n")
        seen, offset = -1, 0
        for line in lines:
            if line.strip():
                seen += 1
                if seen == evidence.paragraph:
                    return offset + inner_start, offset + inner_end
            offset += len(line) + 1
        return evidence.start, evidence.end

    def action_dismiss_finding(self) -> None:
        finding = self.query_one("#findings", FindingList).chosen()
        if finding is None:
            return

        def done(reason: str | None) -> None:
            if reason:
                self.dismiss_finding(finding.fingerprint, finding.rule, reason)

        self.app.push_screen(ReasonDialog(finding.message), done)

    @work(thread=True, group="dismiss", exit_on_error=False)
    def dismiss_finding(self, fingerprint: str, rule: str, reason: str) -> None:
        from checks.dismiss import dismiss

        dismiss(self.session.store(), self.draft_id, fingerprint, reason, rule)
        self.app.call_from_thread(self.run_checks)

    # ----- cover and key facts

    def _fill_cover(self) -> None:
        cover = dict(self.info.get("cover", {}))
        cover.setdefault("title", self.info.get("title", ""))
        for key, _ in COVER_FIELDS:
            value = str(self.info.get("year") or "") if key == "year" else cover.get(key, "")
            widget = self.query_one(f"#cover-{key}", Input)
            with widget.prevent(Input.Changed):
                widget.value = value
        self.query_one("#cover-title", Input).focus()

    @on(Input.Changed, "#cover Input")
    def cover_changed(self) -> None:
        cover = {key: self.query_one(f"#cover-{key}", Input).value.strip() for key, _ in COVER_FIELDS if key != "year"}
        year_text = self.query_one("#cover-year", Input).value.strip()
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else self.info.get("year")
        self.info.update(cover=cover, title=cover.get("title", ""), unit=cover.get("unit", ""), year=year)
        self.save_cover(cover, year)

    @work(thread=True, exclusive=True, group="cover", exit_on_error=False)
    def save_cover(self, cover: dict[str, str], year: int | None) -> None:
        from store.drafts import save_cover

        with self.session.save_lock:
            save_cover(self.session.store(), self.draft_id, cover, year)

    def _fill_facts(self) -> None:
        from store.answers import questions

        box = self.query_one("#facts", VerticalScroll)
        box.remove_children()
        answers = self.info.get("answers", {})
        for q in questions():
            answer = answers.get(q.key, {})
            box.mount(Label(q.ask, classes="question"))
            box.mount(Input(answer.get("text", ""), placeholder=f"例如：{q.example}", id=f"answer-{q.key}"))
            box.mount(Static("✓ 已确认" if answer.get("confirmed") else "", id=f"echo-{q.key}", classes="echo"))
        self.call_after_refresh(self._focus_first_answer)

    def _focus_first_answer(self) -> None:
        """After the answers are mounted — unless the user has already moved on."""
        inputs = self.query("#facts Input")
        if self.key == "facts" and inputs:
            inputs.first().focus()

    @on(Input.Changed, "#facts Input")
    def answer_changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("answer-")
        self.info.setdefault("answers", {})[key] = {"text": event.value, "confirmed": False}
        self.save_answer(key, event.value, False)
        self.query_one(f"#echo-{key}", Static).update("")

    @on(Input.Submitted, "#facts Input")
    def answer_submitted(self, event: Input.Submitted) -> None:
        """First Enter reads the answer back; Enter again on the same text confirms it."""
        from store.answers import read_answer

        key = (event.input.id or "").removeprefix("answer-")
        echo = self.query_one(f"#echo-{key}", Static)
        reading = read_answer(key, event.value, self.info.get("profile", ""))
        if self._echoed.get(key) == event.value:
            self.info["answers"][key] = {"text": event.value, "confirmed": True}
            self.save_answer(key, event.value, True)
            echo.update(Text("✓ 已确认：" + reading.echo(self.info.get("profile", "")).removeprefix("我理解为："),
                             style="green"))
            self._echoed.pop(key, None)
            self.focus_next()
        else:
            echo.update(Text(reading.echo(self.info.get("profile", "")) + " 按 Enter 确认，或修改后重新输入。"))
            self._echoed[key] = event.value

    @work(thread=True, group="answers", exit_on_error=False)
    def save_answer(self, key: str, text: str, confirmed: bool) -> None:
        from store.drafts import save_answer

        with self.session.save_lock:
            save_answer(self.session.store(), self.draft_id, key, text, confirmed=confirmed)
        if confirmed:
            self.app.call_from_thread(self.run_checks)

    # ----- other screens

    def action_table(self) -> None:
        from .table import TableScreen

        self.flush()
        self.app.push_screen(TableScreen(self.session, self.draft_id), lambda _: self.run_checks())

    def action_lookup(self) -> None:
        from .lookup import LookupScreen

        self.flush()

        def paste(text: str | None) -> None:
            if text and self.key not in ("cover", "facts"):
                self.editor.insert(text if not self.editor.text.strip() else "\n" + text)
                self.editor.focus()

        self.app.push_screen(LookupScreen(self.session, section=self.key if self.key[:1].isdigit() else None), paste)

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.flush()

        def jump(target: str | None) -> None:
            if target:
                self.go(target)

        self.app.push_screen(ReviewScreen(self.session, self.draft_id), jump)

    def action_home(self) -> None:
        self.flush()
        self.app.go_home()  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        self.save_now()

    def budget_of(self) -> tuple[Decimal | None, Decimal | None]:
        return self.info.get("budget", (None, None))

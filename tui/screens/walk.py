"""The walk: one screen to draft a report section by section.

Left, the outline with each section's state and the draft's progress; centre, the step — the
cover form, the key-facts form, or the section's question above the answer editor; right,
往年表述 (last year's wording with this year's numbers) and 一致性检查 (the live findings of
the whole draft).  The screen only navigates and routes: the forms and the editor own their
widgets, and everything that touches the store runs in thread workers through the drafting
core (store.drafts, store.drafting, checks), as the CLI does.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..dialogs import ReasonDialog
from ..messages import (
    ChecksReady,
    DraftOpened,
    MarksReady,
    Saved,
    SaveDeferred,
    SaveFailed,
    SuggestionsReady,
)
from ..session import Session, Step, walk_steps
from ..unsaved import Unsaved
from ..widgets.budget import BudgetPicture
from ..widgets.cover_form import CoverForm
from ..widgets.editor import AnswerEditor
from ..widgets.facts_form import KeyFactsForm
from ..widgets.panels import FindingList, SuggestionList, finding_where
from ..wrap import Wrapped
from .base import ZipinScreen

# Seconds from the first unsaved keystroke to the write.  A crash may lose at most 0.5 s of
# typing; the rest of that budget is for keystrokes the event loop reads late and the write.
SAVE_AFTER = 0.25
RETRY_AFTER = 1.0  # seconds before a save that met a busy store tries again
ANALYSE_AFTER = 0.35  # seconds of quiet before numbers, suggestions and checks are recomputed
COVER, FACTS = "cover", "facts"
STATE_MARKS = {"empty": ("○", "dim"), "unchanged": ("◌", "yellow"), "drafted": ("●", "green"),
               "findings": ("▲", "yellow"), "errors": ("▲", "red")}


@dataclass
class DraftView:
    """What the walk shows of its draft; written on the UI thread only."""

    title: str = ""
    unit: str = ""
    year: int | None = None
    profile: str = ""
    cover: dict[str, str] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PendingOrigin:
    """Last year's text about to go into a section (a suggestion or a lookup), to be recorded
    before the words that hold it are indexed."""

    key: str
    text: str
    fresh: tuple[int, ...]


class WalkScreen(ZipinScreen[None]):
    # Priority: the editor's own F6/F7 (select line / select all) must not shadow these.
    BINDINGS = [
        Binding("f1", "help", "帮助", priority=True),
        Binding("f2", "insert_suggestion", "插入", priority=True),
        Binding("f3", "replace_suggestion", "替换", priority=True),
        Binding("f4", "next_suggestion", "换一条", show=False, priority=True),
        Binding("f5", "check", "检查", priority=True),
        Binding("f6", "lookup", "查找", priority=True),
        Binding("f7", "previous_step", "上节", priority=True),
        Binding("f8", "next_step", "下节", priority=True),
        Binding("f9", "table", "附表", priority=True),
        Binding("f10", "review", "导出", priority=True),
        Binding("ctrl+o", "confirm_numbers", "确认数字", priority=True),
        Binding("ctrl+l", "focus_findings", "检查项", show=False),
        Binding("escape", "home", "首页", show=False),
    ]

    def __init__(self, session: Session, draft_id: int, start: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.draft_id = draft_id
        self.steps: list[Step] = []
        self.start_key = start
        self.key = ""
        self.view = DraftView()
        self._pending: tuple[str, str] | None = None
        self._origins: deque[PendingOrigin] = deque()
        # 基本数据 answers by key, (text, confirmed); the cover, (fields, year), under COVER
        self._unsaved_answers: Unsaved[str, tuple[str, bool]] = Unsaved(session.save_lock)
        self._unsaved_cover: Unsaved[str, tuple[dict[str, str], int | None]] = Unsaved(session.save_lock)
        self._facts = KeyFactsForm(id=FACTS)  # kept: quitting reads it while the screen is taken down
        self._cover: CoverForm | None = None  # likewise, once the draft's outline has given it
        self._save_timer: Timer | None = None
        self._save_failed_shown = False
        self._retry_timer: Timer | None = None
        self._editor: AnswerEditor | None = None
        self._deferred: set[str] = set()  # sections whose newest words wait in the journal
        self._analyse_timer: Timer | None = None
        self._status = ""
        self._findings: list[Any] = []

    # ----- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="walk"):
            with Vertical(id="outline-pane"):
                yield Static(id="progress")
                yield OptionList(id="outline")  # the draft's own outline, once it is loaded
            with Vertical(id="centre"):
                yield Static(id="question")
                with ContentSwitcher(initial="editor", id="switcher"):
                    yield AnswerEditor(id="editor")
                    yield self._facts  # the cover form joins them once the draft's outline is known
                yield Static(id="status", classes="dim")
            with Vertical(id="side"):
                yield Label("往年表述 F2插入 F3替换 F4换一条", classes="panel-title")
                yield SuggestionList(id="suggestions")
                yield Label("一致性检查 Ctrl+L选择 D忽略", classes="panel-title")
                yield FindingList(id="findings")
                yield BudgetPicture(id="budget")
        yield Footer()

    @staticmethod
    def _step_label(step: Step) -> str:
        return f"{step.key} {step.short}" if step.is_section else step.short

    def on_mount(self) -> None:
        self.editor.focus()
        self.load_draft()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until the draft is read, only help and going home work (the footer dims the rest):
        a step key pressed at once found no steps."""
        return bool(self.key) or action in ("help", "home")

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "-narrow")

    @property
    def editor(self) -> AnswerEditor:
        """The editor, also while the screen is being taken down (quitting saves what it holds)."""
        if self._editor is None:
            self._editor = self.query_one("#editor", AnswerEditor)
        return self._editor

    # ----- loading

    @work(thread=True, group="load", exit_on_error=False)
    def load_draft(self) -> None:
        from store.drafts import open_for_editing

        opened = open_for_editing(self.session.store(), self.draft_id)
        self.post_message(DraftOpened(opened))

    async def on_draft_opened(self, message: DraftOpened) -> None:
        """The draft is read: its outline gives the steps and the cover form, then the walk opens."""
        from extract.outline import outline_of

        report = message.opened.report
        outline = outline_of(report)
        self.steps = walk_steps(outline)
        self.query_one("#outline", OptionList).add_options(Option(self._step_label(s), id=s.key) for s in self.steps)
        self._cover = cover = CoverForm(outline, id=COVER)
        cover.display = False  # the switcher shows it when it is the current step
        await self.query_one("#switcher", ContentSwitcher).mount(cover)
        self.view = DraftView(report.title, report.unit, report.year, report.profile, dict(report.cover),
                              message.opened.answers, {s.key: s.text for s in report.sections})
        if message.opened.restored:
            self.notify(f"已恢复上次未写入数据库的文字：{'、'.join(message.opened.restored)}", title="已恢复")
        self._show_title()
        self.go(self.start_key or self._first_unfinished())
        self.refresh_bindings()  # the footer's keys, dimmed while loading, work now
        self.run_checks()

    def _show_title(self) -> None:
        self.sub_title = f"{self.view.title}（{self.view.year or '年度未填'}）"

    def _first_unfinished(self) -> str:
        if not self.view.cover.get("title") or not self.view.cover.get("unit"):
            return COVER
        if not any(a["confirmed"] for a in self.view.answers.values()):
            return FACTS
        for s in self.steps:
            if s.is_section and not self.view.texts.get(s.key, "").strip():
                return s.key
        return next(s.key for s in self.steps if s.is_section)

    # ----- moving between steps

    def go(self, key: str) -> None:
        step = next((s for s in self.steps if s.key == key), None)
        if step is None:
            return
        if step.is_table:
            self.action_table()
            return
        self.flush()
        self.key = key
        outline = self.query_one("#outline", OptionList)
        outline.highlighted = outline.get_option_index(key)
        question = Text(f"{step.key if step.is_section else ''} {step.title}\n".lstrip(), style="bold")
        question.append(step.question)
        if step.hint:
            question.append(f"\n{step.hint}", style="dim")
        self.query_one("#question", Static).update(question)
        switcher = self.query_one("#switcher", ContentSwitcher)
        if key in (COVER, FACTS):
            self.query_one("#suggestions", SuggestionList).show([], empty="（往年表述在各节中显示）")
        if key == COVER:
            switcher.current = COVER
            form = self._cover
            assert form is not None
            form.load(self.view.cover | {"title": self.view.title}, self.view.year)
            form.focus_first()
        elif key == FACTS:
            switcher.current = FACTS
            facts = self._facts
            facts.load(self.view.answers, self.view.profile)
            facts.focus_first()
        else:
            switcher.current = "editor"
            text = self.view.texts.get(key, "")
            self.editor.open_text(text)  # its Changed event finds the text unchanged: no save
            self._set_status("已保存" if text else "")
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
        keys = [s.key for s in self.steps]  # the 附表 step opens its own screen, and the walk stays put
        index = keys.index(self.key) if self.key in keys else 0
        self.go(keys[max(0, min(len(keys) - 1, index + delta))])

    def _set_status(self, text: str) -> None:
        """Only a change of wording repaints the status line (not every keystroke), and only the
        line: it is one row high whatever it says, so the screen is not laid out again."""
        if text != self._status:
            self._status = text
            self.query_one("#status", Static).update(text, layout=False)

    # ----- typing and saving

    @on(TextArea.Changed, "#editor")
    def text_changed(self) -> None:
        if not self._catch_up():
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER, self.flush)
        self._set_status("未保存…")
        if self._analyse_timer is not None:
            self._analyse_timer.stop()
        self._analyse_timer = self.set_timer(ANALYSE_AFTER, self.analyse)

    def _catch_up(self) -> bool:
        """Take the editor's text as the section's newest, pending a save; False when there is
        nothing new (the editor was (re)loaded, or shows no section's text)."""
        if not self.key or self.key in (COVER, FACTS):
            return False
        text = self.editor.text
        if text == self.view.texts.get(self.key):
            return False
        self.view.texts[self.key] = text
        self._pending = (self.key, text)
        return True

    def flush(self) -> None:
        """Write what is pending now (a timer calls this; so do leaving a section and quitting)."""
        pending = self._take_pending()
        if pending is not None:
            self.save(*pending)

    def _take_pending(self) -> tuple[str, str] | None:
        """The unsaved (key, text), now owned by the caller; the save timer is stopped.  The
        editor is read as it is now: a key pressed just before (Ctrl+A and typing, then Ctrl+Q at
        once) has changed the text before its Changed message reached `text_changed`."""
        self._catch_up()
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
                if text != self.view.texts.get(key):
                    return Saved(key, text)  # newer words are pending: an older save may not land after them
                self._write_origins()
                outcome = save_words(self.session.store, self.draft_id, key, text)
        except StoreError as exc:
            return SaveFailed(exc.message)
        if outcome is Outcome.JOURNALLED:
            return SaveDeferred(key)
        if self._pending is None and not index_now(self.session.store, self.draft_id, key):
            return SaveDeferred(key)
        return Saved(key, text)

    def _write_origins(self) -> None:
        from store.draft_text import add_insert

        while self._origins:
            origin = self._origins.popleft()
            add_insert(self.session.store(), self.draft_id, origin.key, origin.text, list(origin.fresh))

    def save_now(self) -> None:
        """Synchronous flush, for quitting: nothing typed may be lost."""
        from store.errors import StoreError

        typed = self._cover.unposted() if self._cover is not None else None
        if typed is not None:  # quit came before its «Changed»
            self.view.cover, self.view.year = typed[0], typed[1] or self.view.year
            self._unsaved_cover.put(COVER, (self.view.cover, self.view.year))
        for key, text in self._facts.unposted().items():
            self._unsaved_answers.put(key, (text, False))
        try:
            self._flush_forms()
        except StoreError as exc:
            self.app.farewell.append(f"封面或基本数据未能保存：{exc.message}")  # type: ignore[attr-defined]
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
        self._set_status("已保存")
        if self._pending is None:  # typing has paused: check now (not at every save of a burst)
            self.run_checks()
            if message.key == self.key:
                self.find_marks(self.key, self.editor.text)

    def on_save_deferred(self, message: SaveDeferred) -> None:
        """Another process holds the store: the words are journalled; try again in a moment
        (with whatever is newest by then), unless a newer save is on its way anyway."""
        self._set_status("已暂存，等待数据库…")
        self._deferred.add(message.key)
        if self._retry_timer is None:  # one timer retries every deferred section
            self._retry_timer = self.set_timer(RETRY_AFTER, self._retry_deferred)

    def _retry_deferred(self) -> None:
        self._retry_timer = None
        keys, self._deferred = self._deferred, set()
        for key in keys:
            if self._pending is None or self._pending[0] != key:  # else that save comes anyway
                self.save(key, self.view.texts.get(key, ""))

    def on_save_failed(self, message: SaveFailed) -> None:
        """The text is in a rescue file; say so in the status line, and once in a notice — not a
        dialog, which would take the keystrokes of someone still typing."""
        self._set_status("未能保存到数据库，已另存为文件")
        if not self._save_failed_shown:
            self._save_failed_shown = True
            self.notify(message.message, title="未能保存", severity="error", timeout=30)

    # ----- analysis: number colours, suggestions

    def analyse(self) -> None:
        if self.key and self.key not in (COVER, FACTS):
            self.find_marks(self.key, self.editor.text)
            self.find_suggestions(self.key, self._typed())

    def _typed(self) -> str:
        """The paragraph under the cursor: what the suggestions should match."""
        row, _ = self.editor.cursor_location
        return self.editor.document.get_line(row) if row < self.editor.document.line_count else ""

    @work(thread=True, exclusive=True, group="marks", exit_on_error=False)
    def find_marks(self, key: str, text: str) -> None:
        from store.drafting import number_marks

        marks = number_marks(self.session.store(), self.draft_id, key, text)
        self.post_message(MarksReady(key, text, [(m.start, m.end, m.kind, m.status) for m in marks]))

    def on_marks_ready(self, message: MarksReady) -> None:
        if message.key == self.key:
            self.editor.set_marks(message.text, message.marks)

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def find_suggestions(self, key: str, typed: str) -> None:
        from store.drafting import suggestions

        found, _ = suggestions(self.session.store(), key, text=typed, draft_id=self.draft_id)
        self.post_message(SuggestionsReady(key, found))

    def on_suggestions_ready(self, message: SuggestionsReady) -> None:
        if message.key == self.key:
            self.query_one("#suggestions", SuggestionList).show(message.suggestions)

    def action_next_suggestion(self) -> None:
        panel = self.query_one("#suggestions", SuggestionList)
        if panel.option_count:
            panel.highlighted = ((panel.highlighted or 0) + 1) % panel.option_count

    def _chosen_suggestion(self) -> Any | None:
        if self.key in (COVER, FACTS):
            return None
        return self.query_one("#suggestions", SuggestionList).chosen()

    def action_insert_suggestion(self) -> None:
        """The chosen suggestion as a new paragraph at the cursor (Ctrl+Z undoes it)."""
        chosen = self._chosen_suggestion()
        if chosen is not None:
            self._remember(chosen.text, [s.start for s in chosen.slots if s.status != "stale"])
            self.editor.insert_paragraph(chosen.text)
            self.editor.focus()

    def action_replace_suggestion(self) -> None:
        """The chosen suggestion in place of the paragraph under the cursor (Ctrl+Z undoes it)."""
        chosen = self._chosen_suggestion()
        if chosen is not None:
            self._remember(chosen.text, [s.start for s in chosen.slots if s.status != "stale"])
            self.editor.replace_paragraph(chosen.text)
            self.editor.focus()

    def _remember(self, text: str, fresh: list[int]) -> None:
        self._origins.append(PendingOrigin(self.key, text, tuple(fresh)))

    @on(OptionList.OptionSelected, "#suggestions")
    def suggestion_selected(self) -> None:
        self.action_insert_suggestion()

    # ----- last year's numbers confirmed as still right

    def action_confirm_numbers(self) -> None:
        """Ctrl+O: the numbers of last year's text in the selection (or the paragraph under the
        cursor) are right this year too."""
        if self.key in (COVER, FACTS) or not self.key:
            return
        start, end = self.editor.paragraph_span()
        if not self.editor.selection.is_empty:
            a, b = sorted((self.editor.selection.start, self.editor.selection.end))
            start, end = self.editor.offset_of(a), self.editor.offset_of(b)
        pending = self._take_pending()
        self.confirm(self.key, self.editor.text, start, end, pending)

    @work(thread=True, group="save", exit_on_error=False)
    def confirm(self, key: str, text: str, start: int, end: int, pending: tuple[str, str] | None) -> None:
        from store.draft_text import confirm_numbers
        from store.drafting import old_numbers_at

        if pending is not None:
            self._write(*pending)
        store = self.session.store()
        numbers = old_numbers_at(store, self.draft_id, key, text, start, end)
        if numbers:
            with self.session.save_lock:
                confirm_numbers(store, self.draft_id, key, numbers)
        self.app.call_from_thread(self._confirmed, key, len(numbers))

    def _confirmed(self, key: str, count: int) -> None:
        self.notify(f"已确认 {count} 个沿用去年的数字今年不变。" if count else "这里没有需要确认的去年数字。",
                    title="确认数字")
        if key == self.key:
            self.find_marks(key, self.editor.text)
        self.run_checks()

    # ----- checks

    def action_check(self) -> None:
        self.flush()
        self.run_checks()

    @work(thread=True, exclusive=True, group="checks", exit_on_error=False)
    def run_checks(self) -> None:
        from checks import check_report
        from store.drafting import progress
        from store.drafts import rates_over_years
        from store.reports import load_report

        store = self.session.store()
        findings = check_report(store, self.draft_id)
        report = load_report(store, self.draft_id)
        table = report.table
        budget = (table.amount("total", "budget"), table.amount("total", "spent")) if table else (None, None)
        self.post_message(ChecksReady(findings, progress(store, self.draft_id), budget,
                                      rates_over_years(store, report.title)))

    def on_checks_ready(self, message: ChecksReady) -> None:
        self._findings = message.findings
        self.query_one("#findings", FindingList).show(message.findings)
        states = dict(message.progress.states)
        for f in message.findings:
            if states.get(f.section) in ("drafted", "findings", "unchanged"):  # an empty section stays «empty»
                if states[f.section] != "unchanged":
                    states[f.section] = "errors" if f.severity == "error" else "findings"
        outline = self.query_one("#outline", OptionList)
        for s in self.steps:
            state = states.get(s.key)
            mark, style = STATE_MARKS[state] if state else ("·", "dim")
            label = Text(f"{mark} ", style=style)
            label.append(self._step_label(s))
            outline.replace_option_prompt(s.key, label)
        line = f"{message.progress.line()} · 待处理 {len(message.findings)} 条"
        self.query_one("#progress", Static).update(Wrapped(Text(line)))  # «25 条» stays on one line
        self.query_one("#budget", BudgetPicture).show(*message.budget, message.rates)

    def action_focus_findings(self) -> None:
        self.query_one("#findings", FindingList).focus()

    @on(OptionList.OptionSelected, "#findings")
    def finding_selected(self) -> None:
        finding = self.query_one("#findings", FindingList).chosen()
        if finding is None:
            return
        target = next((e for e in finding.evidence if e.where in ("text", "heading")), None)
        table_keys = {s.key for s in self.steps if s.is_table}
        if target is None or target.section is None or target.section in table_keys:
            if finding.section in table_keys:
                self.action_table()
            else:
                self.go(COVER)
            return
        self.go(target.section)
        if target.start is not None and target.end is not None:
            self.editor.select_span(*self._editor_span(target))
        self.editor.focus()

    def _editor_span(self, evidence: Any) -> tuple[int, int]:
        """Evidence offsets count paragraphs joined without blank lines; the editor keeps them."""
        lines = self.editor.text.split("\n")
        if evidence.paragraph is None:
            return evidence.start, evidence.end
        paragraphs = [p for p in lines if p.strip()]
        before = sum(len(p) + 1 for p in paragraphs[:evidence.paragraph])
        inner_start, inner_end = evidence.start - before, evidence.end - before
        seen, offset = -1, 0
        for line in lines:
            if line.strip():
                seen += 1
                if seen == evidence.paragraph:
                    return offset + inner_start, offset + inner_end
            offset += len(line) + 1
        return evidence.start, evidence.end

    @on(FindingList.DismissRequested)
    def dismiss_requested(self, event: FindingList.DismissRequested) -> None:
        finding = event.finding

        def done(reason: str | None) -> None:
            if reason:
                self.dismiss_finding(finding.fingerprint, finding.rule, reason)

        self.app.push_screen(ReasonDialog(f"{finding_where(finding)} {finding.message}"), done)

    @work(thread=True, group="dismiss", exit_on_error=False)
    def dismiss_finding(self, fingerprint: str, rule: str, reason: str) -> None:
        from checks.dismiss import dismiss

        dismiss(self.session.store(), self.draft_id, fingerprint, reason, rule)
        self.app.call_from_thread(self.run_checks)

    # ----- cover and key facts

    @on(CoverForm.Changed)
    def cover_changed(self, event: CoverForm.Changed) -> None:
        year = event.year or self.view.year
        self.view.cover = event.cover
        self.view.title, self.view.unit, self.view.year = event.cover.get("title", ""), event.cover.get("unit", ""), year
        self._show_title()
        self._unsaved_cover.put(COVER, (event.cover, year))
        self.save_forms()

    @on(KeyFactsForm.Answered)
    def answered(self, event: KeyFactsForm.Answered) -> None:
        self.view.answers[event.key] = {"text": event.text, "confirmed": event.confirmed}
        self._unsaved_answers.put(event.key, (event.text, event.confirmed))
        self.save_forms()

    @work(thread=True, group="forms", exit_on_error=False)
    def save_forms(self) -> None:
        from store.errors import StoreError

        try:
            changed = self._flush_forms()
        except StoreError as exc:  # what is unsaved stays so; the next edit, or quitting, retries
            self.app.call_from_thread(self.notify, exc.message, title="保存失败", severity="error")
            return
        if changed:
            self.app.call_from_thread(self.run_checks)

    def _flush_forms(self) -> bool:
        """Write the newest cover and answers; True when the checks should run again (the cover
        changed, or an answer was confirmed — not at every keystroke of an answer)."""
        from store.drafts import save_answer, save_cover

        if not (self._unsaved_cover or self._unsaved_answers):
            return False
        store = self.session.store()
        covers = self._unsaved_cover.flush(lambda _, cover: save_cover(store, self.draft_id, *cover))
        answers = self._unsaved_answers.flush(
            lambda key, answer: save_answer(store, self.draft_id, key, answer[0], confirmed=answer[1]))
        return bool(covers) or any(confirmed for _, confirmed in answers)

    # ----- other screens

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    def action_table(self) -> None:
        from .table import TableScreen

        self.flush()
        self.app.push_screen(TableScreen(self.session, self.draft_id), lambda _: self.run_checks())

    def action_lookup(self) -> None:
        from .lookup import LookupScreen

        self.flush()

        def paste(text: str | None) -> None:
            if text and self.key not in (COVER, FACTS):
                self._remember(text, [])
                self.editor.insert_paragraph(text)
                self.editor.focus()

        section = self.key if any(s.key == self.key and s.is_section for s in self.steps) else None
        self.app.push_screen(LookupScreen(self.session, section=section), paste)

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

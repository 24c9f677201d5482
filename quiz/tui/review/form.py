"""The form that edits a question, or writes a new one, checked at every change it makes.

Each field has a line under it where ``quiz check`` 's words for it appear as soon as a change
makes them true; a question with an error cannot be saved.
"""

from __future__ import annotations

from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from quiz.core.bank.edit_check import FieldProblem
from quiz.core.bank.editing import BankEditor
from quiz.core.bank.model import VERDICT_LABELS, VERDICTS
from quiz.core.errors import QuizError, safe_text
from quiz.tui.text import shown

Widget = Literal["line", "lines", "para", "verdict", "tags"]
_AFTER: list[tuple[str, Widget]] = [
    ("explanation", "para"),
    ("evidence", "lines"),
    ("tags", "tags"),
    ("id", "line"),
]
FIELDS: dict[str, list[tuple[str, Widget]]] = {
    "choice": [("prompt", "line"), ("options", "lines"), ("answer", "line"), *_AFTER],
    "multi": [("prompt", "line"), ("options", "lines"), ("answers", "lines"), *_AFTER],
    "claim": [("claim", "line"), ("verdict", "verdict"), *_AFTER],
    "text": [("prompt", "line"), ("accept", "lines"), *_AFTER],
    "order": [("prompt", "line"), ("items", "lines"), *_AFTER],
}
"""Each kind's fields in the order the form shows them, with the control that edits each."""
_LABELS = {
    "options": "options (one a line)",
    "answers": "answers (one a line, each an option)",
    "accept": "accepted answers (one a line)",
    "items": "items (one a line, in the right order)",
    "evidence": "evidence (one quote a line; ctrl+e picks it in the article)",
    "tags": "tags (split by commas)",
}
_TAGS = {"claim": ["claims"]}


def new_table(
    editor: BankEditor, kind: str, verdict: str | None, quote: str | None
) -> dict[str, Any]:
    """The table a new question of ``kind`` starts from, its evidence ``quote``."""
    table: dict[str, Any] = {"id": editor.new_id(), "kind": kind}
    if verdict is not None:
        table["verdict"] = verdict
    if quote:
        table["evidence"] = quote
    if kind in _TAGS:
        table["tags"] = _TAGS[kind]
    return table


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


class EditScreen(Screen[int | None]):
    """Edits ``table``, the question at ``position`` (``None``: a new question); dismissed
    with the question's position once saved, or ``None`` when left without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save and keep", priority=True),
        Binding("ctrl+e", "pick_evidence", "Evidence from article", priority=True),
        Binding("escape", "discard", "Back unsaved"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, editor: BankEditor, table: dict[str, Any], position: int | None) -> None:
        super().__init__()
        self.editor = editor
        self.original = dict(table)
        self.position = position
        self.kind = str(table.get("kind", "choice"))
        self.fields = FIELDS.get(self.kind, FIELDS["choice"])
        self.problems: list[FieldProblem] = []
        """What ``quiz check`` says of the question as the form has it now."""
        self._started: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        what = "New" if self.position is None else "Edit"
        heading = f"{what} {self.kind} question · ctrl+s saves · escape leaves it unsaved"
        yield Static(Content(heading).stylize("bold"), id="progress")
        with VerticalScroll(id="form-body"):
            yield Static(id="err-general", classes="field-error")
            for key, widget in self.fields:
                yield Label(_LABELS.get(key, key), classes="field-label")
                yield self._control(key, widget)
                yield Static(id=f"err-{key}", classes="field-error")
        yield Footer()

    def _control(self, key: str, widget: Widget) -> Input | TextArea | Select[str]:
        value = self.original.get(key)
        name = f"f-{key}"
        if widget == "verdict":
            options = [(VERDICT_LABELS[v], v) for v in VERDICTS]
            start = value if value in VERDICTS else Select.NULL
            return Select(options, value=start, id=name, allow_blank=False)
        if widget in ("lines", "para"):
            text = "\n".join(safe_text(s) for s in _strings(value))
            return TextArea(text, id=name, soft_wrap=True, classes=widget, tab_behavior="focus")
        text = ", ".join(_strings(value)) if widget == "tags" else str(value or "")
        return Input(safe_text(text), id=name)

    def on_mount(self) -> None:
        first = next(k for k, w in self.fields if w != "verdict")
        self.query_one(f"#f-{first}").focus()
        self._started = self.values() if self.position is not None else {}
        self._check()

    # Reading the form -------------------------------------------------------------------

    def value(self, key: str, widget: Widget) -> Any:
        """What the field holds, as the bank would have it (``None``: no value)."""
        control = self.query_one(f"#f-{key}")
        if isinstance(control, Select):
            return None if control.value is Select.NULL else control.value
        if isinstance(control, TextArea):
            lines = [line.strip() for line in control.text.splitlines() if line.strip()]
            if widget == "para":
                return " ".join(" ".join(lines).split()) or None
            if key == "evidence" and len(lines) == 1:
                return lines[0]
            return lines or None
        assert isinstance(control, Input)
        if widget == "tags":
            return [tag.strip() for tag in control.value.split(",") if tag.strip()] or None
        return control.value.strip() or None

    def values(self) -> dict[str, Any]:
        """Every field of the form."""
        return {key: self.value(key, widget) for key, widget in self.fields}

    def changes(self) -> dict[str, Any]:
        """The fields changed in the form (the others stay as the file has them, even where
        the form shows them escaped or with their spacing tidied)."""
        return {k: v for k, v in self.values().items() if v != self._started.get(k)}

    def table(self) -> dict[str, Any]:
        """The question as the form has it."""
        merged = {**self.original, **self.changes()}
        return {key: value for key, value in merged.items() if value is not None}

    # Checking ---------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self._check()

    def _check(self) -> None:
        self.problems = self.editor.check(self.table(), self.position)
        shown_at = {key for key, _ in self.fields}
        said: dict[str, list[FieldProblem]] = {}
        for problem in self.problems:
            where = problem.field if problem.field in shown_at else "general"
            said.setdefault(str(where), []).append(problem)
        for key in ["general", *shown_at]:
            box = self.query_one(f"#err-{key}", Static)
            found = said.get(key, [])
            box.update(
                Content("\n").join(
                    Content.assemble((f"✗ {p.severity}: ", "bold"), shown(p.text)) for p in found
                )
            )
            box.display = bool(found)

    # Actions ----------------------------------------------------------------------------

    def action_save(self) -> None:
        """Save the question; a drafted one is kept as well when it has no problem."""
        self._check()
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            self.notify(
                f"Not saved: {len(errors)} error(s) to fix first (shown under the fields).",
                severity="error",
                markup=False,
            )
            return
        try:
            if self.position is None:
                position = self.editor.add(self.table())
            else:
                position = self.position
                kept = self.editor.update(position, self.changes(), keep=True)
                if not kept and self.editor.is_draft(position):
                    self.notify("Saved; still a draft: fix its warnings to keep it.", markup=False)
        except QuizError as exc:
            self.notify(str(exc), severity="error", timeout=8, markup=False)
            return
        self.dismiss(position)

    def action_discard(self) -> None:
        """Leave the form; nothing it holds is saved."""
        self.dismiss(None)

    def action_pick_evidence(self) -> None:
        """Pick the evidence in the article: the words selected, or the sentence there."""
        from quiz.tui.review.picker import PickScreen

        def picked(quote: str | None) -> None:
            if quote:
                self.query_one("#f-evidence", TextArea).text = quote

        quote = self.value("evidence", "lines")
        self.app.push_screen(PickScreen(self.editor, _strings(quote)[:1]), picked)

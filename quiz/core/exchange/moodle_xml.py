"""Moodle XML, the format Moodle exports a question bank in: read through ``defusedxml`` (no
entity expansion, no external entities or DTDs) and written with every text as escaped HTML
in CDATA, so that what a question says is never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.saxutils import escape as xml_escape
from xml.sax.xmlreader import AttributesImpl, Locator

from quiz.core.errors import QuizError
from quiz.core.exchange.foreign import Answer, Foreign, Read, Skipped, grade_text
from quiz.core.exchange.markup import html_to_text, text_to_html

_READ = ("multichoice", "truefalse", "shortanswer", "numerical")
_DECLARED = {
    "DTDForbidden": "a DTD",
    "EntitiesForbidden": "an entity",
    "ExternalReferenceForbidden": "an external reference",
}
"""What defusedxml refused, by the name of its exception."""
_RAW = ("shortanswer", "numerical")
"""Types whose answers Moodle keeps as typed, not as HTML."""
_NAMED = {
    "essay": "an essay question; factquiz has no essays",
    "description": "a description, not a question",
    "match": "a matching question; factquiz has no matching kind",
    "multianswer": "a cloze (embedded answers) question; factquiz has no cloze kind",
    "ddwtos": "a drag-and-drop question; factquiz has no such kind",
    "gapselect": "a select-missing-words question; factquiz has no such kind",
    "ordering": "an ordering question (a plugin type); import its items by hand",
    "calculated": "a calculated question; factquiz has no formulas",
    "random": "a random question, which only points at others",
}


@dataclass
class Node:
    """An XML element, with the line it starts on."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Node | None:
        """The first child named ``tag``."""
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Node]:
        """Every child named ``tag``."""
        return [c for c in self.children if c.tag == tag]

    def value(self, *path: str) -> str:
        """The text at ``path`` below this element ("" where there is none)."""
        node: Node | None = self
        for tag in path:
            node = node.find(tag) if node is not None else None
        return node.text.strip() if node is not None else ""


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:  # noqa: N802
        line = self.locator.getLineNumber() if self.locator else 1
        node = Node(name, dict(attrs.items()), line or 1)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name: str) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].text += content


def parse(data: bytes, where: str) -> Node:
    """The root of a Moodle XML file; a :class:`QuizError` naming the line when it is not
    well-formed XML or declares entities or a DTD."""
    import defusedxml.sax
    from defusedxml import DefusedXmlException

    builder = _Builder()
    try:
        defusedxml.sax.parseString(data, builder, forbid_dtd=True)
    except SAXParseException as exc:
        raise QuizError(
            f"{where}:{exc.getLineNumber()}: not well-formed XML ({exc.getMessage()}); "
            "export it from Moodle again"
        ) from None
    except DefusedXmlException as exc:
        name = _DECLARED.get(type(exc).__name__, "something defusedxml refuses")
        raise QuizError(
            f"{where}: the XML declares {name}, which Moodle XML never needs; "
            "refused for safety: export it from Moodle again"
        ) from None
    if builder.root is None or builder.root.tag != "quiz":
        found = builder.root.tag if builder.root is not None else "nothing"
        raise QuizError(f"{where}: not Moodle XML (its root is <{found}>, not <quiz>)")
    return builder.root


def _text(node: Node | None) -> str:
    """The plain text of a Moodle text element (``<questiontext format="html">…``)."""
    if node is None:
        return ""
    raw = node.value("text")
    form = node.attrib.get("format", "html")
    return raw if form in ("plain_text", "markdown") else html_to_text(raw)


def _fraction(node: Node) -> float | str:
    raw = node.attrib.get("fraction", "0")
    try:
        return float(raw)
    except ValueError:
        return raw


def read_xml(data: bytes, where: str) -> Read:
    """Every question of a Moodle XML file, and what cannot be imported, named with its
    line."""
    read = Read()
    category = ""
    for item in parse(data, where).findall("question"):
        kind = item.attrib.get("type", "")
        name = html_to_text(item.value("name", "text"))
        if kind == "category":
            category = item.value("category", "text")
            continue
        if kind not in _READ:
            reason = _NAMED.get(kind, f"a question of type `{kind}`, which factquiz lacks")
            read.skipped.append(Skipped(name, item.line, reason))
            continue
        answers = []
        for answer in item.findall("answer"):
            fraction = _fraction(answer)
            if isinstance(fraction, str):
                read.skipped.append(Skipped(name, answer.line, f"grade `{fraction}` is no number"))
                break
            text = answer.value("text") if kind in _RAW else _text(answer)
            tolerance = answer.value("tolerance")
            answers.append(
                Answer(
                    text,
                    fraction,
                    _text(answer.find("feedback")),
                    float(tolerance) if _is_number(tolerance) else 0.0,
                )
            )
        else:
            grade = item.value("defaultgrade")
            read.questions.append(
                Foreign(
                    kind,
                    name=name,
                    text=_text(item.find("questiontext")),
                    answers=tuple(answers),
                    single=item.value("single").lower() not in ("false", "0"),
                    shuffle=item.value("shuffleanswers").lower() not in ("false", "0"),
                    general_feedback=_text(item.find("generalfeedback")),
                    idnumber=item.value("idnumber"),
                    tags=tuple(
                        t.value("text") for t in (item.find("tags") or _EMPTY).findall("tag")
                    ),
                    category=category,
                    points=float(grade) if _is_number(grade) else None,
                    line=item.line,
                )
            )
    return read


_EMPTY = Node("tags", {}, 0)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cdata(text: str) -> str:
    return f"<![CDATA[{text_to_html(text)}]]>" if text else ""


def _rich(tag: str, text: str, indent: str) -> list[str]:
    return [
        f'{indent}<{tag} format="html">',
        f"{indent}  <text>{_cdata(text)}</text>",
        f"{indent}</{tag}>",
    ]


def _plain_value(text: str) -> str:
    return xml_escape("".join(c if c.isprintable() or c == "\t" else " " for c in text))


def write_xml(questions: Iterable[Foreign], header: Iterable[str] = ()) -> str:
    """The Moodle XML of ``questions``: a category question where the category changes, then
    each question with its name, idnumber, tags and default grade."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    out += [f"<!-- {_plain_value(line).replace('--', '- -')} -->" for line in header]
    category: str | None = None
    for q in questions:
        if q.category != category:
            category = q.category
            out += [
                '  <question type="category">',
                "    <category>",
                f"      <text>{_plain_value(category)}</text>",
                "    </category>",
                "  </question>",
            ]
        out += [
            f'  <question type="{q.type}">',
            f"    <name><text>{_plain_value(q.name)}</text></name>",
            *_rich("questiontext", q.text, "    "),
            *_rich("generalfeedback", q.general_feedback, "    "),
            f"    <defaultgrade>{(q.points if q.points is not None else 1):.7f}</defaultgrade>",
            "    <penalty>0.3333333</penalty>",
            "    <hidden>0</hidden>",
            f"    <idnumber>{_plain_value(q.idnumber)}</idnumber>",
        ]
        if q.type == "multichoice":
            out += [
                f"    <single>{'true' if q.single else 'false'}</single>",
                f"    <shuffleanswers>{'true' if q.shuffle else 'false'}</shuffleanswers>",
                "    <answernumbering>abc</answernumbering>",
            ]
        elif q.type == "shortanswer":
            out.append("    <usecase>0</usecase>")
        for a in q.answers:
            form, text = (
                ("moodle_auto_format", _plain_value(a.text))
                if q.type in _RAW
                else ("html", _cdata(a.text))
            )
            out += [
                f'    <answer fraction="{grade_text(a.fraction)}" format="{form}">',
                f"      <text>{text}</text>",
                *_rich("feedback", a.feedback, "      "),
                "    </answer>",
            ]
        if q.tags:
            out.append("    <tags>")
            out += [f"      <tag><text>{_plain_value(t)}</text></tag>" for t in q.tags]
            out.append("    </tags>")
        out.append("  </question>")
    out.append("</quiz>")
    return "\n".join(out) + "\n"

"""Plain text to the HTML Moodle stores, and back: what a question says, never markup."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = frozenset({"br"})
_BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre"})


def text_to_html(text: str) -> str:
    """``text`` as HTML that shows it as it is: ``<``, ``>`` and ``&`` escaped, a new line a
    ``<br>``, a character XML may not hold a character reference. Holds no ``]]>``."""
    escaped = html.escape(text.replace("\r\n", "\n"), quote=False).replace("\n", "<br>")
    return _XML_FORBIDDEN.sub(lambda m: f"&#x{ord(m.group()):x};", escaped)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> str:
    """The text HTML shows: tags dropped, ``<br>`` a new line, a paragraph a blank line,
    entities decoded, runs of white space one space."""
    if "<" not in markup and "&" not in markup:
        return markup
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

"""An HTML page read back as a flat list of elements, for tests of the review's HTML report
(as written, and as headless Chromium rendered it)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, ClassVar


class PageElements(HTMLParser):
    """Every element of `page` with its attributes and all the text inside it."""

    VOID: ClassVar[set[str]] = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for at in range(len(self._open) - 1, -1, -1):
            if self._open[at]["tag"] == tag:
                del self._open[at:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element["text"] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, Any]]:
        return [e for e in self.elements if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]

    def by_id(self, key: str) -> dict[str, Any]:
        return next(e for e in self.elements if e["attrs"].get("id") == key)

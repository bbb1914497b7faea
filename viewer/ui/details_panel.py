"""The details panel: the selected event's title, dates, lane, source, excerpt and link.

Text from files is never read as HTML: every field is escaped into HTML built here, the browser
loads no resource (local or remote) and follows no link itself. Only http, https and mailto
URLs become links, and a click opens them through an injectable opener. A link is shown as where
it goes: its host in ASCII (an IDN look-alike shows as its ``xn--`` punycode), without a user name
or password (``https://bank.example@evil.example/`` shows and opens ``https://evil.example/``),
and with bidi controls (U+202E and kin) percent-encoded; the other fields lose those controls, so
no text is drawn reordered.

Qt wraps a word too long for a line by scanning the rest of the word again for every line, so a
title of one 300,000-letter word took 20 s to lay out (quadratic). What is shown gets an
invisible break opportunity (U+200B) every few letters of a run longer than ``LONG_RUN``; Copy
and a copied selection leave them out, so the text copied is the file's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from viewer.model import bidi_text
from viewer.model.date_wording import ENGLISH, DateWording
from viewer.model.event_table import EventTable
from viewer.state.session import Session
from viewer.ui.annotation_editor import AnnotationEditor

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
LONG_RUN = 80  # an unbroken run longer than this gets break opportunities (a word does not)
BREAK_EVERY = 8  # letters between two of them: lines still end near the edge
_BREAK = "\u200b"  # ZERO WIDTH SPACE: a place a line may wrap, drawn as nothing
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")
_LINES = re.compile(r"\r\n|\r|\n")
_PLACEHOLDER = re.compile(r"%([1-9])")


def link_target(url: QUrl) -> QUrl:
    """Where a link goes: ``url`` without its user name and password."""
    target = QUrl(url)
    target.setUserInfo(None)  # type: ignore[arg-type]  # None: no user info at all (not "@")
    return target


def shown_link(url: QUrl) -> str:
    """A linkable URL as the panel writes it: the host in ASCII (punycode), no user info, and
    bidi controls percent-encoded (invisible in a URL, they can only mislead)."""
    target = link_target(url)
    pretty = QUrl.ComponentFormattingOption.PrettyDecoded
    if target.scheme().lower() == "mailto":
        local, at, domain = target.path(pretty).rpartition("@")
        text = f"mailto:{local}{at}{_ace(domain)}"
    else:
        port = f":{target.port()}" if target.port() != -1 else ""
        text = f"{target.scheme()}://{_ace(target.host())}{port}{target.path(pretty)}"
        if target.hasQuery():
            text += "?" + target.query(pretty)
    if target.hasFragment():
        text += "#" + target.fragment(pretty)
    return bidi_text.ANY.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def _ace(host: str) -> str:
    """A host name in ASCII: an internationalised name as its punycode (``xn--…``)."""
    return bytes(QUrl.toAce(host)).decode("ascii") if host else host


def is_linkable(url: QUrl) -> bool:
    """True for a valid http(s) URL with a host, or a mailto URL with an address."""
    if not url.isValid() or url.scheme().lower() not in LINK_SCHEMES:
        return False
    return bool(url.path()) if url.scheme().lower() == "mailto" else bool(url.host())


def paragraphs(text: str) -> list[str]:
    """The excerpt's paragraphs: every line break starts one, blank lines are dropped."""
    return [line.strip() for line in _LINES.split(text) if line.strip()]


@dataclass(frozen=True)
class _Shown:
    """One event's fields as the panel shows them (already worded, not yet escaped)."""

    title: str
    when: str
    date_text: str
    lane: str
    source: str
    excerpt: list[str]
    url: str


class _InertDocument(QTextDocument):
    """A document that loads nothing. QTextDocument's own loadResource reads ``file:``,
    ``qrc:`` and ``data:`` URLs when the browser returns nothing, and Qt's image handler reads
    a plain file path itself when it gets no image; so images get a blank 1x1 stand-in."""

    def loadResource(self, resource_type: int, name: QUrl | str) -> object:
        if resource_type == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None


class _SafeBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing: no images, style sheets or pages, local or remote.
    Escaping keeps tags out of the HTML in the first place; this is the second line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_InertDocument(self))

    def loadResource(self, resource_type: int, name: QUrl | str) -> object:
        return None

    def createMimeDataFromSelection(self) -> QMimeData:
        """A copied selection is the file's text: without the break opportunities added."""
        # Qt's own object, changed: Qt deletes what this returns, so a QMimeData made here in
        # Python would be deleted twice (a crash at exit).
        data = super().createMimeDataFromSelection()
        text = data.text().replace(_BREAK, "")
        html = data.html().replace(_BREAK, "") if data.hasHtml() else None
        for kind in list(data.formats()):
            data.removeFormat(kind)  # the lazily made rich formats would keep the breaks
        data.setText(text)
        if html is not None:
            data.setHtml(html)
        return data


class DetailsPanel(QWidget):
    """Shows one event; :meth:`show_event` with ``None`` clears it to a placeholder."""

    link_opened = Signal(QUrl)

    def __init__(
        self,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        wording: DateWording = ENGLISH,
    ) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self._wording = wording  # how the date is written
        self._plain = ""
        self.browser = _SafeBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.browser.document().setDocumentMargin(8)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.browser.setPlaceholderText(self.tr("Click an event to read it."))
        self.browser.setAccessibleName(self.tr("Event details"))
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy event"))
        self.copy_button.setToolTip(self.tr("Copy the whole event as plain text"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.annotations = AnnotationEditor()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.annotations)
        layout.addLayout(buttons)
        self.setAccessibleName(self.tr("Details"))
        self.show_event(EventTable.empty(), None)

    def bind(self, session: Session) -> None:
        """Show the session's selected event."""
        self._session = session
        session.selection_changed.connect(self._on_session_selection_changed)
        self.annotations.bind(session)

    def _on_session_selection_changed(self, index: object) -> None:
        self.show_event(self._session.events, index if isinstance(index, int) else None)

    def show_event(self, events: EventTable, index: int | None) -> None:
        """Show row ``index`` (a position in ``events``), or the placeholder for ``None``."""
        if index is None:
            self._plain = ""
            self.browser.clear()
        else:
            shown = self._shown(events, index)
            self._plain = self._plain_text(shown)
            self.browser.setHtml(self._html(shown))
        self.copy_button.setEnabled(bool(self._plain))

    def plain_text(self) -> str:
        """The shown event as plain text (what Copy puts on the clipboard); "" when empty."""
        return self._plain

    # --- slots ----------------------------------------------------------------------------

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        target = link_target(url)  # the href has no user info already; a click never sends one
        if is_linkable(target) and self._open_url(target):
            self.link_opened.emit(target)

    def _on_copy_button_clicked(self) -> None:
        if self._plain:
            QGuiApplication.clipboard().setText(self._plain)

    # --- wording --------------------------------------------------------------------------

    def _shown(self, events: EventTable, index: int) -> _Shown:
        event = events.event(index)
        words = {
            "year": self.tr("year"),
            "month": self.tr("month"),
            "day": self.tr("day"),
            "time": self.tr("time"),
            "approximate": self.tr("approximate"),
        }
        when = self._wording.when(
            event.start,
            event.end,
            event.precision,
            event.approximate,
            words,
            event.start_ns,
            event.end_ns,
        )
        source, row = event.source.strip(), str(event.row)
        return _Shown(
            title=event.title.strip() or self.tr("(untitled)"),
            when=when,
            date_text=event.date_text.strip(),
            lane=event.lane.strip(),
            source=_fill(self.tr("%1, row %2"), source, row)
            if source
            else _fill(self.tr("row %1"), row),
            excerpt=paragraphs(event.excerpt),
            url=event.url.strip(),
        )

    def _facts(self, shown: _Shown) -> list[tuple[str, str]]:
        facts = [(self.tr("Date"), shown.when)]
        if shown.date_text:
            facts.append((self.tr("As written"), shown.date_text))
        if shown.lane:
            facts.append((self.tr("Lane"), shown.lane))
        facts.append((self.tr("Source"), shown.source))
        return facts

    def _plain_text(self, shown: _Shown) -> str:
        lines = [shown.title, *(f"{label}: {value}" for label, value in self._facts(shown))]
        if shown.excerpt:
            lines += ["", "\n\n".join(shown.excerpt)]
        if shown.url:
            lines += ["", shown.url]
        return "\n".join(lines)

    def _html(self, shown: _Shown) -> str:
        muted = self._muted_colour()
        line = round(QFontMetricsF(self.browser.font()).height() * 1.3)
        rows = "".join(
            f'<tr><td style="color:{muted}; padding-right:12px; line-height:{line}px">'
            f'{_esc(label)}</td><td style="line-height:{line}px">{_esc(value)}</td></tr>'
            for label, value in self._facts(shown)
        )
        parts = [
            f'<p style="font-size:x-large; font-weight:bold; margin-bottom:8px">'
            f"{_esc(shown.title)}</p>",
            f'<table cellspacing="0" cellpadding="1">{rows}</table>',
            # pre-wrap: runs of spaces in the file stay as written.
            *(f'<p style="white-space:pre-wrap">{_esc(p)}</p>' for p in shown.excerpt),
        ]
        if shown.url:
            parts.append(f"<p>{self._link_html(shown.url)}</p>")
        return "".join(parts)

    def _muted_colour(self) -> str:
        """Label colour: part way from the text colour to the background, for light and dark."""
        text = self.palette().color(QPalette.ColorRole.Text)
        base = self.palette().color(QPalette.ColorRole.Base)
        mixed = QColor(
            round(0.6 * text.red() + 0.4 * base.red()),
            round(0.6 * text.green() + 0.4 * base.green()),
            round(0.6 * text.blue() + 0.4 * base.blue()),
        )
        return mixed.name()

    def _link_html(self, text: str) -> str:
        url = QUrl(text)  # tolerant: a stray space is encoded, not fatal
        if not is_linkable(url):
            return _esc(text)  # javascript:, file:, data: and the rest stay plain text
        href = link_target(url).toString(QUrl.ComponentFormattingOption.FullyEncoded)
        return f'<a href="{html.escape(href, quote=True)}">{_esc(shown_link(url))}</a>'


def _fill(template: str, *values: str) -> str:
    """Qt-style ``%1``, ``%2`` substitution in one pass, so a value holding "%2" stays as is."""
    return _PLACEHOLDER.sub(lambda m: values[int(m.group(1)) - 1], template)


def breakable(text: str) -> str:
    """``text`` with an invisible break opportunity every ``BREAK_EVERY`` letters of a long
    unbroken run, so laying it out costs time in proportion to its length."""

    def broken(match: re.Match[str]) -> str:
        run = match.group()
        return _BREAK.join(run[i : i + BREAK_EVERY] for i in range(0, len(run), BREAK_EVERY))

    return _LONG_RUN.sub(broken, text)


def _esc(text: str) -> str:
    """Escaped for HTML, with line breaks kept visible, long runs breakable and no bidi control
    that reorders what follows it (a title "\u202eexe.txt" is not drawn as "txt.exe")."""
    shown = breakable(bidi_text.without_reordering(text))
    return html.escape(shown, quote=True).replace("\n", "<br>")

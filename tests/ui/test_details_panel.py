"""The details panel: what it shows, that file text is never HTML, links, copy and clearing."""

from __future__ import annotations

import time

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from viewer.model.date_wording import CHINESE
from viewer.model.event_table import EventTable
from viewer.model.instants import seconds_at
from viewer.ui.details_panel import DetailsPanel

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)>"


def _events(**overrides: object) -> EventTable:
    columns: dict[str, object] = {
        "start": [seconds_at(2026, 4, 27)],
        "end": [seconds_at(2026, 5, 31)],
        "precision": "day",
        "approximate": True,
        "title": ["Jury selection begins"],
        "excerpt": ["First paragraph.\n\nSecond paragraph.\nThird paragraph."],
        "lane": ["Musk v. OpenAI"],
        "url": ["https://example.org/jury"],
        "date_text": ["late April 2026"],
        "source": ["sample.csv"],
        "row": [12],
    }
    columns.update(overrides)
    return EventTable.from_columns(**columns)  # type: ignore[arg-type]


def _panel(qtbot, events: EventTable | None = None, opened: list[QUrl] | None = None):
    def opener(url: QUrl) -> bool:
        if opened is not None:
            opened.append(url)
        return True

    panel = DetailsPanel(open_url=opener)
    qtbot.addWidget(panel)
    if events is not None:
        panel.show_event(events, 0)
    return panel


def test_the_event_is_shown_with_its_dates_lane_source_and_paragraphs(qtbot):
    panel = _panel(qtbot, _events())
    text = panel.browser.toPlainText()
    for expected in (
        "Jury selection begins",
        "27 Apr 2026 – 31 May 2026 (day, approximate)",
        "late April 2026",
        "Musk v. OpenAI",
        "sample.csv, row 12",
        "https://example.org/jury",
    ):
        assert expected in text
    # Each line of the excerpt is a paragraph of its own; blank lines make none.
    assert text.count("paragraph.") == 3
    assert "First paragraph.\nSecond paragraph.\nThird paragraph." in text
    assert panel.copy_button.isEnabled()


def test_the_title_is_large_and_bold(qtbot):
    panel = _panel(qtbot, _events())
    fragment = panel.browser.document().firstBlock().begin().fragment()
    assert fragment.text() == "Jury selection begins"
    char_format = fragment.charFormat()
    assert char_format.fontWeight() >= 700
    assert char_format.font().pointSizeF() > panel.browser.font().pointSizeF()


def test_a_year_in_bc_and_a_precise_time_are_normalised(qtbot):
    panel = _panel(qtbot, _events(start=[seconds_at(-43)], end=None, precision="year"))
    assert "44 BC (year, approximate)" in panel.browser.toPlainText()
    panel.show_event(
        _events(start=[seconds_at(2026, 4, 27, 9)], end=None, precision="time", approximate=False),
        0,
    )
    assert "27 Apr 2026 09:00 UTC (time)" in panel.browser.toPlainText()
    assert "approximate" not in panel.browser.toPlainText()


def test_markup_in_the_file_is_shown_as_literal_text(qtbot):
    panel = _panel(qtbot, _events(title=[HOSTILE], excerpt=[f"Before {HOSTILE} after"]))
    text = panel.browser.toPlainText()
    assert text.count(HOSTILE) == 2
    html = panel.browser.toHtml()
    assert "<img" not in html
    assert "<script" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert not any(fmt.isImageFormat() for fmt in panel.browser.document().allFormats())


def test_the_browser_loads_no_resource(qtbot):
    panel = _panel(qtbot, _events())
    for name in ("file:///etc/passwd", "https://example.org/page.html", "x"):
        assert panel.browser.loadResource(1, QUrl(name)) is None  # 1: HtmlResource


def test_even_raw_html_images_are_not_loaded(qtbot, tmp_path):
    # Escaping keeps tags out; should one slip in, no file, qrc or data image is read.
    picture = QImage(300, 400, QImage.Format.Format_RGB32)
    picture.fill(0xFF0000)
    path = tmp_path / "picture.png"
    assert picture.save(str(path))
    panel = _panel(qtbot)
    for src in (str(path), QUrl.fromLocalFile(str(path)).toString()):
        panel.browser.setHtml(f'<img src="{src}">')
        assert panel.browser.document().size().height() < 100


def test_a_javascript_url_is_plain_text_not_a_link(qtbot):
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"):
        panel = _panel(qtbot, _events(url=[url]))
        assert url in panel.browser.toPlainText()
        assert "<a " not in panel.browser.toHtml()
        assert "href" not in panel.browser.toHtml()


def test_https_and_mailto_urls_are_links(qtbot):
    panel = _panel(qtbot, _events(url=["https://example.org/a b"]))
    assert 'href="https://example.org/a%20b"' in panel.browser.toHtml()
    panel.show_event(_events(url=["mailto:news@example.org"]), 0)
    assert 'href="mailto:news@example.org"' in panel.browser.toHtml()


def test_clicking_an_https_link_opens_it_and_reports_it(qtbot):
    opened: list[QUrl] = []
    panel = _panel(qtbot, _events(), opened)
    url = QUrl("https://example.org/jury")
    with qtbot.wait_signal(panel.link_opened) as blocker:
        panel.browser.anchorClicked.emit(url)
    assert opened == [url]
    assert blocker.args == [url]
    # The browser does not navigate itself: the event stays on show.
    assert "Jury selection begins" in panel.browser.toPlainText()


def test_a_file_or_javascript_url_is_never_opened(qtbot):
    opened: list[QUrl] = []
    panel = _panel(qtbot, _events(), opened)
    with qtbot.assert_not_emitted(panel.link_opened):
        panel.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
        panel.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == []


def test_copy_puts_the_whole_event_on_the_clipboard(qtbot):
    panel = _panel(qtbot, _events())
    QGuiApplication.clipboard().clear()
    panel.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Jury selection begins\n")
    assert "First paragraph.\n\nSecond paragraph.\n\nThird paragraph." in copied
    for expected in ("(day, approximate)", "Musk v. OpenAI", "sample.csv, row 12", "https://"):
        assert expected in copied


def test_a_source_holding_a_placeholder_is_shown_as_written(qtbot):
    panel = _panel(qtbot, _events(source=["notes %2.csv"]))
    assert "notes %2.csv, row 12" in panel.browser.toPlainText()


def test_text_is_selectable_by_mouse_and_keyboard(qtbot):
    panel = _panel(qtbot, _events())
    flags = panel.browser.textInteractionFlags()
    assert flags & flags.TextSelectableByMouse
    assert flags & flags.TextSelectableByKeyboard


def test_none_clears_to_the_placeholder(qtbot):
    panel = _panel(qtbot, _events())
    panel.show_event(_events(), None)
    assert panel.browser.toPlainText() == ""
    assert panel.browser.placeholderText() == "Click an event to read it."
    assert not panel.copy_button.isEnabled()
    assert panel.plain_text() == ""


def test_widgets_have_accessible_names(qtbot):
    panel = _panel(qtbot)
    assert panel.browser.accessibleName()
    assert panel.copy_button.accessibleName()


def test_two_panels_with_different_wordings_each_write_their_own_dates(qtbot):
    english = _panel(qtbot, _events())
    chinese = DetailsPanel(wording=CHINESE)
    qtbot.addWidget(chinese)
    chinese.show_event(_events(), 0)
    assert "27 Apr 2026 – 31 May 2026 (day, approximate)" in english.browser.toPlainText()
    assert "约2026年4月27日 – 2026年5月31日（day）" in chinese.browser.toPlainText()
    english.show_event(_events(), 0)  # shown again after the Chinese panel: still English
    assert "27 Apr 2026" in english.browser.toPlainText()


def test_a_title_of_one_huge_word_is_laid_out_quickly_and_copied_whole(qtbot):
    # Qt re-scanned the rest of an unbroken word for every wrapped line: 300,000 letters took
    # 20 s (quadratic). 200,000 letters took about 6 s on a fast machine before the fix.
    title = "W" * 200_000
    panel = _panel(qtbot)
    panel.resize(400, 600)
    panel.show()
    qtbot.wait_exposed(panel)
    started = time.perf_counter()
    panel.show_event(_events(title=[title], url=["https://example.org/" + "p" * 300]), 0)
    panel.browser.document().size()  # the whole document laid out
    QApplication.processEvents()
    assert time.perf_counter() - started < 2.0
    assert panel.plain_text().splitlines()[0] == title
    assert panel.browser.verticalScrollBar().maximum() > 0  # it wrapped over many lines


def test_a_copied_selection_has_no_invisible_break_opportunities(qtbot):
    title = "x" * 500
    panel = _panel(qtbot, _events(title=[title]))
    panel.browser.selectAll()
    QGuiApplication.clipboard().clear()
    panel.browser.copy()
    assert QGuiApplication.clipboard().text().splitlines()[0] == title


def _anchor_href(panel: DetailsPanel) -> str:
    html_text = panel.browser.toHtml()
    return html_text.split('href="', 1)[1].split('"', 1)[0]


def test_a_look_alike_domain_shows_its_real_punycode_host(qtbot):
    # "аpple.com" with a Cyrillic "а" (U+0430) looks like apple.com.
    panel = _panel(qtbot, _events(url=["https://\u0430pple.com/login"]))
    text = panel.browser.toPlainText()
    assert "https://xn--pple-43d.com/login" in text
    assert "\u0430pple" not in text
    assert "xn--pple-43d.com" in _anchor_href(panel)


def test_a_user_and_password_before_the_host_are_neither_shown_nor_opened(qtbot):
    opened: list[QUrl] = []
    panel = _panel(qtbot, _events(url=["https://bank.example:secret@evil.example/login"]), opened)
    text = panel.browser.toPlainText()
    assert "https://evil.example/login" in text
    assert "bank.example" not in text
    assert "secret" not in _anchor_href(panel)
    panel.browser.anchorClicked.emit(QUrl("https://bank.example:secret@evil.example/login"))
    assert opened == [QUrl("https://evil.example/login")]


def test_bidi_controls_cannot_reorder_a_link_or_a_title(qtbot):
    # U+202E RIGHT-TO-LEFT OVERRIDE: "…/\u202egpj.exe" is drawn as "…/exe.jpg".
    panel = _panel(
        qtbot, _events(title=["Report \u202etxt.exe"], url=["https://example.org/\u202egpj.exe"])
    )
    text = panel.browser.toPlainText()
    assert "\u202e" not in text
    assert "https://example.org/%E2%80%AEgpj.exe" in text
    assert "Report txt.exe" in text
    # Copy keeps the file's text as it is.
    assert "Report \u202etxt.exe" in panel.plain_text()


def test_an_international_path_and_mailto_domain_stay_readable(qtbot):
    panel = _panel(qtbot, _events(url=["https://zh.wikipedia.org/wiki/北京#历史"]))
    assert "https://zh.wikipedia.org/wiki/北京#历史" in panel.browser.toPlainText()
    panel.show_event(_events(url=["mailto:bob@b\u00fccher.example"]), 0)
    assert "mailto:bob@xn--bcher-kva.example" in panel.browser.toPlainText()

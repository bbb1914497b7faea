"""Text from files shown by Qt widgets, always as plain text.

Qt guesses: a label, tooltip or message box whose text looks like HTML (``Qt::mightBeRichText``)
is drawn as HTML, and ``<img src=...>`` loads a local file. A header, cell or file name is
never HTML here: labels are set to plain text, and tooltips (which have no such setting) are
escaped inside ``<qt>``, which tells Qt the tooltip is rich text that we wrote.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from viewer.model.bidi_text import without_reordering

TOOLTIP_CHARS = 1000  # a tooltip is a glance: longer text is cut (and laid out quickly)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` (and every later ``setText``) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it literally, line breaks kept."""
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + "…"
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def window_title_part(text: str) -> str:
    """``text`` (a file name) for a window title: Qt reads "[*]" there as the "modified" mark
    and drops it ("[*][*]" shows one), and bidi controls would reorder the title."""
    return without_reordering(text).replace("[*]", "[*][*]")

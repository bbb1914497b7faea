"""The loader's messages in the interface language.

The Qt-free loader writes English ``Message`` objects that keep their template and values; here
the template is looked up among the translations (context ``LoadMessages``) and filled in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.model.messages import CONTEXT, VERBATIM, Message


def translated(text: str) -> str:
    """``text`` in the interface language when it is a Message with a translation, else as is."""
    if not isinstance(text, Message):
        return text
    template = text.template
    if template != VERBATIM:
        template = QCoreApplication.translate(CONTEXT, template)
    if not text.values:
        return template
    values = {
        name: translated(value) if isinstance(value, Message) else value
        for name, value in text.values.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)  # a translation with a broken placeholder must not hide the message

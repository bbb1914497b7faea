"""Messages for users that the Qt-free core writes in English and the UI can translate.

A ``Message`` is the English text itself (a ``str``: the CLI prints it, ``inspect --json``
writes it, tests compare it) that also remembers its template and values, so the interface
can look the template up in its translations and fill in the same values.

Templates are marked with ``QT_TRANSLATE_NOOP("LoadMessages", ...)``: pyside6-lupdate finds
calls by that name, so ``packaging/update_translations.py`` collects them with the UI's own
strings and the translation test fails when one has no Chinese translation.
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = "LoadMessages"


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:  # the name lupdate looks for
    """Mark ``template`` for translation in ``context``; returns it unchanged."""
    return template


class Message(str):
    """English text made from ``template.format(**values)``, keeping both for translation.

    Values may be Messages themselves (a file's sentence holding a row's reason); they are
    translated with the message that holds them.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def __reduce__(
        self,
    ) -> tuple[
        Callable[..., Message], tuple[str, dict[str, object]]
    ]:  # keep template and values through copy and pickle
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, object]) -> Message:
    return Message(template, **values)


# The template of text that has none of ours (an OS or parser error's own words): shown as it is.
VERBATIM = "{text}"


def as_message(text: str) -> Message:
    """``text`` as a Message: itself when it is one, otherwise shown verbatim."""
    return text if isinstance(text, Message) else Message(VERBATIM, text=text)

"""Bidi controls in text from files: the ones that reorder what follows them are dropped from
what is shown, so "Report \u202etxt.exe" is never drawn as "Report exe.txt".

Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text after them;
the marks (LRM, RLM, ALM) only nudge neutral characters and stay. The data keeps every control:
only the views drop them, and Copy copies the file's text.
"""

from __future__ import annotations

import re

REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
ANY = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_reordering(text: str) -> str:
    """``text`` without the bidi controls that reorder the text after them."""
    return REORDERING.sub("", text)

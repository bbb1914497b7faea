"""The title a reader would call the headline: a message or description, not a short code.

Log exports and open data often put a short source, type or case-number column before the
text that says what happened (Taipei's labour penalties: ``處分字號`` "府勞動字第10432263200號"
before ``違反法規內容`` "工資未全額給付給勞工"). A column whose header names a code, whose cells are
identifiers, or whose few short values repeat is no headline when a column of varied text is
there; such a code is left for the lane.
"""

from __future__ import annotations

import re

from viewer.io.mapping.header_names import header_key

# Header words for the text that says what happened, in the languages headers are read in.
HEADLINE_WORDS = frozenset(
    {
        "message", "msg", "description", "desc", "summary", "headline", "title", "subject",
        "event", "text", "content", "nachricht", "meldung", "beschreibung", "titel", "inhalt",
        "texte", "titre", "mensaje", "descripción", "descripcion", "título", "titulo",
        "mensagem", "descrição",
    }
)  # fmt: skip
_HEADLINE_CJK = (
    "描述",
    "标题",
    "標題",
    "内容",
    "內容",
    "摘要",
    "说明",
    "說明",
    "事件",
    "消息",
    "正文",
)
# Header words for a code: where a record came from, its kind, its number.
CODE_WORDS = frozenset(
    {
        "source", "src", "type", "kind", "category", "class", "severity", "level", "priority",
        "status", "code", "id", "number", "no", "nr", "num", "provider", "channel", "facility",
        "quelle", "typ", "art", "kategorie", "nummer", "stufe",
    }
)  # fmt: skip
_CODE_CJK = ("字號", "字号", "编号", "編號", "代码", "代碼", "类型", "類型", "分类", "分類", "来源", "來源", "级别", "級別")  # fmt: skip
# One token with a long number in it, or capitals and digits only: 府勞動字第10432263200號, 4625, ERROR.
_IDENTIFIER_RE = re.compile(r"^\S*\d{5,}\S*$|^[A-Z0-9_.:/\\-]+$")
_WORD_BREAK_RE = re.compile(r"\s|[\u3400-\u9fff]")
_SHORT = 12  # characters: a code's length, not a sentence's


def header_says_headline(column: str) -> bool:
    return _header_has(column, HEADLINE_WORDS, _HEADLINE_CJK)


def header_says_code(column: str) -> bool:
    return _header_has(column, CODE_WORDS, _CODE_CJK)


def _header_has(column: str, words: frozenset[str], cjk: tuple[str, ...]) -> bool:
    folded = column.casefold()
    # (A look for the words inside the header first: a file of 10,000 columns named c1, c2, …
    # is turned away without splitting each name into words.)
    if not any(w in folded for w in words) and not any(w in folded for w in cjk):
        return False
    key = header_key(column)
    return bool(words & set(_words(key))) or any(w in key for w in cjk)


def is_code(column: str, values: list[str]) -> bool:
    """A source, type or number: the header says so, the cells are identifiers, or the few
    short values repeat."""
    if not values:
        return False
    if header_says_code(column) and not header_says_headline(column):
        return True
    if _share(values, _IDENTIFIER_RE.match) >= 0.8:
        return True
    return _mean_length(values) <= _SHORT and len(set(values)) / len(values) < 0.5


def reads_as_headline(column: str, values: list[str]) -> bool:
    """Varied text a reader reads: a headline header, or longer cells with words in them."""
    if not values:
        return False
    long = _mean_length(values) > _SHORT
    if not long and _distinct(values) < 0.5:
        return False  # a few short values repeating: a code, whatever its header says
    headline_header = header_says_headline(column)
    if not (long or headline_header) or is_code(column, values):
        return False
    return headline_header or (
        _share(values, _WORD_BREAK_RE.search) >= 0.8 and len(set(values)) / len(values) >= 0.3
    )


def better_headline(
    title: str | None, candidates: list[str], sample: dict[str, list[str]]
) -> str | None:
    """A headline column to take the title's place, or None when the title is fine (or no
    candidate reads better). Headline headers first, then the more varied cells."""
    if title is not None and not is_code(title, sample.get(title, [])):
        return None
    readable = [c for c in candidates if c != title and reads_as_headline(c, sample.get(c, []))]
    position = {c: i for i, c in enumerate(candidates)}
    return max(
        readable,
        key=lambda c: (header_says_headline(c), _distinct(sample[c]), -position[c]),
        default=None,
    )


def _words(key: str) -> list[str]:
    return re.split(r"[^\w]+", key)


def _share(values: list[str], test: object) -> float:
    assert callable(test)
    return sum(1 for v in values if test(v)) / len(values)


def _mean_length(values: list[str]) -> float:
    return sum(map(len, values)) / len(values)


def _distinct(values: list[str]) -> float:
    return len(set(values)) / len(values) if values else 0.0

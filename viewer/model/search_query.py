"""The search box's query language, parsed to a small tree (Qt-free).

    court ruling                 both words (case-insensitive, anywhere in title or excerpt)
    "opening statements"         the phrase as written
    appeal OR verdict            either (OR binds closer than the space: ``a b OR c`` is
                                 a and (b or c)); parentheses group: ``(a b) OR c``
    -appeal  -"a phrase"  -lane:x  NOT x    leave those out
    title: excerpt: lane: source: note:     the text in that field only
    tag:x  tag:x*                a tag equal to x (or starting with x)
    is:starred                   starred events
    date:2026  date:2026-04  date:2026-04-27  date:2026-04-27..2026-05-03  date:2026..

A word with a colon that names no field (``http://x``, ``12:30``) is text, unless it looks
like a mistyped field (letters before the colon, ``titel:x``): that is an error, so a typo does
not silently search for text. Every error is a ``QueryError`` with the character it concerns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from viewer.model.instants import is_valid_civil, seconds_from_civil
from viewer.model.messages import QT_TRANSLATE_NOOP, Message

FIELDS = ("title", "excerpt", "lane", "source", "tag", "note", "date", "is")  # as listed to users


@dataclass(frozen=True)
class Text:
    """``value`` inside ``field`` (None: the title or the excerpt), case-insensitive."""

    value: str
    field: str | None = None


@dataclass(frozen=True)
class Tag:
    value: str
    prefix: bool = False  # ``tag:x*``: any tag starting with x


@dataclass(frozen=True)
class Starred:
    pass


@dataclass(frozen=True)
class DateRange:
    """Events whose extent reaches into [first, stop) (seconds, UTC)."""

    first: int
    stop: int


@dataclass(frozen=True)
class Not:
    term: Node


@dataclass(frozen=True)
class And:
    terms: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    terms: tuple[Node, ...]


Node: TypeAlias = "Text | Tag | Starred | DateRange | Not | And | Or"


class QueryError(ValueError):
    """What is wrong with a query, in words (a translatable Message), and where (0-based)."""

    def __init__(self, position: int, message: Message) -> None:
        super().__init__(str(message))
        self.position = position
        self.message = message


def _error(position: int, template: str, **values: object) -> QueryError:
    return QueryError(position, Message(template, **values))


@lru_cache(maxsize=64)  # a search parses the same text once per chunk
def parse_query(text: str) -> Node | None:
    """The query ``text`` asks for; None when it asks for nothing (blank)."""
    tokens = _tokens(text)
    if not tokens:
        return None
    parser = _Parser(tokens, len(text))
    node = parser.conjunction()
    if parser.peek() is not None:  # only a ')' stops a conjunction early
        raise _error(
            parser.peek_position(), QT_TRANSLATE_NOOP("LoadMessages", '")" without "(" before it')
        )
    return node


# -- tokens ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "-", "OR", "AND", "NOT" or "term"
    position: int
    node: Node | None = None


_KEYWORDS = ("OR", "AND", "NOT")
_WORD_END = re.compile(r'[\s()"]')


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            out.append(_Token(char, i))
            i += 1
        elif char == "-" and (i + 1 == len(text) or text[i + 1].isspace()):
            raise _dangling("-", i)
        elif char == "-":
            out.append(_Token("-", i))
            i += 1
        elif char == '"':
            phrase, end = _phrase(text, i)
            out.append(_Token("term", i, Text(phrase)))
            i = end
        else:
            end = _word_end(text, i)
            word = text[i:end]
            if word in _KEYWORDS:
                out.append(_Token(word, i))
                i = end
            else:
                node, end = _word(text, i, end)
                out.append(_Token("term", i, node))
                i = end
    return out


def _word_end(text: str, start: int) -> int:
    found = _WORD_END.search(text, start)
    return len(text) if found is None else found.start()


def _phrase(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at ``start`` and the next one, and where it ends."""
    close = text.find('"', start + 1)
    if close < 0:
        raise _error(
            start,
            QT_TRANSLATE_NOOP(
                "LoadMessages", 'Unclosed quote: add a closing " (the quote at character {at})'
            ),
            at=start + 1,
        )
    if not text[start + 1 : close].strip():
        raise _error(start, QT_TRANSLATE_NOOP("LoadMessages", "Nothing between the quotes"))
    return text[start + 1 : close], close + 1


def _word(text: str, start: int, end: int) -> tuple[Node, int]:
    """The term a word stands for (a field's, or text), and where it ends."""
    word = text[start:end]
    name, colon, value = word.partition(":")
    field = name.lower()
    if not colon or not name:
        return Text(word), end
    if field not in FIELDS:
        if value.startswith("/") or not (name.isascii() and name.isalpha()):
            return Text(word), end  # a URL, a time of day, a Chinese label...
        raise _error(
            start,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                'Unknown field "{name}:" (fields are {fields}); '
                'to search for the text, put it in quotes: "{word}"',
            ),
            name=name,
            fields=", ".join(FIELDS),
            word=word,
        )
    if not value and end < len(text) and text[end] == '"':
        value, end = _phrase(text, end)  # title:"opening statements"
    elif not value:
        raise _error(
            start,
            QT_TRANSLATE_NOOP(
                "LoadMessages", 'Nothing after "{name}:": write {name}:word or {name}:"some words"'
            ),
            name=name,
        )
    return _field_term(field, value, start), end


def _field_term(field: str, value: str, position: int) -> Node:
    if field == "date":
        return _date_range(value, position)
    if field == "is":
        if value.lower() != "starred":
            raise _error(
                position,
                QT_TRANSLATE_NOOP("LoadMessages", 'Unknown "is:{value}": write is:starred'),
                value=value,
            )
        return Starred()
    if field == "tag":
        return Tag(value[:-1], prefix=True) if value.endswith("*") else Tag(value)
    return Text(value, field)


# -- dates ---------------------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_range(value: str, position: int) -> DateRange:
    """``2026``, ``2026-04``, ``2026-04-27``, or two of them joined by ``..`` (either may be
    left out: from or until); the range runs from the first day named to the end of the last."""
    first_text, dots, last_text = value.partition("..")
    if not dots:
        return DateRange(*_period(value, position, value))
    if not (first_text or last_text):
        raise _bad_date(value, position)
    begin = _period(first_text, position, value)[0] if first_text else OPEN_START
    stop = _period(last_text, position, value)[1] if last_text else OPEN_STOP
    if stop <= begin:  # typed backwards (the Dates filter takes them either way round too)
        begin, stop = (
            _period(last_text, position, value)[0],
            _period(first_text, position, value)[1],
        )
    return DateRange(begin, stop)


OPEN_START, OPEN_STOP = -(2**62), 2**62  # ``..2026`` and ``2026..``: however deep the time


def _period(text: str, position: int, value: str) -> tuple[int, int]:
    """The first second of the year, month or day ``text`` names and the first one after it."""
    match = _DATE.fullmatch(text)
    if match is None:
        raise _bad_date(value, position)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if not is_valid_civil(year, month or 1, day or 1):
        raise _bad_date(value, position)
    if month is None:
        return _second(year, 1, 1), _second(year + 1, 1, 1)
    if day is None:
        after = (year + 1, 1) if month == 12 else (year, month + 1)
        return _second(year, month, 1), _second(*after, 1)
    return _second(year, month, day), _second(year, month, day) + 86_400


def _second(year: int, month: int, day: int) -> int:
    return int(seconds_from_civil(year, month, day))


def _bad_date(value: str, position: int) -> QueryError:
    return _error(
        position,
        QT_TRANSLATE_NOOP(
            "LoadMessages",
            '"{value}" is not a date: write date:2026, date:2026-04, date:2026-04-27 '
            "or date:2026-04-27..2026-05-03",
        ),
        value=value,
    )


# -- structure -----------------------------------------------------------------------------
class _Parser:
    """conjunction := disjunction ([AND] disjunction)*; disjunction := unary (OR unary)*;
    unary := NOT unary | "-" primary | primary; primary := "(" conjunction ")" | term."""

    def __init__(self, tokens: list[_Token], length: int) -> None:
        self._tokens, self._at, self._length = tokens, 0, length

    def peek(self) -> _Token | None:
        return self._tokens[self._at] if self._at < len(self._tokens) else None

    def peek_position(self) -> int:
        token = self.peek()
        return self._length if token is None else token.position

    def _take(self) -> _Token:
        token = self._tokens[self._at]
        self._at += 1
        return token

    def conjunction(self) -> Node:
        terms = [self._disjunction()]
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "AND":
                self._take()
                self._require_operand("AND", token.position)
            terms.append(self._disjunction())
        return terms[0] if len(terms) == 1 else And(tuple(terms))

    def _disjunction(self) -> Node:
        token = self.peek()
        if token is not None and token.kind in ("OR", "AND"):
            raise _dangling(token.kind, token.position)
        terms = [self._unary()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self._take()
            self._require_operand("OR", token.position)
            terms.append(self._unary())
        return terms[0] if len(terms) == 1 else Or(tuple(terms))

    def _require_operand(self, keyword: str, position: int) -> None:
        token = self.peek()
        if token is None or token.kind in ("OR", "AND", ")"):
            raise _dangling(keyword, position)

    def _unary(self) -> Node:
        token = self._take()
        if token.kind in ("NOT", "-"):
            following = self.peek()
            if following is None or following.kind in ("OR", "AND", ")"):
                raise _dangling(token.kind, token.position)
            return Not(self._unary())
        return self._primary(token)

    def _primary(self, token: _Token) -> Node:
        if token.kind == "(":
            following = self.peek()
            if following is not None and following.kind == ")":
                raise _error(
                    token.position,
                    QT_TRANSLATE_NOOP("LoadMessages", 'Nothing between "(" and ")"'),
                )
            if following is None:
                raise _unclosed(token.position)
            inner = self.conjunction()
            if self.peek() is None:
                raise _unclosed(token.position)
            self._take()  # the ")"
            return inner
        if token.node is None:  # a ")" or a keyword where a term belongs
            raise _error(
                token.position,
                QT_TRANSLATE_NOOP("LoadMessages", '")" without "(" before it'),
            )
        return token.node


def _dangling(keyword: str, position: int) -> QueryError:
    if keyword in ("NOT", "-"):
        return _error(
            position,
            QT_TRANSLATE_NOOP(
                "LoadMessages",
                'Nothing after "{keyword}": write {form} to leave out events with that word',
            ),
            keyword=keyword,
            form="NOT word" if keyword == "NOT" else "-word",
        )
    return _error(
        position,
        QT_TRANSLATE_NOOP("LoadMessages", "{keyword} needs a search term on each side"),
        keyword=keyword,
    )


def _unclosed(position: int) -> QueryError:
    return _error(position, QT_TRANSLATE_NOOP("LoadMessages", 'Unclosed "(": add a ")"'))

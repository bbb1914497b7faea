"""When a query's matches are all among an earlier query's: then a search for it need only read
those (the user typed on). Typing on does not always narrow: ``court`` → ``court OR ruling``
widens, and so does ``-appe`` → ``-appeal`` (fewer events are left out). Sound, not complete: a
False only costs a full search, a wrong True would lose matches."""

from __future__ import annotations

from viewer.model.search_query import And, DateRange, Node, Not, Or, Tag, Text, parse_query


def narrows(new: Node | None, old: Node | None) -> bool:
    """Whether every event matching ``new`` matches ``old`` (a blank query matches nothing)."""
    if old is None or new is None:
        return False  # a blank query searches nothing: nothing to narrow from, or to
    return _implies(new, old)


def text_narrows(new: str, old: str) -> bool:
    """:func:`narrows` for query texts; False when either does not parse."""
    try:
        return narrows(parse_query(new), parse_query(old))
    except ValueError:
        return False


def residual(new: Node, known: Node | None) -> tuple[Node, ...]:
    """The terms of ``new`` (all of which must match) still to test on events known to match
    ``known``: those it implies hold already. None left: every such event matches."""
    terms = new.terms if isinstance(new, And) else (new,)
    if known is None:
        return terms
    return tuple(term for term in terms if not _implies(known, term))


def _implies(a: Node, b: Node) -> bool:
    if a == b:
        return True
    if isinstance(b, And):
        return all(_implies(a, term) for term in b.terms)
    if isinstance(a, Or):
        return all(_implies(term, b) for term in a.terms)
    if isinstance(a, And) and any(_implies(term, b) for term in a.terms):
        return True
    if isinstance(b, Or):
        return any(_implies(a, term) for term in b.terms)
    if isinstance(a, Not) and isinstance(b, Not):
        return _implies(b.term, a.term)  # leaving out more leaves fewer
    return _leaf_implies(a, b)


def _leaf_implies(a: Node, b: Node) -> bool:
    if isinstance(a, Text) and isinstance(b, Text):
        # title:x ⊂ x (title or excerpt); within one field a longer text holds the shorter
        same_place = a.field == b.field or (b.field is None and a.field in ("title", "excerpt"))
        return same_place and _holds(a.value, b.value)
    if isinstance(a, DateRange) and isinstance(b, DateRange):
        return b.first <= a.first and a.stop <= b.stop  # reaching into a part reaches the whole
    if isinstance(a, Tag) and isinstance(b, Tag) and b.prefix:
        ascii_ = a.value.isascii() and b.value.isascii()
        return ascii_ and a.value.lower().startswith(b.value.lower())
    return False


def _holds(longer: str, shorter: str) -> bool:
    """Any text holding ``longer`` (without regard to case) holds ``shorter``: sure when it is
    inside as written, or both are ASCII (Unicode case folding can change lengths)."""
    if shorter in longer:
        return True
    return longer.isascii() and shorter.isascii() and shorter.lower() in longer.lower()

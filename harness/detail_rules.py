"""A name of the fact's statement replaced by another name where a summary states the claim:
"took over the lease from Albion" for *... from the City Council*, "against Arsenal" for
*played 90 minutes ... against Reading*. A slot need not hold the name for a wrong one to
be seen.

Precision first: only a name after one of a few prepositions of place and party (from,
against, at, to, for, in, into) that the statement writes before a proper name attached to
its verb; only in the claim's clause, at most a few words from its slots; only a name the
summary writes with capitals (a text written without them cannot tell a name from a word);
and the two are the same name when they share a word, when one is the other's initials
("U.K." / "United Kingdom"), or when one of the fact's own phrase lists holds both
("City Hall" and "City Council" in one alias list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PREPOSITIONS = ("from", "against", "at", "to", "for", "in", "into", "with")
_FUNCTION = frozenset({"the", "a", "an", "of", "and", "&"})
# a capitalised run after the preposition: "from Albion", "against Manchester City"
_NAME = r"[A-Z][\w.'’-]*"
_NAMED = re.compile(
    r"\b(" + "|".join(PREPOSITIONS) + rf")\s+(?:the\s+)?({_NAME}(?:\s+(?:of\s+)?{_NAME})*)"
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


def _clean(name: str) -> str:
    """A name without the full stop that ends its sentence ("from Washington."), dotted
    initials kept whole ("the U.K.")."""
    last = name.split()[-1]
    if name.endswith(".") and not _DOTTED.fullmatch(last):
        name = name[:-1]
    return name.rstrip(",;:'’")


@dataclass(frozen=True)
class Detail:
    """A preposition of the statement and the proper name after it."""

    preposition: str
    name: str
    verb: str  # the statement's verb the preposition hangs on ("took"), or its noun
    noun: bool = False  # ... a noun the preposition hangs on ("a qualifier with Belgium")


@lru_cache(maxsize=1024)
def statement_details(statement: str) -> tuple[Detail, ...]:
    """The statement's prepositions of place and party attached to a verb, each with the
    proper name it governs ("from the City Council": from, City Council)."""
    from harness.syntax import parse

    out = []
    for tok in parse(statement):
        if tok.dep_ != "prep" or tok.lower_ not in PREPOSITIONS:
            continue
        verb = tok.head  # through another party's phrase: "for Rovers against Albion"
        while verb.pos_ != "VERB" and verb.dep_ in ("pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head
        # a noun's own preposition ("Wales' qualifier with Belgium"), not a verb's
        noun = tok.head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and tok.head.pos_ in (
            "NOUN",
            "ADJ",  # the small parser's reading of "qualifier"
        )
        if verb.pos_ != "VERB" and not noun:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN":
            continue
        words = [t for t in obj.subtree if t.i <= obj.i and t.lower_ not in _FUNCTION]
        if words:
            head = tok.head if noun else verb
            out.append(Detail(tok.lower_, " ".join(t.text for t in words), head.lower_, noun))
    return tuple(out)


def _words(name: str) -> set[str]:
    return {w.lower().strip(".'’") for w in name.split()} - _FUNCTION


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _FUNCTION).lower()


def same_name(a: str, b: str, groups: tuple[re.Pattern, ...] = ()) -> bool:
    """Whether two names are one: a shared word, initials ("U.K." / "United Kingdom"), or
    one phrase list that holds both."""
    if _words(a) & _words(b):
        return True
    letters = [re.sub(r"[^a-z]", "", x.lower()) for x in (a, b)]
    if (letters[0] and letters[0] == _initials(b)) or (letters[1] and letters[1] == _initials(a)):
        return True
    if _one_place(a, b):
        return True
    return any(g.fullmatch(a) and g.fullmatch(b) for g in groups)


def _one_place(a: str, b: str) -> bool:
    """Whether the place gazetteer (harness/lexicons/place_aliases.txt) names both in one
    group: a country and its capital or seat ("to Moscow" / "to Russia")."""
    from harness.grounding_lexicon import ALIAS_GROUPS

    x, y = (" ".join(n.lower().replace(".", "").split()) for n in (a, b))
    return any(x in g and y in g for g in _dotless(ALIAS_GROUPS))


@lru_cache(maxsize=1)
def _dotless(groups: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(n.replace(".", "") for n in g) for g in groups)


def wrong_detail(
    statement: str,
    sentence: str,
    lo: int,
    hi: int,
    groups: tuple[re.Pattern, ...] = (),
    caseless: bool = False,
) -> tuple[str, str] | None:
    """(the summary's "prep name", the statement's) when the span `lo`..`hi` of `sentence`
    writes one of the statement's prepositions before another capitalised name, and the
    sentence nowhere writes the statement's name after it; else None. In a text written
    without capitals (`caseless`), a bare noun the parse reads as a proper name is a name
    too ("against albion"; not "against the wind", "at home")."""
    details = statement_details(statement)
    if not details:
        return None
    found = [(m.group(1), _clean(m.group(2)), m.start()) for m in _NAMED.finditer(sentence)]
    if caseless:
        seen = {at for _, _, at in found}
        found += [x for x in _parsed_names(sentence) if x[2] not in seen]
    for d in details:
        if _named_anywhere(d.name, sentence):
            continue  # the statement's own name is in the sentence: nothing replaced
        written = [(name, at) for prep, name, at in found if prep == d.preposition]
        if any(same_name(name, d.name, groups) for name, _ in written):
            continue
        for name, at in written:
            if lo <= at < hi and _on_the_verb(sentence, at, d.verb, d.noun):
                return f"{d.preposition} {name}", f"{d.preposition} {d.name}"
    return None


def named_phrases(text: str) -> list[str]:
    """Each "preposition + capitalised name" of `text` ("to Old Trafford"), as
    wrong_detail writes them."""
    return [f"{m.group(1)} {_clean(m.group(2))}" for m in _NAMED.finditer(text)]


def _parsed_names(sentence: str) -> list[tuple[str, str, int]]:
    """(preposition, name, offset) for each preposition of PREPOSITIONS whose object the
    parse tags a proper noun written bare: no article, possessive or number before it."""
    from harness.syntax import parse

    out = []
    for tok in parse(sentence):
        if tok.dep_ != "prep" or tok.lower_ not in PREPOSITIONS:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN" or not obj.is_alpha:
            continue
        if any(c.dep_ in ("det", "poss", "nummod", "predet") for c in obj.children):
            continue
        words = [t.text for t in obj.subtree if t.i <= obj.i and t.dep_ in ("compound", "pobj")]
        out.append((tok.lower_, " ".join(words), tok.idx))
    return out


def _named_anywhere(name: str, sentence: str) -> bool:
    words = _words(name)
    lower = {w.lower().strip(".,;:'’") for w in re.split(r"[\s/]+", sentence)}
    return bool(words) and words <= lower


def _on_the_verb(sentence: str, at: int, verb: str, noun: bool = False) -> bool:
    """Whether the preposition at `at` hangs on a form of the statement's verb ("taking
    over from Albion" for "took over ... from the council"; not "relegated to" for "lost to"),
    or, for a noun's preposition, right on that noun ("qualifier with Israel")."""
    from harness.syntax import parse

    prep = next((t for t in parse(sentence) if t.idx == at), None)
    if prep is None:
        return False
    head = prep.head
    if noun:
        return _stem(head.lower_) == _stem(verb)
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return _stem(head.lower_) == _stem(verb)


_IRREGULAR = {
    "took": "take",
    "taken": "take",
    "taking": "take",
    "won": "win",
    "lost": "lose",
    "beaten": "beat",
    "ran": "run",
    "went": "go",
    "gone": "go",
}


def _stem(verb: str) -> str:
    return _IRREGULAR.get(verb, verb)[:4]

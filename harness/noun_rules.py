"""What a noun phrase says, read from the parse: rules added with writer Z's set.

Each answers one question about a statement the matcher found (harness.matcher asks them):

- a share of a group ("the bulk of the staff", "most of the crew") that holds what the
  verb provides, or is said to be something, says that some of the group is so: no hedge
  of a claim that none is ("No staff would be hired": "the firm would hire the bulk of
  the staff" and "most of the staff would be new hires" are its opposite, stated),
  though it remains one of a claim that all did, of a denial ("most of the staff did not
  strike") and of a share that does something ("the majority of staff oppose ...");
- a common word written with a capital right before a proper name is that person's
  title, part of the name ("as Mayor Jones complained": no statement about a mayoralty),
  so a declared contradiction read from it is set aside.

The share words are the general ones of harness.lexicon.SHARE_NOUNS.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from harness.lexicon import SHARE_NOUNS

# the word rules' share hedges ("bulk", "majority", "most of", "lion's share")
_SHARE_WORDS = re.compile(
    r"(?:" + "|".join(sorted(SHARE_NOUNS)) + r")\b|lion's\s+share\b", re.IGNORECASE
)


def share_asserts_some(
    kind: str, polarity: str, negated: bool, norm: str = "", sentence=(0, 0), combo=()
) -> bool:
    """Whether a share of a group is no hedge of this statement: an asserted (not denied)
    statement of a negative fact's claim ("no X did it"), which a share of X denies, where
    the share holds a slot as what the verb provides ("would supply the bulk of the cash":
    `object_share`). `norm`: the candidate's text; `sentence`: the statement's sentence
    (start, end) in it; `combo`: the statement's (slot, span) pairs."""
    if kind != "claim" or polarity != "negative" or negated:
        return False
    from harness import syntax  # the parse, only for a statement that has a share

    s, e = sentence
    if syntax.parser() is None or not 0 < e - s <= syntax.MAX_SENTENCE:
        return False
    spans = [(a - s, b - s) for _, (a, b) in combo if s <= a and b <= e]
    return bool(spans) and object_share(syntax.parse(norm[s:e]), spans)


# a share that is the subject of its verb says something of part of a group ("the
# majority of members oppose the plan"), not what the verb provides
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def object_share(doc: Any, spans: list[tuple[int, int]]) -> bool:
    """Whether the parsed sentence `doc` has a share of a group ("bulk", "majority", "most")
    whose phrase holds a slot (character spans) and is no subject: "the firm would hire
    the bulk of the staff" (the staff, some of them, are hired), not "the majority of
    staff oppose the plan"; and no share that holds a slot as a subject, but the subject
    of "be" whose complement holds the other slots ("most of the staff were temps": some
    were)."""
    inside = {t.i for a, b in spans for t in doc if t.idx < b and t.idx + len(t.text) > a}
    found = False
    for t in doc:
        if t.lower_ not in SHARE_NOUNS or t.i in inside:
            continue
        own = {k.i for k in t.subtree}
        if not own & inside:
            continue
        if t.dep_ in _SUBJECT_DEPS and not _said_to_be(t, inside - own):
            return False
        found = True
    return found


def _said_to_be(share: Any, rest: set[int]) -> bool:
    """Whether the subject `share` is of a form of "be" whose complement holds every token
    of `rest` (the claim's other slots): "most of the staff would be temps"."""
    verb = share.head
    if share.dep_ != "nsubj" or verb.lower_ not in _BE:
        return False
    complement = {k.i for c in verb.children if c.dep_ in ("attr", "acomp") for k in c.subtree}
    return bool(rest) and rest <= complement


_BE = frozenset("be is are was were been being 's 're".split())


def is_share(text: str) -> bool:
    """Whether a hedge (its text, or the text from its start) is a share of a group."""
    return _SHARE_WORDS.match(text.strip()) is not None


def without_shares(hedges: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The parse's hedges less the shares of a group."""
    return tuple(h for h in hedges if not is_share(h))


def clause_without_shares(clause: Any) -> Any:
    """A copy of a matcher clause whose word-rule hedges (start, end offsets in its text)
    leave out the shares of a group; the clause itself is left as it is."""
    out = copy.copy(clause)
    out.__dict__["hedges"] = [(a, b) for a, b in clause.hedges if not is_share(clause.norm[a:b])]
    return out


def _fits(phrasing: str, word: str) -> bool:
    """Whether a one-word phrasing ("mayor", "presid*") fits `word`."""
    if " " in phrasing:
        return False
    if phrasing.endswith("*"):
        return word.lower().startswith(phrasing[:-1].lower())
    return word.lower() == phrasing.lower()


def listed_as_common_word(word: str, phrasings: tuple[str, ...]) -> bool:
    """Whether the facts file lists `word` as a common word: a phrasing written in lower
    case fits it ("mayor", "presid*"), and none written with a capital ("Newcastle")."""
    fit = [p for p in phrasings if _fits(p, word)]
    return any(p[:1].islower() for p in fit) and not any(p[:1].isupper() for p in fit)


def title_before_a_name(
    doc: Any, spans: list[tuple[int, int]], phrasings: list[tuple[str, ...]]
) -> bool:
    """Whether a slot (character spans in the parsed sentence `doc`, with the phrasings of
    each span's slot) is only a title that begins a person's name: one word that the facts
    file lists in lower case, written with a capital ("President", "Coach"; not an acronym
    or a name the file lists with a capital, "Newcastle United"), that the parse makes a
    compound modifier of the proper noun right after it, whose name it is part of ("as
    Governor Ruiz complained": no one governs there)."""
    for (a, b), listed in zip(spans, phrasings, strict=True):
        toks = [t for t in doc if t.idx < b and t.idx + len(t.text) > a]
        if len(toks) != 1:
            continue
        t = toks[0]
        word = t.text
        if (
            t.i + 1 < len(doc)
            and word[:1].isupper()
            and word[1:].islower()
            and word.isalpha()
            and listed_as_common_word(word, listed)
            and t.dep_ == "compound"
            and t.head.pos_ == "PROPN"
            and t.head.i > t.i
            and doc[t.i + 1].pos_ == "PROPN"
            and doc[t.i + 1].text[:1].isupper()
            and all(doc[k].dep_ == "compound" for k in range(t.i + 1, t.head.i))
        ):
            return True
    return False

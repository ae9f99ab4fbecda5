"""Whose plan a summary makes the claim: the subject of the verb of proposing above it ("Ruiz
proposed a bridge that would close at night": Ruiz). A fact whose `actor` key lists who
proposed it is contradicted by a summary that gives the proposal to someone else by name
("Bell proposed a bridge that would close at night"); a pronoun, a possessive one ("whose
plan"), or no one named leaves the claim as it is. Verbs of saying are not read: "Rivals
claimed the bridge would close" reports the claim, it does not take it over.
"""

from __future__ import annotations

from harness.lexicon import PROPOSING
from harness.syntax import claim_tree

_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT", "DT", "EX"})


def claim_agent(
    sentence: str, spans: list[tuple[int, int]], start: int = 0
) -> tuple[int, int, int, int] | None:
    """(start, end, head start, head end) of the name that the first verb of proposing above
    the claim (slots at `spans` in `sentence`) has for its subject: the subject's head with
    the names and titles before it ("Former Transport Secretary Tom Bell"), or the name
    in apposition to it ("Ruiz's predecessor, Ana Bell": Ana Bell). None when another verb
    with a subject of its own comes first, when the subject is one of the claim's words, a
    pronoun, a thing owned by a pronoun ("whose plan"), an all-capital dateline
    ("BRUSSELS") or lies before `start` (a heading before a colon)."""
    tree = claim_tree(sentence, spans)
    if tree is None:
        return None
    _, inside, _, _, node = tree
    own_seen = _verb(node)  # the claim's own verb is no agent's
    while node.head.i != node.i:
        came, node = node, node.head
        if not _verb(node):
            continue
        proposing = node.lower_ in PROPOSING
        if not own_seen:
            own_seen = True
            if not (proposing and came.dep_ in ("dobj", "ccomp")):
                continue  # ... unless what is proposed holds it: "proposed a bridge without cars"
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            continue  # no subject, or a relative one ("a force that would lack ...")
        if not proposing or subject.i in inside:
            return None  # another verb with its own subject, or the claim's own words
        return _named(subject, start)
    return None


def _verb(tok) -> bool:
    """A verb, or a word the parse calls a noun but gives an object ("and lack cover")."""
    return tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "dobj" for c in tok.children)


def _named(subject, start: int) -> tuple[int, int, int, int] | None:
    name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is None:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ in _PRONOUN_TAGS:
            return None  # "whose plan", "his plan": whose it is the text does not say
        name = subject
    if name.tag_ in _PRONOUN_TAGS or (name.text.isupper() and len(name.text) > 3):
        return None
    first, last = name.left_edge, name.right_edge
    if first.idx < start:
        return None
    return first.idx, last.idx + len(last.text), name.idx, name.idx + len(name.text)

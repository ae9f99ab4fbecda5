"""What a sentence asserts, read from the parse: rules added with writer L's set.

Each answers one question about a claim's sentence (harness.syntax asks them while it
walks the parse):

- a claim allowed on a condition: "X would happen only if Y", "X would not happen
  unless Y" say X may happen (so they contradict a fact that X will not), and assert
  nothing of a fact that X happens;
- slots in two coordinated clauses, each with its own subject ("the roof was not
  repaired, and the tenants paid the landlord": tenants ... repaired is no claim);
- a relative clause whose pronoun is the subject of a verb of refusal or absence
  ("pupils who lack books") says something of its antecedent, and denies no clause;
- "not A but B": the "not" denies A only ("It was not the mayor but a councillor who
  opened it", "not by A but by B"); a claim of B is asserted;
- a denied saying corrected right after it ("He did not say the shop would open;
  on the contrary, ..."): the saying's "not" denies what was not said, no hedge.

Verbs of concealing or missing ("did not hide that X", "no one could miss that X") are
factive, in harness.lexicon.CONCEALING. The word lists are the general ones of
harness.lexicon.
"""

from __future__ import annotations

from typing import Any

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# pronouns that may stand for a noun of the clause before
_PRONOUNS = frozenset("it its they them their he him his she her".split())
# "B has also signed one": B did what the clause before says of its subject
_ADDITIVE = frozenset("also too likewise similarly".split())
_CONDITION_MARKS = frozenset({"if", "when", "once", "provided", "providing"})
# what corrects a denied saying: "on the contrary", "quite the opposite", "far from it"
_CORRECTIONS = (
    ("on", "the", "contrary"),
    ("to", "the", "contrary"),
    ("quite", "the", "contrary"),
    ("quite", "the", "opposite"),
    ("just", "the", "opposite"),
    ("far", "from", "it"),
)


def _clause_verb(anchor: Any) -> Any | None:
    """The verb of the clause the claim's anchor is in (the anchor itself when a verb)."""
    node = anchor
    while node.pos_ not in ("VERB", "AUX"):
        if node.head.i == node.i or node.dep_ in ("relcl", "acl", "appos"):
            return None
        node = node.head
    return node


def allowed_on_condition(anchor: Any, denied: bool = False) -> str | None:
    """The cue when the claim's verb holds only on a condition, which says the claim may
    come true: "volunteers would join only if the town asked", "would only join if ...", "would
    not join unless the town asked" (not X unless Y is X only if Y; `denied`: the claim is
    denied by another cue, "no volunteers would join unless ...", "would stay out unless
    ..."). None otherwise; a plain "if" clause is part of many facts ("no cover if it
    clashed") and is no cue."""
    verb = _clause_verb(anchor)
    if verb is None:
        return None
    negated = denied or any(c.dep_ == "neg" for c in verb.children)
    only_on_verb = any(c.lower_ == "only" and c.dep_ == "advmod" for c in verb.children)
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i:
            continue
        marks = [k for k in c.children if k.dep_ in ("mark", "advmod") and k.i < c.i]
        words = {k.lower_ for k in marks}
        if words & _CONDITION_MARKS and ("only" in words or only_on_verb):
            return "only if"
        if negated and "unless" in words:
            return "not ... unless"
    return None


def split_by_coordination(heads: list, anchor: Any, inside: set[int]) -> bool:
    """Whether a slot reaches the claim's anchor, a verb, through a verb coordinated with
    it that has a subject of its own holding no slot: the slots are in two clauses, each
    saying something of its own subject ("the roof was not repaired, and the tenants paid
    the landlord" makes no claim that the tenants repaired anything). Not when the second
    clause has a pronoun, which may stand for the first clause's slot ("the van was left
    open, and police found it"), nor an additive word, which says the first subject did
    the same ("A signed a deal, and B has also signed one")."""
    for h in heads:
        node = h
        while node.i != anchor.i and node.head.i != node.i:
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i == anchor.i:
                subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
                return (
                    bool(subjects)
                    and (
                        not any(t.i in inside for s in subjects for t in s.subtree)
                        or _subject_each(anchor, node, heads)
                    )
                    and not any(
                        t.i not in inside and t.lower_ in _PRONOUNS for t in _own_clause(node)
                    )
                    and not any(
                        c.lower_ in _ADDITIVE or (c.lower_ == "as" and c.nbor(1).lower_ == "well")
                        for c in node.children
                    )
                )
            node = node.head
    return False


def _subject_each(anchor: Any, conj: Any, heads: list) -> bool:
    """Whether the slots outside the coordinated verb `conj` (whose own subject holds a
    slot) all lie in the subject of `anchor`, the verb it is coordinated with: each clause
    has a slot in its subject, and only there, and says something of it ("the film will
    start now and the goals have been the best": no claim that the film shows the goals)."""
    first = [c for c in anchor.children if c.dep_ in _SUBJECT_DEPS]
    if not first:
        return False
    below = {t.i for s in first for t in s.subtree}
    kept = {t.i for t in conj.subtree}
    second = {t.i for c in conj.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    # a slot on the second verb itself may take the first subject as its object ("Rovers
    # had a good season, and Okafor joined in May": he joined Rovers)
    return all(h.i in below for h in heads if h.i not in kept) and all(
        h.i in second for h in heads if h.i in kept
    )


def _own_clause(verb: Any) -> list:
    """The words of `verb`'s clause, less a further coordinated clause with a subject of
    its own ("... and B was paid, but he then left": "he" is the third clause's)."""
    skip: set[int] = set()
    for c in verb.children:
        if c.dep_ == "conj" and any(k.dep_ in _SUBJECT_DEPS for k in c.children):
            skip |= {t.i for t in c.subtree}
    return [t for t in verb.subtree if t.i not in skip]


def subject_relative(clause: Any) -> bool:
    """Whether the relative clause `clause` has its pronoun as the active subject
    ("pupils who lack books", "staff that refused to work"): it says something of its
    antecedent, and is no comment on the clause before it (", which police denied")."""
    return any(
        k.dep_ == "nsubj" and k.lower_ in ("which", "that", "who") and k.i < clause.i
        for k in clause.children
    )


def corrected_after(said: Any) -> bool:
    """Whether the clause `said`, what a denied saying embeds, is followed right away by
    a correction ("He did not say the shop would open; on the contrary, he said it would
    stay shut"): the denial is of what was not said, not a question left open."""
    doc = said.doc
    i = said.right_edge.i + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    words = tuple(t.lower_ for t in doc[i : i + 3])
    return words in _CORRECTIONS


def starts_a_correction(text: str) -> bool:
    """Whether `text` opens with a correction ("on the contrary, ..."), as
    `corrected_after` reads it in the parse, for text not parsed yet."""
    words = tuple(w.strip(",.;:").lower() for w in text.split()[:3])
    return words in _CORRECTIONS


def negates_the_other_conjunct(neg: Any, inside: set[int]) -> bool:
    """Whether the negation `neg` is the "not" of "not A but B" and the claim (the tokens
    `inside`) has no word in A: "It was not the mayor but a councillor who opened it",
    "Not the mayor but a councillor opened it", "opened not by A but by B". The "not"
    denies A only; B, and the rest of the clause, are asserted."""
    head = neg.head
    if head.i > neg.i:
        phrase = head  # "Not a councillor but ...", "not by A but by B"
    else:  # "It was not A but B": the phrase right after the "not"
        phrase = next((c for c in head.children if c.left_edge.i == neg.i + 1), None)
        if phrase is None:
            return False
    for b in phrase.children:
        if b.dep_ != "conj" or not any(
            c.dep_ == "cc" and c.lower_ == "but" and phrase.i < c.i < b.i for c in phrase.children
        ):
            continue
        in_b = {t.i for t in b.subtree}
        in_a = {t.i for t in phrase.subtree} - in_b
        return not in_a & inside
    return False


def reading_note(reading: Any) -> str:
    """What these rules decided about a claim's reading (a harness.syntax.ClaimReading),
    for `harness explain`: "" when nothing."""
    if reading.condition:
        return f" (allowed on a condition: {reading.condition!r})"
    if reading.factive:
        return f" (below the factive verb {reading.factive!r}, whose negation is its own)"
    return ""

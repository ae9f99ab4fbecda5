"""Mends of misparses the small English pipeline makes, applied to each parse before any
rule reads it (harness.syntax): a "not" cut off from its verb by an aside; a cleft "It was
not X but Y that ..."; a clause reported after a verb of saying read as a noun object with
a participle; a "that" clause after a reporting verb's addressee read as a relative clause
on the addressee. Each changes heads and labels only, so the tree stays a tree."""

from __future__ import annotations

from typing import Any

from harness.lemmas import word_lemma
from harness.lexicon import CLAUSAL_NEGATORS, REPORT_VERBS

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubjpass", "expl"})
# what follows a one-word answer: "No - ...", "Yes, ...", "No: ..."
_AFTER_ANSWER = frozenset({"-", "\u2013", "\u2014", ",", ":", ";", "."})


def _lemma(tok) -> str:
    return word_lemma(tok.lower_)


def mend(doc: Any) -> None:
    """Mend two misparses the small model makes: a "not" cut off from its verb by an aside
    ("did not, however, offer") hangs on the auxiliary: it negates the verb; and a "that"
    clause after a reporting verb's addressee ("denied to the board that he bartered
    services") hangs on the addressee as a relative clause: it is the verb's complement."""
    for t in doc:
        aux = t.head
        if t.dep_ == "neg" and aux.dep_ in ("aux", "auxpass") and aux.head.i > t.i:
            t.head = aux.head
    for t in doc:
        _mend_cleft(t)
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if (
            t.lower_ in ("no", "yes")
            and nxt is not None
            and nxt.text in _AFTER_ANSWER
            and (t.whitespace_ or nxt.text != "-")  # not "a no-Americans plan"
        ):
            t.dep_ = "intj"  # "No - the bridge would not reopen": an answer, no determiner
    for t in doc:
        _mend_said_clause(t)
        _mend_said_aside(t)
    for t in doc:
        if t.dep_ == "relcl" and (verb := _reporting_verb_above(t)) is not None:
            t.head = verb
            t.dep_ = "ccomp"
            for c in t.children:
                if c.lower_ == "that" and c.i < t.i:  # the conjunction, no relative pronoun
                    c.dep_, c.tag_ = "mark", "IN"


# verbs of saying that take a clause, not a noun and its participle
_SAYING = frozenset("say claim insist state argue note declare add suggest reveal stress".split())


def _mend_said_clause(verb) -> None:
    """ "The church says a mystery donor paid for the sign": the parse makes the donor the
    object of "says" and "paid" a participle on it; it is the reported clause's verb, with
    the donor its subject (not when the participle has an agent: "said a plan backed by")."""
    noun = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ != "VBN"
        or noun.dep_ != "dobj"
        or verb.i != noun.i + 1
        or _lemma(noun.head) not in _SAYING
        or any(c.dep_ == "agent" for c in verb.children)
    ):
        return
    say = noun.head
    verb.head, verb.dep_ = say, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"


def _mend_said_aside(verb) -> None:
    """ "There was no question, Bell said, of cars using the bridge": the parse hangs the
    phrase after a speaker's aside on the verb of saying; it is the noun's before the
    aside (a prepositional phrase only, and only where that noun ends right before it)."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or _lemma(verb) not in _SAYING:
        return
    left, right = verb.left_edge.i, verb.i + 1  # the aside's commas: its own or before it
    if doc[left].text != ",":
        left -= 1
    if left < 1 or right >= len(doc) or doc[left].text != "," or doc[right].text != ",":
        return
    noun = doc[left - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == verb.i:
        return
    for c in list(verb.children):
        if c.dep_ == "prep" and c.i == right + 1:
            c.head = noun


_BE_FORMS = frozenset("is was are were 's be been".split())


def _mend_cleft(be) -> None:
    """In a cleft, "It was not the U.S. but the UK that chaired it", the parse hangs the
    "not" on "was" and the relative clause on the U.S.; the "not" is the U.S.'s and the
    clause the UK's."""
    if be.lower_ not in _BE_FORMS or not any(
        c.lower_ == "it" and c.dep_ in _SUBJECT_DEPS for c in be.children
    ):
        return
    neg = next((c for c in be.children if c.dep_ == "neg"), None)
    first = next((c for c in be.children if c.dep_ == "attr"), None)
    if neg is None or first is None or neg.i > first.i:
        return
    second = next((c for c in first.children if c.dep_ == "conj"), None)
    if second is None or not any(c.dep_ == "cc" and c.lower_ == "but" for c in first.children):
        return
    rel = next((c for c in first.children if c.dep_ == "relcl" and c.i > second.i), None)
    if rel is None:
        return
    neg.head = first
    rel.head = second


_THAT_CLAUSE_VERBS = (
    REPORT_VERBS
    | CLAUSAL_NEGATORS
    | frozenset("admit concede confess complain promise pledge assure vow swear".split())
)


def _reporting_verb_above(rel) -> Any | None:
    """For a relative clause that cannot be one (its "that" is a conjunction, or a second
    object beside the verb's own: "that he bartered services"), hung on the object of a
    preposition after a reporting verb ("told/denied to the board"): that verb."""
    that = next((c for c in rel.children if c.lower_ == "that" and c.i < rel.i), None)
    if that is None:
        return None
    if that.dep_ != "mark" and not any(c.dep_ == that.dep_ and c.i != that.i for c in rel.children):
        return None
    node = rel.head
    for _ in range(4):  # up through "to the board of chiropractic"
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            break
        node = node.head
    if node.pos_ == "VERB" and _lemma(node) in _THAT_CLAUSE_VERBS and node.i < rel.i:
        return node
    return None

"""Who owns, makes or shares a thing, read from a dependency parse (spaCy tokens) for
harness.syntax, which finds the claim's slots and calls these on their head tokens:

- a contradiction whose first slot is the stated thing and whose other slots name its
  possessor or the agent of a participle describing it ("Eden Hazard's best goals", "the
  video, produced by Sky Sports") gives the thing another owner (owners_of_stated);
- a possessive between the actor and the thing owns it ("Aoyama's daughter's series":
  the daughter's; possessor_between);
- the object of a verb of a change of state is what changed ("a man broke the toilet":
  the toilet broke; changed_by, lexicon.ERGATIVE_VERBS);
- the object of "with" on a verb whose sides may trade places does it too ("Britain will
  share the chair with the U.S."; shares_with, lexicon.SYMMETRIC_VERBS);
- another proper name coordinated with the statement's own named subject is another
  actor ("Wales and Israel meet" for *Wales and Belgium meet*; other_conjunct).
"""

from __future__ import annotations

from typing import Any

from harness.lemmas import word_lemma
from harness.lexicon import ERGATIVE_VERBS, SYMMETRIC_VERBS


def word_keys(np) -> frozenset[str]:
    """The first four letters of each noun of a noun phrase (harness.syntax's too)."""
    return frozenset(t.lower_[:4] for t in np.subtree if t.pos_ in ("NOUN", "PROPN"))


def other_conjunct(
    subject, keys: frozenset[str], names: frozenset[str], inside: set[int]
) -> Any | None:
    """In a coordinated subject that names the statement's own named subject ("Wales and
    Israel meet" for *Wales and Belgium meet*), a conjunct that is another proper name,
    none of the statement's (`keys`: the subject's word keys, `names`: those of every proper
    name of the statement); else None."""
    if not subject.conjuncts or not word_keys(subject) & keys:
        return None
    for c in (subject, *subject.conjuncts):
        own = {c.lower_[:4]} | {t.lower_[:4] for t in c.lefts if t.dep_ == "compound"}
        if (
            c.pos_ == "PROPN"
            and c.i not in inside
            and not any(k.dep_ in ("det", "poss") for k in c.children)
            and not own & (keys | names)
        ):
            return c
    return None


def possessor_between(actor, inside: set[int]) -> Any | None:
    """The noun between the actor slot and a slot it seems to own, in a chain of
    possessives ("Aoyama's daughter's series": the daughter owns the series), when no slot
    holds it; else None."""
    middle = actor.head
    if (
        actor.dep_ == "poss"
        and middle.dep_ == "poss"
        and middle.pos_ in ("NOUN", "PROPN")
        and middle.i not in inside
        and middle.head.i in inside
    ):
        return middle
    return None


def changed_by(noun) -> bool:
    """Whether `noun` is the object of a verb of a change of state (lexicon.ERGATIVE_VERBS:
    "a man broke the toilet"), which says the change happened to it."""
    return (
        noun.dep_ == "dobj"
        and noun.head.pos_ == "VERB"
        and word_lemma(noun.head.lower_) in ERGATIVE_VERBS
    )


def owners_of_stated(nouns: list, said: set[int]) -> bool:
    """Whether the first noun slot is one of the words that state the fact and every noun
    slot outside them names the owner or the maker of one of them: its possessor ("Eden
    Hazard's best goals") or the agent of a participle that describes it ("the video,
    produced by Sky Sports"). The contradiction then gives the stated thing another owner;
    it does not read an actor in their order. (An owner declared first, "the chair held by
    the U.S.", is the contradiction's actor and its place still counts.)"""
    if nouns[0].i not in said:
        return False
    rest = [h for h in nouns if h.i not in said]

    def owns(h) -> bool:
        if h.dep_ == "poss":
            return h.head.i in said
        if h.dep_ != "pobj" or h.head.dep_ != "agent":
            return False
        participle = h.head.head
        return participle.dep_ in ("acl", "relcl") and participle.head.i in said

    return bool(rest) and all(owns(h) for h in rest)


def shares_with(actor, heads: list) -> bool:
    """Whether `actor` is the object of "with" on a verb whose sides may trade places
    (lexicon.SYMMETRIC_VERBS: "share the chair with the U.S.", "drew with Albion") and the
    other slots are that verb or what it acts on: the actor does it too."""
    prep = actor.head
    if actor.dep_ != "pobj" or prep.lower_ != "with":
        return False
    verb = prep.head  # the parse may hang the "with" on the object's last noun
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lower_ not in SYMMETRIC_VERBS:
        return False
    acted = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    if prep.head.i != verb.i and prep.head.i not in acted:
        return False
    return all(h.i == actor.i or h.i == verb.i or h.i in acted for h in heads)

"""More clause-level rules of English read from the parse (harness.syntax asks them).

Added in one round over every labeled set's disagreements, each for a construction of
general English that a misparse or a missing rule misread, each with made-up examples in
tests/test_matcher_rules.py. No word list here serves one article.
"""

from __future__ import annotations

from harness.assertion_rules import allowed_on_condition
from harness.lemmas import word_lemma
from harness.lexicon import NEGATING_PREDICATES

_ASIDE_MARKS = frozenset({",", "(", "\u2013", "\u2014"})


def set_off_noun(node) -> bool:
    """Whether `node` is a noun phrase set off by a comma that the parse hung on the verb
    before it as an adverbial noun ("would have no place in the force, a force he described
    as having air cover"): an apposition misread, whose relative clause is asserted on its
    own, whatever the clause before the comma denies."""
    if node.dep_ != "npadvmod" or node.pos_ not in ("NOUN", "PROPN"):
        return False
    left = node.left_edge
    return left.i > 0 and left.nbor(-1).text in _ASIDE_MARKS and node.i > node.head.i


def cleft_focus(verb, subject, actor, inside: set[int]):
    """The noun an it-cleft puts first as the subject of the claim's verb ("it is the
    keeper who enjoys the attention": the keeper enjoys it), when that noun is no slot and
    the slot that should be the actor lies outside it: another actor; else None."""
    if subject is None or subject.dep_ != "nsubj" or subject.tag_ not in ("WP", "WDT"):
        return None
    rel = verb
    while rel.dep_ == "conj" and rel.head.i != rel.i:
        rel = rel.head
    if rel.dep_ == "relcl" and rel.head.dep_ == "attr":
        focus, be = rel.head, rel.head.head  # "it is [the keeper [who enjoys ...]]"
    elif rel.dep_ in ("ccomp", "relcl", "acl"):
        be = rel.head  # "it is the keeper [who enjoys ...]", the clause hung on "is"
        focus = next((c for c in be.children if c.dep_ == "attr"), None)
    else:
        return None
    if (
        focus is None
        or focus.pos_ not in ("NOUN", "PROPN")
        or be.lower_ not in _BE
        or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in be.children)
    ):
        return None
    phrase = {t.i for t in focus.subtree} - {t.i for t in rel.subtree}
    if actor.i in phrase or phrase & inside:
        return None  # the actor is the focus, or in its noun phrase
    return focus


_BE = frozenset({"is", "was", "'s", "are", "were", "be"})


def copula_joins(verb, heads: list) -> bool:
    """Whether `verb` is a form of "be" whose subject holds the first slot and whose
    complement holds the others ("Holland are the defending champions"): a statement
    that the subject is so, though no slot is a verb."""
    if verb.pos_ != "AUX" or verb.lower_ not in _BE | {"am", "been", "being", "'re"}:
        return False
    comps = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    inside = {t.i for c in comps for t in c.subtree}
    return bool(comps) and all(h.i in inside for h in heads[1:])


CONDITION = "(a condition)"
_CLAUSE_BREAKS = frozenset(
    {":", ";", "\u2014", "\u2013", "--"}
)  # the end of the hedge `condition_of` names


def condition_of(node, inside: set[int]) -> str | None:
    """The hedge of a clause that holds only on a condition: `node` has an adverbial
    clause opened by "if" or "unless" ("If results do not improve, the club will replace
    the coach": it has not said it will); not "even if" or "as if". A condition put before
    the claim; or right after the claim's last word ("The club will replace the coach if
    results do not improve"), not after other words, which it may belong to alone ("no
    volunteers, and no cover if attacked"); not "only if" or "not ... unless" after it
    (harness.assertion_rules reads those)."""
    first = min(inside, default=node.i)
    last = max(inside, default=node.i)
    for c in node.children:
        if c.dep_ != "advcl" or c.i in inside:
            continue
        marks = [k for k in c.children if k.dep_ == "mark" and k.lower_ in ("if", "unless")]
        mark = marks[0] if marks else None
        if mark is None:
            continue
        before = mark.nbor(-1).lower_ if mark.i > 0 else ""
        if before in ("even", "as"):
            continue
        if c.right_edge.i < first:
            if any(t.text in _CLAUSE_BREAKS for t in c.doc[c.right_edge.i + 1 : first]):
                continue  # "if they go, they are on their own: no volunteers ...": a new statement
            return f"{mark.text} ... {CONDITION}"
        # right after the claim's last word: "will resign if the budget fails"; not after
        # other words, which the condition may be about ("lack cover if attacked")
        right_after = all(t.text == "," for t in c.doc[last + 1 : c.left_edge.i])
        if c.left_edge.i > last and right_after and not allowed_on_condition(node):
            return f"{mark.text} ... {CONDITION}"
    return None


def denying_aside(rel, heads: list, inner: set[int]) -> bool:
    """Whether a non-restrictive relative clause `rel` (token indices `inner`) denies a
    noun slot inside it while the claim's verb slot lies outside ("Jones, who denies
    theft, was charged on Monday"): the denial is the aside's, not the claim's, so the
    slots make no claim together (set aside, never a contradiction)."""
    denied = word_lemma(rel.lower_) in NEGATING_PREDICATES or any(
        c.dep_ == "neg" for c in rel.children
    )
    return (
        denied
        and any(g.i in inner and g.pos_ in ("NOUN", "PROPN", "NUM") for g in heads)
        and any(g.i not in inner and g.pos_ in ("VERB", "AUX") for g in heads)
    )

"""Clause-level rules of English read from the parse, added with the sets of writers H-J.

Each answers one question about a claim's sentence (harness.syntax walks the parse and asks
them): a denial that comments on a whole clause from a relative clause the parse hangs on
its last noun (", which police denied"); a clause called false without "that" ("says X
was off was false"); a possibility named as a topic in a wh-clause ("guidance on when
results can be annulled"); slots split between a non-restrictive relative clause and
the main clause ("The coach, who won every trophy, says he has given up on survival").
The word lists are the general ones of harness.lexicon.
"""

from __future__ import annotations

import re

from harness import assertion_rules, general_rules
from harness.lemmas import word_lemma
from harness.lexicon import (
    CLAUSAL_NEGATORS,
    FALSITY,
    HEDGE_MODALS,
    REPORT_VERBS,
    SENTENCE_ABBREVIATIONS,
    SUBJECT_NEGATING,
)
from harness.reply_rules import starts_with_the_opposite

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubjpass", "expl"})
_ASIDE_MARKS = frozenset({",", "(", "\u2013", "\u2014", "-"})


def word_lemma_of(tok) -> str:
    """The light lemma of a token."""
    return word_lemma(tok.lower_)


def is_denial(cue: str) -> bool:
    """Whether a negation cue is a verb that calls a statement untrue ("denied",
    "refutes"): someone's denial, reported, rather than the writer's own "not"."""
    return " " not in cue and word_lemma(cue.lower()) in DENIAL_VERBS


def called_false(head, clause) -> bool:
    """Whether the complement `clause` of `head` is the subject of a subjectless "was
    false" right after it: "says the light was off was false", a clause used as a subject
    without "that", which the parse makes a second complement."""
    for c in head.children:
        if (
            c.dep_ in ("ccomp", "conj")
            and c.left_edge.i == clause.right_edge.i + 1
            and word_lemma_of(c) in _BE_LEMMAS
            and not any(k.dep_ in _SUBJECT_DEPS for k in c.children)
            and any(k.dep_ in ("acomp", "attr") and word_lemma_of(k) in FALSITY for k in c.children)
        ):
            return True
    return False


_BE_LEMMAS = frozenset("be is are was were been".split())
# modals of possibility: denied, the possibility is denied ("denied it could happen")
POSSIBILITY = HEDGE_MODALS | {"could", "could ... later"}


# verbs that call a statement untrue ("deny", "refute"; not "refuse", "fail")
DENIAL_VERBS = CLAUSAL_NEGATORS - SUBJECT_NEGATING
# the noun phrases a clause ends with: "crashed on the road near the bridge"
_TRAILING_DEPS = frozenset({"prep", "pobj", "dobj", "attr", "npadvmod", "oprd", "compound"})


def sentential_denial(verb) -> tuple[int, str] | None:
    """ ", which police denied" after the last noun of `verb`'s clause: the parse hangs the
    relative clause on that noun ("collided near the bridge, which police denied"), but a
    bridge is not what is denied: the clause is."""
    node = verb
    while True:
        tail = [c for c in node.children if c.i > node.i and c.dep_ in _TRAILING_DEPS]
        rel = [c for c in node.children if c.dep_ == "relcl" and c.i > node.i]
        for c in rel if node.i != verb.i else ():
            which = c.left_edge
            own = [t for t in node.subtree if t.i < c.left_edge.i or t.i > c.right_edge.i]
            if (
                which.lower_ == "which"
                and which.dep_ in ("dobj", "nsubjpass")
                and which.i > 0
                and which.nbor(-1).text == ","
                and all(t.i < which.i for t in own)
                and word_lemma_of(c) in DENIAL_VERBS
            ):
                return c.i, c.text
        if not tail:
            return None
        node = tail[-1]


def asked_possibility(verb) -> str | None:
    """A wh-clause that names a possibility as a topic ("explained how the bridge could be
    closed", "guidance on when results can be annulled"): what could happen asserts
    nothing. Only a complement, or an adverbial clause whose preposition lacks its object
    (the parse's reading of "on when ..."), not a time clause ("... when it could no
    longer carry trucks")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return None
    wh = next((c for c in verb.children if c.tag_ == "WRB" and c.i < verb.i), None)
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _ABLE), None)
    if wh is None or modal is None:
        return None
    if verb.dep_ in ("ccomp", "xcomp", "pcomp", "acl") or (
        verb.dep_ == "advcl"
        and any(
            c.dep_ == "prep" and c.i == wh.i - 1 and not list(c.children)
            for c in verb.head.children
        )
    ):
        return f"{wh.text} ... {modal.text}"
    return None


_ABLE = frozenset("can could may might should".split())


def split_by_aside(heads: list) -> bool:
    """Whether one slot is inside a non-restrictive relative clause ("The coach, who won
    every trophy, says he has given up on survival") and a noun slot outside it and its
    antecedent: the aside says its own thing, so the slots make no claim together. A
    verb slot outside may take the aside's noun up by a pronoun ("..., said that he would
    attempt it"), and a relative clause that says what the antecedent is ("Ruiz, who is
    the mayor, closed the bridge") joins them; so may an aside that holds the claim's verb
    (the parse may hang the verb's agent outside it)."""
    for h in heads:
        for rel in h.ancestors:
            if rel.dep_ != "relcl" or rel.head.i == rel.i:
                continue
            left = rel.left_edge
            if (
                not (left.i > 0 and left.nbor(-1).text in _ASIDE_MARKS)
                or word_lemma_of(rel) in _BE_LEMMAS
            ):
                break
            noun = rel.head
            inner = {t.i for t in rel.subtree}
            phrase = {t.i for t in noun.subtree} - inner
            if any(g.i in inner and g.pos_ in ("VERB", "AUX") for g in heads):
                break  # the aside holds the claim's verb: it may be the claim itself
            if general_rules.denying_aside(rel, heads, inner):
                return True  # "Jones, who denies theft, was charged": the aside's denial
            if any(
                g.i not in inner and g.i not in phrase and g.pos_ in ("NOUN", "PROPN", "NUM")
                for g in heads
            ):
                return True
            break
    return False


# "little" and "few" without "a" deny what they quantify: "little is known", "few fans came"
_SCARCE = frozenset({"little", "few"})


def scarce(subject) -> bool:
    """Whether a subject is "little"/"few" without "a" ("(Very) little is known about
    it", "Few fans came"), or a noun they quantify so ("few fans"): a negative quantity.
    "A little", "a few", "quite a few" are some."""
    return scarce_word(subject) or any(
        k.dep_ in ("amod", "det") and scarce_word(k) for k in subject.children
    )


def scarce_word(t) -> bool:
    """Whether `t` is "little" or "few" without "a" (or an owner: "her little boy")
    before it."""
    if t.lower_ not in _SCARCE:
        return False
    before = t.nbor(-1).lower_ if t.i > 0 else ""
    if before in ("very", "so", "too", "relatively", "comparatively") and t.i > 1:
        before = t.nbor(-2).lower_
    # "a little", "not a few"; and after a determiner or owner it is a size: "her little boy"
    return before not in _SOME_BEFORE and not before.endswith("'s")


_SOME_BEFORE = frozenset(
    "a the quite not my your his her its our their this that these those 's".split()
)


def relative_antecedent(verb, subject, actor, inside: set[int]):
    """The noun a relative pronoun subject of the claim's verb stands for, in a restrictive
    relative clause ("guards' boots have studs that can slip": studs), when that noun is
    no slot and the slot that should be the actor lies outside it and its relative clause:
    another actor; else None."""
    if subject is None or subject.dep_ != "nsubj" or subject.tag_ not in ("WP", "WDT"):
        return None
    rel = verb
    while rel.dep_ == "conj" and rel.head.i != rel.i:
        rel = rel.head
    if rel.dep_ != "relcl":
        return None
    left = rel.left_edge
    if left.i > 0 and left.nbor(-1).text in _ASIDE_MARKS:
        return None  # an aside (", which had chaired it,"): the sentence may go on to say
        # what became of it ("..., handed it to Britain")
    noun = rel.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = {t.i for t in noun.subtree}
    if actor.i in phrase or phrase & inside - {t.i for t in rel.subtree}:
        return None  # the actor is the antecedent, or in its noun phrase
    return noun


# the relations between a noun phrase and the verb it is an argument of
_ARGUMENT_DEPS = frozenset(
    {"pobj", "prep", "dobj", "attr", "nsubj", "nsubjpass", "compound", "amod", "nummod", "oprd"}
)


def governing_verb(anchor) -> int:
    """The index of the verb whose argument a claim in one noun phrase is ("could face
    Cuba", "could go for an eighth medal"): the claim's own verb; -1 when the anchor is a
    verb or the noun phrase hangs on no verb of its clause."""
    node = anchor
    while node.pos_ not in ("VERB", "AUX"):
        if node.dep_ not in _ARGUMENT_DEPS or node.head.i == node.i:
            return -1
        if node.dep_ == "prep" and node.lower_ in ("with", "without"):
            return -1  # "with two new players part of the squad": an absolute phrase of its own
        node = node.head
    return -1 if node.i == anchor.i else node.i


def describes_a_named_subject(heads: list, inside: set[int]) -> bool:
    """Whether a noun slot only describes the subject, a person named in full after it
    ("the US tennis star Serena Williams beat ...": the US did not beat anyone): the
    slot is a compound modifier inside a subject whose head is another proper name, and
    a noun of the description stands between them ("tennis star"). A slot that is the
    whole description before the name ("porto boss julen lopetegui ripped ...") names
    that person by their role."""
    for h in heads:
        if h.dep_ != "compound" or h.pos_ not in ("NOUN", "PROPN"):
            continue
        node = h
        while node.dep_ == "compound" and node.head.i != node.i:
            node = node.head
        if node.dep_ not in ("nsubj", "nsubjpass") or node.pos_ != "PROPN" or node.i in inside:
            continue
        name = node.i  # the first word of the name the description stands before
        while (
            name - 1 > max(h.i, node.i - 3)  # a name of at most three words
            and h.doc[name - 1].pos_ == "PROPN"
            and name - 1 not in inside
        ):
            name -= 1
        if any(t.pos_ in ("NOUN", "PROPN") and t.i not in inside for t in h.doc[h.i + 1 : name]):
            return True
    return False


# what a clause embedded by a frame starts with: "it is not true that ...", "whether"
_COMPLEMENT_MARKS = frozenset({"that", "whether"})


def aside_frame(verb, clause):
    """The frame a "that" clause completes when `verb` is a reporting aside set off by
    commas between them ("It is not the case, she said, that the vote was rigged"; "It
    was never true, he added, that ..."), else None. The parse hangs the clause on the
    aside, and the frame either on the aside too or the aside on the frame; either way
    the frame's own words (its negation) bear on the clause. Only a report verb with a
    subject of its own, the clause right after the aside and opening with
    "that"/"whether" ("The vote was fair, she said, the count was slow" is two
    statements), and a frame with no clause of its own."""
    if clause.dep_ != "ccomp" or clause.head.i != verb.i or clause.i < verb.i:
        return None
    if word_lemma_of(verb) not in REPORT_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return None
    first = clause.left_edge
    if first.lower_ not in _COMPLEMENT_MARKS or first.dep_ != "mark":
        return None
    doc = verb.doc
    if first.i < 1 or doc[first.i - 1].text not in _ASIDE_MARKS | {")"}:
        return None
    opening = subject.left_edge.i - 1
    if opening < 1 or doc[opening].text not in _ASIDE_MARKS:
        return None
    if any(not t.is_punct for t in doc[verb.i + 1 : first.i]):
        return None  # only the aside between the frame and the clause
    if verb.dep_ == "parataxis" and verb.head.i < opening:
        frame = verb.head  # "It was not the case, he said, that ...": the aside on it
    else:  # the frame and the clause both on the aside
        frame = next(
            (c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i == opening - 1),
            None,
        )
    if frame is None or any(c.dep_ in ("ccomp", "xcomp") for c in frame.children):
        return None  # the frame has a clause of its own
    return frame


def semicolon_part(
    sentence: str, spans: list[tuple[int, int]], roots: list[int]
) -> tuple[str, list[tuple[int, int]]]:
    """The part of `sentence` between semicolons that holds every span, with the spans
    shifted into it, when the sentence's parse has no root in that part (`roots`: the
    roots' offsets): a semicolon joins clauses that stand on their own, and the small
    parser at times hangs one on the other's verb ("It was not the case, she said, that
    A; B would however lack C" parses A as B's complement). Else the whole sentence."""
    if ";" not in sentence:
        return sentence, spans
    start = 0
    for end in [i for i, ch in enumerate(sentence) if ch == ";"] + [len(sentence)]:
        if all(start <= a and b <= end for a, b in spans):
            if any(start <= r < end for r in roots):
                break  # the parse made this part the main clause: it reads it whole
            if assertion_rules.starts_a_correction(sentence[end + 1 :]) or starts_with_the_opposite(
                sentence[end + 1 :]
            ):
                break  # "did not say A; on the contrary, ...": read with its correction
            lead = len(sentence[start:end]) - len(sentence[start:end].lstrip())
            part = sentence[start + lead : end].rstrip()
            if not part:
                break
            return part, [(a - start - lead, b - start - lead) for a, b in spans]
        start = end + 1
    return sentence, spans


# a full stop, question or exclamation mark after a word, then a space and a word
_STOP = re.compile(r"\b([^\W\d_]+)[.!?](?=\s+[\"'\u2018\u201c]?[^\W\d_])")


def inner_sentence_ends(norm: str, s: int, e: int) -> list[int]:
    """Where a sentence ends inside the sentence norm[s:e], as in a quote of two sentences
    that the splitter keeps whole ("'I am happy to be in the Bahamas. I am not fit to
    run,' said Bolt"): no claim spans such a stop. A dot after an abbreviation ("mr.",
    "jan.") or a single letter ("u.s.", "j. smith") is no sentence end."""
    out = []
    for m in _STOP.finditer(norm, s, e):
        word = m.group(1)
        if len(word) < 2 or word.lower() in SENTENCE_ABBREVIATIONS:
            continue
        if m.start() > 0 and norm[m.start() - 1] == ".":
            continue  # "u.s.", "e.g."
        out.append(m.end() - 1)
    return out

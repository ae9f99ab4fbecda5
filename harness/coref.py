"""Pronoun antecedents within one sentence, for filling a fact's slots (harness.matcher).

Only a thing-pronoun ("it", "them") whose antecedent the sentence's own structure makes
plain is resolved, from the dependency parse (harness.syntax):

- the same role in a coordinated verb phrase: "Ana cups the bird in her hands and then
  strokes it" (the object of "strokes" is the object of "cups");
- the subject of a later clause that continues the first clause's subject: "The van was
  parked outside, but police say it was towed" (the subject of "was towed" is the van);
  so does a "he"/"she" subject of a clause coordinated with the first, when that first
  subject holds the slot's words: "Ruiz was barely showing, but she is now a mother".

One person-pronoun is resolved across sentences: "He" or "She" as the subject that opens
a sentence stands for the subject of the sentence before, when that subject is a proper
name ("Ana Ruiz picked the squad on Monday. She named three new players": Ruiz named them),
and so does each "He"/"She" of a row of sentences that all open with it after that one.

Anything else ("him", "her", "they", a pronoun further away, two candidates of the same
role) is left alone: a slot a pronoun would fill is then simply not filled, which the
verdict reads as `absent`, never as a contradiction.
"""

from __future__ import annotations

import re
from typing import Any

from harness import syntax

# thing-pronouns only: a person pronoun has too many candidates in a news summary
_PRONOUNS = frozenset({"it", "them"})
_PRONOUN_RE = re.compile(r"\b(?:it|them|he|she)\b", re.I)
# person pronouns resolved only as the subject of a clause coordinated with the first
_PERSON_SUBJECTS = frozenset({"he", "she"})
_OBJECTS = frozenset({"dobj", "pobj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PERSON = frozenset("he him she her they his hers who whom".split())


def _clause_verb(tok) -> Any | None:
    """The verb whose argument `tok` is (through a preposition for a pobj)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _same_role(verb, role: str, prep: str | None) -> Any | None:
    """The one noun filling `role` (through the preposition `prep` for a pobj) of `verb`."""
    found = []
    for c in verb.children:
        if role == "pobj":
            if c.dep_ == "prep" and c.lower_ == prep:
                found += [k for k in c.children if k.dep_ == "pobj"]
        elif c.dep_ == role:
            found.append(c)
    nouns = [t for t in found if t.pos_ in ("NOUN", "PROPN")]
    return nouns[0] if len(nouns) == 1 else None


def antecedent(pron) -> Any | None:
    """The noun a thing-pronoun stands for, when the sentence's structure makes it plain;
    else None."""
    verb = _clause_verb(pron)
    if verb is None:
        return None
    role = pron.dep_
    prep = pron.head.lower_ if role == "pobj" else None
    if role in _OBJECTS and verb.dep_ == "conj":
        first = verb.head  # "cups the bird ... and strokes it"
        if first.pos_ in ("VERB", "AUX") and first.i < pron.i:
            return _same_role(first, role, prep)
        return None
    if role in _SUBJECTS:
        # "The van was parked outside, but police say it was towed": up to the clause
        # coordinated with the first, whose subject the pronoun continues
        node = verb
        if pron.lower_ in _PERSON_SUBJECTS:
            return _coordinated_subject(pron, verb)
        while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:
            node = node.head
        if node.dep_ != "conj" or node.head.i == node.i:
            return None
        first = node.head
        subj = [c for c in first.children if c.dep_ in _SUBJECTS]
        if len(subj) == 1 and subj[0].pos_ in ("NOUN", "PROPN") and subj[0].i < pron.i:
            noun = subj[0]
            if noun.lower_ in _PERSON or noun.tag_ in ("NNS", "NNPS"):
                return None  # "it" stands for one thing
            return noun
    return None


def _coordinated_subject(pron, verb) -> Any | None:
    """The one singular noun subject of the clause that `verb` (whose subject "he"/"she"
    is) is coordinated with, before it, in a sentence with no pronoun of the other gender;
    else None."""
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return None
    first = verb.head
    subj = [c for c in first.children if c.dep_ in _SUBJECTS]
    if (
        len(subj) != 1
        or subj[0].pos_ not in ("NOUN", "PROPN")
        or subj[0].tag_ in ("NNS", "NNPS")
        or subj[0].i > pron.i
        or any(t.lower_ in _OTHER_GENDER[pron.lower_] for t in pron.doc)
    ):
        return None
    return subj[0]


def pronoun_spans(
    norm: str, sentences: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The character spans of the thing-pronouns in `norm` whose antecedent (in the same
    sentence) lies in one of `spans` (a slot's matches)."""
    if not spans or syntax.parser() is None:
        return []
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        own = [(a, b) for a, b in spans if s <= a and b <= e]
        if not own or e - s > syntax.MAX_SENTENCE:
            continue
        first = min(a for a, _ in own)
        if not _PRONOUN_RE.search(norm, first, e):
            continue
        doc = syntax.parse(norm[s:e])
        for tok in doc:
            if tok.lower_ not in _PRONOUNS | _PERSON_SUBJECTS or tok.idx + s <= first:
                continue
            noun = antecedent(tok)
            if noun is None:
                continue
            lo, hi = noun.left_edge.idx + s, noun.idx + len(noun.text) + s
            if any(a < hi and b > lo for a, b in own):
                out.append((tok.idx + s, tok.idx + s + len(tok.text)))
    return out


_OTHER_GENDER = {
    "he": frozenset({"she", "her", "hers", "herself"}),
    "she": frozenset({"he", "him", "his", "himself"}),
}
# "He"/"She" opening a sentence, followed by its verb (not "He, too, ...", "She-wolf"), also
# after a frame that only says whether the rest is true ("It is not true that she ...")
_OPENING_PERSON = re.compile(
    r"\s*(?:it\s+(?:is|was)\s+(?:not\s+|never\s+)?(?:true|untrue|false|the\s+case)\s+that\s+)?"
    r"(he|she)(?=\s+(?:\w+ly\s+)?[a-z'\u2019])",
    re.I,
)
# at most three words (capitalised, or "the"/"coach"-like titles) before the name
_OPENING_WORDS = re.compile(r"\s*(?:[\w.'\u2019-]+\s+){0,3}")


def _other_gender(doc, pron: str, name) -> bool:
    """Whether `doc` holds a pronoun of the other gender than `pron` that may stand for
    `name`: one in a clause whose own subject is another noun is that subject's ("Kevin
    Rebbie was arrested after a girl found a camera in her bathroom": her bathroom is the
    girl's, and says nothing of Rebbie)."""
    for t in doc:
        if t.lower_ not in _OTHER_GENDER[pron]:
            continue
        verb = t.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if not (
            verb.i != name.head.i
            and len(subj) == 1
            and subj[0].pos_ in ("NOUN", "PROPN")
            and subj[0].i != name.i
            and t.i not in {k.i for k in subj[0].subtree}
        ):
            return True
    return False


def _name_subject(doc) -> Any | None:
    """The subject of a sentence's main verb when it is one person's proper name."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subj = [c for c in root.children if c.dep_ in _SUBJECTS and c.i < root.i]
    if len(subj) != 1 or subj[0].pos_ != "PROPN" or subj[0].tag_ != "NNP":
        return None
    return subj[0]


def pronoun_chain(norm: str, sentences: list[tuple[int, int]], i: int, most: int = 3) -> list[int]:
    """The sentences after sentence `i` that open with "He"/"She" as their subject, in a
    row of sentences that all open with the same one (at most `most` of them)."""
    out: list[int] = []
    first = None
    for n in range(i + 1, min(len(sentences), i + 1 + most)):
        s, e = sentences[n]
        m = _OPENING_PERSON.match(norm, s, e)
        if m is None or (first is not None and m.group(1).lower() != first):
            break
        first = m.group(1).lower()
        out.append(n)
    return out


def person_spans(
    norm: str, pairs: list[tuple[tuple[int, int], tuple[int, int]]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For each (previous sentence, sentence) pair: the span of a "He"/"She" that opens
    the sentence as its subject, when the previous sentence's subject is a person's proper
    name holding one of `spans` (a slot's matches)."""
    if not spans or syntax.parser() is None:
        return []
    todo = []
    for (ps, pe), (s, e) in pairs:
        m = _OPENING_PERSON.match(norm, s, e)
        if m is None or e - s > syntax.MAX_SENTENCE or pe - ps > syntax.MAX_SENTENCE:
            continue
        # the name opens the sentence before (a subject comes first): only then is it parsed
        own = [
            (a, b)
            for a, b in spans
            if ps <= a and b <= pe and _OPENING_WORDS.fullmatch(norm, ps, a)
        ]
        if own:
            todo.append((ps, pe, m.group(1), m.end(), own))
    if not todo:
        return []
    syntax.prefetch([norm[ps:pe] for ps, pe, *_ in todo])  # one batch
    out: list[tuple[int, int]] = []
    for ps, pe, pron, end, own in todo:
        prev = syntax.parse(norm[ps:pe])
        noun = _name_subject(prev)
        a, b = min(own)
        if noun is None and not norm[ps:a].strip() and not any(c.isupper() for c in norm[ps:pe]):
            # a text written without capitals: the slot's words that open the sentence
            # read as the name they are ("pierre lemaux plays with his lizard", where
            # "lemaux" parses as a common noun)
            prev = syntax.parse(norm[ps:a] + norm[a:b].title() + norm[b:pe])
            noun = _name_subject(prev)
        if noun is None or _other_gender(prev, pron.lower(), noun):
            continue  # "Ana Ruiz praised her assistant. He ...": he is someone else
        lo, hi = noun.left_edge.idx + ps, noun.idx + len(noun.text) + ps
        if any(lo <= a and b <= hi for a, b in own):
            out.append((end - len(pron), end))
    return out

"""Verdict rules of the matcher (harness.matcher), on its findings and scope.

- A contradiction that is only someone's reported denial ("He took the money, Ruiz
  denied") does not beat the summary's own plain statement of the claim.
- A report denied by the whole next sentence ("Rumours say he will leave. He has denied
  them.") is asserted as untrue.
- A denial after "but" of a clause that takes the claim up by a pronoun and one of its
  own words ("X will add a fee, but the firm has since denied that it will charge the
  fee") denies the claim.
- A next sentence that corrects the claim's sentence with a negation and most of the
  claim's own words ("Rovers want Okafor. In fact, the club has made no approach for
  him.") retracts the claim.
- A slot's word inside a longer exclude phrase ("record" in "the previous record", an
  exclude phrase) names the excluded thing: the statement is not this fact's; an exclude
  word that is one of the statement's own words ("humpback" in a contradiction giving a
  record to a humpback) is no other subject for it.
- In a clause that holds an exclude word, the claim's own slot words and the words of an
  exclude phrase are no context ("the visiting team's tactics" with context "tactics",
  exclude "visiting team").

- A description from the fact's list that opens a sentence right after a declared
  contradiction naming another actor refers back to that actor (described_other).
- A statement's filler that names only a modifier of the noun a contradiction's filler
  heads ("new baby" in "his new baby son") states nothing (modifier_of).
- A listed phrasing does not shield a reading whose negation lies outside it
  (denied_outside).
- A reading whose every slot is filled with the statement's own words is more direct
  than one that fills a slot with another phrasing (in_own_words): a denial in the
  statement's words ("fathers standing still, not leaping") is not outweighed by a later
  paraphrase ("the father pulls a dramatic pose").

All take the matcher's objects as they are (a finding, its document, clause and scope).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from harness import syntax
from harness.clause_rules import is_denial
from harness.text import word_keys

Span = tuple[int, int]
# a definite description opening the sentence, whose head is a slot's words: "The six-time
# champion is not fit" refers back to the person the sentence before named
DEFINITE_OPENING = re.compile(r"\s*the\s+(?:[\w'\u2019-]+\s+){0,4}", re.I)


def in_own_words(doc: Any, statement: str, f: Any) -> bool:
    """Whether every slot of the finding `f` is filled with a word of the fact's
    `statement` (the same first four letters: "leaping" for "leap")."""
    own = word_keys(statement)
    return bool(f.combo) and all(word_keys(doc.norm[a:b]) & own for _, (a, b) in f.combo)


def only_disputed(contra: Any, present: Any) -> bool:
    """The contradiction is only someone's reported denial of the claim ("He took the
    money, Ruiz denied"), and the summary states the claim itself, at least as directly:
    a dispute the summary reports, not the summary saying the opposite."""
    p = contra.parsed
    return (
        contra.kind == "claim"
        and p is not None
        and len(p.negations) == 1
        and is_denial(p.negations[0])
        and present.kind != "contra"
        and present.level is not None
        and contra.level is not None
        and present.level <= contra.level
    )


def own_excluded(doc: Any, cf: Any, own: list[Span]) -> frozenset[Span] | None:
    """None when one of the statement's own slot words (`own`) lies inside a longer match
    of an exclude phrase ("record" in "the previous record was held by ..." with "previous
    record" excluded): the slot names the excluded thing. Otherwise the exclude matches that
    are the statement's own words, or inside them, which mark no other subject for it."""
    if cf.exclude is None or not own:
        return frozenset()
    starts, spans = doc.matches(cf.exclude)
    lo, hi = min(a for a, _ in own), max(b for _, b in own)
    mine = set()
    for x in spans[bisect_left(starts, max(0, lo - 200)) : bisect_left(starts, hi)]:
        for a, b in own:
            if x[0] <= a and b <= x[1] and x != (a, b):
                return None
            if a <= x[0] and x[1] <= b:
                mine.add(x)
    return frozenset(mine)


def has_other(doc: Any, pat: Any, a: int, b: int, mine: frozenset[Span]) -> bool:
    """Whether a match of `pat` that is not in `mine` lies within norm[a:b]."""
    if not mine:
        return doc.has(pat, a, b)
    starts, spans = doc.matches(pat)
    return any(
        x[1] <= b and x not in mine for x in spans[bisect_left(starts, a) : bisect_left(starts, b)]
    )


def excluded_in_clause(doc: Any, cf: Any, clause: Any, own: list[tuple[int, int]]) -> bool | None:
    """At the clause level, with an exclude word outside the claim's own words: True when
    every context word there is one of the claim's own words or inside an exclude phrase
    (the exclude word decides), False when another context word is there, None when no
    such exclude word is in the clause."""
    a, b = clause.start, clause.end

    def within(x, spans) -> bool:
        return any(p <= x[0] and x[1] <= q for p, q in spans)

    ex = [x for x in doc.matches(cf.exclude)[1] if a <= x[0] and x[1] <= b]
    foreign = [x for x in ex if not any(x[0] < q and p < x[1] for p, q in own)]
    if not foreign:
        return None
    ctx = [x for x in doc.matches(cf.context)[1] if a <= x[0] and x[1] <= b]
    return all(within(x, own) or within(x, ex) for x in ctx)


# a sentence that only denies what the one before reported: "Okafor has denied them."
_NEXT_DENIAL = re.compile(
    r"\s*(?:but\s+|however\s*,?\s+)?(?:[\w.'\u2019-]+\s+){1,4}?(?:has\s+|have\s+|had\s+)?"
    r"(?:since\s+|later\s+|flatly\s+|strongly\s+|firmly\s+)?"
    r"(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|rebutted)\s+"
    r"(?:it|this|that|them|these|the\s+(?:claims?|reports?|rumou?rs?|stor(?:y|ies)|"
    r"suggestions?|allegations?|speculation))\s*[.!]?\s*$",
    re.I,
)
# a sentence that reports a claim rather than stating it
_REPORTED = re.compile(
    r"\b(?:say|says|said|report|reports|reported|claim|claims|claimed|rumou?rs?|rumou?red|"
    r"speculation|suggest|suggests|suggested|suggestions?|allege|alleged|allegations?|"
    r"according\s+to)\b",
    re.I,
)


# ", but the firm has since denied that it ...": a denial of a clause whose subject is a
# pronoun, right after the claim's clause
_DENIED_THAT = re.compile(
    r"\s*[,;]?\s*(?:but|however)\s*,?\s+(?:[\w.'\u2019-]+\s+){0,4}?(?:has\s+|have\s+|had\s+)?"
    r"(?:since\s+|later\s+|now\s+|flatly\s+|strongly\s+|firmly\s+)?"
    r"(?:denied|denies|refuted|refutes|disputed|disputes)\s+(?:that\s+)?(?:it|he|she|they)\s+"
    r"(?=(?:will|would|is|are|was|were|has|have|had|did|does|do|can|could|plans?|wants?)\b)",
    re.I,
)

# what follows the pronoun is a short restatement that ends the sentence
_SHORT_REST = re.compile(r"(?:[\w.'\u2019%-]+\s+){0,5}[\w.'\u2019%-]+\s*[.!]?\s*$")


def denied_after(doc: Any, clause_end: int, sentence: int, own: list[list[Span]]) -> bool:
    """The clause ending at `clause_end` is followed, in its sentence, by a denial of a
    short clause (up to six words after it) that takes it up by a pronoun subject and one
    of the claim's own slot words (`own`: each slot's matches): "The council will close
    the library, but the mayor has since denied that it will close the branch library"
    denies the closure."""
    e = doc.sentences[sentence][1]
    m = _DENIED_THAT.match(doc.norm, clause_end, e)
    if m is None or not _SHORT_REST.match(doc.norm, m.end(), e):
        return False  # a longer clause says something new ("denied that he is up against ...")
    return any(m.end() <= a and b <= e for spans in own for a, b in spans)


# a sentence that opens by correcting the one before: "In fact, ...", "Actually, ..."
_CORRECTION = re.compile(
    r"\s*(?:but\s+)?(?:in\s+fact|actually|in\s+truth|in\s+reality|on\s+the\s+contrary)\s*,?\s+",
    re.I,
)
# a negation, not an emphasis ("no other", "not only", "nothing else", "no less")
_NEGATION_WORD = re.compile(
    r"(?:\b(?:no|not|never|none|nothing|neither|nor)\b|n't\b)"
    r"(?!\s+(?:other|others|one\s+else|else|only|just|least|less|fewer|more\s+than|doubt)\b)",
    re.I,
)


def retracted_next(doc: Any, sentence: int, own: list[list[Span]]) -> bool:
    """The next sentence opens by correcting this one, holds a negation and the words of
    all the claim's slots but one (at least two; `own`: each slot's matches): "Rovers
    have made an approach for Okafor. In fact, the club has made no approach for him,
    its coach said." retracts the approach."""
    if sentence + 1 >= len(doc.sentences) or len(own) < 2:
        return False
    ns, ne = doc.sentences[sentence + 1]
    m = _CORRECTION.match(doc.norm, ns, ne)
    if m is None or not _NEGATION_WORD.search(doc.norm, m.end(), ne):
        return False
    held = sum(any(m.end() <= a and b <= ne for a, b in spans) for spans in own)
    return held >= max(2, len(own) - 1)


def denied_next(doc: Any, sentence: int) -> bool:
    """The sentence reports a claim and the whole next sentence denies the report ("Rumours
    say the keeper will leave. Okafor has denied them."): asserted as untrue."""
    if sentence + 1 >= len(doc.sentences):
        return False
    s, e = doc.sentences[sentence]
    ns, ne = doc.sentences[sentence + 1]
    return bool(_REPORTED.search(doc.norm, s, e) and _NEXT_DENIAL.match(doc.norm, ns, ne))


def described_other(
    doc: Any, fact: Any, f: Any, contras: dict[int, list[Any]], stating: set[int]
) -> str:
    """The other actor a claim's description refers back to: the claim's first slot is a
    description of the fact's list ("26-year-old", written lowercase there, unlike a name)
    opening its sentence after "the", and the sentence before states a declared
    contradiction that fills the same slot with another actor and no statement of the
    claim; else "". `contras`: the asserted contradictions by sentence; `stating`: the
    sentences that hold a statement of the claim."""
    if f.kind != "claim" or f.clause is None or not f.combo:
        return ""
    name, (a, b) = f.combo[0]
    start = doc.sentences[f.clause.sentence][0]
    opening = DEFINITE_OPENING.fullmatch(doc.norm, start, a)
    if opening is None or not doc.norm[start:a].strip():
        return ""
    phrasings = dict(fact.claim.slots).get(name, ())
    said = doc.norm[a:b].lower()
    if not any(p.lower() == said and not p[:1].isupper() for p in phrasings):
        return ""  # a name of the fact's list ("the Arsenal midfielder Ozil") is no description
    before = f.clause.sentence - 1
    if before in stating:
        return ""
    for c in contras.get(before, ()):
        for n, (x, y) in c.combo:
            if n == name and doc.norm[x:y].lower() != said:
                return doc.norm[x:y]
    return ""


def modifier_of(doc: Any, claim: Any, contra: Any) -> bool:
    """Whether a claim's filler of some slot overlaps the contradiction's filler of the same
    slot in one noun phrase whose head only the contradiction's holds ("new baby" / "baby
    son" in "his new baby son")."""
    if claim.kind != "claim" or claim.sentence != contra.sentence or claim.clause is None:
        return False
    s, e = doc.sentences[claim.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return False
    theirs = dict(contra.combo)
    return any(
        n in theirs
        and syntax.head_in_second(
            doc.norm[s:e], (a - s, b - s), (theirs[n][0] - s, theirs[n][1] - s)
        )
        for n, (a, b) in claim.combo
    )


def heads_a_claims_phrase(doc: Any, contra: Any, present: dict[int, list[Any]]) -> bool:
    """Whether a statement of the claim in the contradiction's sentence (`present`: the
    statements by sentence) names only a modifier of its noun (modifier_of)."""
    return syntax.parser() is not None and any(
        modifier_of(doc, p, contra) for p in present.get(contra.sentence, ())
    )


def denied_outside(doc: Any, f: Any, span: tuple[int, int]) -> bool:
    """Whether a negated reading's negation lies outside the listed phrasing its words are
    part of ("Napoli's winless run was not extended", with "Napoli's winless run" listed):
    the clause denies what the phrasing names, which the phrasing does not state."""
    if not f.negated or f.clause is None:
        return False
    if f.parsed is not None:
        cues = list(f.parsed.negations)
    else:
        clause = f.clause
        cues = [doc.norm[a:b] for a, b, _ in clause.forward if clause.start <= a < clause.end]
        cues += [doc.norm[a:b] for a, b in clause.predicate if clause.start <= a < clause.end]
    inside = doc.norm[span[0] : span[1]]
    return bool(cues) and not any(
        re.search(rf"(?<!\w){re.escape(c)}(?!\w)", inside, re.I) for c in cues
    )

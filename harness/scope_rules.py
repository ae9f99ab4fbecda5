"""Scope rules of English added with the tenth writer's set (set k), asked by harness.syntax
and harness.matcher.

- A verb of expectation hedges only the clause it governs ("is expected to X", "expects
  that X", "expects X to Y"). With a noun object ("expecting a child", "expects a call")
  it states a present state of affairs, and what modifies that verb phrase ("... in a
  video set to a song") is asserted, not hedged.
- "to" before a determiner or a possessive is a preposition ("set to the theme", "poised
  to the left"), not the infinitive marker of "set to join" or "expected to win".
- The words next to a cue are the next words, not the whitespace a double space leaves in
  the parse: "did n't just include" (normalized to "didn't  just") is "not just", X and
  more, no denial.
- Who does an infinitive with no subject of its own: the object or the subject of the verb
  above ("ordered X to pay", "X used the money to pay"); a declared contradiction that names
  someone else there, on the words that state the fact, is a misreading. Without such a
  verb, a name after "from" is a source, not a doer ("pay back gifts from X").
- An event named after "after/before/since/following" is taken for granted: "is not
  confident he can stay up after a 2-0 defeat" does not deny the defeat.
- A negation inside an "if"/"unless" clause placed after the claim is the condition's
  own ("will lose £5m if they fail to qualify" asserts the loss, under its condition),
  unless a comma, colon or dash closes the condition before the cue.
- "...; in fact, no such order was made": a correcting "in fact/actually/or rather" with
  an anaphoric "no such" retracts the clause before it.

The word lists here are general English, named for their role; none serves one article.
"""

from __future__ import annotations

import re

# the dependencies of a verb's clausal complement: "expected to X", "expects that X"
_CLAUSAL = frozenset({"xcomp", "ccomp"})
# what opens a noun phrase after "to": a determiner or a possessive
NOUN_PHRASE_OPENERS = frozenset(
    """the a an this that these those my your his her its our their""".split()
)
# prepositions of source: their object is where something came from ("gifts from X")
SOURCE_PREPOSITIONS = frozenset({"from"})
# a lookahead after "set/expected/likely/poised to": it holds when no noun phrase follows,
# so "to" marks an infinitive ("set to join"), not a preposition ("set to the theme")
INFINITIVE_TO = r"(?!\s+(?:" + "|".join(sorted(NOUN_PHRASE_OPENERS)) + r")\b)"


def noun_object_expectation(verb, came) -> bool:
    """Whether the hedge verb `verb` ("expecting") takes a noun object and the claim
    reaches it from outside a clausal complement (`came`, the child the walk came up
    from: a prepositional phrase or a modifier): "announced they are expecting a child in
    a video set to a song" asserts the video, and the song."""
    if verb.pos_ not in ("VERB", "AUX") or came is None:
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "dobj" and c.i != came.i for c in kids):
        return False
    return not any(c.dep_ in _CLAUSAL and not bare_participle(c) for c in kids)


def bare_participle(verb) -> bool:
    """A past participle with no subject and no auxiliary of its own ("a video they made
    set to a song"): a reduced relative clause of the noun before it, though a parse may
    hang it on the verb above as a clausal complement."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children
    )


def neighbour(tok, step: int):
    """The word `step` (1 or -1) away from `tok`, skipping the whitespace tokens a parse
    makes of a double space (the text is normalized with offsets kept, so "didn't just"
    may reach the parser as "didn't  just"); None at the edge."""
    i = tok.i + step
    while 0 <= i < len(tok.doc) and tok.doc[i].is_space:
        i += step
    return tok.doc[i] if 0 <= i < len(tok.doc) else None


def controllers(verb) -> list:
    """Who may be the understood subject of an infinitive with none of its own: the object
    of the verb above ("ordered the tenant to pay": the tenant) and that verb's subject
    ("the tenant agreed to pay", "she used the money to buy"); empty when `verb` is no
    such infinitive."""
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return []
    return [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]


def source_actor(actor) -> bool:
    """Whether `actor`, the would-be doer of a verb whose subject the parse does not find,
    is the object of a preposition of source ("to pay back gifts from X": X is where the
    gifts came from, not who pays). Other prepositions may hold a subject the parse
    missed ("with X retaining its post", "in the lawsuit, X used ...")."""
    return actor.dep_ == "pobj" and actor.head.lower_ in SOURCE_PREPOSITIONS


# prepositions that place an event in time: "after a defeat", "following the crash"
TEMPORAL_PREPOSITIONS = frozenset("after before following since".split())


def event_adjunct(prep) -> bool:
    """Whether `prep` is a preposition that places the clause after (before, since) an
    event named by a noun: "is not confident he can stay up after a 2-0 defeat": the defeat
    is taken for granted, whatever the clause above says of itself; so is an act after or
    since which it happens ("after suffering a knee injury"). "following", which a
    parse may read as a verb with an object, counts too."""
    w = prep.lower_
    if w not in TEMPORAL_PREPOSITIONS:
        return False
    # an act done: "has not played since March after suffering a knee injury" (but "left
    # before signing the contract" may never have signed it)
    if (
        prep.dep_ == "prep"
        and w != "before"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)
    ):
        return True
    if prep.dep_ == "prep":
        objs = ("pobj",)
    elif w == "following" and prep.dep_ in ("xcomp", "advcl", "acl"):
        objs = ("dobj", "pobj")
    else:
        return False
    return any(c.dep_ in objs and c.pos_ in ("NOUN", "PROPN") for c in prep.children)


CONCESSIVE_PREPOSITIONS = frozenset({"despite", "notwithstanding"})


# nouns of a stretch of time: "after 10 years" names no event the clause presupposes
_SPANS = frozenset(
    "second minute hour day night week weekend month year season decade century".split()
)


def presupposing_adjunct(prep) -> bool:
    """Whether `prep` opens an adjunct whose noun phrase the clause takes for granted: an
    event it comes after, before or since (`event_adjunct`; not a stretch of time, "after
    10 years"), or one it holds despite ("was not on show despite a tear in his trousers":
    the tear is there; "in spite of" too)."""
    objs = [c for c in prep.children if c.dep_ in ("pobj", "dobj")]
    if any(o.lower_.removesuffix("s") in _SPANS for o in objs):
        return False
    if event_adjunct(prep):
        return True
    w = prep.lower_
    concessive = w in CONCESSIVE_PREPOSITIONS or (
        w == "of"
        and prep.i >= 2
        and (prep.nbor(-2).lower_, prep.nbor(-1).lower_) == ("in", "spite")
    )
    return (
        concessive
        and prep.dep_ == "prep"
        and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children)
    )


# a condition placed after the claim: its own negation ("will lose it if they fail to
# qualify", "... unless they do not") is no negation of the claim
CONDITION_OPENER = re.compile(r"\b(?:if|unless)\b", re.I)
# what ends a condition before a cue: an aside's dash, a comma, a colon ("even if they
# clash - should not expect", "cover if it clashes: none")
_CONDITION_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def in_condition(norm: str, last: int, cue: int) -> bool:
    """Whether the negation cue at `cue` lies inside an "if"/"unless" clause that opens
    after the claim's last slot (`last`) and is still running at the cue."""
    opened = [m.end() for m in CONDITION_OPENER.finditer(norm, last, cue)]
    return bool(opened) and not _CONDITION_END.search(norm, opened[-1], cue)


# a retraction of the clause just before, by an anaphoric "no such" after a correcting
# "in fact/actually/or rather": "A judge ordered her to repay it; in fact, no such order
# was made." (read from the end of the claim's clause; without the correcting words,
# "no such fine had been imposed before" compares, it does not retract)
NO_SUCH_RETRACTION = (
    r"\s*[,;:]?\s*(?:or\s+rather|in\s+fact|actually|in\s+truth|in\s+reality)\s*,?\s*"
    r"(?:there\s+(?:was|were|is|are|has\s+been|had\s+been)\s+)?no\s+such\s+[\w-]+"
    r"(?:\s+[\w-]+){0,3}?\s*(?:[,;:.!]|$)"
)

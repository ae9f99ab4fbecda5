"""General rules of English wording for the facts matcher, each small and separate.

Each rule here is general English (or a general convention of news text), never the
words of one article; each has made-up examples about other topics in
tests/test_wording_rules.py.

- ``currency_signs``: in tokenized news text (CNN/DailyMail, SummEval) the pound sign is
  written "# " before a figure ("a # 42 million profit"); it is read as a currency sign, so
  that the parse sees an amount ("received up to # 3,500 in bonuses": the bonuses are
  what was received), not a stray symbol that the matcher blanks.
- ``measure_heads``: a figure that only measures the noun of its "in"/"of" phrase ("up to
  £3,500 in bonuses") is a free link between a verb and that noun in the parse distance.
- ``path_up``: the content of a request noun ("a demand by the committee for all those
  left out of pocket to be compensated", "calls for the bridge to be closed") is the
  infinitive after "for ... to"; the parse often hangs that infinitive on the last noun
  before it, so the path up from it goes through the request noun instead.
- ``privative_own``: a fact whose own statement says that something is lost, missed or
  lacking ("players will lose their bonuses") is stated by a summary that says so with
  another verb of the kind ("players will miss out on their bonuses": miss out on X = not
  get X = lose X); that verb's negation of its object is the fact's own, not a denial of
  the fact. A further negation still denies it ("will not miss out on their bonuses").
- ``fronted_frame``: a noun in a phrase fronted before the subject and set off by a comma
  ("In the lawsuit, Ann Lee used the money to ...") frames the clause; it does not say the
  subject did what the noun names. When the fact's own statement has that slot as its verb
  ("Ann Lee sued ...") and the clause's verb is no slot, the clause does not state the
  fact (`harness explain` shows the frame as what set it aside).
- ``negating_noun_cue``: a noun of refusal or failure (lexicon.NEGATING_NOUNS) whose
  infinitive holds the claim denies it, with its owner as the subject: "the council's
  failure to refund the traders" / "refusal to refund" say the council did not refund.
- ``ing_forms``: a slot phrasing whose first word is a regular past ("lavished",
  "involved", "sacked") also finds that verb's "-ing" form ("lavishing", "involving", "the
  sacking of"): the same event, as a participle, a gerund or its nominalisation.
- ``adjunct_controllers``: the understood subject of a gerund after a preposition ("are
  through after edging Montserrat 4-3", "by beating them") is the subject of the clause it
  is attached to, so "edging Montserrat" does not make Montserrat the winner.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

# a lone "#" before a spaced figure ("# 42 million"), as tokenized news text writes the
# pound sign; "#1" (number one) and hashtags are left alone
_HASH_AMOUNT = re.compile(r"(?<!\S)#(?= \d)")


def currency_signs(norm: str) -> str:
    """`norm` with a "#" before a figure read as a pound sign (same length)."""
    if "#" not in norm:
        return norm
    return _HASH_AMOUNT.sub("\u00a3", norm)


# prepositions that make a figure the measure of the noun after them ("£3,500 in bonuses",
# "£2m of funding", "20 of the players")
_MEASURE_PREPS = frozenset({"in", "of"})


def measure_heads(doc) -> set[int]:
    """Indices of the figures in `doc` (a spaCy parse) that only measure the noun of their
    "in"/"of" phrase: "received up to £3,500 in bonuses" says the bonuses were received,
    so the link through the figure costs nothing between a verb and that noun."""
    return {
        t.i
        for t in doc
        if t.like_num and any(c.dep_ == "prep" and c.lower_ in _MEASURE_PREPS for c in t.children)
    }


# nouns of asking whose "for X to do Y" phrase states what is asked (general English)
REQUEST_NOUNS = frozenset(
    """demand demands call calls request requests plea pleas appeal appeals petition
    petitions proposal proposals bid bids push campaign motion""".split()
)


def _request_noun(verb):
    """The request noun whose "for X to ..." phrase holds the infinitive `verb`, if any."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for t in verb.ancestors:
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.lower_ in REQUEST_NOUNS:
            noun = t.head
            return None if verb.head.i == noun.i else noun
        if t.pos_ == "VERB" and t.dep_ not in ("acl", "relcl", "advcl"):
            return None  # a clause of its own lies between: not the noun's content
    return None


def path_up(doc, tok) -> list[int]:
    """Indices from `tok` up to the root of `doc` (a spaCy parse), where an infinitive that
    states what a request noun asks for ("a demand ... for all those affected to be
    compensated") hangs on that noun whatever the parse attached it to."""
    path = [tok.i]
    while True:
        noun = _request_noun(tok) if tok.pos_ in ("VERB", "AUX") else None
        nxt = noun if noun is not None else tok.head
        if nxt.i == tok.i or nxt.i in path:
            return path
        path.append(nxt.i)
        tok = nxt


# verbs that say a thing is lost, missed or lacking (general lexicon): in a fact's own
# statement they make the fact privative; in a summary the same kind of verb states it
PRIVATIVE_VERBS = frozenset("lose forfeit miss lack skip forgo forego".split())
_PRIVATIVE_FORMS = {
    w: v
    for v, forms in {
        "lose": "lose loses losing lost",
        "forfeit": "forfeit forfeits forfeiting forfeited",
        "miss": "miss misses missing missed",
        "lack": "lack lacks lacking lacked",
        "skip": "skip skips skipping skipped",
        "forgo": "forgo forgoes forgoing forwent forgone forego foregoes foregoing",
    }.items()
    for w in forms.split()
}


def privative_word(word: str) -> bool:
    """Whether `word` is a form of a verb of losing, missing or lacking."""
    return word.lower() in _PRIVATIVE_FORMS


@lru_cache(maxsize=512)
def privative_statement(statement: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the verb of `statement` that governs the claim's words at `spans` (offsets
    in it) says they are lost, missed or lacking ("Players will lose £500,000 in
    bonuses"), itself not negated."""
    from harness import syntax  # syntax imports this module

    if syntax.parser() is None or len(statement) > 300 or not spans:
        return False
    doc = syntax.parse(statement)
    words = [t for t in doc if any(t.idx < b and t.idx + len(t.text) > a for a, b in spans)]
    for t in doc:
        if t.pos_ not in ("VERB", "AUX") or not privative_word(t.text):
            continue
        if any(c.dep_ == "neg" for c in t.children):
            continue
        if any(w.i == t.i or t in w.ancestors for w in words):
            return True
    return False


def privative_own(privative: bool, reading: Any) -> Any:
    """The parse's `reading` (syntax.ClaimReading) of a privative fact's claim with one
    negation by a verb of losing, missing or lacking taken as the fact's own."""
    if not privative or reading is None:
        return reading
    cues = list(reading.negations)
    for k, cue in enumerate(cues):
        if privative_word(cue.split()[0]):
            del cues[k]
            return replace(reading, negations=tuple(cues))
    return reading


def verb_slots(statement: str, named_spans: tuple[tuple[str, tuple[int, int]], ...]) -> frozenset:
    """The slots whose words are a verb in the fact's own `statement` ("Ann Lee sued her
    neighbour": the slot holding "sued"); `named_spans`: (slot, span in the statement)."""
    from harness import syntax  # syntax imports this module

    if syntax.parser() is None or len(statement) > 300:
        return frozenset()
    doc = syntax.parse(statement)
    out = set()
    for name, (a, b) in named_spans:
        toks = [t for t in doc if t.idx < b and t.idx + len(t.text) > a]
        if toks and toks[-1].pos_ == "VERB":
            out.add(name)
    return frozenset(out)


def fronted_frame(
    sentence: str,
    named_spans: list[tuple[str, tuple[int, int]]],
    subjects: frozenset,
    acts: frozenset,
    reading: Any,
) -> Any:
    """The parse's `reading` of a claim whose slots lie at `named_spans` (slot, offsets in
    `sentence`), set aside (a "frame" hedge) when an act slot (`acts`: a verb in the
    fact's statement) is a noun in a phrase fronted before the clause's subject and set off
    by a comma, the subject holds a subject slot, and the clause's verb is no slot: "In the
    lawsuit, Ann Lee bought a car" does not say Ann Lee sued."""
    if reading is None or not acts or not subjects or reading.hedges:
        return reading
    from harness import syntax  # syntax imports this module

    doc = syntax.parse(sentence)
    tokens = {
        name: [t for t in doc if t.idx < b and t.idx + len(t.text) > a]
        for name, (a, b) in named_spans
    }
    inside = {t.i for toks in tokens.values() for t in toks}
    for name, toks in tokens.items():
        if name not in acts or not toks or any(t.pos_ == "VERB" for t in toks):
            continue
        noun = toks[-1]
        prep = next((t for t in noun.ancestors if t.dep_ == "prep"), None)
        if prep is None or prep.head.pos_ not in ("VERB", "AUX") or prep.head.i in inside:
            continue
        verb = prep.head
        after = max(t.i for t in prep.subtree) + 1
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or after >= len(doc) or doc[after].text != ",":
            continue
        if not (prep.i < subject.left_edge.i and after < subject.left_edge.i):
            continue
        held = {t.i for t in subject.subtree}
        if any(
            other in subjects and any(t.i in held for t in toks2) for other, toks2 in tokens.items()
        ):
            hedge = f"{prep.text} {noun.text} (a frame before the subject, not its act)"
            return replace(reading, hedge=hedge, hedges=(*reading.hedges, "frame"))
    return reading


def negating_noun_cue(anchor, heads: list, inside: set) -> str | None:
    """The negation cue when the claim's `anchor` (a spaCy token) is a noun of refusal or
    failure, no slot itself, and a slot lies in its infinitive ("the council's failure to
    refund the traders"); else None."""
    from harness.lemmas import word_lemma
    from harness.lexicon import NEGATING_NOUNS

    if anchor.pos_ != "NOUN" or anchor.i in inside:
        return None
    if word_lemma(anchor.lower_) not in NEGATING_NOUNS:
        return None
    for c in anchor.children:
        if c.dep_ != "acl" or not any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
            continue
        held = {t.i for t in c.subtree}
        if any(h.i in held for h in heads):
            return anchor.text
    return None


def ing_forms(word: str) -> list[str]:
    """The "-ing" form(s) of a regular past `word` ("lavished" -> "lavishing", "carried" ->
    "carrying", "stopped" -> "stopping", "agreed" -> "agreeing"); [] for any other word."""
    w = word.lower()
    if len(w) < 5 or not w.endswith("ed") or not w.isalpha():
        return []
    if w.endswith("eed"):
        return [w[:-1] + "ing"] if len(w) >= 6 else []  # "agreed"; not "freed", "need"
    if w.endswith("ied"):
        return [w[:-3] + "ying"]
    return [w[:-2] + "ing"]


def takes_subject_from_above(verb) -> bool:
    """Whether an adverbial clause's verb (a spaCy token) takes its subject from the clause
    above when it has none: a participle ("..., thanking her team") or an infinitive of
    purpose ("... to thank her team")."""
    return verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def adjunct_controllers(verb, clauses: bool = False) -> list:
    """Who is the understood subject of `verb` (a spaCy token) when it is a gerund after a
    preposition with no subject of its own ("after edging Montserrat"), and with
    `clauses`, a participle or infinitive of purpose with none ("drew at Montserrat to win
    4-3", "..., winning 4-3"): the subject of the nearest verb above that has one; empty
    otherwise."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        node = verb.head.head
    elif clauses and verb.dep_ == "advcl" and takes_subject_from_above(verb):
        node = verb.head
    else:
        return []
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return subjects
            if node.dep_ not in ("advcl", "xcomp", "pcomp", "conj") or node.head.i == node.i:
                return []
        node = node.head
        if node.dep_ == "prep":
            node = node.head
    return []

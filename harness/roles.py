"""What a fact's own statement says about its claim, read once per fact (harness.matcher).

The statement is parsed like a summary sentence (harness.syntax); from it come the roles a
summary must keep: whether the fact says what a thing is, the owner in a passive statement,
a named speaker, and the hedge the statement itself carries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from harness import general_rules, syntax
from harness.facts import Fact, compile_aliases


def statement_spans(fact: Fact, phrasings) -> list[tuple[int, int]]:
    """Where a slot's phrasings occur in the fact's own statement."""
    pat = compile_aliases(phrasings)
    if pat is None:
        return []
    return [(m.start(), m.end()) for m in pat.finditer(fact.statement) if m.end() > m.start()]


def all_slot_spans(fact: Fact) -> list[tuple[int, int]]:
    """Every place any slot's phrasings occur in the fact's own statement."""
    return [sp for _, phrasings in fact.claim.slots for sp in statement_spans(fact, phrasings)]


def first_slot_spans(fact: Fact) -> list[tuple[int, int]] | None:
    """Each slot's first place in the fact's own statement, slot by slot; None when a slot
    is not there."""
    spans = []
    for _, phrasings in fact.claim.slots:
        found = statement_spans(fact, phrasings)
        if not found:
            return None
        spans.append(found[0])
    return spans


@lru_cache(maxsize=512)
def statement_reading(fact: Fact) -> tuple[bool, str] | None:
    """(negated, hedge word) of the claim as the fact's own statement words it, when the
    statement hedges it ("The bridge is unlikely to reopen": not negated, "unlikely");
    None when it does not or the parse cannot place every slot in it."""
    if len(fact.statement) > 300 or syntax.parser() is None:
        return None
    spans = first_slot_spans(fact)
    if spans is None or len(set(spans)) != len(spans):
        return None
    reading = syntax.read_claim(fact.statement, spans)
    if reading is None or not reading.hedge or reading.other_actor:
        return None
    return reading.negated, reading.hedge.lower()


@lru_cache(maxsize=512)
def statement_speaker(fact: Fact) -> frozenset[str] | None:
    """The named speaker's words when the fact's statement reports the claim ("Ruiz said
    the bridge was closed": Ruiz), which a summary must not give to another named
    speaker (syntax.statement_speaker)."""
    if len(fact.statement) > 300:
        return None
    spans = first_slot_spans(fact)
    return None if spans is None else syntax.statement_speaker(fact.statement, spans)


@lru_cache(maxsize=512)
def statement_owner(fact: Fact) -> frozenset[str] | None:
    """The owner's words in a passive statement ("A guard's rifle was stolen": guard),
    which a summary must not make the actor (syntax.statement_owner)."""
    if len(fact.statement) > 300:
        return None
    return syntax.statement_owner(fact.statement, all_slot_spans(fact))


@lru_cache(maxsize=512)
def identity_fact(fact: Fact) -> bool:
    """A one-slot fact that says what a thing is ("The cat is a tabby", slot: tabby)."""
    if len(fact.claim.slots) != 1 or len(fact.statement) > 300:
        return False
    spans = statement_spans(fact, fact.claim.slots[0][1])
    return bool(spans) and syntax.identity_slot(fact.statement, spans)


_CONDITIONAL = re.compile(r"\b(?:if|unless|would)\b", re.I)


def without_own_condition(fact: Fact, hedges: tuple[str, ...]) -> tuple[str, ...]:
    """A claim's hedges less the condition it holds on when the fact's own statement is
    conditional ("The force would have no cover if it clashed with ...": a summary's "if
    attacked" is part of the fact, not a hedge) or hypothetical ("The proposed bridge would
    cost £5m": "if approved, it would cost £8m" states the same hypothesis)."""
    if not hedges or not _CONDITIONAL.search(fact.statement):
        return hedges
    return tuple(h for h in hedges if not h.endswith(general_rules.CONDITION))


_OWN_IF = re.compile(r"\bif\b([^.;]{3,120})", re.I)
_UNLESS = re.compile(r"[^.;,:]{0,60}?\bunless\b([^.;,]{3,120})", re.I)
_CONTENT = re.compile(r"[a-z]{4,}")
_LIGHT = frozenset("with they them their were would could there this that have been".split())


def own_condition_turned(fact: Fact, norm: str, at: int, end: int) -> bool:
    """Whether the claim ending at `at` goes on, in the same stretch of its sentence (up to
    `end`), "unless C" where C is the fact's own "if"
    condition (a content word shared): "the force would lack cover unless it came into
    contact with Russian forces" says it has cover on the very condition the fact ("no
    cover if it clashed with Russian forces") says it has none."""
    own = _OWN_IF.search(fact.statement)
    turned = _UNLESS.match(norm, at, end) if own else None
    if turned is None:
        return False
    words = {w for w in _CONTENT.findall(own.group(1).lower()) if w not in _LIGHT}
    return bool(words & set(_CONTENT.findall(turned.group(1).lower())))


@lru_cache(maxsize=512)
def statement_future(fact: Fact) -> bool:
    """Whether the fact's own statement is itself a future or a plan ("Delivery will be
    offered in 67 cities"): its verb under "will" or "shall"."""
    if len(fact.statement) > 300 or syntax.parser() is None:
        return False
    return syntax.has_future_auxiliary(fact.statement)


# hedges that say what is planned is expected ("is expected to sign", "is poised to sign"):
# of a fact that is itself a plan ("is set to sign") they state it
_EXPECTING = frozenset({"expected", "poised"})


def without_own_plan(fact: Fact, hedges: tuple[str, ...]) -> tuple[str, ...]:
    """A claim's hedges less "expected to" / "poised to" when the fact's own statement is a
    plan ("Henderson is set to sign a new deal": "Henderson is expected to sign it" states
    it)."""
    if not any(h.lower() in _EXPECTING for h in hedges) or not _statement_plan(fact):
        return hedges
    return tuple(h for h in hedges if h.lower() not in _EXPECTING)


@lru_cache(maxsize=512)
def _statement_plan(fact: Fact) -> bool:
    if len(fact.statement) > 300 or syntax.parser() is None:
        return False
    return syntax.has_plan_infinitive(fact.statement)


def without_own_future(fact: Fact, hedges: tuple[str, ...]) -> tuple[str, ...]:
    """A claim's hedges less the aim of a plain future when the fact's own statement is
    itself a future: "the chain will team up with a courier to begin offering delivery in
    nine towns" states that delivery will be offered there ("will have to pay to make it
    permanent" keeps its hedge: an obligation's aim)."""
    if syntax.FUTURE_PURPOSE not in hedges or not statement_future(fact):
        return hedges
    return tuple(h for h in hedges if h != syntax.FUTURE_PURPOSE)

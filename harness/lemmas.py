"""A light lemmatizer for the words the negation and hedge rules look for.

spaCy's pipeline runs without its lemmatizer (for speed); the rules in harness.syntax and
harness.clause_rules only need the lemmas of the words in the general lexicons
(harness.lexicon), so a suffix is taken off only when what is left is one of them.
"""

from __future__ import annotations

from harness.lexicon import (
    CLOSERS,
    CONFIRMING,
    ERGATIVE_VERBS,
    FACTIVE,
    FALSITY,
    GIVING_AWAY,
    HEDGE_PREDICATES,
    INTERROGATIVE,
    KEEP_VERBS,
    NEGATING_PHRASALS,
    NEGATING_PREDICATES,
    NOT_REPORTS,
    OPINION_VERBS,
    REPORT_NOUNS,
    REPORT_VERBS,
    SHARE_NOUNS,
    TOPIC_ABOUT_VERBS,
    TOPIC_VERBS,
    UNSAID,
)


def word_lemma(w: str) -> str:
    """A light lemma of a lowercase word (the pipeline runs without its lemmatizer, for
    speed): only the words of the general lexicons are known, so a suffix is taken off
    only when what is left is one of them."""
    if w in ("n't", "not"):
        return "not"
    if w in NOT_REPORTS:
        return w  # "talks" (negotiations) is no form of the report noun "talk"
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ying", "y"),
        ("sed", "se"),
        ("ted", "te"),
        ("ssed", "ss"),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            cand = w[: -len(suffix)] + repl
            if cand in _ALL_LEMMAS:
                return cand
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            cand = w[: -len(suffix)]
            if cand in _ALL_LEMMAS:
                return cand
            if cand + "e" in _ALL_LEMMAS:
                return cand + "e"
            if len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in _ALL_LEMMAS:
                return cand[:-1]  # "stopped", "barred", "banned"
    return _IRREGULAR.get(w, w)


_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "thought": "think",
    "felt": "feel",
    "found": "find",
    "kept": "keep",
    "knew": "know",
    "known": "know",
    "understood": "understand",
    "forgot": "forget",
    "forgotten": "forget",
    "hid": "hide",
    "hidden": "hide",
    "learnt": "learn",
    "saw": "see",
    "seen": "see",
    "wrote": "write",
    "written": "write",
    "held": "hold",
    "stood": "stand",
    "sat": "sit",
    "ruled": "rule",
    "turned": "turn",
    "opted": "opt",
    "withheld": "withhold",
    "forwent": "forgo",
    "gave": "give",
    "spoke": "speak",
    "left": "leave",
    "spoken": "speak",
    "given": "give",
    "yielded": "yield",
    "came": "come",
    "comes": "come",
    "coming": "come",
    "broke": "break",
    "broken": "break",
    "shook": "shake",
    "tore": "tear",
    "torn": "tear",
    "sank": "sink",
    "sunk": "sink",
    "burnt": "burn",
    "froze": "freeze",
    "frozen": "freeze",
    "spun": "spin",
}
_ALL_LEMMAS = frozenset(
    NEGATING_PREDICATES
    | KEEP_VERBS
    | FACTIVE
    | REPORT_VERBS
    | OPINION_VERBS
    | REPORT_NOUNS
    | CONFIRMING
    | HEDGE_PREDICATES
    | INTERROGATIVE
    | TOPIC_VERBS
    | TOPIC_ABOUT_VERBS
    | UNSAID
    | CLOSERS
    | SHARE_NOUNS
    | FALSITY
    | GIVING_AWAY
    | ERGATIVE_VERBS
    | set(NEGATING_PHRASALS)
)

"""What harness.syntax hands spaCy's English pipeline: a sentence with the dots of known
abbreviations masked, so that the parse does not take them for a sentence end."""

from __future__ import annotations

import re

from harness.lexicon import ABBREVIATIONS

# "Art. 5", "Sgt. Ruiz": the dot of an abbreviation followed by a space (case-sensitive)
_ABBREVIATION_DOT = re.compile(r"\b(?:" + "|".join(sorted(ABBREVIATIONS)) + r")(\.)(?=\s)")


def mask_abbreviations(sentence: str) -> str:
    """`sentence` with the dot of each abbreviation of `ABBREVIATIONS` made a space (same
    length, so token offsets are unchanged): split off by spaCy's tokenizer, the dot ends a
    sentence for the parser ("operate outside Art. 5 if engaged" parsed as two sentences,
    so the "outside" that governs "Art. 5" is not seen). Special cases in the tokenizer
    would do the same but cost every parse a pass of its phrase matcher."""
    if "." not in sentence:
        return sentence
    return _ABBREVIATION_DOT.sub(lambda m: m.group()[:-1] + " ", sentence)

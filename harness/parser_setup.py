"""Adjustments to spaCy's English pipeline made once, when harness.syntax loads it."""

from __future__ import annotations

from typing import Any

from harness.lexicon import ABBREVIATIONS


def keep_abbreviations(nlp: Any) -> Any:
    """Keep each abbreviation of `ABBREVIATIONS` with its dot as one token: split off,
    the dot ends a sentence for the parser ("operate outside Art. 5 if engaged" parsed as
    two sentences, so the "outside" that governs "Art. 5" is not seen)."""
    from spacy.symbols import ORTH

    for word in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])
    return nlp

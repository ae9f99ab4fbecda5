"""The results and the article analysis of grounding (harness.grounding), apart from the
code that computes them: frozen dataclasses and the default settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from harness.grounding_actors import ActorIndex
from harness.grounding_implied import Implied
from harness.grounding_people import PeopleIndex

if TYPE_CHECKING:  # numpy is imported by the functions that compute: a cached rerun
    import numpy as np  # (results read back) needs none

SENTENCE_FLOOR = 0.08  # a sentence whose support is below this is flagged (it shares
# almost no words with the article; lower support still lowers the score)
SPECIFIC_PENALTY = 0.15  # each unsupported specific lowers the score by this share
EMBEDDING_WEIGHT = 0.3  # share of the embedding cosine in a sentence's support, when used


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class Flag:
    """One unsupported span of the candidate: what it is, where, why, and the article
    sentence closest to it (the evidence a reader checks)."""

    kind: str  # number | date | entity | quote | actor | sentence
    text: str
    span: tuple[int, int]
    reason: str
    evidence: str
    evidence_span: tuple[int, int] | None


@dataclass(frozen=True)
class SentenceAlignment:
    """A candidate sentence, the article sentence that best supports it, and how well."""

    text: str
    span: tuple[int, int]
    support: float
    lexical: float
    embedding: float | None
    evidence: str
    evidence_span: tuple[int, int] | None
    supported: bool


@dataclass(frozen=True)
class GroundingResult:
    score: float
    specifics: int
    unsupported_specifics: int
    sentences: int
    unsupported_sentences: int
    flags: tuple[Flag, ...]
    alignment: tuple[SentenceAlignment, ...]

    @property
    def unsupported(self) -> int:
        return self.unsupported_specifics + self.unsupported_sentences


@dataclass(frozen=True)
class GroundingSettings:
    sentence_floor: float = SENTENCE_FLOOR
    specific_penalty: float = SPECIFIC_PENALTY
    embedding_weight: float = EMBEDDING_WEIGHT


@dataclass(frozen=True)
class NumberSite:
    """Where the article states one value: its sentences (in order), the units it counts
    there, and the content stems of those sentences and their neighbours (what the number
    is said of)."""

    sentences: tuple[int, ...]
    units: frozenset[str]
    window_stems: frozenset[str]


@dataclass(frozen=True)
class ArticleAnalysis:
    """What grounding needs of an article, computed once for all its candidates."""

    text: str  # the article as given (spans index it)
    spans: list[tuple[int, int]]
    sentence_stems: list[frozenset[str]]
    vocabulary: frozenset[str]  # lowercase words, American spelling
    stems: frozenset[str]
    prefixes: dict[str, list[str]]
    window_stems: list[frozenset[str]]  # content stems of each run of WINDOW sentences
    window_bigrams: list[frozenset[tuple[str, str]]]  # their stemmed word pairs
    word_bigrams: frozenset[tuple[str, str]]
    acronyms: frozenset[str]
    groups: frozenset[int]  # ALIAS_GROUPS the article names
    vectors: np.ndarray | None = field(default=None, repr=False)
    letters: str = field(default="", repr=False)  # `letters` of the text: quotes are found in it
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # name_index
    actors: ActorIndex | None = field(default=None, repr=False)  # names before word pairs
    implied: Implied = field(default_factory=Implied, repr=False)  # counted days, ranks, names
    # the numbers by value, sorted: a candidate's number is looked up, not compared with all
    number_values: tuple[float, ...] = field(default=(), repr=False)
    number_sites: Mapping[float, NumberSite] = field(default_factory=dict, repr=False)
    people: PeopleIndex = field(default_factory=PeopleIndex, repr=False)  # surnames used alone

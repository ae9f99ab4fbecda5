"""Property tests: random Unicode (control characters, RTL marks, emoji, combining marks,
other scripts, 50,000-character lines) through every metric and the facts matcher.

No exception, every score in range, and ROUGE still equal to rouge-score.
"""

from __future__ import annotations

import hashlib
import json
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rouge_score.rouge_scorer import RougeScorer

from harness.errors import InputError
from harness.facts import load_facts
from harness.loading import Candidate, Document, Reference, decode
from harness.matcher import check_facts
from harness.rouge import ROUGE_TYPES, RougeMetric, dropped_letter_share, prepare
from harness.run import RunConfig, Scorer
from harness.text import sentence_spans

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = (
    "the council approved a new park troops soldiers no not never U.S. US UK Britain chair "
    "took over article 5 running runs ran defence defense don't it's 2024 $ 1.5 - , ; : . ! ?"
).split()
WEIRD = [
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\t", "\r", "\r\n", "\n\n", "\u2028", "\u2029",
    "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd",
    "🙂", "👩🏽‍🚀", "🇺🇦", "\u0301", "x\u0301", "Cristóbal", "naïve", "İstanbul", "ß", "ﬁ",
    "\u212a", "Привет", "东京", "ภาษาไทย", "नेपाली", "عربى", "שָׁלוֹם", "- ", "* ", "1. ", "# ",
    "**", "`", "\u00a0", "\u2014", "\u201c", "\u2019",
]  # fmt: skip
LONG = [
    "word " * 10_000,  # a 50,000-character line
    "x" * 50_000,  # one 50,000-character token
    ("Привет мир 🙂 " * 4_000)[:50_000],
    ("a. " * 17_000)[:50_000],  # many tiny sentences
]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WEIRD), st.text(max_size=6))
texts = st.lists(token, max_size=60).map(" ".join) | st.text(max_size=200)


# ------------------------------------------------------------------ ROUGE

_metric = RougeMetric(use_stemmer=True)
_unicode_metric = RougeMetric(tokenizer="unicode")
_reference = RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def _in_unit(prf) -> None:
    for x in (prf.precision, prf.recall, prf.fmeasure):
        assert 0.0 <= x <= 1.0 and x == x


def _same(ours, theirs, types=ROUGE_TYPES) -> None:
    for t in types:
        assert ours[t].precision == pytest.approx(theirs[t].precision, abs=1e-12), t
        assert ours[t].recall == pytest.approx(theirs[t].recall, abs=1e-12), t
        assert ours[t].fmeasure == pytest.approx(theirs[t].fmeasure, abs=1e-12), t


@FUZZ
@given(candidate=texts, refs=st.lists(texts, min_size=1, max_size=3))
@example(candidate=LONG[0], refs=["word word other", LONG[2]])
@example(candidate=LONG[1], refs=[LONG[0]])
@example(candidate=LONG[3], refs=["a b. c", ""])
@example(candidate="", refs=[""])
def test_rouge_equals_rouge_score_on_random_unicode(candidate: str, refs: list[str]) -> None:
    prepared = prepare(candidate, "both")
    prepared_refs = [prepare(r, "both") for r in refs]
    (result,) = _metric.score_many([prepared], prepared_refs)
    for t in ROUGE_TYPES:
        _in_unit(result.best[t])
        _in_unit(result.mean[t])
    _same(result.best, _reference.score_multi(prepared_refs, prepared))
    # rouge1/2/L do not see the sentence split: equal to rouge-score on the raw texts too
    _same(result.best, _reference.score_multi(refs, candidate), ("rouge1", "rouge2", "rougeL"))


@FUZZ
@given(candidate=texts, refs=st.lists(texts, min_size=1, max_size=3))
@example(candidate=LONG[2], refs=[LONG[0], "Привет"])
def test_unicode_tokenizer_never_fails_and_stays_in_range(candidate: str, refs: list[str]) -> None:
    (result,) = _unicode_metric.score_many([prepare(candidate)], [prepare(r) for r in refs])
    for t in ROUGE_TYPES:
        _in_unit(result.best[t])
        _in_unit(result.mean[t])


@FUZZ
@given(text=texts)
@example(text=LONG[0])
@example(text=LONG[3])
def test_sentence_spans_are_ordered_and_inside_the_text(text: str) -> None:
    last = 0
    for s, e in sentence_spans(text):
        assert last <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        last = e
    assert 0.0 <= dropped_letter_share(text) <= 1.0


# ------------------------------------------------------------------ facts

FACTS = """\
[aliases]
us = ["U.S.", "United States", "American*"]
troops = ["troop*", "soldier*"]

[[fact]]
id = "no-us-troops"
statement = "No U.S. troops."
polarity = "negative"
slots = { who = ["@us"], what = ["@troops"] }

[[fact]]
id = "uk-chair"
statement = "The UK took over the chair."
slots = { who = ["UK", "Britain"], how = ["took over", "chair*"] }

[[fact]]
id = "park"
statement = "The council approved a park."
slots = { who = ["council"], did = ["approv*"], what = ["park"] }
"""


@pytest.fixture(scope="module")
def factset(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("facts") / "facts.toml"
    path.write_text(FACTS, encoding="utf-8")
    return load_facts(path, "doc")


@FUZZ
@given(text=texts)
@example(text=LONG[0])
@example(text=LONG[1])
@example(text=LONG[2])
@example(text="No U.S. troops\u202e will\x00 join; the UK took over the chair 🙂. " * 900)
def test_facts_matcher_never_fails(factset, text: str) -> None:
    result = check_facts(text, factset)
    assert len(result.results) == 3
    assert 0.0 <= result.coverage <= 1.0
    assert result.present + result.absent + result.contradicted == 3
    for r in result.results:
        assert r.verdict in ("present", "absent", "contradicted")
        assert 0.0 <= r.confidence <= 1.0
        if r.span is not None:
            s, e = r.span
            assert 0 <= s <= e <= len(text)
        json.dumps(r.evidence)  # always serialisable


# ------------------------------------------------------------------ loading


@FUZZ
@given(data=st.binary(max_size=300))
@example(data=b"\xef\xbb\xbf\xff")
@example(data="caf\xe9".encode("latin-1"))
@example(data=b"ok\x00")
def test_decode_gives_text_or_a_clear_error(data: bytes) -> None:
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
        assert "\n" not in str(exc)
    else:
        assert "\r" not in text and "\x00" not in text
        text.encode("utf-8")


# ------------------------------------------------------------------ the whole run


class HashEncoder:
    """Normalised bag-of-characters vectors: deterministic, fast, any Unicode."""

    name = "hash-32"

    def encode(self, batch):
        out = np.zeros((len(batch), 32), dtype=np.float32)
        for i, text in enumerate(batch):
            for word in re.findall(r"\w+", text.lower())[:2000]:
                h = hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=2)
                out[i, int.from_bytes(h.digest(), "big") % 32] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else np.eye(32, dtype=np.float32)[0]
        return out

    def cache_key(self) -> str:
        return self.name


@FUZZ
@given(candidates=st.lists(texts, min_size=1, max_size=4), ref=texts)
@example(candidates=[LONG[0], "", LONG[2]], ref="word")
def test_every_metric_on_random_text(factset, candidates: list[str], ref: str) -> None:
    ref = ref if ref.strip() else "park"
    doc = Document("doc", None, "An article about a park.", (Reference("r", None, ref),), factset)
    items = [Candidate(f"c{i}", f"c{i}", "doc", text) for i, text in enumerate(candidates)]
    config = RunConfig(metrics=("rouge", "embedding", "facts"), use_cache=False)
    scorer = Scorer({"doc": doc}, config, encoder=HashEncoder())
    results = list(scorer.iter_results(items))
    assert [r.status for r in results] == ["ok"] * len(items)
    for r in results:
        for t in ROUGE_TYPES:
            _in_unit(r.rouge.best[t])
        for x in (r.embedding.max, r.embedding.mean, r.embedding.article):
            assert -1.0 <= x <= 1.0
        assert 0.0 <= r.facts.coverage <= 1.0


@pytest.mark.slow
def test_real_model_on_nasty_text() -> None:
    from harness.embedding import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder()
    nasty = [*LONG, "", "\x00\x07\u202e\u200f", "🙂" * 1000, " ".join(WEIRD)]
    vecs = encoder.encode(nasty)
    assert vecs.shape == (len(nasty), 384)
    assert np.all(np.isfinite(vecs))
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)

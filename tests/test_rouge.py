"""ROUGE must equal google-research's rouge-score, the reference implementation."""

from __future__ import annotations

import numpy as np
import pytest
from rouge_score.rouge_scorer import RougeScorer

from harness.rouge import ROUGE_TYPES, RougeMetric, prepare

UNICODE = ["Cristóbal", "naïve", "Привет", "東京", "emoji🙂", "\u200f", "ß", "İstanbul", "x\u0301"]
VOCAB = (
    "the a of troops troop soldiers force forces peacekeeping Ukraine Russia NATO U.S. US "
    "article 5 five chair chairmanship took over United Kingdom Britain running runs ran "
    "defense defence 126 billion $ 2022 , . ; - don't it's Hegseth said would not no"
).split()


def _random_text(rng: np.random.Generator) -> str:
    n_sent = int(rng.integers(0, 5))
    sents = []
    for _ in range(n_sent):
        n = int(rng.integers(0, 18))
        pool = VOCAB + UNICODE if rng.random() < 0.2 else VOCAB
        words = [pool[int(i)] for i in rng.integers(0, len(pool), n)]
        if rng.random() < 0.3 and words:  # repeated tokens
            words += words[: int(rng.integers(1, len(words) + 1))]
        sents.append(" ".join(words) + rng.choice([".", "!", "?", ""]))
    sep = "\n" if rng.random() < 0.3 else " "
    return sep.join(sents)


def _assert_equal(ours, ref) -> None:
    for t in ROUGE_TYPES:
        assert ours[t].precision == pytest.approx(ref[t].precision, abs=1e-12), t
        assert ours[t].recall == pytest.approx(ref[t].recall, abs=1e-12), t
        assert ours[t].fmeasure == pytest.approx(ref[t].fmeasure, abs=1e-12), t


@pytest.mark.parametrize("stem", [True, False])
def test_best_reference_equals_rouge_score_multi(stem: bool) -> None:
    rng = np.random.default_rng(20261128 + stem)
    metric = RougeMetric(use_stemmer=stem)
    reference = RougeScorer(list(ROUGE_TYPES), use_stemmer=stem)
    cands = [prepare(_random_text(rng), "both") for _ in range(400)]
    refs = [prepare(_random_text(rng) or "x", "both") for _ in range(3)]
    ours = metric.score_many(cands, refs)
    for cand, result in zip(cands, ours, strict=True):
        _assert_equal(result.best, reference.score_multi(refs, cand))


def test_differential_10000_pairs() -> None:
    """2,500 candidates x 4 references = 10,000 pairs; best and mean both from rouge-score."""
    rng = np.random.default_rng(10_000)
    metric = RougeMetric()
    reference = RougeScorer(list(ROUGE_TYPES))
    refs = [prepare(_random_text(rng)) for _ in range(4)]
    refs[0] = refs[0] or "one"
    cands = [prepare(_random_text(rng)) for _ in range(2_500)]
    ours = metric.score_many(cands, refs)
    pairs = 0
    for cand, result in zip(cands, ours, strict=True):
        per = [reference.score(r, cand) for r in refs]
        pairs += len(per)
        for t in ROUGE_TYPES:
            f = [p[t].fmeasure for p in per]
            best = per[f.index(max(f))][t]
            assert result.best[t].precision == best.precision, (t, cand)
            assert result.best[t].recall == best.recall, (t, cand)
            assert result.best[t].fmeasure == best.fmeasure, (t, cand)
            assert result.mean[t].fmeasure == pytest.approx(sum(f) / len(f), abs=1e-12)
    assert pairs == 10_000


def test_mean_over_references_equals_direct_mean() -> None:
    rng = np.random.default_rng(7)
    metric = RougeMetric()
    reference = RougeScorer(list(ROUGE_TYPES))
    refs = [prepare(_random_text(rng) or "y") for _ in range(4)]
    for _ in range(50):
        cand = prepare(_random_text(rng))
        (result,) = metric.score_many([cand], refs)
        per = [reference.score(r, cand) for r in refs]
        for t in ROUGE_TYPES:
            assert result.mean[t].fmeasure == pytest.approx(
                sum(p[t].fmeasure for p in per) / len(per), abs=1e-12
            )
            assert result.mean[t].recall == pytest.approx(
                sum(p[t].recall for p in per) / len(per), abs=1e-12
            )


def test_rouge_n_and_l_unchanged_by_sentence_preparation() -> None:
    """rouge1/2/L on prepared text equal rouge-score on the raw text."""
    reference = RougeScorer(["rouge1", "rouge2", "rougeL"])
    raw_c = "- **No U.S. troops** will join.\n- Britain took the chair.\n\nArticle 5 won't apply."
    raw_r = "Britain now chairs the group. U.S. troops will not serve, and Article 5 won't apply."
    (ours,) = RougeMetric().score_many([prepare(raw_c, "both")], [prepare(raw_r, "both")])
    ref = reference.score(raw_r, raw_c)
    for t in ("rouge1", "rouge2", "rougeL"):
        assert ours.best[t].fmeasure == pytest.approx(ref[t].fmeasure, abs=1e-12)


def test_lsum_uses_sentences_of_plain_paragraphs() -> None:
    text = "The cat sat on the mat. The dog ran in the park. Birds sang."
    assert prepare(text, "sentences").count("\n") == 2
    reference = RougeScorer(["rougeLsum"])
    target = "Birds sang. The dog ran in the park. The cat sat on the mat."
    (ours,) = RougeMetric().score_many([prepare(text, "sentences")], [prepare(target, "sentences")])
    # With sentences, Lsum finds every sentence despite the reordering; unsplit it could not.
    assert ours.best["rougeLsum"].fmeasure == pytest.approx(1.0)
    assert reference.score(target, text)["rougeLsum"].fmeasure < 1.0


def test_empty_and_one_token_texts() -> None:
    reference = RougeScorer(list(ROUGE_TYPES))
    metric = RougeMetric()
    for cand, ref in [("", "a b"), ("word", "word"), ("word", ""), ("", "")]:
        (ours,) = metric.score_many([prepare(cand)], [prepare(ref)])
        _assert_equal(ours.best, reference.score_multi([prepare(ref)], prepare(cand)))


def test_ties_pick_the_first_reference() -> None:
    (result,) = RougeMetric().score_many(["a b c"], ["a b x", "a b y"])
    assert result.best["rouge1"].fmeasure == pytest.approx(2 / 3)


def test_unicode_tokenizer_keeps_accents_and_scripts() -> None:
    default = RougeMetric()
    uni = RougeMetric(tokenizer="unicode")
    assert uni.use_stemmer is False
    # Cyrillic vanishes under rouge-score's tokenizer; the unicode one keeps it.
    (d,) = default.score_many(["Привет мир"], ["привет мир"])
    (u,) = uni.score_many(["Привет мир"], ["привет мир"])
    assert d.best["rouge1"].fmeasure == 0.0
    assert u.best["rouge1"].fmeasure == pytest.approx(1.0)
    # Accented words are cut by the default tokenizer ("Cristóbal" becomes "crist bal").
    (d,) = default.score_many(["Cristóbal Colón"], ["Crist bal Col n"])
    (u,) = uni.score_many(["Cristóbal Colón"], ["Crist bal Col n"])
    assert d.best["rouge1"].fmeasure == pytest.approx(1.0)
    assert u.best["rouge1"].fmeasure == 0.0


def test_numbered_lines_keep_their_numbers() -> None:
    """A line starting "2022. " is not a list marker to drop: rouge1/2/L see every token."""
    reference = RougeScorer(["rouge1", "rouge2", "rougeL"])
    cand = "2022. and lacking cover\n1. the force\n- no troops"
    ref = "In 2022 the force had no cover and no troops."
    (ours,) = RougeMetric().score_many([prepare(cand)], [prepare(ref)])
    theirs = reference.score(ref, cand)
    for t in ("rouge1", "rouge2", "rougeL"):
        assert ours.best[t].fmeasure == theirs[t].fmeasure

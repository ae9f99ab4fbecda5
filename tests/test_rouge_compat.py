"""The README's ROUGE compatibility table, one test per row (test_readme_rows_are_tests
checks the table names only tests that are here).

The reference is google-research's `rouge-score` as installed. HF `evaluate`'s "rouge"
metric is a thin wrapper over it: `RougeScorer(rouge_types, use_stemmer=use_stemmer)`
(stemming off by default), `score_multi` for an example whose references are a list,
and, with its default `use_aggregator=True`, `BootstrapAggregator().aggregate()[t].mid`.
`evaluate` itself is not installed here (its metrics load from the hub), so
`_evaluate_rouge` makes those same calls.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from rouge_score import scoring
from rouge_score.rouge_scorer import RougeScorer
from test_rouge import _random_text

from harness.loading import Dataset
from harness.pairs import read_pairs_jsonl
from harness.rouge import ROUGE_TYPES, RougeMetric, prepare
from harness.run import RunConfig, score

REPO = Path(__file__).resolve().parent.parent
LINES = REPO / "data" / "summeval" / "dev_lines.jsonl"


def summeval_pairs(n: int = 200) -> list[tuple[str, list[str]]]:
    """The first `n` SummEval system summaries with their article's references, all
    written one sentence per line (data/summeval/README.md)."""
    rows = [json.loads(line) for line in LINES.read_text(encoding="utf-8").splitlines()]
    pairs = [(s["summary"], r["references"]) for r in rows for s in r["summaries"]]
    assert len(pairs) >= n
    return pairs[:n]


def harness_scores(pairs, **config) -> list:
    """The harness's rouge results for (summary, references) pairs, read as pair-level JSONL."""
    lines = [
        json.dumps({"id": f"p{i}", "summary": s, "references": refs}).encode()
        for i, (s, refs) in enumerate(pairs)
    ]
    data = read_pairs_jsonl(lines, "pairs.jsonl")
    run = score(
        Dataset(data.documents, tuple(data.items)),
        RunConfig(metrics=("rouge",), use_cache=False, **config),
    )
    assert all(c.status == "ok" for c in run.candidates)
    return [c.scores["rouge"] for c in run.candidates], run


def _evaluate_rouge(predictions, references, use_aggregator=True, use_stemmer=False):
    scorer = RougeScorer(list(ROUGE_TYPES), use_stemmer=use_stemmer)
    multi = isinstance(references[0], list)  # decided once, by the first example
    per = [
        scorer.score_multi(r, p) if multi else scorer.score(r, p)
        for p, r in zip(predictions, references, strict=True)
    ]
    if not use_aggregator:
        return {t: [s[t].fmeasure for s in per] for t in ROUGE_TYPES}
    aggregator = scoring.BootstrapAggregator()
    for s in per:
        aggregator.add_scores(s)
    return {t: v.mid.fmeasure for t, v in aggregator.aggregate().items()}, aggregator


def assert_same(ours, theirs, types=ROUGE_TYPES) -> None:
    for t in types:
        got = ours[t]
        want = theirs[t]
        assert (got.precision, got.recall, got.fmeasure) == (
            want.precision,
            want.recall,
            want.fmeasure,
        ), t


# ---------------------------------------------------------------- rows


def test_defaults_equal_score_multi_on_200_summeval_pairs() -> None:
    """Row: default flags, text one sentence per line (200 real SummEval pairs)."""
    pairs = summeval_pairs()
    results, run = harness_scores(pairs)
    reference = RougeScorer(list(ROUGE_TYPES))
    for (summary, refs), result in zip(pairs, results, strict=True):
        assert_same(result.best, reference.score_multi(refs, summary))
    assert "stem:no" in run.signature and "lsum:newline" in run.signature


def test_defaults_equal_score_multi_on_any_text() -> None:
    """Row: default flags on any text (paragraphs, bullets, blank lines, non-ASCII)."""
    rng = np.random.default_rng(13)
    refs = [_random_text(rng) or "x" for _ in range(3)]
    pairs = [(_random_text(rng) + "\n\n- item one\n2. item two", refs) for _ in range(300)]
    pairs += [(s.replace("\n", " "), [r.replace("\n", " ") for r in refs]) for s, _ in pairs[:50]]
    results, _ = harness_scores(pairs)
    reference = RougeScorer(list(ROUGE_TYPES))
    for (summary, rs), result in zip(pairs, results, strict=True):
        assert_same(result.best, reference.score_multi(rs, summary))


def test_stemmer_equals_use_stemmer_true() -> None:
    """Row: --stemmer is rouge-score's use_stemmer=True (evaluate's use_stemmer=True)."""
    pairs = summeval_pairs(60)
    results, run = harness_scores(pairs, use_stemmer=True)
    reference = RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    for (summary, refs), result in zip(pairs, results, strict=True):
        assert_same(result.best, reference.score_multi(refs, summary))
    assert "stem:yes" in run.signature


def test_evaluate_per_example_scores_equal() -> None:
    """Row: evaluate's compute(..., use_aggregator=False): one F per example."""
    pairs = summeval_pairs()
    predictions = [s for s, _ in pairs]
    for references in ([refs for _, refs in pairs], [refs[0] for _, refs in pairs]):
        theirs = _evaluate_rouge(predictions, references, use_aggregator=False)
        results, _ = harness_scores(list(zip(predictions, references, strict=True)))
        for t in ROUGE_TYPES:
            assert [r.best[t].fmeasure for r in results] == theirs[t], t


def test_run_mean_is_the_plain_mean_not_the_bootstrap_mid() -> None:
    """Row: evaluate's default aggregated number is a bootstrap median: not reproducible."""
    pairs = summeval_pairs()
    predictions = [s for s, _ in pairs]
    references = [refs for _, refs in pairs]
    per_example = _evaluate_rouge(predictions, references, use_aggregator=False)
    np.random.seed(0)  # BootstrapAggregator draws from numpy's global generator
    mids, aggregator = _evaluate_rouge(predictions, references)
    _, run = harness_scores(pairs)
    for t in ROUGE_TYPES:
        mean = float(np.mean(per_example[t]))
        assert run.summary.means[t] == pytest.approx(mean, abs=1e-12)
        assert mids[t] != mean  # the median of 1,000 resampled means, not the mean
        interval = aggregator.aggregate()[t]
        assert interval.low.fmeasure <= mean <= interval.high.fmeasure
        assert abs(mids[t] - mean) < 0.01


def test_both_equals_on_lines_and_splits_paragraphs() -> None:
    """Row: --lsum-split both: equal on one sentence per line; not on paragraphs."""
    pairs = summeval_pairs()
    results, run = harness_scores(pairs, lsum_split="both")
    reference = RougeScorer(list(ROUGE_TYPES))
    for (summary, refs), result in zip(pairs, results, strict=True):
        assert_same(result.best, reference.score_multi(refs, summary))
    assert "lsum:both" in run.signature and "split:sentencex-" in run.signature
    # rouge-score's own testRougeLSumSentenceSplitting, newlines replaced by spaces
    target, prediction = "First sentence. Second Sentence.", "Second sentence. First Sentence."
    theirs = reference.score(target, prediction)["rougeLsum"].fmeasure
    (ours,) = RougeMetric().score_many([prepare(prediction, "both")], [prepare(target, "both")])
    (plain,) = RougeMetric().score_many([prediction], [target])
    assert theirs == pytest.approx(0.5)
    assert plain.best["rougeLsum"].fmeasure == theirs  # the default: rouge-score's 0.5
    assert ours.best["rougeLsum"].fmeasure == pytest.approx(1.0)  # both: sentences found


def test_sentences_split_differs_where_lines_are_not_sentences() -> None:
    """Row: --lsum-split sentences ignores line breaks inside a paragraph."""
    pairs = summeval_pairs()
    results, _ = harness_scores(pairs, lsum_split="sentences")
    reference = RougeScorer(list(ROUGE_TYPES))
    differ = 0
    for (summary, refs), result in zip(pairs, results, strict=True):
        theirs = reference.score_multi(refs, summary)
        assert_same(result.best, theirs, ("rouge1", "rouge2", "rougeL"))
        differ += result.best["rougeLsum"].fmeasure != theirs["rougeLsum"].fmeasure
    assert differ > 0
    # two lines without final periods are one sentence to the splitter
    (ours,) = RougeMetric().score_many(
        [prepare("b a\nd c", "sentences")], [prepare("d c\nb a", "sentences")]
    )
    assert reference.score("d c\nb a", "b a\nd c")["rougeLsum"].fmeasure == 1.0
    assert ours.best["rougeLsum"].fmeasure < 1.0


def test_unicode_tokenizer_is_not_rouge_score() -> None:
    """Row: --tokenizer unicode has its own tokens, on ASCII text too."""
    reference = RougeScorer(list(ROUGE_TYPES))
    for summary, ref in [("It's 3.5 in the U.S.", "It s 3 5 in the U S"), ("Привет мир", "мир")]:
        (ours,) = RougeMetric(tokenizer="unicode").score_many([summary], [ref])
        assert ours.best["rouge1"].fmeasure != reference.score(ref, summary)["rouge1"].fmeasure


def test_crlf_equal_lone_cr_differs(tmp_path: Path) -> None:
    """Row: CRLF line ends give rouge-score's numbers; a lone CR is read as a line break."""
    reference = RougeScorer(list(ROUGE_TYPES))
    summary, ref = "b a\r\nd c\r\n", "d c\r\nb a"
    lines = [json.dumps({"id": "x", "summary": summary, "references": ref}).encode()]
    data = read_pairs_jsonl(lines, "crlf.jsonl")
    (result,), _ = harness_scores([(summary, [ref])])
    assert_same(result.best, reference.score(ref, summary))
    assert data.items[0].text == "b a\nd c\n"
    lone = "c d\ra b"  # rouge-score: one sentence; read here: two
    (result,), _ = harness_scores([(lone, ["a b c d"])])
    theirs = reference.score("a b c d", lone)
    assert_same(result.best, theirs, ("rouge1", "rouge2", "rougeL"))
    assert result.best["rougeLsum"].fmeasure != theirs["rougeLsum"].fmeasure


def test_readme_rows_are_tests() -> None:
    """Every row of the README's compatibility table names a test of this file."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Compatibility with rouge-score and evaluate", 1)[1]
    table = [line for line in section.split("\n\n", 3)[1].splitlines() if line.startswith("|")]
    rows = table[2:]
    assert len(rows) >= 8
    here = set(re.findall(r"^def (test_\w+)", Path(__file__).read_text(), re.M))
    for row in rows:
        named = re.findall(r"`(test_\w+)`", row)
        assert named and set(named) <= here, row

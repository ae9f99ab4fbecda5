"""Grounding against SummEval's expert consistency judgments, and its cost.

    python bench/grounding.py [--embedding] [--timing N] [--out bench/out/grounding.json]

Measured figures are in the README, "Grounding".

On data/summeval/dev.jsonl (46 articles x 12 system summaries, 3 expert consistency
scores each; a summary is inconsistent when its mean score is below 5), in one run:
ROC AUC of the grounding score for finding the inconsistent summaries, next to three
baselines computed here on the same summaries: ROUGE-2 precision of the summary against
the article (rouge-score), embedding similarity to the article (the bundled model), and
the share of summary words absent from the article. AUC is also given per article
(macro: the mean of the per-article AUCs, over the articles with both kinds of summary),
with a bootstrap interval over articles, and, for grounding, on each of two seeded halves
of the articles.

Flag precision on the labeled spans (tests/data/grounding_spans.jsonl): of the labeled
number/entity spans that grounding flags, the share labeled unsupported.

Flag precision on the dev flags (tests/data/grounding_flags_dev.jsonl, labeled after the
verdicts of the version that first raised them): today's flags that carry a label, and
how many are new; numbers/dates/names/quotes, wrong actors and broken sentences
(fragment, repeat) apart.

--embedding: also the AUC of grounding with sentence embeddings (the bundled model), and
its one weight (the embedding's share of a sentence's support) chosen by 2-fold
cross-validation over articles: the weight that ranks best on one half of the articles is
scored on the other half, both ways. The words-only score has no weight fitted to labels;
its per-half AUCs are given next to it.

--timing N: the cost of grounding next to an all-metrics `harness score --no-cache` of N
candidates (bench/generate.py's synthetic set), measured in the same run: the harness run's
wall time, and the time to ground the same N candidates in-process (article analysed once),
words only and with embeddings (model already loaded, no cache).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from harness.grounding import analyse_article, ground, ground_many  # noqa: E402
from harness.grounding_spans import words  # noqa: E402


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC of `scores` ranking `positive` first (ties count half): Mann-Whitney U."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # ties share their mean rank
        tied = scores == value
        if tied.sum() > 1:
            ranks[tied] = ranks[tied].mean()
    n_pos = int(positive.sum())
    n_neg = len(scores) - n_pos
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def load() -> list[dict]:
    return [json.loads(line) for line in (REPO / "data/summeval/dev.jsonl").open()]


def novel_share(summary: str, article_words: set[str]) -> float:
    ws = [w for _, _, w in words(summary)]
    return sum(w not in article_words for w in ws) / max(1, len(ws))


def rouge2_precision(summary: str, article: str) -> float:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    return scorer.score(article, summary)["rouge2"].precision


def article_auc(rows, use_embedding: bool) -> dict:
    from harness.embedding import SentenceTransformerEncoder

    enc = SentenceTransformerEncoder()
    groups, labels = [], []
    feats: dict[str, list] = {
        "grounding": [],
        "grounding_embedding": [],
        "rouge2_precision": [],
        "novel_word_share": [],
        "embedding_article": [],
    }
    if not use_embedding:
        del feats["grounding_embedding"]
    emb_pairs = []
    emb_results = []
    for gi, row in enumerate(rows):
        analysis = analyse_article(row["article"])
        with_emb = analyse_article(row["article"], enc) if use_embedding else None
        art_words = {w for _, _, w in words(row["article"])}
        for s in row["summaries"]:
            text = s["summary"]
            groups.append(gi)
            labels.append(float(np.mean(s["consistency"])) < 5)
            feats["grounding"].append(ground(text, analysis=analysis).score)
            if with_emb is not None:
                res = ground(text, analysis=with_emb, encoder=enc)
                feats["grounding_embedding"].append(res.score)
                emb_results.append(res)
            feats["rouge2_precision"].append(rouge2_precision(text, row["article"]))
            feats["novel_word_share"].append(-novel_share(text, art_words))
            emb_pairs.append((text, row["article"]))
    vs = enc.encode([t for t, _ in emb_pairs])
    va = enc.encode([a for _, a in emb_pairs])
    feats["embedding_article"] = list((vs * va).sum(axis=1))
    y = np.array(labels)
    g = np.array(groups)
    rng = np.random.default_rng(0)
    out = {"summaries": len(y), "inconsistent": int(y.sum()), "articles": len(rows)}
    for name, values in feats.items():
        x = np.asarray(values, dtype=float)
        # higher = more consistent, so the AUC of finding the inconsistent ones is on -x
        boots = []
        for _ in range(1000):
            pick = rng.choice(len(rows), len(rows))
            idx = np.concatenate([np.flatnonzero(g == p) for p in pick])
            if 0 < y[idx].sum() < len(idx):
                boots.append(auc(-x[idx], y[idx]))
        per_article = [
            auc(-x[g == gi], y[g == gi])
            for gi in range(len(rows))
            if 0 < y[g == gi].sum() < (g == gi).sum()
        ]
        out[name] = {
            "auc": round(auc(-x, y), 4),
            "macro_auc": round(float(np.mean(per_article)), 4),
            "ci95": [
                round(float(np.percentile(boots, 2.5)), 4),
                round(float(np.percentile(boots, 97.5)), 4),
            ],
        }
    halves = _halves(len(rows), g)
    for name in ("grounding", "grounding_embedding"):
        if name in feats:
            x = np.asarray(feats[name])
            out[name]["halves"] = [round(auc(-x[h], y[h]), 4) for h in halves]
    if emb_results:
        out["grounding_embedding"]["cross_validated"] = cross_validated(emb_results, y, halves)
    return out


WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def _halves(n_articles: int, groups: np.ndarray) -> list[np.ndarray]:
    """Two halves of the summaries, split by article (seeded): no article in both."""
    order = np.random.default_rng(0).permutation(n_articles)
    first = set(order[: n_articles // 2].tolist())
    mask = np.array([gi in first for gi in groups])
    return [mask, ~mask]


def rescore(res, weight: float, penalty: float = 0.15) -> float:
    """A result's score had the embedding weighed `weight` in each sentence's support
    (the same formula as harness.grounding._score, from the stored alignment)."""
    if not res.alignment:
        return res.score
    base = min(
        (1 - weight) * x.lexical + weight * max(0.0, x.embedding or 0.0) for x in res.alignment
    )
    return base * (1 - penalty) ** sum(f.kind != "sentence" for f in res.flags)


def cross_validated(results, y: np.ndarray, halves: list[np.ndarray]) -> dict:
    """The embedding weight chosen on one half of the articles, AUC on the other."""
    scores = {w: -np.array([rescore(r, w) for r in results]) for w in WEIGHTS}
    folds = []
    for fit, held in (halves, halves[::-1]):
        best = max(WEIGHTS, key=lambda w: auc(scores[w][fit], y[fit]))
        folds.append(
            {
                "chosen_weight": best,
                "held_out_auc": round(auc(scores[best][held], y[held]), 4),
                "held_out_auc_weight_0.3": round(auc(scores[0.3][held], y[held]), 4),
            }
        )
    return {
        "folds": folds,
        "mean_held_out_auc": round(float(np.mean([f["held_out_auc"] for f in folds])), 4),
    }


def span_precision() -> dict:
    rows = {r["id"]: r for r in load()}
    labels = [json.loads(line) for line in (REPO / "tests/data/grounding_spans.jsonl").open()]
    flagged = truly = 0
    cache: dict[str, object] = {}
    per: dict[tuple[str, str], object] = {}
    detail = []
    for lab in labels:
        row = rows[lab["article"]]
        if lab["article"] not in cache:
            cache[lab["article"]] = analyse_article(row["article"])
        key = (lab["article"], lab["model"])
        if key not in per:
            summ = next(s["summary"] for s in row["summaries"] if s["model"] == lab["model"])
            per[key] = ground(summ, analysis=cache[lab["article"]])
        res = per[key]
        hit = any(
            f.kind != "sentence" and f.span[0] < lab["end"] and lab["start"] < f.span[1]
            for f in res.flags
        )
        if hit:
            flagged += 1
            truly += lab["label"] == "unsupported"
            detail.append((lab["span"], lab["label"]))
    return {
        "labeled": len(labels),
        "unsupported": sum(x["label"] == "unsupported" for x in labels),
        "flagged": flagged,
        "flagged_truly_unsupported": truly,
        "precision": None if not flagged else round(truly / flagged, 4),
        "flagged_spans": detail,
    }


def dev_flag_precision(rows) -> dict:
    """Today's specific flags on every dev summary against the labels of
    tests/data/grounding_flags_dev.jsonl (labeled after an earlier version's verdicts):
    numbers, dates, names and quotes apart from wrong actors."""
    labels = {}
    for line in (REPO / "tests/data/grounding_flags_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        labels[(d["article"], d["model"], d["start"], d["end"])] = d["label"]
    out = {
        group: {"flags": 0, "labeled_unsupported": 0, "labeled_supported": 0, "unlabeled": 0}
        for group in ("specifics", "actors", "broken_sentences")
    }
    groups = {"actor": "actors", "fragment": "broken_sentences", "repeat": "broken_sentences"}
    for row in rows:
        analysis = analyse_article(row["article"])
        for s in row["summaries"]:
            for f in ground(s["summary"], analysis=analysis).flags:
                if f.kind == "sentence":
                    continue
                counts = out[groups.get(f.kind, "specifics")]
                counts["flags"] += 1
                label = labels.get((row["id"], s["model"], f.span[0], f.span[1]))
                counts["unlabeled" if label is None else f"labeled_{label}"] += 1
    for counts in out.values():
        judged = counts["labeled_unsupported"] + counts["labeled_supported"]
        counts["precision"] = round(counts["labeled_unsupported"] / judged, 4) if judged else None
    return out


def words_only_auc(rows) -> float:
    """The AUC of the words-only grounding score alone (no model loaded): the quick check."""
    scores, labels = [], []
    for row in rows:
        analysis = analyse_article(row["article"])
        for s in row["summaries"]:
            scores.append(ground(s["summary"], analysis=analysis).score)
            labels.append(float(np.mean(s["consistency"])) < 5)
    return round(auc(-np.asarray(scores), np.array(labels)), 4)


def refs_precision(rows) -> dict:
    """Flag precision on tests/data/grounding_flags_refs.jsonl (spans of the dev articles'
    human reference summaries, labeled blind against the first version's flags; no longer
    blind once developed on): of the labeled spans a specific flag (number, date, name,
    quote) overlaps now, the share labeled unsupported; the recall of the labeled
    unsupported ones; and the flags now on spans the sample does not hold (unlabeled)."""
    by_id = {r["id"]: r for r in rows}
    labels = [
        json.loads(line)
        for line in (REPO / "tests/data/grounding_flags_refs.jsonl").open(encoding="utf-8")
    ]
    flags: dict[tuple[str, int], list] = {}
    for key in sorted({(x["article"], x["reference"]) for x in labels}):
        row = by_id[key[0]]
        result = ground(row["references"][key[1]], analysis=analyse_article(row["article"]))
        flags[key] = [f for f in result.flags if f.kind not in ("sentence", "actor")]
    flagged = truly = blind_flagged = 0
    still: list[str] = []
    unlabeled: list[str] = []
    for lab in labels:
        hit = any(
            f.span[0] < lab["end"] and lab["start"] < f.span[1]
            for f in flags[(lab["article"], lab["reference"])]
        )
        flagged += hit
        blind_flagged += lab["flagged_blind"]
        if hit:
            truly += lab["label"] == "unsupported"
            still.append(f"{lab['label'][:5]} {lab['span']!r}")
    for (art, ref), fs in flags.items():
        spans = [
            (x["start"], x["end"]) for x in labels if (x["article"], x["reference"]) == (art, ref)
        ]
        unlabeled += [
            f.text for f in fs if not any(s < f.span[1] and f.span[0] < e for s, e in spans)
        ]
    unsupported = sum(x["label"] == "unsupported" for x in labels)
    return {
        "labeled": len(labels),
        "unsupported": unsupported,
        "flagged_blind": blind_flagged,
        "flagged": flagged,
        "flagged_truly_unsupported": truly,
        "precision": None if not flagged else round(truly / flagged, 4),
        "recall": round(truly / unsupported, 4),
        "unlabeled_flags": unlabeled,
        "flagged_spans": still,
    }


def timing(n: int) -> dict:
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(
            [sys.executable, str(REPO / "bench/generate.py"), str(work), "--n", str(n), "--folder"],
            check=True,
            capture_output=True,
        )
        env = dict(os.environ, PYTHONPATH=str(REPO))
        cmd = [
            sys.executable,
            "-m",
            "harness.cli",
            "score",
            str(work / "candidates"),
            "--references",
            str(work / "references"),
            "--no-cache",
            "--format",
            "json",
            "-o",
            str(work / "out.json"),
        ]
        subprocess.run(cmd, env=env, capture_output=True)  # warm-up (page cache, .pyc)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True)
        full = time.perf_counter() - t0
        texts = [p.read_text("utf-8") for p in sorted((work / "candidates").glob("*.txt"))]
        article = (work / "references" / generate.DOCUMENT / "article.txt").read_text("utf-8")
        t0 = time.perf_counter()
        analysis = analyse_article(article)
        for t in texts:
            ground(t, analysis=analysis)
        lexical = time.perf_counter() - t0
        from harness.embedding import SentenceTransformerEncoder

        enc = SentenceTransformerEncoder()
        enc.encode(["warm up"])  # the model is loaded once per run by the embedding family
        t0 = time.perf_counter()
        ground_many(texts, analyse_article(article, enc), encoder=enc)
        embedded = time.perf_counter() - t0
    return {
        "candidates": len(texts),
        "all_metrics_run_s": round(full, 2),
        "grounding_lexical_s": round(lexical, 2),
        "added_share_lexical": round(lexical / full, 4),
        "grounding_embedding_s": round(embedded, 2),
        "added_share_embedding": round(embedded / full, 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embedding", action="store_true")
    ap.add_argument("--timing", type=int, default=0)
    ap.add_argument("--out", default=str(REPO / "bench/out/grounding.json"))
    ap.add_argument("--timing-only", action="store_true", help="skip the SummEval measures")
    ap.add_argument("--flags-only", action="store_true", help="flag precision only, no AUC")
    args = ap.parse_args()
    if args.timing_only:
        print(json.dumps(timing(args.timing or 1000), indent=2))
        return 0
    rows = load()
    result = {
        "spans": span_precision(),
        "dev_flags": dev_flag_precision(rows),
        "refs_flags": refs_precision(rows),
    }
    if args.flags_only:
        result["words_only_auc"] = words_only_auc(rows)
        print(json.dumps(result, indent=2))
        return 0
    result["summeval_dev"] = article_auc(rows, args.embedding)
    if args.timing:
        result["timing"] = timing(args.timing)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

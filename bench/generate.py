"""Deterministic synthetic candidates for the benchmark.

Candidate summaries of about 90 words are recombined and perturbed from the
sentences of `references/hegseth-nato` (article and reference summaries) and the
repo's `candidates/`: sentences are drawn, some words are dropped, swapped for
pool words or duplicated, and sentences are glued until the target length is
reached. Everything comes from `numpy.random.default_rng(seed)`, so the same
arguments give byte-identical files.

    python bench/generate.py OUT --n 2000 [--jsonl] [--folder] [--seed 0]

writes OUT/references/<doc>/ (a copy of the repo's references) and
OUT/candidates/*.txt and/or OUT/candidates.jsonl.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "hegseth-nato"
_SENT = re.compile(r"(?<=[.!?])\s+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)


def _sources(repo: Path = REPO) -> tuple[list[str], list[str]]:
    """(sentences, word pool) from the document's texts and the repo's candidates."""
    texts = [
        p.read_text("utf-8")
        for p in sorted((repo / "references" / DOCUMENT).iterdir())
        if p.suffix in (".txt", ".md")
    ]
    texts += [
        p.read_text("utf-8")
        for p in sorted((repo / "candidates").glob("*"))
        if p.suffix in (".txt", ".md")
    ]
    sentences: list[str] = []
    for t in texts:
        t = _BULLET.sub("", t)
        for para in re.split(r"\n\s*\n|\n", t):
            for s in _SENT.split(para.strip()):
                if len(s.split()) >= 5:
                    sentences.append(s.strip())
    sentences = list(dict.fromkeys(sentences))
    pool = sorted({w for s in sentences for w in s.split()})
    return sentences, pool


def _perturb(sentence: str, pool: list[str], rng: np.random.Generator) -> str:
    words = sentence.split()
    out: list[str] = []
    for w in words:
        r = rng.random()
        if r < 0.06:
            continue  # drop
        if r < 0.14:
            out.append(pool[rng.integers(len(pool))])  # substitute
            continue
        out.append(w)
        if r > 0.98:
            out.append(w)  # stutter
    if not out:
        out = words
    s = " ".join(out)
    s = s[0].upper() + s[1:]
    if s[-1] not in ".!?":
        s += "."
    return s


def summaries(n: int, seed: int = 0, words: int = 90) -> Iterator[str]:
    """n synthetic summaries of about `words` words (70-110), deterministic in seed."""
    sentences, pool = _sources()
    rng = np.random.default_rng(seed)
    for _ in range(n):
        target = int(rng.integers(words - 30, words + 11))  # + overshoot of the last sentence
        parts: list[str] = []
        count = 0
        while count < target:
            s = _perturb(sentences[rng.integers(len(sentences))], pool, rng)
            parts.append(s)
            count += len(s.split())
        yield " ".join(parts)


def write_references(out: Path) -> Path:
    dest = out / "references"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(REPO / "references", dest)
    return dest


def write_folder(out: Path, n: int, seed: int = 0) -> Path:
    dest = out / "candidates"
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for i, text in enumerate(summaries(n, seed)):
        (dest / f"c{i:06d}.txt").write_text(text + "\n", "utf-8")
    return dest


def write_jsonl(out: Path, n: int, seed: int = 0, name: str = "candidates.jsonl") -> Path:
    dest = out / name
    out.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(summaries(n, seed)):
            fh.write(json.dumps({"id": f"c{i:06d}", "document": DOCUMENT, "summary": text}) + "\n")
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jsonl", action="store_true", help="write candidates.jsonl")
    ap.add_argument("--folder", action="store_true", help="write candidates/*.txt (default)")
    args = ap.parse_args()
    write_references(args.out)
    if args.folder or not args.jsonl:
        print(write_folder(args.out, args.n, args.seed))
    if args.jsonl:
        print(write_jsonl(args.out, args.n, args.seed))


if __name__ == "__main__":
    main()

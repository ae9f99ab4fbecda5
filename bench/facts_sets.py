"""Development aid: every labeled facts set's accuracy and its disagreements.

    PYTHONPATH=. python bench/facts_sets.py [SET ...]

Prints, per set, accuracy, contradicted-judged-present count and each disagreement
(candidate, fact, expected, got). No timing; the floors live in tests/test_calibrate.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from harness.calibrate import calibrate, load_labels, texts_from_labels
from harness.facts import load_facts
from harness.source_names import with_article_names

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


def _article(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _factsets(refs: Path) -> dict:
    return {
        d.name: with_article_names(
            load_facts(d / "facts.toml", d.name), _article(d / "article.txt")
        )
        for d in sorted(refs.iterdir())
        if (d / "facts.toml").exists()
    }


def main(names: list[str]) -> None:
    sys.path.insert(0, str(REPO / "tests"))
    from test_calibrate import SETS  # type: ignore[import-not-found]

    for name, refs, floor, c2p in SETS:
        if names and not any(n in name for n in names):
            continue
        labels = load_labels(DATA / name)
        factsets = _factsets(refs or REPO / "references")
        report = calibrate(labels, texts_from_labels(labels), factsets)
        print(
            f"== {name}: {report.accuracy:.1%} ({report.correct}/{report.n}; floor {floor:.1%}; "
            f"c2p {report.contradicted_as_present} pinned {c2p}; "
            f"p2c {report.present_as_contradicted})",
            flush=True,
        )
        for f in report.facts:
            for d in f.disagreements:
                want = "|".join((d.expected,))
                print(
                    f"    {d.candidate} {d.fact}: want {want} got {d.predicted} | {d.reason[:140]}"
                )


if __name__ == "__main__":
    main(sys.argv[1:])

"""Grounding: flag what a summary states that its article does not support.

Two kinds of evidence, both explained span by span:

* **specifics**: every number or quantity (value normalised: "fifty" = "50", "$300
  billion", "90 percent" = "90%", years), weekday and month, capitalised name and quoted
  passage of the candidate must be found in the article. A number must also be stated
  there about the same thing: the article sentence holding the value (or a neighbour) must
  share a content word with the candidate's sentence, else it is flagged as "stated about
  something else". Names match through their parts ("Mensah" / "Ama Mensah"), acronyms
  ("U.N." / "United Nations"), spelling variants and the usual aliases of a country.
  A quote must be the article's words in their order.
* **actors** (`harness.grounding_actors`): a name right before words the article says
  only of another name ("Ruiz scored in the 87th minute" where the article has "Berg
  scored in the 87th minute") is flagged as a wrong actor, in lowercase text too.
* **broken sentences** (`harness.grounding_form`): a sentence that ends on a word no
  sentence ends on ("... and using the .") or writes a content word twice in a row
  ("whale whale"), which the article does not, is flagged (`fragment`, `repeat`).
* **sentences**: each candidate sentence is aligned to the article sentence that best
  supports it (the share of its content words and of its word pairs found within two
  neighbouring article sentences; optionally the cosine of sentence embeddings from
  the bundled model). A sentence below `SENTENCE_FLOOR`
  (harness.grounding_types) is flagged with its best match.

`score` is 1 when everything is supported: the support of the least supported sentence
(one invented sentence is enough to make a summary inconsistent), times 0.85 for each
unsupported specific, wrong actor or broken sentence (see `_score`).

Analyse an article once (`analyse_article`) and ground many candidates against it
(`ground`). Nothing here imports torch unless an encoder is passed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from harness.grounding_actors import index_article, pronoun_swaps, swaps
from harness.grounding_check import check_specific, entity_flags, specifics
from harness.grounding_form import findings as form_findings
from harness.grounding_implied import (
    counts_listed,
    counts_named,
    implied_in_article,
)
from harness.grounding_lexicon import ALIAS_GROUPS, STOPWORDS, american
from harness.grounding_names import name_index
from harness.grounding_people import index_people
from harness.grounding_spans import (
    content_stems,
    letters,
    numbers,
    stem,
    words,
)
from harness.grounding_types import (
    ArticleAnalysis,
    Flag,
    GroundingResult,
    GroundingSettings,
    NumberSite,
    SentenceAlignment,
)
from harness.text import fold_keep_offsets, sentence_at, sentence_spans

if TYPE_CHECKING:  # numpy is imported by the functions that compute: a cached rerun
    import numpy as np  # (results read back) needs none

VERSION = "5"  # 2: quotes must keep the article's word order; 3: hand-written text read
# (numbers in words, the article's ordinals, bounds, misspelled names, words next to names);
# 4: contractions split, broken sentences (fragment, repeat) and pronoun swaps flagged;
# implied counts ("the two"), ratios, days counted from a weekday, ranks in a "top N";
# 5: a name judged part by part, a person's fuller name, a club's full name (grounding_people),
# an article's "once"/"twice" as counts

# a wrong actor or a broken sentence lowers the score but is no unsupported span for the
# gate: a wrong actor's precision (6 of 10 on the dev flags) is too low to fail a build on,
# and a broken sentence says the sentence is broken, not which fact is wrong
UNCOUNTED = frozenset({"actor", "fragment", "repeat", "sentence"})
WINDOW = 2  # neighbouring article sentences one summary sentence may draw on


# ------------------------------------------------------------------ article


def _number_sites(
    nums: list[tuple[float, int, str]], sent_stems: list[frozenset[str]]
) -> dict[float, NumberSite]:
    by_value: dict[float, list[tuple[int, str]]] = {}
    for value, i, unit in nums:
        by_value.setdefault(value, []).append((i, unit))
    sites = {}
    for value, found in by_value.items():
        sentences = tuple(i for i, _ in found)
        near = {j for i in set(sentences) for j in range(max(0, i - 1), i + 2)}
        stems = frozenset().union(*(sent_stems[j] for j in near if j < len(sent_stems)))
        sites[value] = NumberSite(sentences, frozenset(u for _, u in found if u), stems)
    return sites


def _groups_named(lower_words: Sequence[str]) -> set[int]:
    text = " " + " ".join(lower_words) + " "
    found = set()
    for gi, group in enumerate(ALIAS_GROUPS):
        for name in group:
            if f" {name.replace('.', '')} " in text:
                found.add(gi)
                break
    return found


def _windows(sets: list) -> list:
    """The union of each run of WINDOW neighbouring sentences' sets (one when shorter)."""
    n = max(1, len(sets) - WINDOW + 1)
    return [frozenset().union(*sets[i : i + WINDOW]) for i in range(n)]


def analyse_article(
    article: str, encoder=None, cache=None, model_key: str | None = None
) -> ArticleAnalysis:
    """Split, stem and index an article; with an encoder, embed its sentences too."""
    import numpy as np

    text = fold_keep_offsets(article)
    spans = sentence_spans(text) or [(0, len(text))]
    toks = words(text)
    lower = [w for _, _, w in toks]
    vocabulary = frozenset(american(w) for w in lower)
    prefixes: dict[str, list[str]] = {}
    for w in vocabulary:
        if len(w) >= 5 and w.isalpha():
            prefixes.setdefault(w[:5], []).append(w)
    stems_seq = [stem(w) for w in lower]
    # acronyms the article's capitalised runs spell ("United Nations" -> "un")
    acronyms = set()
    capitalised: set[str] = set()  # the article's name words (spelling slips are read)
    run: list[str] = []
    for s, e, w in [*toks, (0, 0, "")]:
        raw = text[s:e]
        if raw[:1].isupper():
            capitalised.add(w)
        if raw[:1].isupper() and w not in STOPWORDS:
            run.append(w)
            continue
        if len(run) >= 2:
            acronyms.add("".join(x[0] for x in run))
        run = []
    sent_stems = [frozenset(content_stems(text[s:e])) for s, e in spans]
    nums = [
        (sp.value, sentence_at(spans, sp.start), sp.unit)
        for sp in numbers(text, article=True)
        if sp.value is not None
    ]
    sites = _number_sites(nums, sent_stems)
    vectors = None
    if encoder is not None:
        from harness.embedding import encode_distinct

        sents = [text[s:e] for s, e in spans]
        found = encode_distinct(sents, encoder, cache, model_key)
        vectors = np.stack([found[x] for x in sents])
    return ArticleAnalysis(
        text=article,  # the original: evidence is quoted as written (offsets agree)
        spans=spans,
        sentence_stems=sent_stems,
        vocabulary=vocabulary,
        stems=frozenset(stems_seq),
        prefixes=prefixes,
        window_stems=_windows(sent_stems),
        window_bigrams=_windows(
            [
                frozenset(itertools.pairwise(stem(w) for _, _, w in words(text[s:e])))
                for s, e in spans
            ]
        ),
        word_bigrams=frozenset(itertools.pairwise(lower)),
        number_values=tuple(sorted(sites)),
        number_sites=sites,
        acronyms=frozenset(acronyms),
        groups=frozenset(_groups_named(lower)),
        vectors=vectors,
        letters=letters(text),
        actors=index_article(text, {s for s, _ in spans}),
        names=name_index(capitalised),
        implied=implied_in_article(text, spans),
        people=index_people(text),
    )


# ------------------------------------------------------------------ sentences


def _lexical_support(stems: set[str], seq: list[str], a: ArticleAnalysis) -> tuple[float, int]:
    """How well the article supports one sentence, from words alone: the share of its
    content words, averaged with the share of its (stemmed) word pairs, found within the
    best run of WINDOW neighbouring article sentences. Words gathered from all over the
    article, the way a wrongly fused or invented sentence is built, score low. Also the
    index of the article sentence sharing most content words (the evidence shown)."""
    import numpy as np

    if not stems:
        return 1.0, 0
    overlaps = [stems & s for s in a.sentence_stems]
    best = int(np.argmax([len(o) for o in overlaps]))
    coverage = max(len(stems & w) for w in a.window_stems) / len(stems)
    pairs = set(itertools.pairwise(seq))
    if not pairs:
        return coverage, best
    local = max(len(pairs & w) for w in a.window_bigrams) / len(pairs)
    return 0.5 * coverage + 0.5 * local, best


def _score(
    aligned: Sequence[SentenceAlignment], unsupported_specifics: int, settings: GroundingSettings
) -> float:
    """The least supported sentence's support, times (1 - penalty) per flagged specific,
    wrong actor or broken sentence (`unsupported_specifics` counts them all here)."""
    if not aligned:
        return float((1 - settings.specific_penalty) ** unsupported_specifics)
    base = min(x.support for x in aligned)
    penalty = (1 - settings.specific_penalty) ** unsupported_specifics
    return float(min(1.0, max(0.0, base * penalty)))


def ground(
    candidate: str,
    article: str | None = None,
    *,
    analysis: ArticleAnalysis | None = None,
    encoder=None,
    cache=None,
    model_key: str | None = None,
    settings: GroundingSettings | None = None,
    sentence_vectors: Mapping[str, np.ndarray] | None = None,
) -> GroundingResult:
    """Ground one candidate summary in its article (pass `analysis` to reuse one). With an
    encoder, the candidate's sentences are embedded unless `sentence_vectors` already holds
    them (`ground_many` embeds a whole batch of candidates at once)."""
    import numpy as np

    settings = settings or GroundingSettings()
    if analysis is None:
        if article is None:
            raise ValueError("ground() needs the article or its analysis")
        analysis = analyse_article(article, encoder, cache, model_key)
    a = analysis
    text = fold_keep_offsets(candidate)
    spans = sentence_spans(text)
    sent_stems = [content_stems(text[s:e]) for s, e in spans]
    vectors = None
    if encoder is not None and a.vectors is not None and spans:
        from harness.embedding import encode_distinct

        sents = [text[s:e] for s, e in spans]
        found = dict(sentence_vectors or {})
        missing = [x for x in sents if x not in found]
        if missing:
            found.update(encode_distinct(missing, encoder, cache, model_key))
        vectors = np.stack([found[x] for x in sents])
    aligned = []
    sentence_words = [words(text[s:e]) for s, e in spans]
    for k, (s, e) in enumerate(spans):
        seq = [stem(w) for _, _, w in sentence_words[k]]
        lexical, best = _lexical_support(sent_stems[k], seq, a)
        emb = None
        support = lexical
        if vectors is not None:
            sims = a.vectors @ vectors[k]
            emb = float(np.clip(sims.max(), -1.0, 1.0))
            support = (1 - settings.embedding_weight) * lexical + settings.embedding_weight * max(
                0.0, emb
            )
        bs, be = a.spans[best]
        aligned.append(
            SentenceAlignment(
                text=candidate[s:e],
                span=(s, e),
                support=round(support, 6),
                lexical=round(lexical, 6),
                embedding=None if emb is None else round(emb, 6),
                evidence=a.text[bs:be],
                evidence_span=(bs, be),
                supported=support >= settings.sentence_floor,
            )
        )
    flags: list[Flag] = []
    specs = specifics(text, spans)
    for sp in specs:
        k = sentence_at(spans, sp.start) if spans else 0
        stems_k = sent_stems[k] if spans else set()
        if sp.kind == "entity":
            flags.extend(entity_flags(sp, candidate, stems_k, a))
            continue
        flag = check_specific(sp, stems_k, a)
        if flag is not None and (
            counts_named(text, sp, spans) or counts_listed(text, sp, a.implied)
        ):
            flag = None  # "the two" of two things the candidate names; N things the article lists
        if flag is not None:
            flags.append(replace(flag, text=candidate[sp.start : sp.end]))
    n_specs = len(specs)
    for (s, e), toks, al in zip(spans, sentence_words, aligned, strict=True):
        idx, sent = a.actors, text[s:e]
        for sw in [*swaps(sent, s, idx, toks), *pronoun_swaps(sent, s, idx, toks)] if idx else ():
            if any(f.span[0] < sw.span[1] and sw.span[0] < f.span[1] for f in flags):
                continue  # already flagged (a name the article never has)
            # a name of a lowercase text is no specific yet
            n_specs += not any(x.start < sw.span[1] and sw.span[0] < x.end for x in specs)
            said = a.text[slice(*sw.article_span)]
            bs, be = a.spans[sentence_at(a.spans, sw.article_span[0])]
            reason = f'the article says "{said}", of another name'
            flags.append(
                Flag("actor", text[slice(*sw.span)], sw.span, reason, a.text[bs:be], (bs, be))
            )
        for f in form_findings(toks, s, a.word_bigrams):  # evidence: the best article sentence
            text_f = candidate[slice(*f.span)]
            flags.append(Flag(f.kind, text_f, f.span, f.reason, al.evidence, al.evidence_span))
    flags.sort(key=lambda f: f.span)
    n_spec_flags = len(flags)
    for x in aligned:
        if not x.supported:
            flags.append(
                Flag(
                    "sentence",
                    x.text,
                    x.span,
                    f"no article sentence supports it (support {x.support:.2f} < "
                    f"{settings.sentence_floor})",
                    x.evidence,
                    x.evidence_span,
                )
            )
    return GroundingResult(
        score=round(_score(aligned, n_spec_flags, settings), 6),
        specifics=n_specs,
        unsupported_specifics=sum(f.kind not in UNCOUNTED for f in flags),
        sentences=len(aligned),
        unsupported_sentences=sum(not x.supported for x in aligned),
        flags=tuple(flags),
        alignment=tuple(aligned),
    )


def ground_many(
    candidates: Sequence[str],
    analysis: ArticleAnalysis,
    *,
    encoder=None,
    cache=None,
    model_key: str | None = None,
    settings: GroundingSettings | None = None,
) -> list[GroundingResult]:
    """Ground many candidates of one article; with an encoder, every distinct candidate
    sentence is embedded once, in batches, before any is grounded."""
    vectors: dict[str, np.ndarray] = {}
    if encoder is not None and analysis.vectors is not None:
        from harness.embedding import encode_distinct

        sents = []
        for c in candidates:
            text = fold_keep_offsets(c)
            sents.extend(text[s:e] for s, e in sentence_spans(text))
        vectors = encode_distinct(sents, encoder, cache, model_key)
    return [
        ground(
            c,
            analysis=analysis,
            encoder=encoder,
            cache=cache,
            model_key=model_key,
            settings=settings,
            sentence_vectors=vectors,
        )
        for c in candidates
    ]


# ------------------------------------------------------------------ serialisation


def signature(settings: GroundingSettings | None = None, model_key: str | None = None) -> str:
    """Every setting behind grounding verdicts, e.g.
    'grounding:v5/floor=0.08/pen=0.15/emb=none'."""
    st = settings or GroundingSettings()
    emb = f"{model_key}*{st.embedding_weight:g}" if model_key else "none"
    return f"grounding:v{VERSION}/floor={st.sentence_floor:g}/pen={st.specific_penalty:g}/emb={emb}"


def to_json(result: GroundingResult) -> dict:
    """A plain-JSON dict of a result (tuples as lists); `from_json` reads it back equal."""
    d = asdict(result)
    return {
        "score": d["score"],
        "specifics": d["specifics"],
        "unsupported_specifics": d["unsupported_specifics"],
        "sentences": d["sentences"],
        "unsupported_sentences": d["unsupported_sentences"],
        "flags": [
            {
                **f,
                "span": list(f["span"]),
                "evidence_span": None if f["evidence_span"] is None else list(f["evidence_span"]),
            }
            for f in d["flags"]
        ],
        "alignment": [
            {
                **x,
                "span": list(x["span"]),
                "evidence_span": None if x["evidence_span"] is None else list(x["evidence_span"]),
            }
            for x in d["alignment"]
        ],
    }


def _pair(x) -> tuple[int, int] | None:
    return None if x is None else (int(x[0]), int(x[1]))


def from_json(d: dict) -> GroundingResult:
    """The result `to_json` wrote (raises KeyError/TypeError/ValueError on a malformed one)."""
    return GroundingResult(
        score=float(d["score"]),
        specifics=int(d["specifics"]),
        unsupported_specifics=int(d["unsupported_specifics"]),
        sentences=int(d["sentences"]),
        unsupported_sentences=int(d["unsupported_sentences"]),
        flags=tuple(
            Flag(
                str(f["kind"]),
                str(f["text"]),
                _pair(f["span"]),
                str(f["reason"]),
                str(f["evidence"]),
                _pair(f["evidence_span"]),
            )
            for f in d["flags"]
        ),
        alignment=tuple(
            SentenceAlignment(
                str(x["text"]),
                _pair(x["span"]),
                float(x["support"]),
                float(x["lexical"]),
                None if x["embedding"] is None else float(x["embedding"]),
                str(x["evidence"]),
                _pair(x["evidence_span"]),
                bool(x["supported"]),
            )
            for x in d["alignment"]
        ),
    )

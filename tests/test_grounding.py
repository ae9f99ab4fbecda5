"""Grounding (harness.grounding): specifics, sentence alignment, serialisation, the demo
candidates, and the flag precision on the labeled SummEval spans."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import DEMO_GOOD

from harness.grounding import (
    GroundingResult,
    analyse_article,
    from_json,
    ground,
    ground_many,
    signature,
    to_json,
)
from harness.grounding_spans import numbers, quotes

REPO = Path(__file__).resolve().parent.parent
ARTICLE = (
    "The city council approved a budget of $4.2 million on Tuesday. Mayor Ana Ruiz said "
    "the money would repair fifty bridges across the United States' oldest county. About "
    "30 percent of the roads were built before 1950, according to the council. Critics "
    'called the plan "too little, too late" and said 12 schools still need new roofs.'
)


@pytest.fixture(scope="module")
def article():
    return analyse_article(ARTICLE)


def flagged(result: GroundingResult) -> list[str]:
    return [f.text for f in result.flags if f.kind != "sentence"]


@pytest.mark.parametrize(
    "text,value",
    [
        ("fifty", 50),
        ("50", 50),
        ("$300 billion", 3e11),
        ("90 percent", 90),
        ("90%", 90),
        ("90 per cent", 90),
        ("£42.3m", 42.3e6),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("14,000", 14000),
        ("2.6 million", 2.6e6),
        ("three hundred", 300),
    ],
)
def test_number_values_are_normalised(text, value):
    found = numbers(f"They counted {text} of them.")
    assert [x.value for x in found] == [pytest.approx(value)]


def test_a_lone_one_or_a_is_no_number():
    assert numbers("one of the men said a word") == []


def test_supported_specifics_are_not_flagged(article):
    text = (
        "Mayor Ruiz said the council approved $4.2 million on Tuesday to repair 50 "
        "bridges; 30% of the roads predate 1950."
    )
    result = ground(text, analysis=article)
    assert flagged(result) == []
    assert result.unsupported_specifics == 0


def test_rounded_and_spelled_numbers_are_supported(article):
    result = ground(
        "The council approved about $4 million to repair fifty bridges.", analysis=article
    )
    assert "fifty" not in flagged(result)


def test_invented_numbers_dates_and_names_are_flagged(article):
    text = (
        "Mayor Ana Ruiz said the council approved $9 million on Friday to repair "
        "80 bridges, and Governor Tom Blake agreed."
    )
    result = ground(text, analysis=article)
    assert set(flagged(result)) >= {"$9 million", "Friday", "80", "Governor Tom Blake"}
    assert "Mayor Ana Ruiz" not in flagged(result)
    flag = next(f for f in result.flags if f.text == "80")
    assert flag.reason.startswith("the article states no")
    assert flag.evidence in ARTICLE  # the closest article sentence is given as evidence


def test_a_number_about_something_else_is_flagged(article):
    result = ground("Pollsters found 30 percent of voters oppose higher taxes.", analysis=article)
    flag = next(f for f in result.flags if f.text == "30 percent")
    assert "about something else" in flag.reason


def test_aliases_are_the_same_name(article):
    result = ground(
        "Ruiz said the U.S. county will fix its roads; Washington agreed.", analysis=article
    )
    assert flagged(result) == []


def test_quotes_must_be_the_articles_words(article):
    good = ground('Critics called the plan "too little, too late".', analysis=article)
    bad = ground('Critics called the plan "a waste of public money".', analysis=article)
    assert flagged(good) == []
    assert [f.kind for f in bad.flags if f.kind != "sentence"] == ["quote"]


def test_a_quote_must_keep_the_articles_word_order(article):
    # every word pair of the spliced quote is somewhere in the article, but not in a row
    spliced = ground('Critics called the plan "too late, too little".', analysis=article)
    assert [f.kind for f in spliced.flags if f.kind != "sentence"] == ["quote"]
    # spacing, case and punctuation aside; an ellipsis cuts a quote into parts
    for text in (
        "critics called the plan `` too little , too late '' .",
        'Critics called the plan "Too little ... late".',
    ):
        assert flagged(ground(text, analysis=article)) == [], text


def test_tokenized_apostrophes_open_no_quote():
    # a plural possessive ("the players ' union") and an elided decade ("the '90s") are
    # not quote marks; tokenized text opens a single quote with a backtick
    assert quotes("the players ' union met the owners ' lawyers on monday .") == []
    assert [q.text for q in quotes("a '90s sitcom ` the long summer of ninety ' aired .")] == [
        "the long summer of ninety"
    ]


ACTORS = (
    "Coach Ana Ruiz praised the squad after the match. Midfielder Tom Berg scored in the "
    "87th minute to win it. She thanked the fans for their support. The club captain, Dana "
    "Kim, was injured and Louis van Hal watched from the stand."
)


def actors(text: str) -> list[str]:
    return [f.text for f in ground(text, ACTORS).flags if f.kind == "actor"]


def test_a_name_before_what_the_article_says_of_another_is_a_wrong_actor():
    assert actors("Ana Ruiz scored in the 87th minute.") == ["Ana Ruiz"]
    assert actors("dana kim scored in the 87th minute .") == ["dana kim"]  # lowercase too
    flag = next(f for f in ground("Ruiz scored in the 87th minute.", ACTORS).flags)
    assert (flag.kind, flag.evidence) == (
        "actor",
        "Midfielder Tom Berg scored in the 87th minute to win it.",
    )
    assert "Tom Berg scored in" in flag.reason
    assert actors("He thanked the fans.") == ["He"]  # "she" in the article


def test_a_wrong_actor_lowers_the_score_but_is_no_unsupported_span():
    """Wrong-actor flags are shown and cost score, but the gate's count leaves them out:
    their precision is too low to fail a build on."""
    wrong = ground("Ana Ruiz scored in the 87th minute.", ACTORS)
    right = ground("Tom Berg scored in the 87th minute.", ACTORS)
    assert [f.kind for f in wrong.flags] == ["actor"]
    assert wrong.unsupported == wrong.unsupported_specifics == 0
    assert wrong.score < right.score


def test_the_same_name_in_another_form_is_no_wrong_actor():
    for text in (
        "Tom Berg scored in the 87th minute.",
        "Berg scored in the 87th minute.",
        "tom berg scored in the 87th minute .",
        "He scored in the 87th minute.",  # a name against a pronoun: cannot be told
        "The midfielder scored in the 87th minute.",  # no name before the words
        "Van Hal watched from the stand.",
        "Louis van Hal watched from the stand.",
        "Ruiz praised the squad.",
    ):
        assert actors(text) == [], text


def test_lowercased_tokenized_text_is_read(article):
    text = "mayor ruiz said the council approved $ 4.2 million on tuesday . `` too little ''"
    result = ground(text, analysis=article)
    assert flagged(result) == []
    assert "friday" in flagged(ground("the vote was on friday .", analysis=article))


def test_an_off_topic_sentence_is_flagged_with_its_best_match(article):
    result = ground(
        "The council approved the budget. Penguins enjoy cold weather in Peru.", analysis=article
    )
    sent = [x for x in result.alignment if not x.supported]
    assert [x.text for x in sent] == ["Penguins enjoy cold weather in Peru."]
    assert result.alignment[0].supported and result.alignment[0].evidence in ARTICLE
    assert result.unsupported_sentences == 1


def test_score_orders_support(article):
    copy = ground(ARTICLE.split(". ")[0] + ".", analysis=article).score
    invented = ground(
        "The council approved $9 million for 80 bridges on Friday.", analysis=article
    ).score
    assert copy == 1.0
    assert 0.0 <= invented < copy


def test_article_text_or_analysis_gives_the_same(article):
    text = "The mayor said 80 bridges need repair."
    assert ground(text, ARTICLE) == ground(text, analysis=article)


def test_json_round_trip(article):
    result = ground(
        'Mayor Ruiz spent $9 million. "a waste of money" said critics.', analysis=article
    )
    data = json.loads(json.dumps(to_json(result)))
    assert from_json(data) == result
    assert set(data) == {
        "score",
        "specifics",
        "unsupported_specifics",
        "sentences",
        "unsupported_sentences",
        "flags",
        "alignment",
    }


def test_signature_names_every_setting():
    assert signature() == "grounding:v5/floor=0.08/pen=0.15/emb=none"
    assert "emb=abc*0.3" in signature(model_key="abc")


def test_embeddings_join_the_support_when_given(article):
    class Fake:
        name = "fake"

        def encode(self, texts):
            import numpy as np

            out = np.zeros((len(texts), 4), dtype=np.float32)
            out[:, 0] = 1.0
            return out

    emb = analyse_article(ARTICLE, Fake())
    result = ground("Penguins enjoy cold weather in Peru.", analysis=emb, encoder=Fake())
    assert result.alignment[0].embedding == pytest.approx(1.0)
    assert result.alignment[0].support > result.alignment[0].lexical


# ------------------------------------------------------------------ the demo


@pytest.fixture(scope="module")
def demo():
    return analyse_article((REPO / "references/hegseth-nato/article.txt").read_text("utf-8"))


def _candidate(name: str) -> str:
    return next((REPO / "candidates").glob(name + ".*")).read_text("utf-8")


def test_demo_hallucinated_numbers_are_flagged(demo):
    result = ground(_candidate("hallucinated-numbers"), analysis=demo)
    texts = flagged(result)
    for span in ("80", "$300 billion", "2020", "90 percent"):
        assert span in texts
    text = _candidate("hallucinated-numbers")
    for f in result.flags:
        assert text[f.span[0] : f.span[1]] == f.text


@pytest.mark.parametrize("name", DEMO_GOOD)
def test_demo_good_candidates_flag_nothing(demo, name):
    result = ground(_candidate(name), analysis=demo)
    assert result.flags == ()


# ------------------------------------------------------------------ labeled spans


def test_flag_precision_on_labeled_summeval_spans():
    """tests/data/grounding_spans.jsonl: 113 number/entity spans of SummEval dev summaries,
    labeled by hand before grounding ran. Of those grounding flags, at least 90% must be
    labeled unsupported; and it must never flag more than the labeled unsupported count
    plus one."""
    rows = {}
    for line in (REPO / "data/summeval/dev.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        rows[r["id"]] = r
    labels = [json.loads(x) for x in (REPO / "tests/data/grounding_spans.jsonl").open()]
    assert len(labels) >= 100
    results: dict = {}
    flagged_n = truly = 0
    for lab in labels:
        key = (lab["article"], lab["model"])
        if key not in results:
            row = rows[lab["article"]]
            summary = next(s["summary"] for s in row["summaries"] if s["model"] == lab["model"])
            results[key] = ground(summary, row["article"])
        hit = any(
            f.kind != "sentence" and f.span[0] < lab["end"] and lab["start"] < f.span[1]
            for f in results[key].flags
        )
        flagged_n += hit
        truly += hit and lab["label"] == "unsupported"
    assert flagged_n == 0 or truly / flagged_n >= 0.9


def test_flag_precision_on_dev_flags():
    """tests/data/grounding_flags_dev.jsonl: the 52 specifics an earlier version flagged on
    the 552 SummEval dev summaries, the 4 quotes the word-order rule added, the 9 wrong
    actors the actor check added, and the 19 broken sentences and 1 pronoun swap of v3,
    labeled by reading the articles (after the verdicts, so not blind; a broken-sentence
    flag is labeled "unsupported" when the sentence truly is cut off or stutters). Of
    today's number, date, name and quote flags that carry a label, at least 90% must be
    truly unsupported, and most wrong actors (5 of the 9 labeled: team nicknames are the
    false ones), and 90% of the broken sentences; most of the true ones must still be
    found; few new flags appear."""
    rows = {}
    for line in (REPO / "data/summeval/dev.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        rows[r["id"]] = r
    labels = {}
    for line in (REPO / "tests/data/grounding_flags_dev.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        labels[(d["article"], d["model"], d["start"], d["end"])] = d["label"]
    labeled = {"actor": 0, "specific": 0, "form": 0}
    truly = {"actor": 0, "specific": 0, "form": 0}
    groups = {"actor": "actor", "fragment": "form", "repeat": "form"}
    unlabeled = 0
    for doc_id, row in rows.items():
        analysis = analyse_article(row["article"])
        for s in row["summaries"]:
            for f in ground(s["summary"], analysis=analysis).flags:
                if f.kind == "sentence":
                    continue
                group = groups.get(f.kind, "specific")
                label = labels.get((doc_id, s["model"], f.span[0], f.span[1]))
                if label is None:
                    unlabeled += 1
                else:
                    labeled[group] += 1
                    truly[group] += label == "unsupported"
    true_total = sum(v == "unsupported" for v in labels.values())
    assert truly["specific"] / labeled["specific"] >= 0.9
    assert truly["actor"] / labeled["actor"] >= 0.5
    assert truly["form"] / labeled["form"] >= 0.9
    assert sum(truly.values()) >= true_total - 4
    assert unlabeled <= 5


def _flag_samples():
    sys.path.insert(0, str(REPO / "bench"))
    import flag_precision  # type: ignore[import-not-found]

    return flag_precision


def test_flag_precision_on_human_reference_summaries():
    """tests/data/grounding_flags_refs.jsonl: 234 specifics of the dev articles' human
    reference summaries (117 the first version flagged, 117 it did not), labeled by
    someone who saw no verdict: 19 of the 117 flags were truly unsupported (16 %). The
    reading rules of v3 were developed on it, so it is no longer blind: 18 of 36 (50 %)
    after them; 18 of 22 (81.8 %) after the counts written without the number and the
    larger slip on one word of a full name; 18 of the 21 unsupported found. v5's name
    rules (harness.grounding_people) take "Previous Chelsea" as an opening adjective and
    the article's "Chelsea": 17 of 21 (81.0 %), 17 of 21 found (the flag was true for
    another reason: the player never played for Chelsea). Floors: precision 76 %, recall
    80 %."""
    m = _flag_samples().refs_sample()
    assert m["true"] + m["false"] + m["missed"] > 0
    assert m["true"] / m["flagged"] >= 0.76
    assert m["true"] / (m["true"] + m["missed"]) >= 0.80


def test_number_flag_precision_on_xsumfaith():
    """tests/data/grounding_numbers_xsum.jsonl: all 451 number-like spans of 316 real
    system summaries of BBC articles (XSumFaith), labeled before grounding ran on them and
    never developed on: 141 of 157 flags truly unsupported on the first version, 137 of
    148 (92.6 %) on v3. Floor: 90 % (the issue's target), recall 35 %."""
    m = _flag_samples().xsum_sample()
    assert m["flagged"] >= 100
    assert m["true"] / m["flagged"] >= 0.90
    assert m["true"] / (m["true"] + m["missed"]) >= 0.35


def test_name_and_number_flag_precision_on_cliff():
    """tests/data/grounding_names_cliff.jsonl: every name and number span spaCy tags in 132
    real cased BART/PEGASUS summaries of BBC articles (CLIFF), labeled by two people before
    grounding ran on them. Blind, on v4: names 59 of 125 flags truly unsupported (47.2 %),
    recall 59 of 80; numbers 51 of 60 (85.0 %). Developed on since (v5: a name judged part
    by part, a person's fuller name for the surname the article uses, a club's full name,
    a count the article lists, a currency sign after letters): names 51 of 78 (65.4 %),
    recall 51 of 80; numbers 50 of 56 (89.3 %), recall 50 of 98. Floors: 3 points under
    these precisions, 5 under the recalls."""
    samples = _flag_samples()
    names, nums = samples.cliff_names(), samples.cliff_numbers()
    assert names["flagged"] >= 50 and nums["flagged"] >= 40
    assert names["true"] / names["flagged"] >= 0.624
    assert names["true"] / (names["true"] + names["missed"]) >= 0.587
    assert nums["true"] / nums["flagged"] >= 0.863
    assert nums["true"] / (nums["true"] + nums["missed"]) >= 0.46


def test_empty_candidate_and_article(article):
    empty = ground("", analysis=article)
    assert (empty.score, empty.flags, empty.alignment) == (1.0, (), ())
    nothing = ground("The mayor spoke.", "")
    assert 0.0 <= nothing.score <= 1.0
    with pytest.raises(ValueError, match="article"):
        ground("text")


def test_evidence_is_quoted_as_the_article_writes_it():
    article = "The mayor said \u201cfifty\u201d bridges need work. Nothing else happened."
    flag = ground("He said 80 bridges need work.", article).flags[0]
    assert flag.evidence == "The mayor said \u201cfifty\u201d bridges need work."
    assert article[flag.evidence_span[0] : flag.evidence_span[1]] == flag.evidence


def test_ground_many_embeds_each_sentence_once(article):
    class Counting:
        name = "counting"

        def __init__(self):
            self.calls = 0

        def encode(self, texts):
            import numpy as np

            self.calls += 1
            out = np.zeros((len(texts), 4), dtype=np.float32)
            out[:, 1] = 1.0
            return out

    enc = Counting()
    emb = analyse_article(ARTICLE, enc)
    texts = ["The mayor spoke. Bridges need repair.", "Bridges need repair.", "Roads."]
    many = ground_many(texts, emb, encoder=enc)
    assert enc.calls == 2  # the article once, every candidate sentence in one batch
    assert many == [ground(t, analysis=emb, encoder=enc) for t in texts]

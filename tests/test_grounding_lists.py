"""Numbers an article writes without the digits (harness.grounding_counts.name_lists,
harness.grounding_implied.counts_listed): N things named in a list after their noun; and
a currency sign glued to letters ("US$", a mis-decoded "Â£") still opens a number. Each
rule on sentences written for it."""

from __future__ import annotations

import pytest

from harness.grounding import ground
from harness.grounding_counts import name_lists
from harness.grounding_explain import explain_grounding
from harness.grounding_spans import numbers


def number_flags(candidate: str, article: str) -> list[str]:
    flags = ground(candidate, article).flags
    return [f.text for f in flags if f.kind in ("number", "date")]


ARTICLE = (
    "The retired ferries MV Ada, MV Bea, MV Cora and MV Dot are laid up in the harbour. "
    "The port authority wants them gone by spring."
)


def test_name_lists_count_the_names_after_their_noun():
    end = ARTICLE.index(" are laid up")
    assert name_lists(ARTICLE) == [(12, end, 4, "ferries")]
    assert [n for *_, n, _ in name_lists("Her sisters: Ada, Bea, and Cy came.")] == [3]
    assert name_lists("Goals from Smith and Jones won it.") == []  # "from" is no plural noun


@pytest.mark.parametrize(
    "summary",
    ["Four ferries are laid up in the harbour.", "Four old MV ferries are laid up in the harbour."],
)
def test_a_count_the_article_lists_is_supported(summary):
    assert number_flags(summary, ARTICLE) == []


@pytest.mark.parametrize(
    "summary",
    [
        "Five ferries are laid up in the harbour.",  # the list holds four
        "Four tugs are laid up in the harbour.",  # four of another thing
        "More than four ferries are laid up in the harbour.",  # a bound is no count
    ],
)
def test_another_count_stays_flagged(summary):
    assert number_flags(summary, ARTICLE) != []


def test_explain_names_the_list():
    out = explain_grounding("Four ferries are laid up in the harbour.", ARTICLE)
    (verdict,) = [s for s in out.specifics if s.kind == "number"]
    assert verdict.supported and "in a list" in verdict.reason


@pytest.mark.parametrize(
    "text,found",
    [
        ("Aid reached US$300 billion.", [("$300 billion", 3e11)]),
        ("a \u00c2\u00a31bn scheme", [("\u00a31bn", 1e9)]),
        ("The A380 flew.", []),  # digits inside a word are still no number
    ],
)
def test_a_currency_sign_after_letters_opens_a_number(text, found):
    assert [(x.text, x.value) for x in numbers(text)] == found


def test_a_sum_behind_a_mis_decoded_pound_sign_is_the_articles():
    article = "Plans for a \u00c2\u00a31bn scheme were shown on Monday."
    assert number_flags("A \u00a31bn scheme was shown on Monday.", article) == []

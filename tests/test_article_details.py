"""A replaced name the article itself writes (harness.source_names.article_details), on a
made-up transfer: the automatic replaced-name rule (harness.detail_rules) reads "moved to
Elm Park" as a wrong club for *moved to Rovers*, unless the document's article writes that
very "preposition + name" in a sentence that also holds every slot filler of the summary's
statement ("Okafor moved to Elm Park on a season-long loan"): the summary then says what
the article says, in the article's words."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

from harness.source_names import article_details, with_article_names

FACTS = """
[[fact]]
id = "loan-move"
statement = "Okafor moved to Rovers on a season-long loan last summer."

[fact.slots]
who = ["Okafor"]
move = ["moved", "joined"]
loan = ["season-long loan", "loan"]
"""

ARTICLE = (
    "Okafor moved to Elm Park on a season-long loan last summer. Rovers have played at "
    "Elm Park since 1921. Fans walked to Castle Road after the game."
)


@pytest.fixture(scope="module")
def facts():
    return with_article_names(parsed_facts(FACTS), ARTICLE)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the article's own words: no replaced name
        ("okafor moved to elm park on a season-long loan last summer .", "present"),
        ("Okafor moved to Elm Park on a season-long loan last summer.", "present"),
        # a name the article never writes there is still a wrong club
        ("Okafor moved to Albion on a season-long loan last summer.", "contradicted"),
        # ... and so is one the article writes only in a sentence about something else
        ("Okafor moved to Castle Road on a season-long loan last summer.", "contradicted"),
        ("Okafor moved to Rovers on a season-long loan last summer.", "present"),
    ],
)
def test_a_name_the_article_writes_there_is_not_replaced(facts, text: str, verdict: str) -> None:
    assert verdict_of(facts, text, "loan-move") == verdict, text


def test_without_the_article_the_name_is_replaced() -> None:
    bare = parsed_facts(FACTS)
    text = "Okafor moved to Elm Park on a season-long loan last summer."
    assert verdict_of(bare, text, "loan-move") == "contradicted"


def test_article_details_keep_each_phrase_with_its_sentence() -> None:
    details = dict(article_details(ARTICLE))
    assert "to elm park" in details and "okaf" in details["to elm park"]
    assert "to castle road" in details and "okaf" not in details["to castle road"]

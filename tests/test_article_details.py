"""A replaced name the article itself writes (harness.source_names.article_details), on a
made-up transfer: the automatic replaced-name rule (harness.detail_rules) reads "moved to
Elm Park" as a wrong club for *moved to Rovers*, unless the document's article writes that
very "preposition + name" in a sentence that also holds every slot filler of the summary's
statement ("Okafor moved to Elm Park on a season-long loan"): the summary then says what
the article says, in the article's words. And the article's names read a caseless sentence
whose parse found no verb (harness.syntax.article_names), on a made-up match."""

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


MATCH_FACTS = """
[[fact]]
id = "rovers-won"
statement = "Elm Rovers beat Castle United 3-1 at Kingsmead on Saturday."

[fact.slots]
act = ["beat", "defeated"]
loser = ["Castle United"]
"""

MATCH_ARTICLE = (
    "Elm Rovers beat Castle United 3-1 at Kingsmead on Saturday. Castle United had won "
    "their previous four games."
)


def test_a_verbless_caseless_parse_is_read_with_the_articles_names() -> None:
    # the small parser reads "castle united beat elm rovers" as one long name; cased with
    # the article's names it finds the verb, and Castle United as its subject
    facts = with_article_names(parsed_facts(MATCH_FACTS), MATCH_ARTICLE)
    swapped = "castle united beat elm rovers 3-1 at kingsmead on saturday ."
    assert verdict_of(facts, swapped, "rovers-won") == "contradicted"
    right = "elm rovers beat castle united 3-1 at kingsmead on saturday ."
    assert verdict_of(facts, right, "rovers-won") == "present"
    # without the article, the parse stays as it was read
    assert verdict_of(parsed_facts(MATCH_FACTS), swapped, "rovers-won") == "present"

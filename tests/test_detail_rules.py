"""A name of the fact's statement replaced by another after the same preposition
contradicts the fact (harness.detail_rules), on made-up sentences."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness.detail_rules import same_name, statement_details, wrong_detail
from harness.matcher import check_facts
from harness.source_names import article_names, recased, with_article_names

LEASE = """
[aliases]
council = ["city council", "council", "City Hall"]

[[fact]]
id = "lease"
statement = "Rovers took over the lease of the ground from the City Council."
context = ["ground", "lease"]
slots = { holder = ["Rovers"], act = ["took over", "taking over", "take over"], what = ["lease"] }

[[fact]]
id = "played"
statement = "Okafor played 90 minutes for Rovers against Albion."
slots = { who = ["Okafor"], mins = ["90 minutes"] }
"""


def test_statement_details_are_the_named_parties_of_its_verb():
    details = statement_details("Okafor played 90 minutes for Rovers against Albion.")
    assert [(d.preposition, d.name, d.verb) for d in details] == [
        ("for", "Rovers", "played"),
        ("against", "Albion", "played"),
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("U.S.", "United States", True),
        ("Manchester City", "City", True),
        ("Germany", "U.S.", False),
        # one group of the place gazetteer: a country and its capital
        ("Moscow", "Russia", True),
        ("Moscow", "Kyiv", False),
    ],
)
def test_same_name(a, b, same):
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        ("Rovers took over the lease of the ground from Albion.", "lease", "contradicted"),
        ("Rovers took over the lease of the ground from the council.", "lease", "present"),
        (
            "Rovers took over the lease of the ground from City Hall.",
            "lease",
            "present",
        ),  # one list
        ("Okafor played 90 minutes for Rovers against Town.", "played", "contradicted"),
        ("Okafor played 90 minutes for Rovers against Albion.", "played", "present"),
        # another verb's preposition, or the statement's name in the sentence: no swap
        ("Okafor played 90 minutes, and Rovers were relegated to League Two.", "played", "present"),
        (
            "Okafor played 90 minutes for Rovers, who lost against Albion in Town.",
            "played",
            "present",
        ),
        # a text without capitals cannot tell a name from a word, unless the article can
        ("rovers took over the lease of the ground from albion .", "lease", "present"),
    ],
)
def test_a_replaced_name_contradicts(text, fact, verdict):
    assert check_facts(text, made_up_facts(LEASE)).get(fact).verdict == verdict


# the article the summaries were made from: its names keep their capitals
ARTICLE = (
    "Rovers took over the lease of the ground from the City Council on Friday. The "
    "council had refused an offer from Albion's owners in May. Okafor played 90 minutes "
    "for Rovers against Albion. Town were reading the terms."
)


def test_article_names_are_the_words_it_writes_only_with_a_capital():
    names = article_names(ARTICLE)
    assert {"albion", "city", "friday", "rovers"} <= names  # "Rovers": "for Rovers"
    assert "town" not in names  # only ever first in its sentence
    assert "council" not in names  # also written "the council"
    assert "the" not in names and "reading" not in names
    sentence = "okafor played for albion 's side against town ."
    assert recased(sentence, names) == "okafor played for Albion 's side against town ."


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a name the article writes with a capital is a name in a lowercase summary
        ("rovers took over the lease of the ground from albion .", "lease", "contradicted"),
        ("rovers took over the lease of the ground from the council .", "lease", "present"),
        ("okafor played 90 minutes for rovers against albion .", "played", "present"),
        # a lowercase summary's bare proper noun, though the article never names it
        ("okafor played 90 minutes for rovers against tottenham .", "played", "contradicted"),
        # common nouns are no names
        ("okafor played 90 minutes for rovers against the wind .", "played", "present"),
        ("okafor played 90 minutes for rovers against them at home .", "played", "present"),
    ],
)
def test_a_lowercase_summary_gets_its_names_from_the_article(text, fact, verdict):
    facts = with_article_names(made_up_facts(LEASE), ARTICLE)
    assert check_facts(text, facts).get(fact).verdict == verdict


def test_wrong_detail_only_inside_the_span():
    statement = "Rovers took over the lease from the City Council."
    sentence = "Rovers took over the lease, and Albion took a loan from Town."
    assert wrong_detail(statement, sentence, 0, sentence.index(",")) is None

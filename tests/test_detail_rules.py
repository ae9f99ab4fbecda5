"""A name of the fact's statement replaced by another after the same preposition
contradicts the fact (harness.detail_rules), on made-up sentences."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness.detail_rules import same_name, statement_details, wrong_detail
from harness.matcher import check_facts

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
        # a text without capitals cannot tell a name from a word
        ("rovers took over the lease of the ground from albion .", "lease", "present"),
    ],
)
def test_a_replaced_name_contradicts(text, fact, verdict):
    assert check_facts(text, made_up_facts(LEASE)).get(fact).verdict == verdict


def test_wrong_detail_only_inside_the_span():
    statement = "Rovers took over the lease from the City Council."
    sentence = "Rovers took over the lease, and Albion took a loan from Town."
    assert wrong_detail(statement, sentence, 0, sentence.index(",")) is None

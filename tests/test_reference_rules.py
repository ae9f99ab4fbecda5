# ruff: noqa: E501  (test sentences are kept on one line each)
"""Words that refer back, on sentences written for them about a made-up baker and a
made-up football club: a sentence that opens with a pronoun or with a description made of
the claim's own words ("The Danish baker ...", or "danish baker ..." as captions write it)
takes its topic from the nearest earlier sentence that names one, past the fact's
`window`; "her side" is whoever "her" refers to, no other actor."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "danish-baker"
statement = "Ruiz is a Danish baker."
context = ["Ruiz"]
exclude = ["sister"]

[fact.slots]
kind = ["Danish baker", "baker from Denmark"]

[[fact]]
id = "catch-albion"
statement = "Ruiz thinks Rovers could catch Albion."

[fact.slots]
act = ["catch", "overtake"]
target = ["Albion"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the context two sentences back, the sentence between naming nothing
        (
            "Ana Ruiz opened a cafe in Lyon. The cafe sells rye bread. The Danish baker has won two prizes.",
            "present",
        ),
        (
            "ana ruiz opened a cafe in lyon . the cafe sells rye bread . danish baker has won two prizes .",
            "present",
        ),
        # no topic anywhere before it
        ("The cafe sells rye bread. The Danish baker has won two prizes.", "absent"),
        # the nearest earlier topic is the exclude word's: that is who the baker is
        (
            "Ana Ruiz opened a cafe. Her sister Eva moved to Lyon in May. The cafe sells rye bread. The Danish baker has won two prizes.",
            "absent",
        ),
        # a sentence that does not refer back keeps the window
        (
            "Ana Ruiz opened a cafe in Lyon. The cafe sells rye bread. Last year a Danish baker won two prizes.",
            "absent",
        ),
    ],
)
def test_a_description_opening_the_sentence_refers_back(facts, text, verdict):
    assert check_facts(text, facts).get("danish-baker").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Rovers captain Ana Ruiz believes her side could catch Albion.", "present"),
        ("rovers captain ana ruiz believes his side could catch albion in the league .", "present"),
        # a named other club is another actor
        ("Rovers captain Ana Ruiz believes Town could catch Albion.", "absent"),
    ],
)
def test_a_possessed_common_noun_is_no_other_actor(facts, text, verdict):
    assert check_facts(text, facts).get("catch-albion").verdict == verdict

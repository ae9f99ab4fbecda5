"""A noun's own preposition before a name in the fact's statement ("a qualifier with
Belgium") is a detail like a verb's: the same noun with the same preposition before
another name contradicts it; on sentences written for them about made-up clubs."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "sell-out"
statement = "Rovers' cup tie with Albion has been declared a sell-out."

[fact.slots]
game = ["cup tie", "tie"]
what = ["sell-out"]
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Rovers' cup tie with Wanderers has been declared a sell-out.", "contradicted"),
        ("Rovers' cup tie with Albion has been declared a sell-out.", "present"),
        ("Rovers' cup tie has been declared a sell-out, with Wanderers next.", "present"),
    ],
)
def test_a_nouns_detail(facts, text, verdict):
    assert check_facts(text, facts).get("sell-out").verdict == verdict

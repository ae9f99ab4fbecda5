"""A fact that is itself a plan ("is set to sign") is stated by its expectation ("is
expected to sign", "is poised to sign"), which still hedges a fact that something was
done; on sentences written for them about a made-up captain."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "set-to-sign"
statement = "Rovers captain Tom Bell is set to sign a new contract."

[fact.slots]
who = ["Bell"]
deal = ["new contract", "new deal"]

[[fact]]
id = "signed"
statement = "Rovers captain Tom Bell signed a new contract."

[fact.slots]
who = ["Bell"]
deal = ["new contract", "new deal"]
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        ("bell is expected to sign a new contract this week .", "set-to-sign", "present"),
        ("bell is poised to sign a new contract this week .", "set-to-sign", "present"),
        ("bell is expected to sign a new contract this week .", "signed", "absent"),
    ],
)
def test_a_plan_is_stated_by_its_expectation(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict

# ruff: noqa: E501  (test sentences are kept on one line each)
"""General rules of English found on the thirteenth writer's set (facts_summeval_m), each on
sentences written for it about a made-up town: a library service, a bakery chain, a
rowing race, a choir. A plan's aim states a fact that is itself a plan."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness import syntax
from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "nine-towns"
statement = "Book delivery will be offered in nine towns."
context = ["library", "book*"]
slots = { count = ["nine"], place = ["towns"] }

[[fact]]
id = "nine-towns-now"
statement = "The library delivers books in nine towns."
context = ["library", "book*"]
slots = { count = ["nine"], place = ["towns"] }
"""


@pytest.fixture(scope="module")
def facts():
    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # the aim of a plain future states a fact that is itself a plan
        (
            "The library will team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "present",
        ),
        (
            "The library will work with a courier firm to deliver books in nine towns.",
            "nine-towns",
            "present",
        ),
        # an obligation's or a possibility's aim still states nothing
        (
            "The library will have to team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "absent",
        ),
        (
            "The library could team up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns",
            "absent",
        ),
        # nor does a plain future's aim state a fact that is no plan
        (
            "The library will work with a courier firm to deliver books in nine towns.",
            "nine-towns-now",
            "absent",
        ),
        # after a verb that happened the aim is the outcome
        (
            "The library teamed up with a courier firm to begin offering book delivery in nine towns.",
            "nine-towns-now",
            "present",
        ),
    ],
)
def test_a_plans_aim_states_a_planned_fact(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict

# ruff: noqa: E501  (test sentences are kept on one line each)
"""Whose verb a slot's actor is, when the parse leaves the subject to be found, on
sentences written for them about a made-up club, a made-up keeper and a made-up keeper of
lizards:

- a verb coordinated with a clause of "be" shares that clause's subject ("rovers are
  three points behind town and look set to miss out on promotion": rovers look set);
- a noun right before a coordinated finite verb that the parse left without a subject
  is its subject, though the parse hung it on the clause before ("pjanic scored in the
  25th minute and goalkeeper morgan brill did the rest");
- "He"/"She" opening a sentence stands for the name that opens the sentence before even
  when that sentence holds a pronoun of the other gender, if that pronoun sits in a clause
  with a subject of its own ("Tom Vale was arrested after a woman found a camera in her
  garage": her garage is the woman's); not when it may be the name's own ("Ana Ruiz
  praised her assistant. He named the squad");
- in a text written without capitals, the slot's words that open the sentence before
  are read as the name they are ("pierre lemaux plays with his lizard every day", where the
  small parser reads "lemaux" as a common noun)."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

FACTS = """
[[fact]]
id = "miss-promotion"
statement = "Rovers look set to miss out on promotion."

[fact.slots]
team = ["rovers"]
act = ["miss out on", "miss"]
what = ["promotion"]

[[fact]]
id = "brill-saves"
statement = "Goalkeeper Sam Brill kept Town out with save after save."

[fact.slots]
who = ["Brill", "Sam Brill"]
act = ["did the rest", "saving", "saved"]

[[fact]]
id = "vale-filmed"
statement = "Tom Vale allegedly filmed his visitors."

[fact.slots]
who = ["Vale", "Tom Vale"]
act = ["filmed", "filming"]
what = ["visitors"]

[[fact]]
id = "ruiz-named"
statement = "Ana Ruiz named the squad."

[fact.slots]
who = ["Ruiz", "Ana Ruiz"]
act = ["named"]
what = ["squad"]

[[fact]]
id = "lemaux-strokes"
statement = "Pierre Lemaux strokes the lizard."

[fact.slots]
who = ["Lemaux", "Pierre Lemaux"]
act = ["strokes", "stroked"]
what = ["lizard"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a verb coordinated with a clause of "be" shares its subject
        (
            "rovers are three points behind fourth placed town with a game in hand and look set to miss out on promotion for next season .",
            "miss-promotion",
            "present",
        ),
        (
            "Rovers are three points behind fourth-placed Town with a game in hand and look set to miss out on promotion for next season.",
            "miss-promotion",
            "present",
        ),
        # a noun right before a coordinated finite verb is its subject
        (
            "miralem pjanic finished off a swift counter-attack for rovers in the 25th minute and goalkeeper morgan brill did the rest - saving shot after shot by town in the second half .",
            "brill-saves",
            "present",
        ),
        # ... or read as an adverbial clause
        (
            "lars vik finished off a swift counter-attack for rovers in the 25th minute and goalkeeper morgan de brill did the rest - saving shot after shot by town in the second half .",
            "brill-saves",
            "present",
        ),
        # ... not one with a subject of its own in between
        (
            "lars vik finished off a swift counter-attack for rovers in the 25th minute and keeper ian cole did the rest .",
            "brill-saves",
            "absent",
        ),
        # another subject's "her" tells nothing of the name before "He"
        (
            "Tom Vale was arrested after a woman found a camera in her garage. He allegedly filmed his visitors over two years.",
            "vale-filmed",
            "present",
        ),
        ("Ana Ruiz praised her assistant. He named the squad.", "ruiz-named", "absent"),
        # a text written without capitals: the opening name read as one
        (
            "pierre lemaux plays with his pet lizard every day . he places his hand in the tank and strokes the lizard .",
            "lemaux-strokes",
            "present",
        ),
        (
            "a judge orders pierre lemaux to pay a fine . he strokes the lizard .",
            "lemaux-strokes",
            "absent",
        ),
        (
            "pierre lemaux plays with his pet lizard every day . his son places a hand in the tank . he strokes the lizard .",
            "lemaux-strokes",
            "absent",
        ),
    ],
)
def test_whose_verb_the_actor_is(facts, text, fact, verdict):
    assert verdict_of(facts, text, fact) == verdict

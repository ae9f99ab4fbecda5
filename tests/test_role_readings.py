# ruff: noqa: E501  (test sentences are kept on one line each)
"""Who does what, read from the parse, on sentences written for them about made-up clubs,
a made-up zoo, a made-up union and a made-up fair:

- the statement's doer as the object of the act phrase's own preposition ("a victory over
  Rovers") is the one the act is done to: the roles are swapped;
- an age written with the statement's bearer noun ("the six-year-old girl") anywhere in the
  claim's sentence is the age of the fact's own bearer;
- for a fact that is someone's saying, a declared contradiction whose first slot is the
  subject of a verb of saying or holding a view ("the company believed ...") is made;
- the subject of a statement's "be" ("Rovers are fourth") must be the subject of the
  summary's "be" that joins the slots (another slot there swaps the roles), and a verb slot of the summary's ("backed Bell")
  takes no role from that "be";
- "no longer" denies what its verb says, unless it contrasts a noun phrase ("the council,
  no longer the club, runs it");
- a clause after a colon that the parse hangs on the noun before it is asserted on its own;
- a name the parse glues to the actor as its apposition, right before the verb slot, is
  that verb's subject."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "rovers-won"
statement = "Rovers beat Albion 2-1 at home."

[fact.slots]
winner = ["Rovers"]
act = ["beat", "victory over", "win over"]
loser = ["Albion"]

[[fact]]
id = "girl-fell"
statement = "A three-year-old girl fell into the bear enclosure at Millbrook Zoo."
context = ["bear", "enclosure", "zoo"]

[fact.slots]
who = ["girl", "child", "toddler"]
act = ["fell", "slipped", "tumbled"]
place = ["enclosure"]

[[fact]]
id = "offer-unfair"
statement = "The union said the company's offer was unfair and insulting."
stated_as = ["unfair and insulting"]

[fact.slots]
judged = ["unfair", "insulting"]

[[fact.contradiction]]
slots = { who = ["company", "management"], about = ["union"], judged = ["unfair", "insulting"] }

[[fact]]
id = "rovers-fourth"
statement = "Rovers are fourth in the league."

[fact.slots]
who = ["Rovers"]
place = ["fourth", "fourth place"]

[[fact.contradiction]]
slots = { who = ["Rovers"], place = ["third", "fifth"] }

[[fact.contradiction]]
slots = { who = ["Albion", "United"], place = ["fourth", "fourth place"] }

[[fact]]
id = "rovers-behind"
statement = "Rovers are seven points behind Albion."

[fact.slots]
team = ["Rovers"]
gap = ["seven points"]
rival = ["Albion"]

[[fact]]
id = "backs-bell"
statement = "Ana Ruiz believes Tom Bell is still the right man to lead the club."

[fact.slots]
whom = ["Bell"]
act = ["right man", "backed", "backs"]

[[fact.contradiction]]
slots = { whom = ["Bell"], act = ["wrong man", "should be sacked"] }

[[fact]]
id = "champions"
statement = "Rovers are the defending champions."

[fact.slots]
team = ["Rovers"]
status = ["defending champions"]

[[fact]]
id = "council-runs"
statement = "The council took over the running of the fair from the club."
context = ["fair"]

[fact.slots]
who = ["council"]
act = ["runs", "took over", "taken over"]
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        (
            "albion ended their four-month winless run with a victory over rovers on saturday .",
            "rovers-won",
            "contradicted",
        ),
        (
            "rovers ended their four-month winless run with a victory over albion on saturday .",
            "rovers-won",
            "present",
        ),
        (
            "the mother was holding the six-year-old girl and a baby when the child slipped and fell into the bear enclosure at the zoo .",
            "girl-fell",
            "contradicted",
        ),
        (
            "the mother was holding the three-year-old girl and a baby when the child slipped and fell into the bear enclosure at the zoo .",
            "girl-fell",
            "present",
        ),
        (
            'talks broke down on monday . the company believed the union\'s demands were "unfair and insulting"',
            "offer-unfair",
            "contradicted",
        ),
        (
            'talks broke down on monday . the union believed the company\'s offer was "unfair and insulting"',
            "offer-unfair",
            "present",
        ),
        (
            "albion are in fourth place and will be just four points ahead of rovers .",
            "rovers-fourth",
            "contradicted",
        ),
        (
            "rovers are in fourth place and will be just four points ahead of albion .",
            "rovers-fourth",
            "present",
        ),
        ("albion are seven points behind fourth placed rovers .", "rovers-behind", "contradicted"),
        ("rovers are seven points behind fourth placed albion .", "rovers-behind", "present"),
        (
            "bell's future has been questioned after a poor season , but the former captain backed the manager bell .",
            "backs-bell",
            "present",
        ),
        ("rovers are no longer the defending champions .", "champions", "contradicted"),
        ("rovers are still the defending champions .", "champions", "present"),
        (
            "the council , no longer the club , now runs the fair .",
            "council-runs",
            "present",
        ),
        (
            "no one at the meeting could miss that the club no longer ran the fair : the council had taken over .",
            "council-runs",
            "present",
        ),
        (
            "Having handed the lease of the showground to the Council, the Club no longer runs the fair it founded in 1990.",
            "council-runs",
            "absent",
        ),
    ],
)
def test_who_does_what(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict

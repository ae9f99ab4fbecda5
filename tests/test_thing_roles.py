# ruff: noqa: E501  (test sentences are kept on one line each)
"""Who does what to a thing, read from the parse, on sentences written for them about a
made-up engineer, a made-up film studio and a made-up bridge:

- a verb the statement itself gives a subject of its own ("working on a robot which sorts
  parcels": the robot sorts) keeps that subject in a summary: it names no other actor;
- a verb of a change of state (lexicon.ERGATIVE_VERBS) says the change happened to its
  object: "a lorry smashed the railing" states that the railing smashed;
- a declared contradiction whose first slot is the stated thing and whose other slot
  names its owner or maker ("Ashfield Studios' film", "the film, produced by Ashfield
  Studios") gives the thing another owner: it is asserted, not a misreading of an actor;
  an owner declared first ("the chair held by Rovers") keeps the actor's place check;
- a possessive between the actor and the thing ("lena ortiz's daughter's series") makes
  that noun the owner: another actor;
- when the statement's subject is a name no slot holds ("Kestrel will work with ..."),
  another proper name as the subject of the same verb ("Ashfield Studios will work with
  ...") is another actor, and so is another name coordinated with that subject ("Rovers
  and Town will meet" for *Rovers and Albion will meet*); a description ("the studio",
  "their fans") may be the same one;
- the object of "with" on a verb whose sides may trade places (lexicon.SYMMETRIC_VERBS:
  "Ashby will share the chair ... with Millbrook") does it too: a contradiction naming it
  is no misplaced actor;
- a contradiction's slot that is the whole description before a person's name ("rovers
  boss julen ortega ripped ...") names that person by their role, unlike a slot that only
  modifies the description ("the rovers kit man julen ortega")."""

from __future__ import annotations

import pytest
from conftest import parsed_facts, verdict_of

from harness import syntax

FACTS = """
[[fact]]
id = "robot-sorts"
statement = "Dr Lena Ortiz is working on a robot which sorts parcels by weight."

[fact.slots]
who = ["Ortiz", "Lena Ortiz"]
what = ["sorts parcels", "sort parcels", "sorting parcels"]

[[fact]]
id = "railing-gave-way"
statement = "The railing of the bridge gave way and fell into the river."

[fact.slots]
what = ["railing"]
act = ["gave way", "smashed", "broke", "broken", "collapsed"]

[[fact]]
id = "calves-fat"
statement = "Calves fed the new grain are more likely to be fat by spring."

[fact.slots]
who = ["calves"]
outcome = ["fat", "fattening", "fattened"]

[[fact]]
id = "calves-grain"
statement = "Calves given the new grain in their first months are more likely to be fat by spring."

[fact.slots]
drug = ["grain"]
outcome = ["fat", "fattening", "fattened"]
who = ["calves"]

[[fact]]
id = "film-by-kestrel"
statement = "A short film made by Kestrel Pictures shows the bridge being built."

[fact.slots]
what = ["short film", "film"]
detail = ["bridge being built", "building of the bridge"]

[[fact.contradiction]]
slots = { what = ["film"], maker = ["Ashfield Studios", "Northgate Media"] }

[[fact]]
id = "ortiz-series"
statement = "Lena Ortiz took a series of photographs of the bridge."

[fact.slots]
who = ["Ortiz", "Lena Ortiz"]
what = ["series"]

[[fact]]
id = "kestrel-films"
statement = "Kestrel will work with the city to film the bridge."

[fact.slots]
partner = ["city"]
act = ["film the bridge", "filming the bridge"]

[[fact]]
id = "meet-at-park"
statement = "Rovers and Albion will meet at Elm Park on June 12."

[fact.slots]
venue = ["Elm Park"]
when = ["June 12"]

[[fact]]
id = "ashby-chair"
statement = "Ashby took over the chair of the river board from Millbrook."

[fact.slots]
holder = ["Ashby"]
role = ["chair"]

[[fact.contradiction]]
slots = { holder = ["Millbrook"], role = ["chair", "shared"] }

[[fact]]
id = "reyes-tore-jacket"
statement = "Tom Reyes tore his jacket during the match."

[fact.slots]
who = ["Reyes", "Tom Reyes"]
act = ["tore", "ripped"]

[[fact.contradiction]]
slots = { who = ["Rovers boss", "Rovers"], act = ["tore", "ripped"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # the statement's own relative clause: the robot sorts, in both
        (
            "dr lena ortiz , of the local university , is working on a robot which will sort parcels by weight .",
            "robot-sorts",
            "present",
        ),
        (
            "Lena Ortiz is building a robot that sorts parcels by weight.",
            "robot-sorts",
            "present",
        ),
        # ... and another person sorting them still names another actor
        (
            "Photos of Lena Ortiz show that her assistant sorts parcels by weight.",
            "robot-sorts",
            "absent",
        ),
        # the object of a verb of a change of state is what changed
        (
            "A lorry smashed the railing of the bridge and it fell into the river.",
            "railing-gave-way",
            "present",
        ),
        (
            "the driver was found to have broken the railing , police said .",
            "railing-gave-way",
            "present",
        ),
        ("the new grain is fattening the calves on the farm .", "calves-fat", "present"),
        # a word that is no noun ("the", a typo for "they") is no other actor to swap roles
        # with
        (
            "just as grain is used to make pigs put on weight , the may also be fattening our calves .",
            "calves-grain",
            "absent",
        ),
        # ... which a verb of another kind does not say
        (
            "A lorry hit the railing of the bridge.",
            "railing-gave-way",
            "absent",
        ),
        # another maker of the stated thing
        (
            "The short film, produced by Ashfield Studios, shows the bridge being built.",
            "film-by-kestrel",
            "contradicted",
        ),
        (
            "A short film showing the bridge being built is Ashfield Studios' film of the year.",
            "film-by-kestrel",
            "contradicted",
        ),
        (
            "The short film, produced by Kestrel Pictures, shows the bridge being built.",
            "film-by-kestrel",
            "present",
        ),
        # a possessive between the actor and the thing owns it
        (
            "lena ortiz's daughter's latest series of photographs shows the bridge .",
            "ortiz-series",
            "absent",
        ),
        ("lena ortiz's latest series of photographs shows the bridge .", "ortiz-series", "present"),
        # another proper name as the subject of the statement's verb, when the statement's
        # own subject is a name no slot holds: not the claim; a description may be the same
        ("Ashfield Studios will work with the city to film the bridge.", "kestrel-films", "absent"),
        ("The studio will work with the city to film the bridge.", "kestrel-films", "present"),
        ("Kestrel will work with the city to film the bridge.", "kestrel-films", "present"),
        # ... and so is another name coordinated with the statement's own subject
        ("Rovers and Town will meet at Elm Park on June 12.", "meet-at-park", "absent"),
        ("Rovers and Albion will meet at Elm Park on June 12.", "meet-at-park", "present"),
        ("Rovers and their fans will meet at Elm Park on June 12.", "meet-at-park", "present"),
        # the object of "with" on a verb whose sides may trade places does it too
        (
            "ashby will share the chair of the river board with millbrook .",
            "ashby-chair",
            "contradicted",
        ),
        (
            "Ashby will share the chair of the river board with Millbrook.",
            "ashby-chair",
            "contradicted",
        ),
        (
            "Ashby took over the chair of the river board after meeting with Millbrook.",
            "ashby-chair",
            "present",
        ),
        # the whole description before a name is that person; a modifier of it is not
        (
            "rovers boss julen ortega ripped a hole in his jacket .",
            "reyes-tore-jacket",
            "contradicted",
        ),
        (
            "Rovers boss Julen Ortega ripped a hole in his jacket.",
            "reyes-tore-jacket",
            "contradicted",
        ),
        (
            "the rovers kit man julen ortega ripped a hole in his jacket .",
            "reyes-tore-jacket",
            "absent",
        ),
    ],
)
def test_thing_roles(facts, text: str, fact: str, verdict: str) -> None:
    assert verdict_of(facts, text, fact) == verdict, text


def test_own_subject_of_the_statement() -> None:
    statement = "Dr Lena Ortiz is working on a robot which sorts parcels by weight."
    actor = (statement.index("Ortiz"), statement.index("Ortiz") + 5)
    verb = (statement.index("sorts"), statement.index("sorts") + len("sorts parcels"))
    assert syntax.verb_has_own_subject(statement, verb, [actor])
    plain = "Dr Lena Ortiz sorts parcels by weight."
    verb = (plain.index("sorts"), plain.index("sorts") + len("sorts parcels"))
    assert not syntax.verb_has_own_subject(
        plain, verb, [(plain.index("Ortiz"), plain.index("Ortiz") + 5)]
    )

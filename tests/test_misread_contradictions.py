# ruff: noqa: E501  (test sentences are kept on one line each)
"""Declared contradictions the parse shows are misread, on sentences written for them about
a made-up video and a made-up club: two noun slots that are the subjects of two different
verbs make no claim together (no verb slot joins them); a contradiction that shares a word
of a slot with a statement of the fact in the same sentence ("derby" of "county derby") and
fills another slot much further away is a misreading of that sentence; a contradiction's
first slot that only owns the object of a preposition ("in the diver's hand") is no one's
subject; a number slot that quantifies a noun no slot holds ("a £42 million profit"),
while another slot is a noun, is that noun's figure, not the claim's; and a share ("a
fifth") with an "of" phrase no slot holds ("a fifth of year 2 pupils") is that group's."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "happy-days"
statement = "The video is set to the theme from Happy Days."
context = ["video", "clip", "theme"]

[fact.slots]
what = ["video", "clip", "theme"]
show = ["Happy Days"]

[[fact.contradiction]]
slots = { what = ["video", "clip", "theme"], show = ["Cheers", "Friends", "Frasier"] }

[[fact]]
id = "derby-loss"
statement = "Rovers lost the county derby."
context = ["derby"]

[fact.slots]
act = ["lost", "defeat", "beaten"]
what = ["county derby", "derby"]

[[fact.contradiction]]
slots = { act = ["won", "beat", "victory"], what = ["county derby", "derby"] }

[[fact]]
id = "bonuses"
statement = "Staff at the agency received bonuses of up to £3,500."

[fact.slots]
who = ["staff"]
what = ["bonuses"]
amount = ["3,500"]

[[fact.contradiction]]
slots = { who = ["staff"], what = ["bonuses"], amount = ["42 million"] }

[[fact]]
id = "fish-still"
statement = "The fish stays very still in the diver's hand."

[fact.slots]
who = ["fish"]
act = ["stays still", "stays very still"]

[[fact.contradiction]]
slots = { who = ["diver"], act = ["relaxing", "relaxes"] }

[[fact]]
id = "third-walk"
statement = "A third of Year 6 pupils in Millbrook walk to school."

[fact.slots]
share = ["a third", "third"]
who = ["year 6 pupils"]

[[fact.contradiction]]
slots = { share = ["a fifth", "half"], who = ["year 6 pupils"] }
"""


@pytest.fixture(scope="module")
def facts():
    return parsed_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        (
            "the pair announced the news in a video set to the theme from happy days . in the parody video , ana raps , ` when our family and friends would take longer than the two months ' the clip was viewed over two million times on youtube .",
            "happy-days",
            "present",
        ),
        # one subject: the contradiction is made
        ("the clip was set to the theme from friends .", "happy-days", "contradicted"),
        (
            "rovers are in fourth place and will be just four points ahead of main rivals albion after defeat in the county derby and if tom bellamy's side beat wanderers united on monday .",
            "derby-loss",
            "present",
        ),
        ("rovers beat albion in the county derby on monday .", "derby-loss", "contradicted"),
        # the contradiction's figure is another noun's (the profit), not the bonuses'
        (
            "staff at the agency made a £42 million profit last year , received up to £3,500 in bonuses .",
            "bonuses",
            "present",
        ),
        ("staff at the agency received £42 million in bonuses .", "bonuses", "contradicted"),
        # the contradiction's actor only owns the object of a preposition: no one's subject
        (
            "the fish starts relaxing in the diver 's hand and stays very still .",
            "fish-still",
            "present",
        ),
        ("the diver relaxes in the boat while the fish swims .", "fish-still", "contradicted"),
        # a share with an "of" phrase of its own is that group's share
        (
            "a third of year 6 pupils and more than a fifth of year 2 pupils in millbrook walk to school .",
            "third-walk",
            "present",
        ),
        ("a fifth of year 6 pupils in millbrook walk to school .", "third-walk", "contradicted"),
    ],
)
def test_misread_contradictions_are_set_aside(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict

"""Details of writing facts and labels that the README answers, checked on made-up
examples: figures are not found inside longer figures, a tokenized possessive matches a
phrasing written either way, `not_after` / `not_before` as the README shows them, and a
`present|absent` string in a JSONL label file."""

from __future__ import annotations

import json

import pytest
from conftest import made_up_facts

from harness.calibrate import load_labels
from harness.matcher import check_facts

FACTS = """
[[fact]]
id = "views"
statement = "The clip was viewed 7 million times."
slots = { count = ["7 million"], view = ["view*"] }

[[fact]]
id = "price"
statement = "The ticket cost 5 pounds."
slots = { n = ["5", "500,000"], what = ["cost"] }

[[fact]]
id = "side"
statement = "Rossi's side are fourth."
slots = { who = ["Rossi's side"], pos = ["fourth"] }

[[fact]]
id = "side-tokenized"
statement = "Rossi's side are fourth."
slots = { who = ["Rossi 's side"], pos = ["fourth"] }

[[fact]]
id = "lost"
statement = "City lost to United."
[fact.slots]
lost = ["lost", "beaten"]
opp = ["United"]
[fact.not_after]
opp = ["Leeds"]

[[fact]]
id = "views-decimal"
statement = "The clip was viewed 4.2 million times."
slots = { what = ["clip"], count = ["4.2 million"] }

[[fact]]
id = "opened"
statement = "The mayor opened the library."
[fact.slots]
who = ["mayor"]
act = ["opened"]
[fact.not_before]
who = ["'s"]
"""


@pytest.fixture(scope="module")
def facts():
    return made_up_facts(FACTS)


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a "." or "," between digits belongs to the number: the phrasing is not found, and
        # the slot of figures, read with any number, finds another value there
        ("The clip was viewed 7 million times.", "views", "present"),
        ("The clip was viewed 1.7 million times.", "views", "contradicted"),
        ("the clip was viewed 2,7 million times", "views", "absent"),
        ("The ticket cost 5.5 pounds.", "price", "contradicted"),
        ("The ticket cost 0.5 pounds.", "price", "contradicted"),
        ("The house cost 1,500,000 pounds.", "price", "contradicted"),
        # a decimal point in a phrasing is the number's own: "4.2 million" is not "42 million"
        ("The clip was viewed 4.2 million times.", "views-decimal", "present"),
        ("The clip was viewed 42 million times.", "views-decimal", "contradicted"),
        # a full stop after a figure is no part of it
        ("The ticket cost £5.", "price", "present"),
        # a possessive written apart matches a phrasing written either way
        ("rossi 's side are fourth .", "side", "present"),
        ("Rossi's side are fourth.", "side-tokenized", "present"),
        ("rossi 's side are fourth .", "side-tokenized", "present"),
        # not_after: "Leeds United" is not the opponent "United"
        ("City lost to Leeds United on Sunday.", "lost", "absent"),
        ("City lost to United on Sunday.", "lost", "present"),
        # not_before: "the mayor's wife" is not the mayor, tokenized or not
        ("The mayor's wife opened the library.", "opened", "absent"),
        ("the library was opened by the mayor 's wife .", "opened", "absent"),
        ("The mayor opened the library.", "opened", "present"),
    ],
)
def test_readme_answers(facts, text, fact, verdict):
    assert check_facts(text, facts).get(fact).verdict == verdict


def test_a_pipe_string_in_jsonl_labels(tmp_path):
    p = tmp_path / "labels.jsonl"
    row = {"id": "c1", "summary": "The sky is blue.", "labels": {"sky": "present|absent"}}
    p.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (label,) = load_labels(p)
    assert label.accepted == ("present", "absent")
    assert label.expected == "present"

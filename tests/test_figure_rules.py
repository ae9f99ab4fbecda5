# ruff: noqa: E501  (test sentences are kept on one line each)
"""A figure of the fact's statement written with another value where a summary states the
claim contradicts it (harness.figure_rules), on made-up sentences."""

from __future__ import annotations

import pytest
from conftest import made_up_facts

from harness.figure_rules import figures, wrong_figure
from harness.matcher import check_facts


def test_figures_reads_scores_years_counts_and_ages():
    found = {
        (f.kind, f.text)
        for f in figures("Rovers won 6-0 6-3 in 2014 and are two points clear of a 19-year-old.")
    }
    assert found == {("score", "6-0 6-3"), ("year", "2014"), ("count", "two"), ("age", "19")}


@pytest.mark.parametrize(
    ("statement", "sentence", "wrong"),
    [
        ("Rovers beat Albion 2-0.", "Rovers beat Albion 3-0 at home.", ("3-0", "2-0")),
        ("Rovers beat Albion 2-0.", "Albion lost 0-2 to Rovers.", None),  # the same result
        # sums of money, "#" being a tokenized "£"
        (
            "Staff got bonuses of up to £3,500.",
            "staff got up to # 35,000 in bonuses .",
            ("# 35,000", "£3,500"),
        ),
        (
            "Staff got bonuses of up to £3,500.",
            "staff got up to £3,500 as the firm made a £42 million profit .",
            None,
        ),
        (
            "She has not played since March 2014.",
            "she has not played since march 2013 .",
            ("2013", "2014"),
        ),
        (
            "Rovers are two points clear.",
            "Rovers are three points clear of the drop.",
            ("three", "two"),
        ),
        (
            "Rovers are two points clear.",
            "Rovers are three games from safety.",
            None,
        ),  # another unit
        ("The deal is worth £46m.", "The deal is worth £46.2 million.", None),  # rounded as written
        ("Okafor lost 6-0 6-3 in the doubles.", "The hosts lost 3-2 as Okafor was beaten.", None),
        ("The two-year-old was found in 1993.", "He was found 20 years ago.", None),  # an age
        ("Rovers beat Albion 2-0.", "Rovers beat Albion 2-0 after a 3-1 loss.", None),  # stated too
        # a bound with the same bound only
        (
            "He may not reapply for at least 10 years.",
            "he may not reapply for at least 5 years .",
            ("5", "10"),
        ),
        ("He may not reapply for at least 10 years.", "he may not reapply for 5 years .", None),
    ],
)
def test_wrong_figure(statement, sentence, wrong):
    assert wrong_figure(statement, sentence, 0, len(sentence)) == wrong


def test_a_wrong_figure_outside_the_clause_window_is_no_contradiction():
    sentence = "Rovers beat Albion; earlier, Ruiz scored in a 3-0 win."
    assert wrong_figure("Rovers beat Albion 2-0.", sentence, 0, sentence.index(";")) is None


FACTS = """
[[fact]]
id = "beaten"
statement = "Rovers were beaten 2-0 by Albion."
slots = { loser = ["Rovers"], act = ["beaten", "defeat", "lost"], winner = ["Albion"] }

[[fact]]
id = "not-played"
statement = "Okafor has not played for the first team since March 2014."
polarity = "negative"
slots = { who = ["Okafor"], act = ["played", "featured"], since = ["since March 2014", "since March"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        (
            "Rovers slipped after a 3-0 defeat by Albion left them in trouble.",
            "beaten",
            "contradicted",
        ),
        ("Rovers slipped after a 2-0 defeat by Albion left them in trouble.", "beaten", "present"),
        ("Rovers were beaten by Albion.", "beaten", "present"),  # no figure: nothing wrong
        (
            "okafor has not played for the first team since march 2013 .",
            "not-played",
            "contradicted",
        ),
        (
            "okafor has not played for the first team since march last year .",
            "not-played",
            "present",
        ),
    ],
)
def test_a_wrong_figure_contradicts_the_fact(text, fact, verdict):
    assert check_facts(text, made_up_facts(FACTS)).get(fact).verdict == verdict


def test_a_figure_that_is_another_of_the_statements_is_no_wrong_value():
    statement = "Rovers beat Albion 4-3 on aggregate, drawing the second leg 2-2."
    assert wrong_figure(statement, "Rovers won 4-3 on aggregate.", 0, 29) is None
    assert wrong_figure(statement, "Rovers won 5-3 on aggregate.", 0, 29) == ("5-3", "4-3")


FIGURE_SLOTS = """
[[fact]]
id = "score"
statement = "Rovers beat Albion 3-1 on aggregate."
slots = { winner = ["Rovers"], act = ["beat", "won"], loser = ["Albion"], score = ["3-1"] }

[[fact]]
id = "ports"
statement = "The ferry will serve 12 ports."
slots = { what = ["12 ports", "twelve ports"], act = ["serve*", "call at"] }

[[fact]]
id = "clear"
statement = "Rovers are two points clear of the drop zone."
slots = { gap = ["two points clear", "2 points clear"] }

[[fact]]
id = "bare"
statement = "The ferry made 67 crossings."
slots = { n = ["67"] }

[[fact]]
id = "airlifted"
statement = "A 40-year-old man was airlifted to hospital."
slots = { who = ["40-year-old man", "40-year-old"], act = ["airlifted", "flown"] }
"""


@pytest.mark.parametrize(
    ("text", "fact", "verdict"),
    [
        # a slot of figures filled with another value of the statement's kind contradicts
        ("rovers beat albion 4-1 on aggregate .", "score", "contradicted"),
        ("Rovers beat Albion 3-1 on aggregate.", "score", "present"),
        ("The ferry will serve 21 ports.", "ports", "contradicted"),
        ("the ferry will serve twelve ports .", "ports", "present"),
        ("A 45-year-old man was airlifted to hospital.", "airlifted", "contradicted"),
        # another bearer of an age, a denied or a hedged wrong value: nothing said
        ("A six-year-old girl was airlifted to hospital.", "airlifted", "absent"),
        ("Rovers did not beat Albion 4-1.", "score", "absent"),
        ("The ferry may serve 21 ports.", "ports", "absent"),
        # another figure beside the fact stated with its own is another event's
        ("Rovers beat Albion 3-1 on aggregate. Rovers won 2-0 on Saturday.", "score", "present"),
        # one slot of figures is enough when its phrasings keep words of their own
        ("rovers are just five points clear of the drop zone .", "clear", "contradicted"),
        ("The ferry made 76 crossings.", "bare", "absent"),
        # a count of another unit is no wrong value
        ("The ferry will serve 12 ports in 3 countries.", "ports", "present"),
    ],
)
def test_a_slot_of_figures_with_another_value(text, fact, verdict):
    assert check_facts(text, made_up_facts(FIGURE_SLOTS)).get(fact).verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a rank of the same noun, written in digits, is a figure too
        ("Okafor scored Rovers' goal in the 52nd minute.", "contradicted"),
        ("Okafor scored Rovers' goal in the 25th minute.", "present"),
        # a few words past the claim's own still count
        (
            "okafor slots home to put rovers ahead in the 52nd minute after a counter .",
            "contradicted",
        ),
    ],
)
def test_a_wrong_rank(text, verdict):
    facts = made_up_facts(
        """
[[fact]]
id = "goal"
statement = "Okafor scored Rovers' goal in the 25th minute."
slots = { who = ["Okafor"], act = ["scored", "slots home", "put Rovers ahead"] }
"""
    )
    assert check_facts(text, facts).get("goal").verdict == verdict


def test_rows_of_set_scores_compare_as_multisets():
    statement = "Okafor won the final 4-6 7-6(3) 6-3."
    other = "Okafor won the final 6-3 6-3."
    assert wrong_figure(statement, other, 0, len(other)) == ("6-3 6-3", "4-6 7-6(3) 6-3")
    # the first sets copied are part of the statement's row, not another match
    partial = "Okafor won the final 4-6 7-6 -lrb- 3 -rrb- ."
    assert wrong_figure(statement, partial, 0, len(partial)) is None
    same = "Okafor won the final 4-6 7-6 ( 3 ) 6-3 ."
    assert wrong_figure(statement, same, 0, len(same)) is None

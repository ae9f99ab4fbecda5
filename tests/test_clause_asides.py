# ruff: noqa: E501  (test sentences are kept on one line each)
"""Asides and clause breaks read from the parse (harness.clause_rules.aside_frame,
semicolon_part; harness.syntax.statement_actor), on sentences written for them about a
made-up harbour (ferries, a mayor, buses) and a made-up convoy: a reporting aside between a
frame and its "that" clause ("It was not the case, the mayor said, that ...") leaves the
clause under the frame's negation; a claim in one semicolon part that the parse hung on the
other part's verb is read from its own part; a word the statement uses for two things
("the convoy ... rebel convoys") names no actor."""

from __future__ import annotations

import pytest
from conftest import parsed_facts

from harness import clause_rules, syntax
from harness.matcher import check_facts

FERRIES = """
[[fact]]
id = "no-ferries"
statement = "No ferries would sail on Sunday."
polarity = "negative"
slots = { what = ["ferries", "ferry"], act = ["sail"] }

[[fact]]
id = "ferries-sail"
statement = "The ferries would sail on Sunday."
slots = { what = ["ferries", "ferry"], act = ["sail"] }
"""

CONVOY = """
[[fact]]
id = "no-air-cover"
statement = "The convoy would get no air cover if it met rebel convoys."
polarity = "negative"
context = ["convoy*", "trucks", "rebel*"]
slots = { cover = ["air cover", "air support"] }
"""


def _facts(toml: str):
    return parsed_facts(toml)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the aside hangs on the frame (parataxis) or the frame on the aside: either way
        # the frame's negation bears on the "that" clause, and two negations assert it
        (
            "It was not the case, the mayor said, that no ferries would sail on Sunday.",
            "contradicted",
        ),
        ("It is not true, she added, that no ferries would sail on Sunday.", "contradicted"),
        (
            "It was never the case, the harbour master insisted, that no ferries would sail on Sunday.",
            "contradicted",
        ),
        (
            "It was never the case, he insisted, that no ferries would sail on Sunday.",
            "contradicted",
        ),
        # ... also with a second clause after a semicolon, which the parse made the main one
        (
            "It was not the case, the mayor said, that no ferries would sail on Sunday; the buses would however run late.",
            "contradicted",
        ),
        # a frame without negation, or two statements (no "that"): the clause's own "no"
        ("It was the case, the mayor said, that no ferries would sail on Sunday.", "present"),
        (
            "It was the case, the harbour master insisted, that no ferries would sail on Sunday.",
            "present",
        ),
        ("The storm was not severe, the mayor said, no ferries would sail on Sunday.", "present"),
        ("The storm was not severe; no ferries would sail on Sunday, the mayor said.", "present"),
        ("No ferries would sail on Sunday; the buses would not run either.", "present"),
    ],
)
def test_a_reporting_aside_inside_a_frame(text, verdict):
    assert check_facts(text, _facts(FERRIES)).get("no-ferries").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("It was true, the mayor said, that the ferries would sail on Sunday.", "present"),
        # a falsity frame opening the sentence is a plain denial: the parse's reading
        # stands though the word rules do not see past the aside (facts_summeval_m round)
        ("It was not true, the mayor said, that the ferries would sail on Sunday.", "contradicted"),
        # a report frame ("the mayor said") with its own negation is no such frame
        ("The mayor did not say that the ferries would sail on Sunday.", "absent"),
    ],
)
def test_a_reporting_aside_on_a_positive_fact(text, verdict):
    assert check_facts(text, _facts(FERRIES)).get("ferries-sail").verdict == verdict


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_aside_frame_names_the_frame():
    _facts(FERRIES)
    doc = syntax.parse("It was not the case, the mayor said, that no ferries would sail on Sunday.")
    frame = clause_rules.aside_frame(_token(doc, "said"), _token(doc, "sail"))
    assert frame is not None and frame.text == "was"
    # no "that": the clause after the aside is what the mayor said, not the frame's
    doc = syntax.parse("The storm was not severe, the mayor said, no ferries would sail on Sunday.")
    said, sail = _token(doc, "said"), _token(doc, "sail")
    assert clause_rules.aside_frame(said, sail) is None


def test_semicolon_part():
    sentence = "Ferries stop; buses run."
    spans = [(0, 7)]
    # the parse has a root in the claim's part: the whole sentence is read
    assert clause_rules.semicolon_part(sentence, spans, [8]) == (sentence, spans)
    # no root there: the claim's own part, the spans shifted into it
    assert clause_rules.semicolon_part(sentence, [(14, 19)], [8]) == ("buses run.", [(0, 5)])
    assert clause_rules.semicolon_part(sentence, spans, [19]) == ("Ferries stop", spans)
    # a correction right after the semicolon is read with the part it corrects
    text = "He did not say ferries stop; on the contrary, he said they run."
    assert clause_rules.semicolon_part(text, [(15, 22)], [40])[0] == text
    # spans in two parts, or no semicolon: the whole sentence
    assert clause_rules.semicolon_part(sentence, [(0, 7), (14, 19)], [30])[0] == sentence
    assert clause_rules.semicolon_part("Ferries stop.", spans, [8])[0] == "Ferries stop."


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "rebel convoys" is not the fact's convoy named elsewhere: the trucks are its actor
        (
            "Those trucks would get no air cover in any encounter with rebel convoys, she said.",
            "present",
        ),
        ("Those trucks would get no air cover in any encounter with rebel convoys.", "present"),
        (
            "Those trucks would get air cover in any encounter with rebel convoys, she said.",
            "contradicted",
        ),
    ],
)
def test_a_word_the_statement_uses_twice_names_no_actor(text, verdict):
    assert check_facts(text, _facts(CONVOY)).get("no-air-cover").verdict == verdict


def test_statement_actor_drops_a_word_used_twice():
    _facts(CONVOY)
    assert (
        syntax.statement_actor(
            "The convoy would get no air cover if it met rebel convoys.", [(25, 34)]
        )
        is None
    )
    actor = syntax.statement_actor(
        "The convoy would get no air cover if it met rebel trucks.", [(25, 34)]
    )
    assert (actor.verb, actor.keys) == ("get", frozenset({"conv"}))
    assert not actor.named  # a common noun, no proper name

"""Names the article supports without writing them out whole (harness.grounding_people): a
run cut into the names glued in it, a person's fuller name for the surname the article
uses, a club's full name for its short one. Each rule on sentences written for it."""

from __future__ import annotations

import pytest

from harness.grounding import ground
from harness.grounding_explain import explain_grounding
from harness.grounding_people import (
    club_supported,
    index_people,
    name_parts,
    person_supported,
)
from harness.grounding_spans import Specific


def name_flags(candidate: str, article: str) -> list[str]:
    return [f.text for f in ground(candidate, article).flags if f.kind == "entity"]


def entity(text: str) -> Specific:
    return Specific("entity", text, 10, 10 + len(text), key=tuple(text.lower().split()))


# ------------------------------------------------------------------ the article's names


def test_index_reads_surnames_used_alone_and_their_given_names():
    people = index_people(
        "Grace Okafor, 24, signed on Monday. Okafor said the move suited her. "
        "Mr Lindqvist agreed, and Norway's Haugen praised coach Brandt. "
        "The leader De Vries of the Netherlands spoke to Ashby Town fans."
    )
    assert {"okafor", "lindqvist", "haugen", "brandt", "vries"} <= people.alone
    assert people.given["okafor"] == {"grace"}
    assert "lindqvist" not in people.given  # a title is no given name
    assert "haugen" not in people.given  # nor a possessive ("Norway's")
    assert "vries" not in people.given  # the particle belongs to the surname
    assert people.after["ashby"] == {"town"}
    assert "ashby" not in people.alone  # only inside a longer name


# ------------------------------------------------------------------ given names


@pytest.mark.parametrize(
    "article",
    [
        "Okafor, 24, joined the club in May. Okafor said he was delighted.",
        "Mr Okafor joined the club in May.",
        "Ghana's Okafor joined the club in May.",
        "The club's new signing Okafor joined in May.",
    ],
)
def test_a_fuller_name_of_a_surname_the_article_uses_is_supported(article):
    assert name_flags("Chidi Okafor joined the club in May.", article) == []


def test_another_given_name_for_the_surname_stays_flagged():
    article = "Grace Okafor, 24, joined the club in May. Okafor said she was delighted."
    assert name_flags("Chidi Okafor joined the club in May.", article) == ["Chidi Okafor"]
    assert name_flags("Grace Okafor joined the club in May.", article) == []


def test_a_particle_belongs_to_the_surname():
    article = "Overnight leader De Vries of the Netherlands shot a 68."
    assert name_flags("Anna de Vries shot a 68.", article) == []


@pytest.mark.parametrize(
    "summary,flagged",
    [
        # a word of a place is no given name: "Lake Harwich" is a place the article lacks
        ("The ferry reached Lake Harwich on time.", "Lake Harwich"),
        # a surname that is also a place of the gazetteer may be the place
        ("Jean Paris attended the talks.", "Jean Paris"),
    ],
)
def test_places_are_not_read_as_people(summary, flagged):
    article = "The ferry reached Harwich on time. Talks in Paris ended. Harwich said nothing."
    assert name_flags(summary, article) == [flagged]


def test_person_supported_needs_the_surname_used_alone():
    people = index_people("Tomas Berg scored twice. Berg said it was his best game.")
    assert person_supported(("ana", "berg"), people) is False  # another given name: Tomas
    assert person_supported(("ana", "ruiz"), people) is False  # no Ruiz at all
    people = index_people("Berg scored twice. Coach Ruiz was pleased.")
    assert person_supported(("ana", "berg"), people)
    assert person_supported(("ana", "maria", "ruiz"), people)
    assert person_supported(("berg",), people) is False  # one word: no fuller name
    assert person_supported(("north", "berg"), people) is False  # a direction, no given name


# ------------------------------------------------------------------ parts of a run


def test_a_run_is_cut_at_a_possessive_and_at_and():
    text = "Norway's Foreign Minister Erik Lindqvist and Ana Ruiz"
    parts = name_parts(entity(text))
    assert [p.text for p in parts] == ["Norway", "Foreign Minister Erik Lindqvist", "Ana Ruiz"]
    # spans in the candidate's offsets, the cutting "'s" left out
    assert [(p.start, p.end) for p in parts] == [(10, 16), (19, 50), (55, 10 + len(text))]
    assert [p.key for p in parts][1] == ("foreign", "minister", "erik", "lindqvist")


def test_each_part_is_judged_alone():
    article = "Mr Lindqvist met officials in Norway on Tuesday."
    summary = "Norway's Foreign Minister Erik Lindqvist met officials on Tuesday."
    assert name_flags(summary, article) == []
    # only the part the article lacks is flagged, not the whole run
    summary = "Sweden's Foreign Minister Erik Lindqvist met officials on Tuesday."
    assert name_flags(summary, article) == ["Sweden"]


def test_two_names_joined_by_and_are_judged_apart():
    article = "Berg, 31, won the sprint. The race ended in rain."
    assert name_flags("Tomas Berg and Ana Ruiz won the sprint.", article) == ["Ana Ruiz"]
    # no part supported: flagged whole, once
    assert name_flags("Eva Lund and Ana Ruiz won the sprint.", article) == ["Eva Lund and Ana Ruiz"]
    # a name the article writes whole with its "and" stays whole
    article = "Trinidad and Tobago won the relay."
    assert name_flags("Trinidad and Tobago won the relay.", article) == []


@pytest.mark.parametrize(
    "summary",
    [
        "Dame Ana Ruiz opened the library.",
        "Batsman Ana Ruiz opened the library.",
        "Former Benfica winger Ana Ruiz opened the library.",
        "Ana Ruiz's speech opened the library.",
    ],
)
def test_titles_and_roles_before_a_name_are_not_the_name(summary):
    article = "Benfica winger Ana Ruiz opened the library on Friday."
    assert name_flags(summary, article) == []


def test_an_unsupported_name_is_flagged_with_its_title():
    article = "Ana Ruiz opened the library on Friday."
    assert name_flags("Governor Tom Blake opened the library.", article) == ["Governor Tom Blake"]
    # a run of titles alone is judged whole
    article = "The minister opened the library on Friday."
    assert name_flags("The library was opened by Prime Minister.", article) == ["Prime Minister"]


# ------------------------------------------------------------------ clubs


def test_a_clubs_full_name_from_its_short_name():
    article = "Ashby lead the table after a 2-0 win. Ashby have won five in a row."
    assert name_flags("Ashby Rovers lead the table.", article) == []
    # the article gives the club another ending: a different club
    article = "Ashby Town lead the table after a 2-0 win. Ashby have won five in a row."
    assert name_flags("Ashby Rovers lead the table.", article) == ["Ashby Rovers"]
    # a club the article never names
    assert name_flags("Corby Rovers lead the table.", article) == ["Corby Rovers"]


def test_club_supported_needs_a_club_ending():
    people = index_people("Ashby lead the table.")
    known = {"ashby"}.__contains__
    assert club_supported(("ashby", "rovers"), people, known)
    assert club_supported(("ashby", "harbour"), people, known) is False
    assert club_supported(("rovers",), people, known) is False


# ------------------------------------------------------------------ explain


def test_explain_shows_the_unsupported_part_of_a_run():
    article = "Berg, 31, won the sprint in the rain."
    out = explain_grounding("Tomas Berg and Ana Ruiz won the sprint.", article)
    names = [(s.text, s.supported) for s in out.specifics if s.kind == "entity"]
    assert names == [("Ana Ruiz", False)]

"""How grounding reads hand-written text (harness.grounding_spans, harness.grounding_names,
harness.grounding_counts, harness.grounding_implied): numbers in words, ordinals, bounds,
clock times and glued units; misspelled names and capitalised common words run into a
name; counts written without the number (ratios, a day counted from a weekday, a "top
three", "the two" of two names). Each rule on sentences written for it."""

from __future__ import annotations

import pytest

from harness.grounding import ground
from harness.grounding_spans import numbers


def specific_flags(candidate: str, article: str) -> list[str]:
    return [f.text for f in ground(candidate, article).flags if f.kind not in ("sentence",)]


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "text,found",
    [
        ("The ferry left eight minutes late.", [("eight", 8)]),
        ("She is seven months into the course.", [("seven", 7)]),
        ("He got a two-match ban.", [("two", 2)]),
        ("Nine might be too many.", [("Nine", 9)]),
        ("A four game losing run.", [("four", 4)]),
        ("They sold three thousand five hundred tickets.", [("three thousand five hundred", 3500)]),
        (
            "It cost forty two point five million dollars.",
            [("forty two point five million", 42.5e6)],
        ),
        ("Half a million people came.", [("Half a million", 5e5)]),
        ("A hundred and twenty boats.", [("A hundred and twenty", 120)]),
        ("Two and a half million visitors.", [("Two and a half million", 2.5e6)]),
        ("Two dozen eggs.", [("Two dozen", 24)]),
        ("He ran one ninety minute session.", [("ninety", 90)]),
        ("The bus leaves at 6:30PM.", [("6", 6)]),
        ("The lake is 5KMs away.", [("5", 5)]),
        ("It was their twenty-first win.", []),  # a summary's ordinal words are not read
    ],
)
def test_numbers_in_words_are_read_whole(text, found):
    assert [(x.text, x.value) for x in numbers(text)] == [(t, pytest.approx(v)) for t, v in found]


def test_an_articles_ordinals_support_the_same_number():
    article = (
        "The orchard lost its third harvest in a row to frost. Its owner planted the "
        "ninth row of pear trees in spring. The fourth inspector visited in May."
    )
    assert specific_flags("The orchard lost 3 harvests in a row to frost.", article) == []
    assert specific_flags("The owner planted the 9th row of pear trees.", article) == []
    # a summary's own ordinal word is not read, so it is neither checked nor a four
    assert specific_flags("A fourth inspector came by.", "An inspector came by twice.") == []
    assert [x.value for x in numbers("the twenty-first", article=True)] == [21]


def test_an_articles_once_and_twice_are_counts():
    article = "The rowers capsized twice on the lake. The coach warned them once before the race."
    assert specific_flags("The rowers capsized 2 times on the lake.", article) == []
    assert specific_flags("The coach gave 1 warning before the race.", article) == []
    assert specific_flags("The rowers capsized 3 times on the lake.", article) == ["3"]
    # in a summary they are no numbers to check
    assert [x.value for x in numbers("They capsized twice.")] == []


def test_spelled_compounds_match_the_articles_digits():
    article = "Each driver earned up to 3,500 euros. The stadium cost 42.5 million euros."
    assert specific_flags("Drivers earned three thousand five hundred euros.", article) == []
    assert specific_flags("The stadium cost forty two point five million euros.", article) == []
    assert specific_flags("Drivers earned a 3.500 euro bonus.", article) == []
    assert specific_flags("Drivers earned four thousand euros.", article) == ["four thousand"]


def test_a_bound_holds_the_value_rounded_its_way():
    article = "The glacier moved 10,190 metres last century. The choir has 47 singers."
    assert specific_flags("The glacier moved more than 10,000 metres.", article) == []
    assert specific_flags("The choir has nearly 50 singers.", article) == []
    assert specific_flags("The choir has about 50 singers.", article) == []
    assert specific_flags("The choir has more than 50 singers.", article) == ["50"]
    assert specific_flags("The glacier moved more than 20,000 metres.", article) == ["20,000"]
    assert specific_flags("The choir has 50 singers.", article) == ["50"]  # no bound: exact


def test_the_same_counted_thing_is_the_same_number():
    article = "The keeper tended the lighthouse over a six-year stint before the storm."
    # paraphrased ("tended" / "looked after"), but six years of the same thing
    assert specific_flags("She looked after it for six years.", article) == []


def test_a_year_the_article_states_is_supported():
    article = "The band last toured in June 2011 across the north."
    assert specific_flags("Their final concerts were held in 2011.", article) == []
    assert specific_flags("Their final concerts were held in 2012.", article) == ["2012"]


# ------------------------------------------------------------------ names

NAMES_ARTICLE = (
    "Rosalind Okonkwo-Ferreira, a Lisbon architect, designed the Whitcombe Observatory. "
    "Her partner Tobias Quennell, a cellist, plays with the Haverford Ensemble. The "
    "couple visited Marrakesh on Saturday with their friend Jamie Ollerton. The "
    "observatory's website, StarGazers.org, lists visiting hours. Photographer Zoë "
    "Lindqvist took the pictures at Eastbourne."
)


@pytest.mark.parametrize(
    "name",
    [
        "Tobias Quenell",  # a letter dropped
        "Tobais Quennell",  # two neighbouring letters swapped
        "the Whitcombe Obsevatory",  # a letter dropped in a long word
        "Jaime Ollerton",  # swapped
        "the Havreford Ensemble",  # swapped in a long word
        "Marrakseh",  # swapped
        "Zoe Lindqvist",  # an accent folded
        "Star Gazers",  # one name written as two words
        "East Bourne",  # the same
        "Rosalind Okonkwo-Ferreira",
    ],
)
def test_a_slip_on_an_articles_name_is_the_same_name(name):
    assert specific_flags(f"On Satuday {name} was there.", NAMES_ARTICLE) == []


@pytest.mark.parametrize(
    "name",
    [
        "Tobias Brennan",  # another family name
        "Mobias Quennell",  # a slip on the first letter is another name
        "Jamie Ellerton",  # the same
        "Tom Quennell",  # a short name: no slip allowed
        "the Whitby Observatory",  # too far from Whitcombe
        "Lusbin",  # two changes in a 6-letter word
    ],
)
def test_another_name_stays_flagged(name):
    assert specific_flags(f"Later {name} was there.", NAMES_ARTICLE) != []


def test_rn_and_m_read_alike():
    article = "The team of Hornsby beat Sternway on penalties."
    assert specific_flags("Homsby beat Stemway.", article) == []


# ------------------------------------------------------------------ name edges


@pytest.mark.parametrize(
    "sentence",
    [
        "Coach Tobias Quennell arrived.",  # a role before the name
        "However Quennell arrived.",  # a connective opening the sentence
        "Teammate Rosalind Okonkwo-Ferreira arrived.",
        "The Haverford Ensemble Players arrived.",  # a group noun after it
        "Ex-Haverford cellist Quennell arrived.",  # a hyphenated prefix
        "They met in Lisbon The observatory is open.",  # a lost full stop
        "It lies 5KMs from Eastbourne.",  # a unit glued to a number
        "Man Utd played at Eastbourne.",  # a usual short name of the article's club
    ],
)
def test_common_words_next_to_a_name_are_not_the_name(sentence):
    article = NAMES_ARTICLE + " Manchester United played 5km away at Eastbourne."
    assert specific_flags(sentence, article) == []


def test_an_unknown_name_after_a_common_word_is_still_flagged():
    assert specific_flags("Coach Brenda Villers arrived.", NAMES_ARTICLE) == ["Brenda Villers"]
    assert specific_flags("They met in Lisbon The Kestrel Hotel was shut.", NAMES_ARTICLE) == [
        "Kestrel Hotel"
    ]


def test_a_run_of_number_words_is_read_as_separate_numbers():
    assert [x.value for x in numbers("two " * 40)] == [2] * 40
    assert [x.value for x in numbers("seven and " * 40)] == [7] * 40


# ------------------------------------------------------------------ counts written without
# the number (harness.grounding_counts, harness.grounding_implied)


def test_ratios_fractions_and_percentages_read_alike():
    article = (
        "In the survey, one in four tenants said the heating failed. A quarter of the "
        "flats were damp. Half of the lifts were broken. Nine out of ten residents wanted a "
        "new landlord. Some 20 per cent of rents went unpaid."
    )
    # the article's ratio or fraction supports the summary's percentage...
    assert specific_flags("25 percent of tenants said the heating failed.", article) == []
    assert specific_flags("25% of the flats were damp.", article) == []
    assert specific_flags("50 per cent of the lifts were broken.", article) == []
    assert specific_flags("Ninety percent of residents wanted a new landlord.", article) == []
    # ... and the summary's ratio the article's percentage
    assert specific_flags("One in five rents went unpaid.", article) == []
    # another share is still flagged
    assert specific_flags("30 percent of tenants said the heating failed.", article) == [
        "30 percent"
    ]
    assert specific_flags("One in three rents went unpaid.", article) == ["three"]


def test_ratio_spans_and_values():
    from harness.grounding_counts import ratios, shares

    assert ratios("one in five boys and 1 in 10 girls") == [(0, 11, (20.0,)), (21, 28, (10.0,))]
    assert ratios("two in every three") == [(0, 18, (pytest.approx(200 / 3), 67.0))]
    assert ratios("five in one go, 3 in 2.5 hours, ten in ten") == []  # no share of a whole
    assert [(v, t) for *_, t in shares("two thirds of fans") for v in [t]] == [
        ((pytest.approx(200 / 3), 67.0), (pytest.approx(200 / 3), 67.0))
    ]
    assert shares("in the first half the side led; a quarter-final") == []


def test_a_weekday_counted_from_the_articles_weekday():
    article = (
        "The ferry was cancelled on Wednesday, but sailed again the next day. On Sunday "
        "the harbour reopened. The crew had been warned the previous evening."
    )
    assert specific_flags("The ferry sailed again on Thursday.", article) == []
    assert specific_flags("The crew were warned on Saturday.", article) == []
    assert specific_flags("The ferry sailed again on Friday.", article) == ["Friday"]
    # no weekday to count from: nothing implied
    assert specific_flags(
        "It sailed on Tuesday.", "It was cancelled, and sailed the next day."
    ) == ["Tuesday"]


def test_days_counted_from_the_weekday_before():
    from harness.grounding_counts import days_counted

    assert days_counted(["Talks began on Monday.", "A deal came a day later."]) == {"tuesday"}
    assert days_counted(["On Sunday they met, and the day before they spoke."]) == {"saturday"}
    # "the day before the vote" counts from the vote, not from the weekday
    assert days_counted(["On Friday, the day before the vote, they spoke."]) == set()


def test_an_ordinal_within_the_articles_top_n():
    article = (
        "The top three finishers in the regatta win a trophy, and the crew in fourth "
        "place gets a medal. The first two races were cancelled."
    )
    assert (
        specific_flags("Crews finishing 1st, 2nd or 3rd in the regatta win a trophy.", article)
        == []
    )
    assert specific_flags("The 2nd race was cancelled.", article) == []
    assert specific_flags("The crew finishing 5th in the regatta gets a medal.", article) == ["5"]
    # a plain number is no rank: "top three" is not a count of 2
    assert specific_flags("2 crews win a trophy.", "The top three crews win a trophy.") == ["2"]
    # an ordinal the article reaches only by inference stays flagged ("third coach" -> 4th)
    assert specific_flags("He is the club's 4th coach.", "He became the club's third coach.") == [
        "4"
    ]


PAIR_ARTICLE = (
    "The painter Lena Ortiz married the sculptor Ivo Marsh in Porto last spring. The couple "
    "have a daughter. Pictures showed Ortiz and Marsh laughing at the opening, where the "
    "jurors Ruth Abara and Sam Keel gave out a prize. The shortlist named the grey heron "
    "and the little egret."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Lena Ortiz married Ivo Marsh. The two have a daughter.",  # names in the sentence before
        "Pictures of Ortiz and Marsh showed the two laughing.",  # "the two" after the pair
        "Two of the jurors, Ruth Abara and Sam Keel, gave a prize.",  # "two of", then the pair
        # "two <noun> were A and B"
        "The two birds shortlisted were the Grey Heron and Little Egret.",
        "Two jurors, Ruth Abara and Sam Keel, gave a prize.",  # an appositive pair
    ],
)
def test_the_two_for_two_things_the_summary_names(summary):
    assert specific_flags(summary, PAIR_ARTICLE) == []


@pytest.mark.parametrize(
    "summary,flagged",
    [
        ("Ortiz and Marsh have two daughters.", ["two"]),  # counts something else
        ("Ruth Abara and Sam Keel gave two prizes.", ["two"]),
        ("Lena Ortiz gave the two prizes.", ["two"]),  # a noun after "the two"
        ("Lena Ortiz painted. The two have a daughter.", ["two"]),  # one name only before
        ("Ortiz won two more prizes with Ruth Abara and Sam Keel.", ["two"]),  # "two more"
        ("The jurors gave two prizes to Ruth Abara and Sam Keel.", ["two"]),  # a list after "to"
    ],
)
def test_a_two_that_counts_something_else_stays_flagged(summary, flagged):
    assert specific_flags(summary, PAIR_ARTICLE) == flagged


@pytest.mark.parametrize(
    "name",
    [
        "Tobin Quennell",  # one word two slips from the article's, the other the same
        "Tobias Quell",  # three letters dropped from an 8-letter word
        "Tibian Quenell",  # two slips on one word and one on the other
    ],
)
def test_a_larger_slip_on_one_word_of_a_full_name(name):
    assert specific_flags(f"On Saturday {name} was there.", NAMES_ARTICLE) == []


@pytest.mark.parametrize(
    "name",
    [
        "Tobin Quell",  # both words far from the article's
        "Tobias Quinn",  # too far (4)
        "Robin Quennell",  # another first letter
        "Tobin Marsh",  # no name of the article
    ],
)
def test_a_full_name_too_far_stays_flagged(name):
    assert specific_flags(f"Later {name} was there.", NAMES_ARTICLE) != []


def test_a_single_word_gets_no_larger_slip():
    assert specific_flags("Later Tobin was there.", NAMES_ARTICLE) == ["Tobin"]
    assert specific_flags("Later Quell was there.", NAMES_ARTICLE) == ["Quell"]


def test_a_gazetteer_short_name_with_its_rest_in_lowercase():
    article = "Manchester United beat the visitors 2-0 at home."
    assert specific_flags("Man united's keeper kept a clean sheet at home.", article) == []
    # the short name of a club the article does not name is still flagged
    assert specific_flags("Man city's keeper kept a clean sheet at home.", article) == [
        "Man city's"
    ]


def test_explain_names_the_rule_that_holds_an_unwritten_specific():
    from harness.grounding_explain import explain_grounding

    article = (
        "The ferry was cancelled on Wednesday, but sailed again the next day. The top three "
        "crews win a trophy. Lena Ortiz married Ivo Marsh in May. The couple have a son."
    )
    summary = (
        "The ferry sailed on Thursday. The 2nd crew won a trophy. Lena Ortiz wed Ivo Marsh. "
        "The two have a son."
    )
    reasons = {s.text: s.reason for s in explain_grounding(summary, article).specifics}
    assert reasons["Thursday"] == (
        "the article reaches Thursday by counting a day from a weekday it names"
    )
    assert reasons["2"] == "within the article's top 3"
    assert reasons["two"] == "it counts two things the candidate names"


@pytest.mark.parametrize(
    "summary",
    [
        "More than 10,000 people came.",
        "Nearly 50 boats sank.",
        "About 80 houses burned.",
        "One in five pupils left.",
        "It cost 2.6 million pounds.",
        "The fee was 3.500 euros.",
        "At least 3 roads closed.",
        "Up to 5 trains ran.",
        "It cost $300 billion.",
    ],
)
def test_number_index_finds_what_a_full_comparison_finds(summary):
    """The article's numbers are looked up in a sorted index (value_windows), not compared
    one by one; every value the full comparison accepts is inside the windows."""
    from harness.grounding import analyse_article, specifics
    from harness.grounding_check import same_values
    from harness.grounding_spans import value_matches
    from harness.text import fold_keep_offsets, sentence_spans

    article = (
        "Officials counted 10,190 visitors, 47 boats, 78 houses and 20 percent of pupils. "
        "The bill was 2.63 million pounds, or 3,500 euros. Three roads and five trains, "
        "then 300 billion dollars, 9,999 people and 10,000 more; 51 and 85 were wrong."
    )
    a = analyse_article(article)
    text = fold_keep_offsets(summary)
    for sp in specifics(text, sentence_spans(text)):
        if sp.value is None:
            continue
        full = {v for v in a.number_sites if value_matches(sp, v)}
        assert {v for v, _ in same_values(sp, a)} == full

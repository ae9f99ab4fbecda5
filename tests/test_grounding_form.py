"""Grounding v3: broken sentences (harness.grounding_form), pronoun swaps before function
words (harness.grounding_actors.pronoun_swaps), contractions read alike in raw and
tokenized text, and how `explain` shows them."""

from __future__ import annotations

from harness.grounding import ground
from harness.grounding_explain import explain_grounding, explanation_to_dict, render_explanation
from harness.grounding_form import fragment, repeats
from harness.grounding_spans import words

ARTICLE = (
    "The harbour authority closed the north pier on Monday after a storm damaged its "
    "railings. A fisherman was questioned by police and released on bail. He has been "
    "told to return to the station next week. The harbour master said repairs would take "
    "a month. She didn't give a date for the reopening. Local cafes reported a quiet, "
    "quiet week."
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in ground(text, ARTICLE).flags if f.kind != "sentence"]


def test_a_sentence_cut_off_is_a_fragment():
    result = ground("The harbour authority closed the north pier and the .", ARTICLE)
    assert [(f.kind, f.text) for f in result.flags] == [("fragment", "the")]
    flag = result.flags[0]
    assert flag.reason == 'the sentence ends on "the": it is cut off'
    assert flag.evidence.startswith("The harbour authority closed the north pier")
    whole = ground("The harbour authority closed the north pier .", ARTICLE)
    assert result.score < whole.score
    # a broken sentence costs score but is no unsupported span for the gate
    assert result.unsupported == result.unsupported_specifics == 0


def test_sentences_that_end_on_a_pronoun_or_a_verb_are_whole():
    for text in ("The master thanked her.", "Repairs were what they asked for.", "It rained"):
        toks = words(text.rstrip("."))
        assert fragment(toks, 0) is None, text
    assert fragment(words("the"), 0) is None  # one word is no sentence to cut


def test_a_content_word_written_twice_in_a_row_is_a_repeat():
    assert kinds("The storm damaged the railings railings of the pier.") == [
        ("repeat", "railings railings")
    ]
    found = repeats(words("a whale whale whale swam"), 10, frozenset())
    assert [(f.span, f.reason) for f in found] == [
        ((12, 29), '"whale" is written 3 times in a row')
    ]


def test_function_words_and_the_articles_own_repeats_are_no_repeat():
    assert kinds("The master said that that would take a month.") == []
    assert kinds("Local cafes reported a quiet, quiet week.") == []  # the article's words


def test_a_pronoun_before_what_the_article_says_of_the_other_is_a_wrong_actor():
    result = ground("She has been told to return to the station next week.", ARTICLE)
    flag = next(f for f in result.flags if f.kind == "actor")
    assert flag.text == "She"
    assert flag.reason == 'the article says "He has been told to", of another name'
    assert result.unsupported == 0
    assert kinds("He has been told to return to the station next week.") == []
    # the article has a name (not the other pronoun) before these words: cannot be told
    assert kinds("He was questioned by police and released on bail.") == []


def test_contractions_read_alike_in_raw_and_tokenized_text():
    assert [w for _, _, w in words("didn't")] == [w for _, _, w in words("did n't")]
    assert [w for _, _, w in words("She didn't")] == ["she", "did", "n't"]
    assert [w for _, _, w in words("-lrb- 22,500 kilometers -rrb-")] == ["22,500", "kilometers"]
    raw = ground("She didn't give a date for the reopening.", ARTICLE)
    tokenized = ground("she did n't give a date for the reopening .", ARTICLE)
    assert raw.alignment[0].support == tokenized.alignment[0].support == 1.0


def test_explain_shows_broken_sentences_and_wrong_actors_with_their_reason():
    text = "She has been told to return. The storm damaged the railings railings and the ."
    e = explain_grounding(text, ARTICLE)
    d = explanation_to_dict(e)
    assert [(f["kind"], f["text"]) for f in d["other_flags"]] == [
        ("actor", "She"),
        ("repeat", "railings railings"),
        ("fragment", "the"),
    ]
    for part in ("1 wrong actor", "1 cut-off sentence", "1 repeated word"):
        assert f"x 0.85^1 for {part}" in d["how"]
    least = min(x.support for x in e.sentences)
    assert e.result.score == round(least * 0.85**3, 6)  # the how is the score
    shown = render_explanation(e)
    assert '✗ cut-off sentence “the”: the sentence ends on "the": it is cut off' in shown
    assert "✗ wrong actor “She”" in shown

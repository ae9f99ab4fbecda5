from harness.text import fold_keep_offsets, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_markdown_bullets_and_headings_split_per_item() -> None:
    text = "# Summary\n\n- **First** point here. Second sentence.\n- Third\n1. Fourth item"
    assert _sentences(text) == [
        "Summary",
        "**First** point here.",
        "Second sentence.",
        "Third",
        "Fourth item",
    ]


def test_spans_index_the_original_text() -> None:
    text = "  Hello there.  General Kenobi!\n\n* bullet one\n"
    for s, e in sentence_spans(text):
        assert text[s:e] == text[s:e].strip()
        assert text[s:e]
    assert _sentences(text)[-1] == "bullet one"


def test_abbreviations_do_not_split() -> None:
    assert len(sentence_spans("U.S. troops will not join. The U.K. took the chair.")) == 2


def test_fold_quotes_and_dashes_keeping_offsets() -> None:
    text = "\u201cno\u201d \u2014 U.S.\u2019s"
    assert fold_keep_offsets(text) == '"no" - U.S.\'s'
    assert len(fold_keep_offsets(text)) == len(text)

"""How a reply settles a claim, read from the parse: rules added with writer Z's set.

- a question put to someone and answered in the same sentence ("Asked whether the shop
  would open on Sundays, the owner said no"; "..., her answer was yes"): the claim inside
  the question is denied by "no" and asserted by "yes", not left open by "whether";
- a denied saying corrected by the opposite said right after it ("She did not say the
  shop would open - she said the opposite: ..."; "... - quite the reverse"): the denial
  is of what was not said, no question left open (harness.assertion_rules reads "on the
  contrary", "quite the opposite" the same way).

The word lists are general English, below; the report verbs are harness.lexicon's.
"""

from __future__ import annotations

import re
from typing import Any

from harness.lemmas import word_lemma
from harness.lexicon import REPORT_VERBS

# verbs that put a question to someone: "asked whether", "pressed on whether"
ASKING = frozenset(
    "ask asks asked asking question questioned press pressed quiz quizzed query queried".split()
)
# verbs and nouns of a reply: "he replied no", "her answer was no"
REPLYING = frozenset("answer reply replied replies respond response".split()) | REPORT_VERBS
_ANSWER_WORDS = {"no": "no", "yes": "yes"}
_ANSWER_DEPS = frozenset({"attr", "intj", "dobj", "npadvmod", "advmod", "acomp", "ccomp"})
_QUESTION_MARKS = frozenset({"whether", "if"})
# what names the opposite: "said the opposite", "quite the reverse"
_OPPOSITES = frozenset("opposite reverse contrary".split())
# words a denied saying may end on before its correction: "did not say X either - ..."
_TRAILING = frozenset("either though however".split())
_SUBJECT_WORDS = frozenset("he she they it we i".split())


def _lemma(tok: Any) -> str:
    return word_lemma(tok.lower_)


def opens_a_question(clause: Any) -> bool:
    """Whether the clause headed by `clause` (a spaCy token) is an indirect yes/no question:
    it opens with "whether" or "if" ("asked whether he would leave")."""
    return any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children)


def _question_clause(tok: Any) -> Any | None:
    """The whether/if clause `tok` lies in, the complement of a verb of asking, else None."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "pcomp") and opens_a_question(node):
            asker = node.head
            if node.dep_ == "pcomp" and asker.dep_ == "prep":
                asker = asker.head  # "pressed on whether ..."
            asking = _lemma(asker) in ASKING or asker.lower_ in ASKING
            return node if asking and asker.pos_ == "VERB" else None
        node = node.head
    return None


def _asker(question: Any) -> Any:
    head = question.head
    return head.head if question.dep_ == "pcomp" and head.dep_ == "prep" else head


def _bare_answer(reply: Any, after: int) -> str | None:
    """ "no"/"yes" when the verb `reply` says or is a bare answer after token `after` ("the
    owner said no", "her answer was no"), not denied ("did not say no")."""
    said = (
        _lemma(reply) in REPLYING
        or reply.lower_ in REPLYING
        or any(c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in REPLYING for c in reply.children)
    )
    if not said or any(k.dep_ == "neg" for k in reply.children):
        return None
    for c in reply.children:
        if c.i > after and c.dep_ in _ANSWER_DEPS and c.lower_ in _ANSWER_WORDS:
            return _ANSWER_WORDS[c.lower_]
    return None


# the next sentence answers with a bare "no"/"yes": "His answer: no.", "He said no."
_NEXT_ANSWER = re.compile(
    r"\s*(?:(?:his|her|their|the)\s+(?:answer|reply|response)\s*(?::|was|is)\s*"
    r"|(?:he|she|they)\s+(?:said|answered|replied)\s+)?(?:a\s+)?(?:flat\s+)?"
    r"(no|yes)\s*(?:[.!;]|$)",
    re.IGNORECASE,
)


def asked_and_answered(doc: Any, spans: list[tuple[int, int]], after: str = "") -> str | None:
    """ "no" or "yes" when the claim at `spans` (character offsets in the parsed sentence
    `doc`) is the question of an asking verb and a bare "no" or "yes" answers it: a main
    clause after "Asked whether X, ..." / "When asked if X, ..." ("the owner said no",
    "her answer was no"), a verb coordinated with the asking one ("was asked whether X and
    said no"), or the next sentence (`after`: the text that follows the sentence), when
    the asking verb is the sentence's own ("She was asked whether X. Her answer: no.");
    else None."""
    toks = [t for a, b in spans for t in doc if t.idx < b and t.idx + len(t.text) > a]
    if not toks:
        return None
    questions = {q.i: q for q in (_question_clause(t) for t in toks) if q is not None}
    if len(questions) != 1 or not all(_question_clause(t) is not None for t in toks):
        return None
    asker = _asker(next(iter(questions.values())))
    if asker.dep_ == "advcl":
        return _bare_answer(asker.head, asker.right_edge.i)
    if asker.dep_ != "ROOT" or any(k.dep_ == "neg" for k in asker.children):
        return None
    for c in asker.children:
        if c.dep_ == "conj" and c.i > asker.i:
            return _bare_answer(c, c.i)
    m = _NEXT_ANSWER.match(after)
    return m.group(1).lower() if m else None


def opposite_said_after(said: Any) -> bool:
    """Whether the clause `said`, what a denied saying embeds, is followed right away by
    the opposite, said ("He did not say the shop would open - he said the opposite: ...",
    "... either; if anything, the reverse"): the denial is of what was not said."""
    doc = said.doc
    i = said.right_edge.i + 1
    while i < len(doc) and (doc[i].is_punct or doc[i].lower_ in _TRAILING):
        i += 1
    words = list(doc[i : i + 5])
    if (
        len(words) >= 2
        and words[0].lower_ in _SUBJECT_WORDS
        and (_lemma(words[1]) in REPLYING or words[1].lower_ in REPLYING)
    ):
        words = words[2:]
    elif words[:2] and " ".join(t.lower_ for t in words[:2]) == "if anything":
        words = words[2:]
        while words and words[0].is_punct:
            words = words[1:]
    return _names_the_opposite([t.lower_ for t in words])


def _names_the_opposite(words: list[str]) -> bool:
    return (
        len(words) >= 2
        and words[0] in ("the", "quite", "just")
        and any(w in _OPPOSITES for w in words[1:3])
    )


def starts_with_the_opposite(text: str) -> bool:
    """Whether `text` opens with the opposite said ("he said the opposite", "quite the
    reverse"), as `opposite_said_after` reads it in the parse, for text not parsed yet."""
    words = [w.strip(",.;:-\u2013\u2014").lower() for w in text.split()[:6]]
    words = [w for w in words if w and w not in _TRAILING]
    if len(words) >= 2 and words[0] in _SUBJECT_WORDS and word_lemma(words[1]) in REPLYING:
        words = words[2:]
    return _names_the_opposite(words)


def answer_in_sentence(norm: str, sentence: tuple[int, int], combo) -> str | None:
    """`asked_and_answered` for a claim found by the matcher: `norm` the candidate's text,
    `sentence` the (start, end) of the claim's sentence, `combo` its (slot, span) pairs.
    Only a sentence that puts a question with an asking verb is parsed for it."""
    from harness import syntax  # syntax reads this module's opposite_said_after

    s, e = sentence
    text = norm[s:e]
    low = text.lower()
    if (
        syntax.parser() is None
        or e - s > syntax.MAX_SENTENCE
        or not any(f" {w} " in low for w in _QUESTION_MARKS)
        or not any(w in low for w in ("ask", "question", "press", "quiz", "quer"))
    ):
        return None
    spans = [(a - s, b - s) for _, (a, b) in combo if s <= a and b <= e]
    after = norm[e : e + 60]
    return asked_and_answered(syntax.parse(text), spans, after) if spans else None

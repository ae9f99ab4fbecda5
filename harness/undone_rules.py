"""Rules for claims that are asked for, aimed at, sought or only near: not done.

Each rule is general English, never the words of one article; each has made-up examples
about other topics in tests/test_wording_rules.py. The word lists here are general
lexicons, named by role. Used by harness.syntax (the parse reading of a claim) and
harness.matcher (a fact whose own statement is such a wish keeps its claim).

- ``sought_object``: what is sought, asked for, awaited or owed is not yet had: "the
  families are seeking compensation", "are still waiting for a refund", "applied for
  compensation", "are entitled to a refund", "were promised bonuses" assert nothing of
  the families getting it (neither that they did nor that they did not). The verb must be
  no slot of the fact; a fact whose own statement is sought the same way keeps it.
- ``requested``: an infinitive asked for, urged or pressed for ("the council urged the
  mayor to resign", "calls for the mayor to resign grew", "is under pressure to resign",
  "has been asked to resign"), or a bare subjunctive clause demanded ("demanded that the
  mayor resign"), is not done: the claim in it asserts nothing, unless the
  request itself is denied ("rejected calls to resign" keeps its double negation), or a
  slot is the asker ("the teacher asked pupils to change answers" is the teacher's act,
  which a fact may state as "had pupils change answers"). A fact
  whose own statement is such a request ("asked the court to drop the case") is stated by
  a summary that words it as one (one hedge label for every verb and noun of asking); so
  is a fact about a wish ("The family does not want the death penalty": "urged
  prosecutors to take the death penalty off the table" states it), `without_own_request`.
- ``aimed``: an infinitive that a verb or adjective of aiming, wishing or trying governs
  ("wants to win the award", "is keen to sign", "tried to steal the van", "is bidding to
  become") is not done, negated or not ("does not want to win it" says nothing of winning):
  a hedge, with the same exception for a fact whose own statement is such an aim
  ("Arsenal want to sign a striker"; `without_own_request`), or about the future ("The
  chain will add a charge": "plans to add a charge" states it). "Managed to", "went on to",
  "decided/agreed/voted to" are not aims. A clause hoped for or feared ("police hope the
  statue will be found") is not done either.
- ``path_cues``: words on the claim's path that deny it or leave it undone: "was cleared
  of / acquitted of stealing the painting" and "were unable to beat them" deny it (with
  the word rules' "cleared of", "acquitted", "unable to"); "are close to a deal", "on the
  verge of a deal" and "in talks over a deal" leave it undone (a hedge), as does
  "negotiating a deal" (`sought_object`).
- ``refused_closer``: a closer refused ("refused / declined / failed to rule out leaving")
  leaves the question open, as "did not rule out" does: a hedge, and neither the refusal
  nor the closer counts as a negation.
- ``negated_degree``: a negation right before an adverb of degree denies the degree, not
  the claim ("was not seriously injured": injured, but not seriously): a hedge, so the
  statement is neither the fact that he was not injured nor its opposite.
- ``answered_question``: a question put to someone and answered in the same sentence
  ("Asked if he would leave, Moss said no"; "When asked whether ..., she replied: 'Yes'")
  states the answer: "no" denies the claim, "yes" asserts it, and the "if"/"whether" no
  longer hedges it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from harness.reply_rules import ASKING, opens_a_question
from harness.wording_rules import REQUEST_NOUNS

# verbs whose object is wanted, asked for, awaited or owed, not had (general lexicon):
# with a direct object ("seek compensation", "await a ruling", "were promised a bonus")
SEEKING_VERBS = frozenset(
    """seek want demand request await crave desire covet promise owe negotiate
    pursue chase""".split()
)
# ... and with "for" ("wait for", "call for", "apply for"); adjectives with "to"/"for"
# ("entitled to", "eligible for")
SEEKING_FOR = frozenset(
    """ask call apply wait push press campaign fight lobby sue bid vie hope pray clamour
    clamor appeal plead beg petition""".split()
)
SEEKING_ADJECTIVES = frozenset("entitled eligible due owed".split())


_IRREGULAR = {"sought": "seek", "strove": "strive", "striven": "strive", "besought": "beseech"}


def _base(word: str, known: frozenset) -> str | None:
    """`word`'s base form when it is a form of a verb in `known` ("seeking", "applied",
    "waits", "begged"), else None."""
    w = _IRREGULAR.get(word.lower(), word.lower())
    if w in known:
        return w
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),
        ("ing", "e"),
    ):
        if w.endswith(suffix) and len(w) >= len(suffix) + 2:
            cand = w[: -len(suffix)] + repl
            if cand in known:
                return cand
            if len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in known:
                return cand[:-1]  # "begged"
    return None


def _seeks(node, came) -> str | None:
    """The verb (or adjective) `node` as one that seeks what `came` up from, else None."""
    if node.pos_ in ("VERB", "AUX"):
        # a noun object only: "did not want to sit on it" is a wish about an act, which
        # a fact may well be about ("did not want to touch the seat")
        if came.dep_ in ("dobj", "dative", "nsubjpass"):
            verb = _base(node.text, SEEKING_VERBS)
            if verb is not None and (came.dep_ != "nsubjpass" or verb in ("promise", "owe")):
                return verb
        if came.dep_ == "prep" and came.lower_ == "for":
            return _base(node.text, SEEKING_FOR)
    if (
        node.pos_ in ("ADJ", "VERB")
        and came.dep_ == "prep"
        and came.lower_ in ("to", "for")
        and node.lower_ in SEEKING_ADJECTIVES
    ):
        return node.lower_
    return None


def sought_object(heads: list, anchor, inside: set) -> str | None:
    """A hedge ("seek: sought, not had") when a slot reaches the claim's `anchor` (spaCy
    tokens) through a verb that seeks, asks for, awaits or is owed it, and that verb is
    no slot (`inside`: the slots' token indices); else None."""
    for h in heads:
        node, came = h, None
        while True:
            if came is not None and node.i not in inside:
                verb = _seeks(node, came)
                if verb is not None:
                    return f"{verb} (sought, not had)"
            if node.i == anchor.i or node.head.i == node.i:
                break
            came, node = node, node.head
    return None


# verbs of asking or urging someone to do something (general lexicon): what they ask for
# is not done by saying so ("ordered", "forced", "persuaded" are left out: they report
# an outcome or an obligation that facts often state)
REQUEST_VERBS = frozenset(
    """ask urge call press pressure push implore beg encourage invite plead petition lobby
    appeal demand request exhort""".split()
)
REQUESTED = "asked to (a request, not done)"


def _requested_verb(head) -> bool:
    return head.pos_ in ("VERB", "AUX") and _base(head.text, REQUEST_VERBS) is not None


# verbs whose "that" clause in the bare subjunctive is asked for, not done ("demanded that
# the club sell him"; "insisted that the club sold him" is a report)
SUBJUNCTIVE_REQUESTS = frozenset("demand request urge ask insist recommend propose".split())


def _subjunctive_request(v, head) -> bool:
    """ "demanded that the club sell him / should sell him": a base form where a singular
    subject would take "sells", or "should", under a verb of requesting."""
    if v.dep_ != "ccomp" or head.pos_ not in ("VERB", "AUX"):
        return False
    if _base(head.text, SUBJUNCTIVE_REQUESTS) is None:
        return False
    kids = list(v.children)
    if any(c.dep_ == "aux" and c.lower_ == "should" for c in kids):
        return True
    if any(c.dep_ in ("aux", "auxpass") for c in kids):
        return False  # "insisted it would sell": a modal, no subjunctive
    singular = any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in kids)
    return v.tag_ in ("VB", "VBP") and singular


def requested(heads: list, inside: set) -> Any | None:
    """The infinitive (a spaCy token) that a verb or noun of asking governs and that holds
    a slot of the claim ("urged the mayor to resign": resign), the request word itself no
    slot; else None."""
    for h in heads:
        for v in (h, *h.ancestors):
            in_request = v.pos_ in ("VERB", "AUX") and v.head.i not in inside
            if in_request and _subjunctive_request(v, v.head):
                return v
            if v.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in v.children
            ):
                continue
            head = v.head
            if head.i == v.i or head.i in inside:
                continue
            if v.dep_ in ("xcomp", "ccomp") and _requested_verb(head):
                asker = [c for c in head.children if c.dep_ == "nsubj"]
                if any(t.i in inside for c in asker for t in c.subtree):
                    return None  # the claim is the asker's act: "Guffick asked pupils to ..."
                return v
            noun = head.lower_ in REQUEST_NOUNS or head.lower_ == "pressure"
            if v.dep_ in ("acl", "relcl", "advcl") and head.pos_ == "NOUN" and noun:
                return v
    return None


def request_hedge(infinitive: Any, negations: dict) -> str | None:
    """REQUESTED for a claim inside the requested `infinitive` (see `requested`), unless
    one of the claim's `negations` (token index -> cue) lies outside that infinitive: the
    request is then itself denied ("rejected calls to resign")."""
    if infinitive is None:
        return None
    held = {t.i for t in infinitive.subtree}
    if any(i not in held for i in negations):
        return None
    return REQUESTED


_WORD = re.compile(r"[A-Za-z]+")
_FUTURE = frozenset("will would shall ll wo going".split())
# verbs and adjectives of aiming, wishing or trying whose infinitive is not (yet) done
AIM_VERBS = frozenset(
    """want hope plan aim try attempt intend seek wish bid strive look desire threaten vow
    pledge promise offer prepare scramble battle struggle target prefer appear seem""".split()
)
AIM_ADJECTIVES = frozenset("keen eager desperate determined anxious ready willing".split())
AIMED = "wants to (an aim, not done)"
HOPED = "hopes that (hoped for, not asserted)"
# verbs whose "that" clause is hoped for or feared, not asserted ("hope the statue will
# be found", "fear the bridge could collapse")
HOPING_VERBS = frozenset("hope wish pray fear".split())
_WISH_VERBS = SEEKING_VERBS | REQUEST_VERBS | AIM_VERBS | frozenset("wish prefer fear pray".split())


def without_own_request(statement: str, hedges: tuple[str, ...]) -> tuple[str, ...]:
    """A claim's hedges less REQUESTED when the fact's own `statement` is about a wish or a
    request ("The family does not want the death penalty"): a request states the wish."""
    if not {REQUESTED, AIMED, HOPED} & set(hedges):
        return hedges
    words = _WORD.findall(statement)
    if any(_base(w, _WISH_VERBS) or w.lower() in AIM_ADJECTIVES for w in words):
        return tuple(h for h in hedges if h not in (REQUESTED, AIMED, HOPED))
    if AIMED in hedges and any(w.lower() in _FUTURE for w in words):
        # a fact about what will happen ("The chain will add a service charge") is stated
        # by the intention to do it ("plans to add a service charge")
        return tuple(h for h in hedges if h != AIMED)
    return hedges


def aimed(heads: list, inside: set) -> Any | None:
    """The infinitive (a spaCy token) holding a slot of the claim that a verb or adjective
    of aiming, wishing or trying governs ("wants to win the award": win), that word no
    slot itself; else None."""
    for h in heads:
        for v in (h, *h.ancestors):
            if v.pos_ not in ("VERB", "AUX") or v.head.i in inside:
                continue
            head = v.head
            if v.dep_ != "xcomp":
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                continue
            if head.pos_ in ("VERB", "AUX") and _base(head.text, AIM_VERBS) is not None:
                return v
            if head.pos_ == "ADJ" and head.lower_ in AIM_ADJECTIVES:
                return v
    return None


def hoped(heads: list, inside: set) -> Any | None:
    """The verb (a spaCy token) of a clause holding a slot of the claim that a verb of
    hoping or fearing governs ("police hope the statue will be found": found), that verb
    no slot itself; else None."""
    for h in heads:
        for v in (h, *h.ancestors):
            if (
                v.dep_ == "ccomp"
                and v.head.i not in inside
                and v.pos_ in ("VERB", "AUX")
                and _base(v.head.text, HOPING_VERBS) is not None
            ):
                return v
    return None


def _governs(verb, anchor) -> bool:
    """Whether the infinitive `verb` is the claim's `anchor` or above it: the claim is that
    act, not something named inside one of its noun phrases ("aiming to beat the record
    held by X" takes for granted who holds the record)."""
    return verb is not None and (verb.i == anchor.i or any(a.i == anchor.i for a in verb.ancestors))


def infinitive_hedges(heads: list, anchor, inside: set, negations: dict) -> tuple[str, ...]:
    """The hedges of a claim whose act is an infinitive asked for (`requested`,
    `request_hedge`) or aimed at (`aimed`); `anchor`: the claim's anchor token;
    `negations`: the claim's negation cues by token index."""
    out = []
    asked = requested(heads, inside)
    if _governs(asked, anchor) and request_hedge(asked, negations):
        out.append(REQUESTED)
    if _governs(aimed(heads, inside), anchor):
        out.append(AIMED)
    if _governs(hoped(heads, inside), anchor):
        out.append(HOPED)
    return tuple(out)


# verbs that clear someone of what they are said to have done ("cleared of theft")
CLEARING_VERBS = frozenset("clear acquit exonerate absolve".split())
# adjectives whose infinitive did not, or cannot, happen ("unable to beat them")
UNABLE_ADJECTIVES = frozenset("unable incapable powerless".split())
# "close to a deal", "near a deal", "on the verge / brink / cusp of a deal": not yet
_NEAR = {"close": "to", "verge": "of", "brink": "of", "cusp": "of"}


def _gerund_object(prep) -> bool:
    """Whether the preposition `prep` takes a gerund ("of stealing", "to signing")."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def _cleared_of(verb, prep) -> bool:
    """ "acquitted / exonerated / absolved of X", and "cleared of" a gerund ("cleared of
    stealing"): "cleared of snow" is a place made clear, no charge denied."""
    base = _base(verb.lower_, CLEARING_VERBS)
    return base is not None and (base != "clear" or _gerund_object(prep))


def _not_yet(prep) -> bool:
    """ "close to signing", "close to a deal": a gerund or an indefinite noun after "close
    to" ("close to the stadium" is a place); anything after "on the verge / brink of"."""
    if prep.head.lower_ != "close" or _gerund_object(prep):
        return True
    return any(
        c.dep_ == "pobj" and any(k.dep_ == "det" and k.lower_ in ("a", "an") for k in c.children)
        for c in prep.children
    )


# "talks over a deal", "negotiations on a contract": sought, not had
_TALKS = frozenset("talks negotiations discussions".split())
_TALK_PREPS = frozenset("over about on for".split())


def path_cues(heads: list, anchor, inside: set) -> tuple[list, list]:
    """(negation cues as (token index, text), hedges) found on the way from each slot head
    up to the claim's `anchor` and on within the anchor's own clause (spaCy tokens;
    `inside`: the slots' token indices)."""
    negs, hedges = [], []
    for h in heads:
        node, came, above = h, None, False
        while True:
            if came is not None and node.i not in inside:
                word = node.lower_
                if (
                    node.pos_ in ("VERB", "AUX")
                    and came.dep_ == "prep"
                    and came.lower_ == "of"
                    and _cleared_of(node, came)
                ):
                    negs.append((node.i, f"{node.text} of"))
                elif word in UNABLE_ADJECTIVES and came.dep_ == "xcomp":
                    negs.append((node.i, node.text))
                elif _NEAR.get(word) == came.lower_ and came.dep_ == "prep" and _not_yet(came):
                    hedges.append(f"{word} {came.lower_} (not yet)")
                elif word in _TALKS and came.dep_ == "prep" and came.lower_ in _TALK_PREPS:
                    hedges.append(f"{word} {came.lower_} (sought, not had)")
            if node.head.i == node.i:
                break
            above = above or node.i == anchor.i
            if above and node.dep_ in _CLAUSE_EDGES:
                break  # past the anchor, only within its own clause ("were unable to X")
            came, node = node, node.head
    return negs, hedges


# relations that start a clause of its own: the walk above the anchor stops there
_CLAUSE_EDGES = frozenset("advcl relcl ccomp parataxis conj appos csubj acl".split())


# verbs that close a question ("rule out", "exclude"), as in harness.lexicon.CLOSERS, and
# verbs that refuse what they embed: "refused to rule out X" leaves X open
_CLOSER_WORDS = frozenset("rule ruled rules ruling exclude excluded excludes excluding".split())
_REFUSING = frozenset(
    "refuse refused refuses refusing decline declined declines declining fail failed fails "
    "failing".split()
)


def refused_closer(heads: list, inside: set, reading: Any) -> Any:
    """The parse's `reading` with a refused closer ("refused to rule out X") read as a
    question left open: its two negations dropped, a hedge added."""
    if reading is None or len(reading.negations) < 2:
        return reading
    for h in heads:
        for node in h.ancestors:
            if node.i in inside or node.lower_ not in _CLOSER_WORDS or node.dep_ != "xcomp":
                continue
            if node.lower_.startswith("rul") and not any(c.lower_ == "out" for c in node.children):
                continue
            head = node.head
            if head.lower_ not in _REFUSING or head.i in inside:
                continue
            cues = list(reading.negations)
            for text in (head.text, f"{node.text} out", node.text):
                if text in cues:
                    cues.remove(text)
            if len(cues) > len(reading.negations) - 2:
                return reading  # not the two cues of this pair
            closer = f"{node.text} out" if node.lower_.startswith("rul") else node.text
            hedge = f"{head.text} to {closer}"
            return replace(
                reading,
                negations=tuple(cues),
                hedge=reading.hedge or hedge,
                hedges=(*reading.hedges, hedge),
            )
    return reading


# adverbs of degree: "not seriously hurt" denies how much, not whether
DEGREE_ADVERBS = frozenset(
    """seriously badly severely critically gravely significantly substantially greatly
    fully entirely completely totally wholly permanently""".split()
)


def negated_degree(after_not: Any) -> str | None:
    """A hedge when the word right after a negation (a spaCy token, or None) is an adverb
    of degree ("not seriously"), else None."""
    if after_not is None or after_not.lower_ not in DEGREE_ADVERBS:
        return None
    return f"not {after_not.lower_} (a degree denied)"


_ANSWERS = {"no": True, "nope": True, "yes": False, "yeah": False}


def answered_question(heads: list, inside: set, reading: Any) -> Any:
    """The parse's `reading` of a claim in a question that the sentence itself answers
    ("Asked if he would leave, Moss said no"): the answer's polarity, no question hedge."""
    if reading is None:
        return reading
    for h in heads:
        for node in (h, *h.ancestors):
            if node.dep_ != "ccomp" or not opens_a_question(node):
                continue
            asked = node.head
            if asked.lower_ not in ASKING or asked.dep_ != "advcl" or asked.i in inside:
                return reading
            question = {t.i for t in node.subtree}
            if all(x.i in question for x in heads):
                return reading  # the whole claim is asked: harness.reply_rules reads it
            said = asked.head
            answer = [
                c for c in said.children if c.lower_ in _ANSWERS and c.dep_ in ("intj", "dobj")
            ]
            if not answer:
                return reading
            hedges = tuple(x for x in reading.hedges if not x.startswith(("whether", "if")))
            negations = reading.negations
            if _ANSWERS[answer[0].lower_]:
                negations = (*negations, f"{said.text} {answer[0].text}")
            return replace(
                reading, negations=negations, hedges=hedges, hedge=hedges[0] if hedges else None
            )
    return reading

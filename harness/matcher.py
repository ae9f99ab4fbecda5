"""Fact verdicts: present / absent / contradicted, with evidence and a confidence.

Word rules (stdlib regexes) find where a claim is stated; harness.syntax reads how.

How a verdict is reached, for one candidate and one fact:

0. A text written without capitals (most sentences open in lowercase) gets the
   case of acronyms ("nhs", "bbc", "u.n.") back, and of "us" where it reads as the
   country ("the us", "us firms", "us will"; not "told us that", "let us").
1. The candidate is split into sentences (harness.text.sentence_spans, so
   markdown bullets are sentences; a line opened by an arrow, check mark or other
   symbol is a list item too) and each sentence into *clauses* at strong
   boundaries (``; : ( )``, spaced dashes, and contrastive conjunctions: but,
   while, whereas, although, though, however, yet; not an aside between commas
   after a bare subject: "The club, meanwhile, kept ...", or inside an open
   predicate: "would not, however, carry ..."; nor the concessive "however
   large their deployment"). A verbless label before a colon (up to 16 words;
   a participle followed by a preposition, "made up of", is no verb) is a
   topic: it asserts nothing itself, and the clause after the colon says what
   of it ("Temporary staff in the museum: none"). A spaced "->" reads "to" ("lease:
   club -> council"). Inside a clause,
   *local* sub-clauses are cut at ", and", "and that", "nor" + auxiliary,
   relative pronouns after a comma (", which", ", who"; the relative clause
   ends at a comma followed by the main verb, and the subject before it and
   that main verb count as one local sub-clause for a claim: "The club,
   which founded the fair, kept the lease"), "and"/"or" before a verb that
   negates by itself ("exclude temporary staff and lack overtime pay"), a
   participle after a comma
   (", leaving ..."), an adverbial clause with its own subject ("as the coach
   rules out ...", "as the BBC takes over ..."), the comma closing an
   introductory clause with its own subject and verb ("With the club handing
   the lease to the council, ...") and at "and"/"or" joining two finite clauses;
   local sub-clauses bound negation and hedges. An aside between a pair of
   dashes is a local sub-clause of its own, and the words before and after it
   are one ("Overtime pay, he said, was something the staff -- whatever
   ..., and even if ... -- should not expect to claim"). The antecedent right
   before ", which" / ", who" may count as part of the relative clause ("the
   city council, which still runs the fair").
2. The fact's claim (its slots, from facts.toml) is found in a clause when every
   slot matches, the matches are within ``max_gap`` words of each other, in the
   declared ``order``, and no match sits right after a ``not_after`` phrase or
   right before a ``not_before`` phrase. A ``shared`` phrase fills every slot
   at once ("GIs" is both the who and the what).
3. Negation: determiner-like cues (no, without, excluding, lacking, none of,
   zero, "0", rather than, instead of, other than, outside, ", not X") negate the
   words that follow them up to a verb, punctuation or the end of the local
   sub-clause; an alternative named after "rather than", "instead of" or
   ", not" ends at the verb it is a subject of ("the council rather than the club
   held the lease": only "the club" is negated), or after the second of two
   contrasted proper modifiers ("under Danish rather than Dutch
   ownership": only "Dutch"); predicate cues (not,
   n't, never, no longer, nor + auxiliary, also past an aside: "Nor, he
   said, would ...", ruled out, refused, declined, rejected,
   dismissed, denied, excluded, lacks, turned down, off the table, stay/keep/
   remain ... out/home/on the sidelines) negate their local sub-clause: cues
   after the claim, and cues up to 6 words before it; a negated auxiliary
   ("would not be able to lean on ...", "Nor would ...") reaches 20 words
   further unless a complement ("that", "if") intervenes. A slot covered by an
   odd number of cues is negated ("did not rule out", "not without" count two
   and cancel); the claim is negated when any of its slots is. A cue past a
   comma after the claim ("no place in the force, a force ... lacking ...")
   negates an unnegated claim but does not cancel a negation it already has,
   and does nothing when the claim has a finite verb of its own before that
   comma ("Staff + volunteers will run the fair, the club not joining it").
   "+" and "&" join like "and"; a bare "no." answers a question or a label.
4. Hedges in the local sub-clause (may, might, possibly, perhaps, likely,
   unclear, whether, considering, "did not rule out", "would not exclude",
   "did not say", "said nothing (clear)", "gave no clear answer", "was silent
   on", an open question: "remains an open question", "yet to be
   decided", "up in the air"; "could" with a future time: "could take over
   ... at a later meeting / going forward", while "could invoke" is an ability
   and asserts; a
   preceding "if" unless a modal after the if-clause's own verb opens the
   main clause: "if it ran into heavy rain it could not count on ...")
   and a question ("Temporary staff in the museum?") make the statement assert
   nothing: the fact stays absent. "whether X or Y" leaves the alternative
   after "or" open too; "Perhaps more strikingly," / "perhaps surprisingly,"
   evaluate and do not hedge; "neither confirmed nor denied/excluded" hedges;
   reports the statement sets itself against ("contrary to / in contrast
   to / despite some reports") do not hedge. Attribution ("reportedly", "according to",
   "said") still asserts.
5. Scope: an ``exclude`` word (not inside the claim's own words) in the
   claim's local sub-clause(s) with no context word there puts it out of scope
   ("The team will not get a bonus through its league membership, he said, and
   the staff ..."; a sub-clause opened by "and" + a verb shares the words
   before it: "The team will be in the league and have a bonus"); otherwise the
   nearest level (clause, sentence, then sentences within
   ``window``) holding a ``context`` or ``exclude`` word decides; context wins
   a tie; a fact with context words and none nearby is not in scope.
6. The claim with the fact's polarity -> present. The claim with the other
   polarity -> contradicted when ``opposite = "contradicts"``, the clause also
   has an ``opposite_requires`` word, and the context is in the same sentence,
   or in a preceding sentence within ``window`` when the claim's local
   sub-clause has a pronoun that refers back to it ("He proposed reopening the
   bridge. He added that the council would fund it.") or the sentence goes on
   with the previous one ("He added that ...", "Moreover, ...").
   A declared ``[[fact.contradiction]]`` claim, asserted (not negated, not
   hedged, no ``unless`` word in its own sub-clause) in scope -> contradicted. When both a
   present and a contradicted reading exist the more confident wins; at the same
   confidence the later sentence wins, and in one sentence contradicted does; the
   losing reading is reported as ``other_*``.

With spaCy's English pipeline installed (harness/syntax.py), steps 3 and 4 are read
from a dependency parse of the sentence instead of word windows: negation cues that
govern the claim, hedges, embedded and reported clauses, who did what. The word rules
above stay for verbless labels ("Temporary staff: none"), run-on sentences, and as a
second opinion: a statement counts as a contradiction only when both read it so, except
where the parse resolved a double negation; a negation only the parse sees, on a claim the
word rules read as asserted, sets the statement aside. Of several slot assignments in a
clause, the parse reads those whose slots it joins most closely; a declared contradiction
whose slots the parse places in different clauses, or whose passive verb reverses its
written order, is set aside. A yes/no question answered by the next sentence ("Will they
join? No.") and a later denial the parse does not join ("..., but Y denied it", "...; or
rather, it did not") are read from the words.

Evidence is the sentence that decided the verdict, exactly as it appears in
the candidate (``text[span[0]:span[1]]``). An ``absent`` verdict carries the
nearest partial evidence when there is one (a hedged or out-of-scope
statement of the claim), else None.

Confidence (0..1): 0.92 for a claim with context in its own clause, 0.88 in
its sentence, 0.75 in a neighbouring sentence, minus 0.05 for double
negation; absent is 0.95 with no mention of any slot, 0.8 with a partial
mention, 0.6 when a full but hedged or out-of-scope statement was set aside.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise, product
from typing import Literal

from harness import (
    agent_rules,
    assertion_rules,
    clause_rules,
    coref,
    detail_rules,
    figure_rules,
    roles,
    source_names,
    syntax,
    undone_rules,
    verdict_rules,
    wording_rules,
)
from harness.fact_results import (  # noqa: F401 (the results and their cache rows, re-exported)
    FactResult,
    FactsResult,
    Verdict,
    engine_key,
    facts_cache_key,
    facts_result_from_json,
    facts_result_to_json,
)
from harness.facts import (
    Fact,
    FactSet,
    Proposition,
    alias_key,
    compile_aliases,
    fact_acronyms,
)
from harness.lexicon import DISCOURSE_HEADINGS, NEGATING_PREPOSITIONS
from harness.noun_rules import (
    clause_without_shares,
    share_asserts_some,
    title_before_a_name,
    without_shares,
)
from harness.reply_rules import answer_in_sentence
from harness.safe_regex import recompile
from harness.scope_rules import INFINITIVE_TO, NO_SUCH_RETRACTION, in_condition
from harness.text import fold_keep_offsets, sentence_spans

# ---------------------------------------------------------------- lexicon
# Generic English; nothing here is specific to an article.

_I = re.IGNORECASE
_FINITE = (
    r"will|would|shall|should|can|could|may|might|must|is|are|was|were|be|been|being|"
    r"has|have|had|do|does|did|won't|wouldn't|can't|cannot|isn't|aren't|wasn't|weren't|"
    r"doesn't|don't|didn't|hasn't|haven't|shouldn't|couldn't"
)
_FINITE_RE = re.compile(rf"\b(?:{_FINITE})\b", _I)
# the tensed ones only (not "be", "been", "being", "have", which follow another)
_TENSED = "|".join(w for w in _FINITE.split("|") if w not in ("be", "been", "being", "have"))
_TENSED_RE = re.compile(rf"\b(?:{_TENSED})\b", _I)
# finite-looking verbs, only to decide whether "and" joins two clauses
_VERBISH = re.compile(
    r"\b(?:[a-z]{2,}ed|said|says|told|tells|took|takes|made|makes|gave|gives|spoke|speaks|"
    r"became|met|sent|kept|held|led|leads|ran|runs|wants|argued|added|insisted|noted)\b"
)
# "nor would", "Nor, he said, would": "nor" opening a clause with an inverted auxiliary
_NOR_AUX = r"nor(?=(?:\s*,[^,;:.]{1,40},)?\s+(?:" + _FINITE + r")\b)"
_PRE_CUE_WORDS = 6  # a negation before the claim reaches at most this many words
_AUX_CUE_WORDS = 20  # ... a negated auxiliary ("would not be able to lean on ...") this many more

# "play no part", "have no role": a negated predicate, not a negated noun
_NO_ROLE = (
    r"\s+(?:\w+\s+)?(?:role|part|place|presence|involvement|participation|contribution|share)\b"
)
# Cues that negate the words after them (a noun phrase).
_FORWARD = re.compile(
    r"\b(?:no(?!\s+(?:longer|doubt|matter|sooner|less|more\s+than)\b)(?!\s*(?:[.!;),:\u2013\u2014]|-\s|$))(?!"
    + _NO_ROLE
    + r")|without|w/o|excluding|"
    r"exclusion\s+of|except(?:\s+for)?|minus|free\s+of|absence\s+of|lack\s+of|"
    r"(?:strip|strips|stripped|stripping|deprive[sd]?|depriving|robs?|robbed|robbing)\s+"
    r"(?:\w+\s+){0,3}?of|"
    r"none\s+of|zero(?!\s*(?:[.!;)]|$))|(?<![\w.,$\-\u2013:/])0(?=\s+[A-Za-z])|barring|rather\s+than|instead\s+of|in\s+place\s+of|(?<!\banything\s)(?<!\bnothing\s)(?<!\banyone\s)(?<!\bnone\s)other\s+than|"
    r"not\s+including|outside(?:\s+of)?|not\s+even|neither|(?!" + _NOR_AUX + r")nor|"
    r"non(?=[\s-]))\b",
    _I,
)
# "not X but Y" with the same word opening X and Y ("not by the U.S. but by the UK", "not
# the coach but the captain"): the "not" is X's, and "but" joins no new clause
_NOT_BUT = re.compile(
    r"\bnot\s+(by|in|to|for|from|with|at|on|the|a|an)\s+[^,;:.!?]{1,80}?(?=\bbut\s+\1\b)", _I
)  # ends where the "but" starts
# "not" after a comma or a conjunction, or opening a clause, negates what follows: ", not the club,"
_NOT_FORWARD = re.compile(
    r"(?:^|[,(-]|\b(?:and|but|or)\b)\s*(not)\b(?!\s+(?:only|just|least)\b)", _I
)

# Cues that negate their whole local sub-clause.
_PREDICATE = re.compile(
    r"\b(?:(?:keep|keeps|kept|keeping|stay|stays|stayed|staying|remain|remains|remained|"
    r"remaining|sit|sits|sat|sitting|stand|stands|stood|standing|hold|holds|held|holding)"
    r"(?:\s+\w+){0,4}?\s+(?:out|outside|aside|away|clear|(?:at\s+)?home|back|on\s+the\s+sidelines?)"
    r"(?:\s+of)?|"
    r"no\s+longer|no(?="
    + _NO_ROLE
    + r")|not(?!\s+(?:only|just|least)\b)|never|cannot|\w+n't|"
    + _NOR_AUX
    + r"|refus\w*|declin\w*(?=\s+to\b)|reject\w*|dismiss\w*|rul(?:e|es|ed|ing)\s+out|"
    r"den(?:y|ies|ied|ying)|denial|exclud(?:e|es|ed)|lack(?:s|ed|ing)?|absent|"
    r"fail(?:s|ed|ing|ure)?\s+to|cleared\s+of(?=\s+\w+ing\b)|(?:exonerated|absolved)\s+of|acquit\w*|unable\s+to|barred|precludes?|precluded|withh(?:o|e)ld\w*|"
    r"turn(?:s|ed|ing)?\s+down|spurn\w*|shun(?:s|ned|ning)?|opt(?:s|ed|ing)?\s+out|"
    r"off\s+the\s+table|out\s+of\s+the\s+question|"
    r"none|nobody|nothing|"
    # a bare answer: "Overtime pay for the staff: no."
    r"(?:no|nope|zero|nil)(?=\s*(?:[.!;)]|$)))\b",
    _I,
)
# Double negations that leave a possibility open, and other hedges.
# what a negated verb leaves open: "not (yet) decided", "did not rule out", "did not say"
_UNDECIDED = r"\s+(?:yet\s+)?(?:been\s+)?(?:decided|settled|determined|resolved|finali[sz]ed)"
_RULE_OUT = r"\s+(?:\w+\s+){0,2}?(?:rul(?:e|es|ed|ing)\s+out|exclud\w*(?!\s+from\b)|preclud\w*)"
_UNSAID = (
    r"\s+(?:\w+\s+)?(?:say|said|specify|specified|comment|indicate|"
    r"mention|address|elaborate|clarify|disclose|detail|confirm|decide|discuss|talk|touch|explain|"
    r"answer|respond|reveal|spell|outline|go\s+into|get\s+into|expand|specif)\w*"
)
# "contrary to / in contrast to / unlike / despite (some) reports": reports set aside
_AGAINST = (
    r"(?<!contrary\sto\s)(?<!contrast\sto\s)(?<!\bunlike\s)(?<!despite\s)(?<!spite\sof\s)"
    r"(?<!against\s)(?<!contradicting\s)(?<!dismissing\s)(?<!denying\s)(?<!rejecting\s)"
    r"(?<!refuting\s)(?<!countering\s)(?<!correcting\s)(?<!debunking\s)"
)
# "May" the month: "on may 2", "in early may" (not the modal "may")
_MONTH_MAY = (
    r"(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bsince\s)"
    r"(?<!\bearly\s)(?<!\blate\s)(?<!\bmid\s)(?<!\bmid-)(?<!\bnext\s)(?<!\blast\s)(?<!\bthis\s)"
    r"(?<!\bfrom\s)(?<!\bthrough\s)may(?![\s-]*\d)"
)
_HEDGE = re.compile(
    r"\b(?:" + _MONTH_MAY + r"|might|possibly|maybe|potentially|unclear|uncertain|undecided|"
    # not an evaluative aside: "Perhaps more strikingly, he said ...", "perhaps surprisingly,"
    r"perhaps(?!\s+(?:(?:even\s+)?(?:more|most)\s+\w+ly\b|\w+ly\s*,))|"
    r"whether|consider\w*|weigh(?!t)\w*|open\s+to|left\s+open|leave\s+open|not\s+necessarily|"
    r"speculat\w*|rumou?r\w*|suggestions?\s+that|fears?\s+that|"
    # not reports that the statement sets itself against: "contrary to some reports, ..."
    + r"(?=(?:earlier|early|initial|media|press|some|unconfirmed|news|reports?)\b)"
    + _AGAINST
    + r"(?:(?:earlier|early|initial|media|press|some|unconfirmed|news)\s+(?:(?:early|initial|"
    r"media|press|news)\s+)?reports?|reports?\s+(?:had\s+)?suggest\w*)|"
    # "neither confirmed nor ruled out": left open
    r"neither\s+(?:\w+ly\s+)?(?:confirm\w*|den(?:y|ied|ies)|accept\w*|endorse\w*|approv\w*)\s+"
    r"nor\s+(?:\w+ly\s+)?(?:den(?:y|ied|ies)|rul\w*\s+out|exclud\w*|reject\w*|confirm\w*)|"
    r"bulk|majority|most\s+of|lion's\s+share|mainly|mostly|largely|primarily|"
    r"(?:expected|likely|poised|set)\s+to" + INFINITIVE_TO + r"|"
    r"(?:will|would|could|should)\s+(?:most\s+)?(?:likely|probably)|"
    # an unsettled question: "remains an open question", "is yet to be decided"
    r"open\s+(?:question|issue|matter)|(?:an\s+)?unresolved|unsettled|undetermined|"
    r"up\s+in\s+the\s+air|(?:yet|still)\s+to\s+be\s+\w+|to\s+be\s+(?:decided|determined|"
    r"settled|worked\s+out|negotiated|discussed|confirmed|finali[sz]ed)|under\s+(?:discussion|"
    r"review|consideration|debate)|not" + _UNDECIDED + r"|"
    r"(?:still\s+)?being\s+(?:debated|discussed|negotiated)|"
    # a possibility in the future: "could take over the lease at a later meeting"
    r"could(?!\s+not\b)(?=[^.;:!?,]{0,120}?\b(?:later|future|next|eventually|soon|someday|"
    r"one\s+day|at\s+some\s+point|down\s+the\s+(?:line|road)|in\s+the\s+coming|"
    r"in\s+(?:time|due\s+course)|going\s+forward|moving\s+forward|from\s+now\s+on|"
    r"in\s+(?:the\s+)?(?:months|years|weeks)\s+ahead|over\s+time)\b)|"
    r"(?:not|never|refus\w*\s+to|declin\w*\s+to|without)" + _RULE_OUT + r"|"
    r"(?:not|never)" + _UNSAID + r")\b",
    _I,
)
# "he said nothing (clear) about the lease", "gave no clear answer", "was silent on"
# (searched only in clauses that have one of _SILENT_HINTS)
_HEDGE_SILENT = re.compile(
    r"\b(?:(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|reveal\w*|disclos\w*)"
    r"\s+(?:\w+\s+)?nothing|"
    r"nothing\s+(?:\w+\s+)?(?:clear|definite|definitive|specific|concrete|firm|conclusive|"
    r"explicit|certain|official|detailed|precise)|"
    r"no\s+(?:clear|definite|definitive|specific|concrete|firm|conclusive|explicit|"
    r"straight|direct|detailed|precise)\s+(?:answer|word|statement|comment|position|"
    r"commitment|details?|response|reply|indication|signal)|"
    r"(?:silent|silence|mum|vague|evasive|noncommittal|non-committal|cagey)\s+"
    r"(?:\w+\s+)?(?:on|about|over|regarding|as\s+to))\b",
    _I,
)
_SILENT_HINTS = ("nothing", "no ", "silen", "mum ", "vague", "evasive", "committal", "cagey")
# the same after "n't", which is glued to its verb ("didn't say", "don't talk about")
_HEDGE_NT = re.compile(rf"n't(?:{_UNDECIDED}|{_RULE_OUT}|{_UNSAID})\b", _I)
# "n't" is glued to its verb; keep "won't" etc. one cue.
_REPORTED = re.compile(
    r"speculat|rumou?r|suggestion|fear|earl|initial|media|press|some|unconfirmed|news|report", _I
)
_OR_START = re.compile(r"[\s,]*or\b", _I)
_WHETHER = re.compile(r"\bwhether\b", _I)
_IF = re.compile(r"\b(?:if|unless|whether)\b", _I)
_COMPLEMENT = re.compile(r"\b(?:that|if|whether|unless|because|since|after|before|until)\b", _I)
_MODAL = re.compile(
    r"\b(?:will|would|shall|should|can|could|must|won't|wouldn't|can't|cannot|couldn't|"
    r"shouldn't|mustn't)\b",
    _I,
)
# the verb of an if-clause: a past form, a finite "be"/"have"/"do", or a pronoun and its verb
_IF_VERB = re.compile(
    r"\b(?:[a-z]{2,}ed|is|are|was|were|has|had|does|did|came|comes|ran|runs|found|finds|got|"
    r"gets|went|goes|fell|falls|met|meets|saw|sees|took|takes|became|becomes|broke|"
    r"(?:it|they|he|she|we|you)\s+\w+)\b",
    _I,
)
_LAST_WORD = re.compile(r"(\w+)\s*$")

_SUBORD = re.compile(
    r"\b(?:while|although|though|whereas|even\s+though|even\s+as|despite|contrary\s+to|unlike)\b",
    _I,
)
_LABEL_WORDS = (
    8  # "Temp staff: WILL be part of the crew" -- a short label before a colon is no clause
)
# a verbless label may be longer ("Overtime pay for staff in event of closure on holidays: none")
_TOPIC_WORDS = 16
# a participle in a label ("Temporary staff sent to the museum: none"), not its verb
_PARTICIPLE_NEXT = re.compile(r"\s+(?:up\s+)?(?:of|by|to|in|into|for|from|under|with|on|at)\b", _I)
_STRONG = re.compile(
    r"[;:]|\b(?:but(?!\s+not\b)|while|whereas|although|though|even\s+as|meanwhile|"
    # not the concessive "however large their deployment", "however much it costs"
    r"however(?!\s+(?:much|many|large|small|big|long|short|hard|far|often|great|high|low|"
    r"little|few|strong|serious|bad|good|well|\w+ly)\b)|"
    r"(?<!\bnot\s)(?<!\bas\s)yet(?!\s+(?:to|again|another|more)\b))\b",
    _I,
)
_LONG_DASH = re.compile("[\u2013\u2014]")
_DASH = re.compile(r"(?<=\s)--?(?=\s)")
_LOCAL = re.compile(
    r",\s*(?:and|or|so)\b|\b(?:and|or)\s+that\b|(?:,|\s-)\s*(?:which|who|whom|whose|where|when|meaning)\b|"
    r"\b(?:so\s+that|therefore|thus|because|hence)\b|\b" + _NOR_AUX + r"|"
    # "would exclude temporary staff and lack overtime pay": a second verb that negates by
    # itself has a scope of its own
    r"\b(?:and|or)\s+(?=(?:also\s+)?(?:lack(?:s|ed|ing)?|exclud(?:e|es|ed|ing)|refus\w+|"
    r"reject\w*|den(?:y|ies|ied)|rul(?:e|es|ed)\s+out|withh(?:o|e)ld\w*)\b)|"
    # a participle clause after a comma: ", leaving the United States at the helm"
    r",\s*(?!(?:including|excluding|according|regarding|concerning|following|notwithstanding|"
    r"pending|during|barring|nothing|something|anything|everything)\b)(?=[a-z]{2,}ing\b)|"
    # an adverbial clause with its own subject: "as the coach rules out new players"
    # (the subject may be a name, an acronym or "the" + a name: "as the BBC takes over")
    r"\b(?:as|after|before|since|once|when)\s+(?!(?:it|they|he|she|we)\s+(?:has|have|had|does|"
    r"did|is|was|were|always|usually)(?:\s+(?:always|usually|done|been))?\s*(?:since|for|before|"
    r"until|in|every|each|ever|previously|last|throughout|[,.;]|$))"
    r"(?=(?:he|she|they|we|it|(?:the\s+)?"
    r"(?-i:[A-Z][A-Za-z.]*[A-Za-z.])(?:\s+(?-i:[A-Z][a-z]+))?)\s+"
    r"(?:(?:\w+ly|never|always|once|still|also|not)\s+)?"
    r"(?-i:[a-z]{2,}(?:s|ed)|took|held|ran|led|won|gave|got|became|began|had)\b)|"
    r"\b(?:after|before|since|once|when)\s+(?=(?:the\s+)?(?-i:[A-Z][A-Za-z.]+)\s+"
    r"(?:\w+ly\s+)?(?-i:[a-z]{2,}ed)\b)",
    _I,
)
_AND = re.compile(r"\b(?:and|or)\b", _I)
_PLUS = re.compile(r"(?<=\s)[+&](?=\s)")  # "Staff + fans will run ...": "+" and "&" join like "and"
# an introductory clause opening a clause, with a subject of its own (not "When asked, ...",
# nor a bare role noun: "As coach, ...", "as head of ...", "as part of ...")
_INTRO = re.compile(
    r"[\s:;,(\'\"\u2018\u201c\u2013\u2014-]*(?:with|as|after|before|since|once|when|following|"
    r"now\s+that)\s+(?!(?:\w+ing|\w+ed|asked|told|such|well|much|many|"
    r"of|for|to|in|on|at|by|a|an|its|his|her|their|no|not|long|soon|far|usual|always|ever)\b)"
    r"(?!\w+(?:\s*,|\s+of\b))",
    _I,
)
_ING = re.compile(r"\b[a-z]{3,}ing\b")
_RELATIVE = re.compile(r",\s*(?:which|who|whom|whose)\b", _I)
# a participle aside with its object, whose subject is the noun before it: "Smith,
# playing his 46th game, scored" (not a preposition in -ing: "during the game")
_PARTICIPLE_ASIDE = re.compile(
    r",\s*(?!(?:during|including|according|following|regarding|concerning|excluding|"
    r"pending|considering)\b)[a-z]{2,}ing\s+(?:his|her|their|its|the|a|an)\b",
    _I,
)
_MAIN_VERB = re.compile(rf"\s*(?:\w+ly\s+)?(?:{_FINITE})\b", _I)
# the main verb after a relative clause: "The club, which handed over the lease, still attended"
_MAIN_VERB_AFTER = re.compile(
    rf"\s*(?:(?:\w+ly|still|also|then|later|now|again)\s+)?(?:{_FINITE}|(?-i:[a-z]{{2,}}ed))\b", _I
)
# a clause of its own after a relative clause: "At the fair, which the council runs, the mayor
# said ...": a subject of up to three words (no conjunction or preposition) and its verb
_CLAUSE_AFTER = re.compile(
    r"\s*(?!(?:and|or|but|nor|to|of|in|on|at|for|with|by|from|as|than|then)\b)"
    rf"(?:[\w.'\u2019-]+\s+){{1,3}}?(?:{_FINITE}|said|says|told|tells|added|(?-i:[a-z]{{2,}}ed))\b",
    _I,
)
_SCOPE_STOP = re.compile(
    rf"[,;:!?()]|\s-{{1,2}}\s|\b(?:that|which|who|whose|but|while|because|if|when|{_FINITE})\b|"
    r"(?:\b(?:and|or)|(?<=\s)[+&])\s+(?=(?:that|no|not|without|w/o|lacking|zero|0|\w+ing|"
    + _FINITE
    + r")\b)",
    _I,
)
_FORWARD_MAX_WORDS = 10
# cues naming an alternative, whose scope is a noun phrase that may be a subject
_CONTRAST = re.compile(r"rather\s+than|instead\s+of|in\s+place\s+of|not", _I)
# where a subject ends: an adverb of time or a present-tense verb ("the council rather than the
# club now runs / holds / leads ..."), or an irregular past form
_CONTRAST_VERB = re.compile(
    r"(?:now|currently|already|formally|officially|then|(?-i:[a-z]{3,}[^s\W]s)|"
    r"got|won|sat|took|held|led|ran|gave|became|kept)",
    _I,
)
_CAP_BEFORE = re.compile(r"(?<![\w.'\u2019-])(?-i:[A-Z])[\w.'\u2019-]*\s+$")
_CAP_AFTER = re.compile(r"\s+(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?-i:[A-Z])[\w.'\u2019-]*)*")
_DETERMINER = re.compile(r"(?:the|a|an|its|their|his|her|this|that|\w+ly|more|well|fully)", _I)
_MAX_CUES = 300
# a clause that opens with a conjunction and a verb shares the previous clause's subject
_ELIDED = re.compile(rf"\s*(?:but|yet|and|or)\s+(?:\w+ly\s+)?(?:{_FINITE})\b", _I)
_WORD = re.compile(r"\w+")
# a complement clause with its own subject and verb between a claim and a later cue
_THAT_CLAUSE = re.compile(rf"\bthat\s+(?:[\w'.-]+\s+){{1,4}}?(?:{_FINITE})\b", _I)
# a denial of the whole preceding clause: "..., which Manuel denied", "..., a rumour the
# club denied", "..., a report that Scotland Yard denied"
_TRAILING_DENIAL = re.compile(
    r"\s*,\s*(?:which|a\s+(?:claim|report|rumou?r|suggestion|story|charge|allegation)"
    r"(?:\s+that)?)\s+(?:[\w.'-]+\s+){0,6}?(?:flatly\s+|strongly\s+|later\s+)?"
    r"(?:denied|denies|disputed|disputes|rejected|rejects|refuted|refutes|dismissed|"
    r"dismisses|rebuffed|rebuts|rebutted)\b",
    _I,
)
_POSSIBLE = re.compile(r"(?:could|may|might)\b", _I)
_POSSIBLE_WORD = re.compile(r"\b(?:could|may|might)\b", _I)
_POSSIBILITY_HEDGES = frozenset({"could", "may", "might"})
# a speaker's bare denial after the claim, with no object of its own: "..., the club
# denied." (from the first comma after the claim's words)
_BARE_DENIAL = re.compile(
    r",\s*(?:[\w.'-]+\s+){1,4}?(?:flatly\s+|strongly\s+|later\s+)?"
    r"(?:denied|denies|disputed|disputes|refuted|refutes)\s*(?:[,;:.!]|$)",
    _I,
)
# a later denial or retraction of the whole preceding clause, which the parse does not join
# to it: "..., (reports claimed,) but Wenger denied it", "...; or rather, it did not: ..."
_DENIED = (
    r"\s*[,;]?\s*but\s+(?:[\w.'-]+\s+){0,4}?(?:flatly\s+|strongly\s+|later\s+)?"
    r"(?:denied|denies|rejected|rejects|refuted|refutes|dismissed|dismisses|disputed|disputes)\s+"
)
_LATER_DENIAL = re.compile(
    # after a report frame, a denial of it ("..., reports claimed, but Wenger denied it")
    r"\s*,\s*(?:[\w.'-]+\s+){0,3}?(?:claimed|claim|said|say|says|reported|suggested|alleged)"
    + _DENIED
    + r"(?:it|this|that|them|the\s+(?:claims?|reports?|rumou?rs?|suggestions?|stor(?:y|ies)|"
    r"allegations?))\b"
    # without one, only a pronoun that takes up the whole clause ("..., but he denied it.")
    r"|" + _DENIED + r"(?:it|this|that)\s*(?:[,;:.!]|$)"
    # a retraction by a bare negated auxiliary: "...; or rather, it did not: ..."
    r"|\s*[,;:]?\s*(?:or\s+rather|or\s+not|actually|in\s+fact|no)\s*,?\s*(?:it|he|she|they|this|that)\s+"
    r"(?:did|does|do|was|were|is|are|has|have|had|will|would)\s*(?:not|n't)"
    # "...; in fact, he did not play.": the claim's own verb repeated, nothing more
    r"(?:\s+(?!(?:matter|help|hurt|work|last|count)\b)[a-z]+)?\s*(?:[,;:.!]|$)"
    # "...; in fact, it has rejected them.": the same retraction by a verb of refusal
    r"|\s*[,;:]?\s*(?:or\s+rather|actually|in\s+fact)\s*,?\s*(?:it|he|she|they)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:rejected|denied|refused|dismissed|scrapped|reversed)\s+"
    r"(?:it|them|this|that)\s*(?:[,;:.!]|$)"
    # "...; in fact, no such order was made."
    r"|" + NO_SUCH_RETRACTION,
    _I,
)
# pronouns that refer back to something named before ("the council would fund it")
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|theirs|itself|themselves)\b", _I)
_DEFINITE_OPENING = verdict_rules.DEFINITE_OPENING  # "The six-time champion is ..."
# an adverb that corrects what was said before ("they would in fact take part"): the
# clause is about the topic the sentence before gave
_CORRECTS = re.compile(r"\b(?:in\s+fact|actually|after\s+all|in\s+reality)\b", _I)
# a sentence that goes on with the previous one's subject: "He added that ...", "Moreover, ..."
_CONTINUES = re.compile(
    r"\s*(?:(?:he|she|they)\s+(?:also\s+|further\s+|then\s+)?(?:add(?:s|ed)?|went\s+on\s+to\s+say|"
    r"continu(?:es|ed)|further\s+(?:said|says|stated))|moreover|furthermore|additionally|"
    r"in\s+addition|also)\b",
    _I,
)
_ALNUM = re.compile(r"[A-Za-z0-9]+")
_CLEAN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff*_`#>~|]"
)


# ---------------------------------------------------------------- document analysis


@dataclass
class _Clause:
    """A clause; its negation cues and hedges are found lazily, only for clauses that
    mention some fact (most clauses of most candidates do not)."""

    norm: str
    start: int
    end: int
    sentence: int
    inherit: tuple[int, int] | None = (
        None  # subject of the previous clause ("X won't A but will B")
    )
    # "Temporary staff in the museum: none": a verbless label before a colon is a topic, which
    # the clause after the colon (its `label` is the topic clause) says something about
    label: _Clause | None = None
    topic: bool = False
    # "Overtime pay was something the staff -- whatever role ..., and even if ... --
    # should not expect to claim": an aside between a pair of dashes is a local sub-clause
    # of its own, and the words on either side of it are one local sub-clause
    aside: tuple[int, int] | None = None

    @cached_property
    def local_cuts(self) -> list[int]:  # positions that start a new local sub-clause
        cuts = _local_cuts(self.norm, self.start, self.end)
        if self.aside is not None:
            cuts = sorted({*cuts, *self.aside})
        return cuts

    def in_aside(self, pos: int) -> bool:
        return self.aside is not None and self.aside[0] <= pos < self.aside[1]

    @cached_property
    def relatives(self) -> list[tuple[int, int]]:
        """Relative clauses between a subject and its main verb: (", which" start, the
        comma before the main verb), "The club, which founded the fair, kept the lease"."""
        out = []
        if "," in self.norm[self.start : self.end]:
            cuts = set(self.local_cuts)
            for m in _RELATIVE.finditer(self.norm, self.start, self.end):
                comma = self.norm.find(",", m.end(), min(self.end, m.end() + 200))
                if (
                    comma > 0
                    and comma in cuts
                    and _MAIN_VERB_AFTER.match(self.norm, comma + 1, self.end)
                ):
                    out.append((m.start(), comma))
        return out

    @cached_property
    def forward(self) -> list[tuple[int, int, int]]:  # cue start, cue end, scope end
        return _forward_cues(self.norm, self.start, self.end, self.local_cuts)

    @cached_property
    def predicate(self) -> list[tuple[int, int]]:
        fwd_spans = [(x, y) for x, y, _ in self.forward]
        fwd_starts = [x for x, _ in fwd_spans]
        out = []
        for m in _PREDICATE.finditer(self.norm, self.start, self.end):
            k = bisect_right(fwd_starts, m.start()) - 1
            if k < 0 or not fwd_spans[k][0] <= m.start() < fwd_spans[k][1]:
                out.append((m.start(), m.end()))
            if len(out) >= _MAX_CUES:
                break
        return out

    @cached_property
    def hedges(self) -> list[tuple[int, int]]:
        norm, s, e = self.norm, self.start, self.end
        out = [(m.start(), m.end()) for m in _HEDGE.finditer(norm, s, e)]
        text = norm[s:e].lower()
        extra = []
        if "'" in text:
            extra += _HEDGE_NT.finditer(norm, s, e)
        if any(h in text for h in _SILENT_HINTS):
            extra += _HEDGE_SILENT.finditer(norm, s, e)
        if extra:
            out = sorted(out + [(m.start(), m.end()) for m in extra])
        return out

    @cached_property
    def ifs(self) -> list[int]:
        return [m.start() for m in _IF.finditer(self.norm, self.start, self.end)]


@dataclass
class _Doc:
    text: str
    norm: str
    sentences: list[tuple[int, int]]
    clauses: list[_Clause]
    words: list[int]  # word start offsets

    _found: dict = field(default_factory=dict)
    _index: dict | None = None

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @property
    def index(self) -> dict[str, list[int]]:
        """Word start offsets by the word's first one and first two letters (lowercase)."""
        if self._index is None:
            idx: dict[str, list[int]] = {}
            for m in _ALNUM.finditer(self.norm):
                p = m.start()
                w = m.group()[:2].lower()
                idx.setdefault(w[0], []).append(p)
                if len(w) == 2:
                    idx.setdefault(w, []).append(p)
            self._index = idx
        return self._index

    def starts(self, key: str) -> list[int]:
        """Offsets of the words that begin with `key` (lowercase, 1-2 characters)."""
        return self.index.get(key, [])

    def matches(self, pat: _SlotPattern) -> tuple[list[int], list[tuple[int, int]]]:
        """All non-empty matches of a slot pattern in the document, found once and kept."""
        hit = self._found.get(pat)
        if hit is None:
            spans: set[tuple[int, int]] = set()
            if pat.indexed is not None:
                idx, match, norm = self.index, pat.indexed.match, self.norm
                seen: set[int] = set()
                for k in pat.keys:
                    seen.update(idx.get(k, ()))
                for p in seen:
                    m = match(norm, p)
                    if m and m.end() > p:
                        spans.add((p, m.end()))
            if pat.raw is not None:
                spans.update(
                    (m.start(), m.end()) for m in pat.raw.finditer(self.norm) if m.end() > m.start()
                )
            ordered = sorted(spans)
            hit = self._found[pat] = ([a for a, _ in ordered], ordered)
        return hit

    def has(self, pat: _SlotPattern, a: int, b: int) -> bool:
        """Whether a match of `pat` lies within norm[a:b]."""
        starts, spans = self.matches(pat)
        for k in range(bisect_left(starts, a), len(starts)):
            if starts[k] >= b:
                return False
            if spans[k][1] <= b:
                return True
        return False

    def slot_matches(
        self, pat: _SlotPattern, shared: _SlotPattern | None
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """A slot's matches together with the proposition's shared phrasings."""
        if shared is None:
            return self.matches(pat)
        key = (pat, shared)
        hit = self._found.get(key)
        if hit is None:
            ordered = sorted(set(self.matches(pat)[1]) | set(self.matches(shared)[1]))
            hit = self._found[key] = ([a for a, _ in ordered], ordered)
        return hit

    def claim_slot(self, prop: _CProp, k: int) -> tuple[list[int], list[tuple[int, int]]]:
        """Slot k's matches in `prop`, with the thing-pronouns that stand for one of them
        ("cups the bird and strokes it", harness.coref) in the sentences where every
        other slot is matched too: those sentences are parsed anyway."""
        pat = prop.slots[k][1]
        base = self.slot_matches(pat, prop.shared)
        if len(prop.slots) < 2 or not base[0] or any(p is None for _, p in prop.slots):
            return base
        key = ("coref", prop.slots, prop.shared, k)
        hit = self._found.get(key)
        if hit is None:
            starts = self.sentence_starts

            def sentences_of(xs: list[int]) -> set[int]:
                return {bisect_right(starts, a) - 1 for a in xs}

            where = sentences_of(base[0])
            for j, (_, other) in enumerate(prop.slots):
                if j != k and where:
                    where &= sentences_of(self.slot_matches(other, prop.shared)[0])
            extra = coref.pronoun_spans(
                self.norm, [self.sentences[i] for i in sorted(where) if i >= 0], base[1]
            )
            # "Ana Ruiz picked the squad. She named three new players": the next sentence's
            # opening "She", where every other slot is matched, or a later one's when each
            # sentence between opens with the same pronoun ("... She said ... She named")
            after = {
                (i, n)
                for i in sentences_of(base[0])
                if i >= 0
                for n in coref.pronoun_chain(self.norm, self.sentences, i)
            }
            for j, (_, other) in enumerate(prop.slots):
                if j != k and after:
                    found = sentences_of(self.slot_matches(other, prop.shared)[0])
                    after = {(i, n) for i, n in after if n in found}
            if after:
                extra = extra + coref.person_spans(
                    self.norm,
                    [(self.sentences[i], self.sentences[n]) for i, n in sorted(after)],
                    base[1],
                )
            if extra:
                ordered = sorted(set(base[1]) | set(extra))
                hit = ([a for a, _ in ordered], ordered)
            else:
                hit = base
            self._found[key] = hit
        return hit

    def word_index(self, pos: int) -> int:
        return bisect_right(self.words, pos)

    def local_of(self, clause: _Clause, pos: int) -> tuple[int, int]:
        cuts = clause.local_cuts
        i = bisect_right(cuts, pos)
        start = cuts[i - 1] if i else clause.start
        end = cuts[i] if i < len(cuts) else clause.end
        if clause.aside is not None:  # the words before and after an aside are one
            a0, a1 = clause.aside
            if end == a0:
                k = bisect_right(cuts, a1)
                end = cuts[k] if k < len(cuts) else clause.end
            elif start == a1:
                k = bisect_right(cuts, a0 - 1)
                start = cuts[k - 1] if k else clause.start
        return start, end

    def local_with_antecedent(self, clause: _Clause, span: tuple[int, int]) -> tuple[int, int]:
        """The local sub-clause of a span; the antecedent right before ", which" / ", who"
        is the subject of that relative clause ("The Smiths, who still run ...")."""
        cuts = clause.local_cuts
        k = bisect_left(cuts, span[1])
        if (
            k < len(cuts)
            and (_RELATIVE.match(self.norm, cuts[k]) or _PARTICIPLE_ASIDE.match(self.norm, cuts[k]))
            and not self.norm[span[1] : cuts[k]].strip()
        ):
            return self.local_of(clause, cuts[k])
        return self.local_of(clause, span[0])

    def n_locals(self, clause: _Clause, spans) -> int:
        """How many local sub-clauses the spans lie in (an antecedent counting in either;
        the subject before ", which ...," and the main verb after it counting as one)."""
        locs = {self.local_of(clause, x[0]) for x in spans}
        n = len(locs)
        if n > 1 and clause.local_cuts:
            n = min(n, len({self.local_with_antecedent(clause, x) for x in spans}))
            if n > 1 and clause.relatives:
                joined = set()
                for loc in locs:
                    for a, b in clause.relatives:
                        if loc[0] == b:
                            loc = self.local_of(clause, a - 1) if a > clause.start else loc
                            break
                    joined.add(loc)
                n = min(n, len(joined))
        return n

    def outside(self, clause: _Clause, pos: int, anchor: int) -> bool:
        """Whether `pos` is in a dash aside that `anchor` is not in (or the reverse)."""
        return clause.aside is not None and clause.in_aside(pos) != clause.in_aside(anchor)


# tokenized text ("did n't", "wo n't", "he 's"): the clitic is glued back to its word and
# the space moved after it, so offsets stay the same
_CLITIC = re.compile(r"(?<=\w) (n't|'s|'re|'ve|'ll|'d|'m)\b", _I)


def _normalise(
    text: str, sentences: list[tuple[int, int]] = (), acronyms: tuple[str, ...] = ()
) -> str:
    norm = fold_keep_offsets(text)
    if " n't" in norm or " '" in norm:
        norm = _CLITIC.sub(lambda m: m.group(1) + " ", norm)
    if ">" in norm:  # "lease transferred club -> council": a spaced arrow reads "to" (same length)
        norm = _ARROW.sub("to", norm)
    norm = _CLEAN.sub(" ", wording_rules.currency_signs(norm))
    if sentences and _caseless(norm, sentences):
        if acronyms:
            norm = _acronym_pattern(acronyms).sub(_recase, norm)
        # dotted initials ("u.n.", "b.b.c.", "n.h.s.") are acronyms whatever the facts say
        norm = _DOTTED.sub(
            lambda m: m.group() if m.group() in _DOTTED_WORDS else m.group().upper(), norm
        )
    assert len(norm) == len(text)
    return norm


# A text written without capitals ("the nhs will hire staff , the bbc runs ...") has
# lost the case that tells acronyms from words. The facts' own acronym phrasings ("BBC",
# "U.N.", "NHS") get their case back where the lowercase form is no English word ("bbc",
# "nhs") or is dotted ("u.n."); "us" is recased only where it reads as the country ("the
# us", "us firms", "us will"), not as the pronoun ("told us that", "let us see"); other
# acronyms that are English words ("it", "who") are left alone.
_ARROW = re.compile(r"(?<=\s)[-=]>(?=\s)")
_FIRST_ALPHA = re.compile(r"[^\W\d_]")
# short English words that an acronym can spell (general lexicon)
_SHORT_WORDS = frozenset(
    """a i am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we
    who why how id pa ma ad ax ox aid all are art can far few fit for fun gun had has her
    him his hit its man may men not now one our out own see she sun the too two use was way
    win won yes you""".split()
)


_DOTTED = re.compile(r"(?<![\w.])(?:[a-z]\.){2,4}(?![\w])")
_DOTTED_WORDS = frozenset({"e.g.", "i.e.", "a.m.", "p.m.", "c.f.", "n.b.", "p.s.", "a.k.a."})


@lru_cache(maxsize=64)
def _acronym_pattern(acronyms: tuple[str, ...]) -> re.Pattern:
    alts = []
    for letters in sorted(acronyms, key=len, reverse=True):
        alts.append(r"\.".join(re.escape(c) for c in letters) + r"\.?")  # "u.n." / "u.n"
        alts.append(re.escape(letters))
    return re.compile(rf"(?<![\w.])(?:{'|'.join(alts)})(?![\w.]\w)")


# object pronouns that an acronym can spell (general English): read by their neighbours
_OBJECT_PRONOUNS = frozenset({"us"})
_PRONOUN_NEXT = frozenset(
    "to that the a an and or but nor in on at for with from about as by of into onto all both "
    "each how what why whether if when where who whom which not so this these those some any "
    "our it its he she they we you i me him them his her their my your no one up out down off "
    "back over again now today yesterday tomorrow here there than through after before since "
    "until because like against without very too well alone together more less much many "
    "nothing something everything anything just only also even though yet still is am be "
    "been being know go see get make take think believe understand feel remember hope want "
    "need".split()
)
_PRONOUN_BEFORE = re.compile(
    r"\b(?:let|lets|letting|help|helps|helped|helping|make|makes|made|making|have|has|had|"
    r"watch|see|saw|hear|heard|bid|of)\s+$"
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b|-[a-z]")


def _caseless(norm: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether most sentences open in lowercase: the writer does not use capitals."""
    lower = upper = 0
    for s, e in sentences[:24]:
        m = _FIRST_ALPHA.search(norm, s, e)
        if m:
            if m.group().islower():
                lower += 1
            elif m.group().isupper():
                upper += 1
    return lower > 0 and lower >= 2 * upper


def _recase(m: re.Match) -> str:
    word = m.group()
    if "." in word:
        return word.upper()  # dotted initials are acronyms whatever they spell
    if word not in _OBJECT_PRONOUNS:
        # a short English word ("it", "who") is too ambiguous to recase
        return word if word in _SHORT_WORDS else word.upper()
    # an acronym that spells an object pronoun: the acronym where the pronoun cannot stand
    norm, a, b = m.string, m.start(), m.end()
    if norm[max(0, a - 4) : a].lower() == "the ":
        return word.upper()  # after "the"
    if _PRONOUN_BEFORE.search(norm, max(0, a - 12), a):
        return word  # "let us", "told us"
    nxt = _NEXT_WORD.match(norm, b)
    if nxt is None:
        return word  # at the end of a sentence
    if nxt.group(1) is None or _FINITE_RE.fullmatch(nxt.group(1)):
        return word.upper()  # hyphenated, or a subject before its verb
    return word if nxt.group(1) in _PRONOUN_NEXT else word.upper()  # before a noun


_SPLIT_INITIAL = re.compile(r"(?:^|[^A-Za-z])[A-Z]\.$")
_NEXT_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)?(?=[\s,;:-])|[a-z]")


@lru_cache(maxsize=1024)
def _sentences(text: str) -> list[tuple[int, int]]:
    try:
        spans = sentence_spans(text)
    except Exception:  # the splitter must never take a verdict down with it
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", text)]
    spans = [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # the splitter cuts "non-U.N. staff" after "U."; glue it back
        if (
            merged
            and _SPLIT_INITIAL.search(text, max(0, merged[-1][1] - 3), merged[-1][1])
            and _NEXT_INITIAL.match(text, s)
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if "\n" not in text:
        return merged
    out: list[tuple[int, int]] = []
    for s, e in merged:  # lines opened by an arrow or another symbol are list items
        for m in _LINE_ITEM.finditer(text, s, e):
            if _is_item_mark(text[m.end()]) and text[s : m.start()].strip():
                out.append((s, s + len(text[s : m.start()].rstrip())))
                s = m.end()
        out.append((s, e))
    return out


_LINE_ITEM = re.compile(r"\n[ \t]*(?=\S)")


def _is_item_mark(ch: str) -> bool:
    """An arrow, check mark, emoji or similar symbol opening a line: a list item."""
    return ch in "\u2022\u00b7\u2023\u25e6\u2043>\u00bb" or unicodedata.category(ch) in ("So", "Sm")


def _strong_cuts(text: str, norm: str, s: int, e: int) -> tuple[list[int], tuple[int, int] | None]:
    cuts: list[int] = clause_rules.inner_sentence_ends(norm, s, e)
    contrasts = {m.end() for m in _NOT_BUT.finditer(norm, s, e)}
    for m in _STRONG.finditer(norm, s, e):
        if m.start() in contrasts:
            continue  # "chaired not by the U.S. but by the UK": one clause
        if m.group().lower() in ("however", "meanwhile") and _parenthetical(norm, s, cuts, m):
            continue  # "The city council, meanwhile, kept the lease": an aside, no cut
        cuts.append(m.start())
    for m in _SUBORD.finditer(norm, s, e):  # "Although X, Y": X ends at the comma
        before = max([c for c in cuts if c <= m.start()], default=s)
        if not _WORD.search(norm, before + (0 if before == s else 1), m.start()):
            comma = norm.find(",", m.end(), e)
            if comma > 0 and _RELATIVE.match(norm, comma):
                # "while the council, which took the lease, hosted ...": the comma opens a
                # relative clause inside the subordinate one, which ends at the next comma
                comma = norm.find(",", comma + 1, e)
            if comma > 0:
                cuts.append(comma)
    dashes = [m.start() for m in _DASH.finditer(norm, s, e)]
    for m in _LONG_DASH.finditer(text, s, e):  # unspaced em / en dashes in the original text
        i = m.start()
        if not (i > s and i + 1 < e and text[i - 1].isdigit() and text[i + 1].isdigit()):
            dashes.append(i)
    dashes = sorted(set(dashes))
    aside = None
    if len(dashes) == 1:  # a pair of dashes encloses an aside: no cut; one dash joins two clauses
        cuts.extend(dashes)
    elif len(dashes) == 2:
        aside = (dashes[0], dashes[1])
    return sorted(set(cuts)), aside


# a predicate left open before an aside: an auxiliary or a negation ("would not, however,")
_OPEN_PREDICATE = re.compile(rf"\b(?:{_FINITE}|not|never|\w+n't)\s*,\s*$", _I)


def _parenthetical(norm: str, s: int, cuts: list[int], m: re.Match) -> bool:
    """An adverb between commas after a bare subject ("X, however, did ...")."""
    before = norm[max(s, m.start() - 3) : m.start()].rstrip()
    if not before.endswith(",") or not norm[m.end() : m.end() + 2].lstrip().startswith(","):
        return False
    lo = max([s, *cuts])
    subject = norm[max(lo, m.start() - 120) : m.start()]
    if _OPEN_PREDICATE.search(subject):
        return True  # "the force would not, however, carry ...": an aside inside the predicate
    return not (_FINITE_RE.search(subject) or _VERBISH.search(subject))


_SPLICE_AFTER = re.compile(
    r"\s*(?!(?:and|or|but|nor|to|of|in|on|at|for|with|by|from|as|than|then|which|who|that|"
    r"he|she|they|it|we|i|you)\b)(?:[\w.'\u2019-]+\s+){1,3}?"
    rf"(?:{_TENSED})\b",
    _I,
)


_COMMA = re.compile(",")


def _comma_splices(norm: str, s: int, e: int) -> list[int]:
    """Commas that join two clauses with no conjunction, each with its own tensed verb:
    "Bell won't play, the captain will be in the squad" (not a reporting aside, "X, he
    said, ...", whose subject is a pronoun)."""
    out, start = [], s
    for m in _COMMA.finditer(norm, s, e):
        c = m.start()
        if _TENSED_RE.search(norm, start, c) and _SPLICE_AFTER.match(norm, c + 1, e):
            out.append(c)
        start = c + 1
    return out


def _local_cuts(norm: str, s: int, e: int) -> list[int]:
    base = [m.start() for m in _LOCAL.finditer(norm, s, e)]
    # an introductory clause with its own subject and verb ends at its comma: "With the
    # club handing the lease to the council, the mayor said ... would not ..."
    m = _INTRO.match(norm, s, e)
    if m:
        comma = norm.find(",", m.end(), min(e, m.end() + 200))
        if comma > 0 and (
            _VERBISH.search(norm, m.end(), comma)
            or _FINITE_RE.search(norm, m.end(), comma)
            or _ING.search(norm, m.end(), comma)
        ):
            base = sorted({*base, comma})
    cuts = list(base)
    # a comma splice: "Bell won't play, the captain will be in the squad" (a tensed verb
    # before the comma, and a subject with its own tensed verb after it)
    cuts += _comma_splices(norm, s, e)
    # "The fair, which would not be a council event, would lack ...": the relative
    # clause ends at the comma before the main verb
    for m in _RELATIVE.finditer(norm, s, e):
        comma = norm.find(",", m.end(), min(e, m.end() + 200))
        if comma > 0 and (
            _MAIN_VERB_AFTER.match(norm, comma + 1, e) or _CLAUSE_AFTER.match(norm, comma + 1, e)
        ):
            cuts.append(comma)
    # "and"/"or" joining two finite clauses
    ands = list(_AND.finditer(norm, s, e))
    if "+" in norm[s:e] or "&" in norm[s:e]:
        ands = sorted([*ands, *_PLUS.finditer(norm, s, e)], key=lambda m: m.start())
    if not ands:
        return sorted(set(cuts))
    verbs = sorted(
        {m.end() for m in _FINITE_RE.finditer(norm, s, e)}
        | {m.end() for m in _VERBISH.finditer(norm, s, e)}
    )  # a verb ends before the "and" when its end lies in the left part

    def finite(w: str) -> bool:
        return bool(_FINITE_RE.fullmatch(w) or _VERBISH.fullmatch(w))

    j, last = 0, s
    for m in ands:
        while j < len(base) and base[j] < m.start():
            j += 1
        lo = max(last, base[j - 1] if j else s, m.start() - 300)
        k = bisect_left(verbs, lo + 1)
        if k >= len(verbs) or verbs[k] > m.start():
            continue  # no verb on the left
        right_words = _WORD.findall(norm, m.end(), min(e, m.end() + 60))[:4]
        if any(map(finite, right_words)):
            cuts.append(m.start())
            last = m.start()
    return sorted(set(cuts))


def _forward_cues(
    norm: str, s: int, e: int, local_cuts: list[int] = ()
) -> list[tuple[int, int, int]]:
    cues = []
    spans = [(m.start(), m.end()) for m in _FORWARD.finditer(norm, s, e)]
    for m in _NOT_FORWARD.finditer(norm, s, e):
        spans.append((m.start(1), m.end(1)))
    for m in _NOT_BUT.finditer(norm, s, e):  # "not by X but by Y": the "not" is X's
        spans.append((m.start(), m.start() + 3))
    if norm[s:e].lstrip()[:4].lower() == "not " and not any(
        a == len(norm[s:e]) - len(norm[s:e].lstrip()) + s for a, _ in spans
    ):
        a = s + len(norm[s:e]) - len(norm[s:e].lstrip())
        spans.append((a, a + 3))
    neither = [a for a, b in spans if norm[a:b].lower() == "neither"]
    spans = [
        (a, b) for a, b in spans if not (norm[a:b].lower() == "nor" and any(n < a for n in neither))
    ]
    for a, b in sorted(set(spans))[:_MAX_CUES]:  # bound the work on pathological input
        limit = min(e, b + 240)  # the scope is at most ~10 words; never scan further
        k = bisect_right(local_cuts, b)
        if k < len(local_cuts):  # ... and ends with its local sub-clause ("as BBC takes over")
            limit = min(limit, local_cuts[k])
        stop = _SCOPE_STOP.search(norm, b, limit)
        scope_end = stop.start() if stop else limit
        if _CONTRAST.fullmatch(norm, a, b):  # "the council rather than the club held the lease"
            scope_end = _contrast_end(norm, b, scope_end)
            # "under Danish rather than Dutch ownership": two proper modifiers
            # contrasted before one noun; only the second modifier is negated
            if _CAP_BEFORE.search(norm, max(0, a - 30), a):
                m = _CAP_AFTER.match(norm, b, scope_end)
                if m and _WORD.match(norm, m.end() + 1, scope_end):
                    scope_end = m.end()
        words = list(_WORD.finditer(norm, b, scope_end))
        if len(words) > _FORWARD_MAX_WORDS:
            scope_end = words[_FORWARD_MAX_WORDS - 1].end()
        cues.append((a, b, scope_end))
    return cues


def _contrast_end(norm: str, b: int, end: int) -> int:
    """Where the alternative named after "rather than" / "instead of" / ", not" ends: at
    the verb of the sentence it is part of the subject of ("A rather than B held the
    lease"), not at a participle right after the cue ("rather than trained staff")."""
    prev = None
    for m in _WORD.finditer(norm, b, end):
        if (
            prev is not None
            and norm[m.start() - 1] != "-"
            and not _DETERMINER.fullmatch(prev)
            and (_VERBISH.fullmatch(m.group()) or _CONTRAST_VERB.fullmatch(m.group()))
        ):
            return m.start()
        prev = m.group()
    return end


def _analyse(text: str, acronyms: tuple[str, ...] = ()) -> _Doc:
    """The analysed text; `acronyms` (a fact's acronym phrasings, lowercase letters) get
    their case back in a text written without capitals."""
    if not _caseless_text(text):
        acronyms = ()  # the text has its capitals: one analysis serves every fact
    return _analyse_cached(text, acronyms)


@lru_cache(maxsize=1024)
def _caseless_text(text: str) -> bool:
    return _caseless(fold_keep_offsets(text), _sentences(text))


@lru_cache(maxsize=256)
def _analyse_cached(text: str, acronyms: tuple[str, ...]) -> _Doc:
    sents = _sentences(text)
    norm = _normalise(text, sents, acronyms)
    clauses: list[_Clause] = []
    for si, (s, e) in enumerate(sents):
        cuts, aside = _strong_cuts(text, norm, s, e)
        bounds = [s, *[c for c in cuts if s < c < e], e]
        for a, b in pairwise(bounds):
            if not norm[a:b].strip():
                continue
            inherit = None
            prev = clauses[-1] if clauses and clauses[-1].sentence == si else None
            label = None
            n_label = len(_WORD.findall(norm, prev.start, a)) if prev and norm[a] == ":" else 99
            if n_label < 99 and _heading_end(norm, s) > a:
                n_label = 99  # "Summary: the club sold ...": a sentence of its own
            verbless = n_label <= _TOPIC_WORDS and not (
                _FINITE_RE.search(norm, prev.start, a)
                or any(
                    not _PARTICIPLE_NEXT.match(norm, m.end())  # "made up of", "sent to"
                    for m in _VERBISH.finditer(norm, prev.start, a)
                )
            )
            if n_label <= _LABEL_WORDS or verbless:
                inherit = (prev.start, a)  # "Temp staff: WILL be part of the crew"
                if verbless:
                    prev.topic, label = True, prev
            elif a > s and _ELIDED.match(norm, a, b) and clauses and clauses[-1].sentence == si:
                prev = clauses[-1]
                verb = _FINITE_RE.search(norm, prev.start, prev.end)
                if verb and verb.start() > prev.start:
                    inherit = (prev.start, verb.start())
            clause = _Clause(norm, a, b, si, inherit, label)
            if aside is not None and a < aside[0] and aside[1] < b:
                clause.aside = aside
            clauses.append(clause)
    words = [m.start() for m in _WORD.finditer(norm)]
    return _Doc(text, norm, sents, clauses, words)


# a heading that opens a sentence ("**Summary:**", "TL;DR:"), up to its colon
_HEADING = re.compile(
    r"[\s*#_>-]*(?:"
    + "|".join(r"\s+".join(map(re.escape, h.split())) for h in sorted(DISCOURSE_HEADINGS))
    + r")[\s*_]*:[\s*_]*",
    _I,
)


def _own_clause_after_label(doc: _Doc, clause: _Clause, combos) -> bool:
    """Whether the clause after a short label's colon (a name or a heading of up to three
    words) holds every slot of the claim and a tensed verb of its own ("Hegseth: the force
    would get no Article 5 cover")."""
    label = clause.label
    return (
        label is not None
        and len(_WORD.findall(doc.norm, label.start, label.end)) <= 3
        and bool(combos)
        and all(clause.start <= a for c in combos[:1] for _, (a, _) in c)
        and _TENSED_RE.search(doc.norm, clause.start, clause.end) is not None
    )


def _heading_end(norm: str, start: int) -> int:
    """Where the sentence at `start` goes on after a heading it opens with, else `start`."""
    m = _HEADING.match(norm, start)
    return m.end() if m else start


# ---------------------------------------------------------------- compiled facts


@dataclass(frozen=True, eq=False)
class _SlotPattern:
    """A slot's aliases: those with a known first word are tried only where such a
    word starts (found through the document's word index); raw regexes scan."""

    indexed: re.Pattern | None
    keys: frozenset[str]  # the aliases' first letters, looked up in the document's word index
    raw: re.Pattern | None

    @staticmethod
    @lru_cache(maxsize=1024)
    def build(aliases: tuple[str, ...], base_forms: bool = False) -> _SlotPattern | None:
        """One shared object per alias list, so a document searches each list once
        (`base_forms`: a slot's phrasings, facts.compile_aliases)."""
        cls = _SlotPattern
        if not aliases:
            return None
        keyed = [(a, alias_key(a)) for a in aliases]
        plain = tuple(a for a, k in keyed if k is not None)
        raw = tuple(a for a, k in keyed if k is None)
        keys = frozenset(k for _, k in keyed if k is not None)
        return cls(compile_aliases(plain, base_forms), keys, compile_aliases(raw))


@dataclass(frozen=True)
class _Scope:
    """What a statement must be about: context and exclude words, and how far to look."""

    context: _SlotPattern | None
    exclude: _SlotPattern | None
    window: int


@dataclass(frozen=True)
class _CProp:
    slots: tuple[tuple[str, _SlotPattern | None], ...]
    not_after: dict
    not_before: dict
    unless: _SlotPattern | None
    max_gap: int
    order: tuple[str, ...]
    negative: bool
    shared: _SlotPattern | None = None  # phrasings that fill every slot at once ("GIs")
    scope: _Scope | None = None  # a contradiction's own context/exclude, else the fact's


@dataclass(frozen=True)
class _CFact:
    claim: _CProp
    contradictions: tuple[_CProp, ...]
    stated: _CProp | None  # phrasings that state the fact by themselves ("evacuated safely")
    scope: _Scope
    requires: _SlotPattern | None
    acronyms: tuple[str, ...] = ()  # the fact's acronym phrasings, lowercase letters
    # the claim with its slots of figures ("6-1", "two points") open to any number, for a
    # statement of it with another value (harness.figure_rules.other_value)
    figure: _CProp | None = None


def _compile_prop(p: Proposition, fact: Fact | None = None) -> _CProp:
    na = {}
    for name, vals in p.not_after:
        pat = compile_aliases(vals)
        if pat is not None:
            na[name] = recompile(pat, rf"(?:{pat.pattern})\s*(?:(?i:the|a|an)\s+)?$")
    nb = {}
    for name, vals in p.not_before:
        pat = compile_aliases(vals)
        if pat is not None:
            nb[name] = recompile(
                pat,
                rf"^['\u2019s\s]*(?:(?i:has|have|had|will|would|formally|also|now|then|\w+ly)\s+)*(?:{pat.pattern})",
            )
    return _CProp(
        slots=tuple((n, _SlotPattern.build(v, True)) for n, v in p.slots),
        not_after=na,
        not_before=nb,
        unless=_SlotPattern.build(p.unless),
        max_gap=p.max_gap,
        order=p.order,
        negative=p.polarity == "negative",
        shared=_SlotPattern.build(p.shared),
        scope=(
            _Scope(
                _SlotPattern.build(p.context if p.context is not None else fact.context),
                _SlotPattern.build(p.exclude if p.exclude is not None else fact.exclude),
                p.window if p.window is not None else fact.window,
            )
            if fact is not None and (p.context, p.exclude, p.window) != (None, None, None)
            else None
        ),
    )


@lru_cache(maxsize=512)
def _compiled(fact: Fact) -> _CFact:
    stated = None
    if fact.stated_as:
        stated = _compile_prop(Proposition(slots=(("statement", fact.stated_as),)))
    return _CFact(
        claim=_compile_prop(fact.claim),
        contradictions=tuple(_compile_prop(c, fact) for c in fact.contradictions),
        stated=stated,
        scope=_Scope(
            _SlotPattern.build(fact.context), _SlotPattern.build(fact.exclude), fact.window
        ),
        requires=_SlotPattern.build(fact.opposite_requires),
        acronyms=fact_acronyms(fact),
        figure=(
            _compile_prop(figure)
            if (figure := figure_rules.opened_claim(fact)) is not None
            else None
        ),
    )


# ---------------------------------------------------------------- matching


@dataclass
class _Finding:
    kind: str  # "claim" or "contra"
    negated: bool
    hedged: bool
    blocked: bool  # an `unless` word in the clause
    level: int | None  # scope level: 0 clause, 1 sentence, 2 neighbour; None = out of scope
    sentence: int
    double: bool
    requires_ok: bool
    position: int
    anaphor: bool = False  # a pronoun ("it", "them") whose antecedent is in an earlier sentence
    clause: _Clause | None = None
    combo: tuple = ()  # ((slot, (start, end)), ...)
    scope: _Scope | None = None
    prop: int = 0  # which contradiction (1-based) for kind "contra"
    parsed: syntax.ClaimReading | None = None  # the parse's reading, when it decided
    words: tuple[bool, bool, bool] | None = None  # the word rules' (negated, double, hedged)
    other_actor: str | None = None  # the parse names another actor for the fact's subject
    swapped: bool = False  # ... another slot of the claim, which the fact's actor undergoes
    framed: bool = False  # after "It is not true that" opening its sentence (_falsity_framed)


def _slot_matches(
    doc: _Doc, prop: _CProp, clause: _Clause
) -> dict[str, list[tuple[int, int]]] | None:
    out: dict[str, list[tuple[int, int]]] = {}
    norm = doc.norm
    for k, (name, pat) in enumerate(prop.slots):
        if pat is None:
            return None
        found = []
        ranges = [(clause.start, clause.end)]
        if clause.inherit:
            ranges.insert(0, clause.inherit)
        starts, spans = doc.claim_slot(prop, k)
        for lo, hi in ranges:
            for k in range(bisect_left(starts, lo), bisect_left(starts, hi)):
                a, b = spans[k]
                if b > hi:
                    continue
                na = prop.not_after.get(name)
                if na is not None and na.search(norm, max(0, a - 60), a):
                    continue
                nb = prop.not_before.get(name)
                if nb is not None and nb.match(norm[b : min(len(norm), b + 80)]):
                    continue
                found.append((a, b))
        if not found:
            return None
        out[name] = found
    return out


def _combos(
    doc: _Doc, prop: _CProp, clause: _Clause, matches: dict
) -> list[list[tuple[str, tuple[int, int]]]]:
    """Valid slot assignments, best first (one local sub-clause, then tightest)."""
    names = [n for n, _ in prop.slots]
    lists = [matches[n][:8] for n in names]
    shared = set(doc.matches(prop.shared)[1]) if prop.shared is not None else ()
    scored = []
    for combo in product(*lists):
        # an inherited subject counts as standing at the start of the clause, unless the
        # whole claim is in the label ("Temporary staff in the museum: none")
        if all(c[0] < clause.start for c in combo):
            spans = sorted(combo)
        else:
            spans = sorted(
                (clause.start, clause.start + 1) if c[0] < clause.start else c for c in combo
            )
        if shared and len(set(spans)) < len(spans):  # "GIs" fills the who and the what
            if any(x == y and x not in shared for x, y in pairwise(spans)):
                continue
            spans = sorted(set(spans))
        if any(x[1] > y[0] for x, y in pairwise(spans)):
            continue  # one phrase cannot fill two slots
        ok = True
        for x, y in pairwise(spans):
            gap = doc.word_index(y[0]) - doc.word_index(x[1] - 1) - 1
            if gap > prop.max_gap and not _near_in_parse(doc, clause, x, y, gap - prop.max_gap):
                ok = False
                break
        if not ok:
            continue
        if prop.order:
            pos = {n: c[0] for n, c in zip(names, combo, strict=True)}
            seq = [pos[n] for n in prop.order]
            if seq != sorted(seq):
                continue
        # prefer slots in one local sub-clause, then the clause's own words, then the tightest
        key = (
            doc.n_locals(clause, spans),
            sum(c[0] < clause.start for c in combo),
            spans[-1][1] - spans[0][0],
        )
        scored.append((key, list(zip(names, combo, strict=True))))
    scored.sort(key=lambda x: x[0])
    if not scored:
        return []
    top = scored[0][0][:2]
    return [c for k, c in scored if k[:2] == top]


def _near_in_parse(doc: _Doc, clause: _Clause, x, y, excess: int) -> bool:
    """Slots further apart than max_gap are still one statement when the parse puts them
    next to each other: "The letters that once lit the Bronx ... failed to find a buyer"
    (subject and verb phrase, a relative clause between them), or when a non-restrictive
    relative clause between them makes up the excess."""
    if excess > 24 or syntax.parser() is None:
        return False
    s, e = doc.sentences[clause.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return False
    d = syntax.tree_distance(doc.norm[s:e], (x[0] - s, x[1] - s), (y[0] - s, y[1] - s))
    if d is not None and d <= 3:
        return True
    # a participle or purpose clause is its subject's even far from it: the gap is counted
    # from where that clause starts ("Ozil posted a photo ..., saying it was like X's")
    start = syntax.shared_subject_clause(doc.norm[s:e], (x[0] - s, x[1] - s), (y[0] - s, y[1] - s))
    if start is not None and start + s > x[1]:
        gap = doc.word_index(y[0]) - doc.word_index(x[1] - 1) - 1
        if doc.word_index(y[0]) - doc.word_index(start + s) <= gap - excess:
            return True
    # "Managers at the agency, which made a profit during the chaos, received bonuses": the
    # slots are within max_gap once the non-restrictive relative clause is left out
    return syntax.relative_clause_words(doc.norm[s:e], x[1] - s, y[0] - s) >= excess


def _negation_count(
    doc: _Doc,
    clause: _Clause,
    span: tuple[int, int],
    first: int | None = None,
    last: int | None = None,
    own: tuple = (),
) -> int:
    n = _negation_in(doc, clause, span, first, last, own)
    if clause.label is not None and span[0] < clause.start:
        # a slot in the label keeps the label's own negation ("No temporary staff: ...")
        n += _negation_in(doc, clause.label, span)
    return n


def _negation_in(
    doc: _Doc,
    clause: _Clause,
    span: tuple[int, int],
    first: int | None = None,
    last: int | None = None,
    own: tuple = (),
) -> int:
    """How many negation cues govern `span`; cues inside the `own` spans (a literal
    phrasing of the claim, "sat out" for "missed") are the claim's own words."""
    a = span[0]
    covering = [
        f
        for f in clause.forward
        if f[1] <= a < f[2] and not _past_its_phrase(doc, clause, f[0], span)
    ]
    if covering:
        count = len(covering)
        for fa, _, _ in covering:  # "not without", "never excluding": adjacent negations add up
            for _, pb in clause.predicate:
                if pb <= fa and doc.word_index(fa) - doc.word_index(pb - 1) <= 3:
                    count += 1
        return count
    ls, le = doc.local_of(clause, a)
    first = a if first is None else first
    last = span[1] if last is None else last
    near = doc.word_index(first) - _PRE_CUE_WORDS
    norm = doc.norm
    count = trailing = 0
    complete = None  # whether the claim up to the next comma is a clause of its own
    for pa, pb in clause.predicate:
        if not ls <= pa < le or doc.outside(clause, pa, a):
            continue
        if any(oa < pb and pa < ob for oa, ob in own):
            continue
        if pa >= last and _THAT_CLAUSE.search(norm, last, pa):
            continue  # "commented that the man had not been hurt": the complement's own
        if pa >= last and in_condition(norm, last, pa):
            continue  # "will lose it if they fail to qualify": the condition's own
        if pa >= last and "," in _skip_aside(clause, norm, last, pa):
            # "no place in the force, a force ... lacking ...": another predicate; but not
            # when the claim has its own finite verb before that comma: "Staff + volunteers
            # will run the fair, the club not joining it, ..." lists separate statements
            if complete is None:
                comma = norm.find(",", last, pa)
                complete = bool(
                    _FINITE_RE.search(norm, first, comma) or _VERBISH.search(norm, first, comma)
                )
            if not complete:
                trailing += 1
        elif (
            pa >= first
            or doc.word_index(pa) >= near
            # a negated auxiliary ("would not", "won't", "Nor would") negates its whole
            # predicate, however long, unless a complement clause ("that", "if") intervenes
            or (
                doc.word_index(pa) >= near - _AUX_CUE_WORDS
                and _aux_negation(norm, ls, pa, pb)
                and not _COMPLEMENT.search(norm, pb, first)
                # ... nor another finite verb of its own ("won't join, the force won't have")
                and not _TENSED_RE.search(norm, pb, last)
            )
            or _denied_to(doc, pa, pb, first)
            or _cleft_denied(doc, pa, pb, first)
        ):
            count += 1
    # a cue past a comma after the claim negates it ("Temporary staff joining, he said, was
    # ruled out") but does not cancel a negation the claim already has
    return count or trailing


_NEGATING_PREPOSITION = re.compile(rf"(?:{'|'.join(sorted(NEGATING_PREPOSITIONS))}|w/o)\b", _I)
# a denial with its addressee before the clause it denies: "denied to the board that"
_DENIAL_VERB = re.compile(r"den(?:y|ies|ied|ying)|refut\w*|disput\w*", _I)
_THAT = re.compile(r"\bthat\b", _I)


def _denied_to(doc: _Doc, pa: int, pb: int, first: int) -> bool:
    """Whether the cue at norm[pa:pb] is a denial whose "that" opens the claim's clause
    within _PRE_CUE_WORDS words of the claim, with no verb between them ("denied to the
    Iowa board of chiropractic that he bartered services")."""
    norm = doc.norm
    if first - pb > 200 or not _DENIAL_VERB.fullmatch(norm, pa, pb):
        return False
    return _opens_claim(doc, pb, _THAT.search(norm, pb, first), first)


def _opens_claim(doc: _Doc, pb: int, word: re.Match | None, first: int) -> bool:
    """Whether `word` (a "that", a "be") stands within _PRE_CUE_WORDS words before the
    claim at `first`, with no verb between the cue ending at `pb` and it."""
    return (
        word is not None
        and doc.word_index(first) - doc.word_index(word.start()) <= _PRE_CUE_WORDS
        and not _FINITE_RE.search(doc.norm, pb, word.start())
        and not _VERBISH.search(doc.norm, pb, word.start())
    )


# a pseudo-cleft: "What Hegseth ruled out was any role for U.S. troops"
_CLEFT_WHAT = re.compile(r"\bwhat\b", _I)
_CLEFT_BE = re.compile(r"\b(?:was|is|were|are|will be|would be)\b", _I)


def _cleft_denied(doc: _Doc, pa: int, pb: int, first: int) -> bool:
    """Whether the cue at norm[pa:pb] denies inside a pseudo-cleft whose "be" opens the
    claim: "What Hegseth ruled out in his remarks was any role for U.S. troops" (a "what"
    at most 4 words before the cue, no finite verb between the cue and "be", and the claim
    within _PRE_CUE_WORDS words after it)."""
    norm = doc.norm
    if first - pb > 200:
        return False
    what = None
    for m in _CLEFT_WHAT.finditer(norm, max(0, pa - 60), pa):
        what = m
    if what is None or doc.word_index(pa) - doc.word_index(what.start()) > 4:
        return False
    if _FINITE_RE.search(norm, what.end(), pa):
        return False
    be = _CLEFT_BE.search(norm, pb, first)
    return (
        be is not None
        and _opens_claim(doc, pb, be, first)
        and not _FINITE_RE.search(norm, be.end(), first)
    )


def _past_its_phrase(doc: _Doc, clause: _Clause, cue: int, span: tuple[int, int]) -> bool:
    """A negating preposition ("without", "w/o") negates its own phrase: a claim past the
    end of that phrase in the parse is not under it, however near the words are."""
    if not _NEGATING_PREPOSITION.match(doc.norm, cue) or syntax.parser() is None:
        return False
    s, e = doc.sentences[clause.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return False
    return syntax.past_its_phrase(doc.norm[s:e], cue - s, (span[0] - s, span[1] - s))


def _skip_aside(clause: _Clause, norm: str, a: int, b: int) -> str:
    """norm[a:b] without a dash aside that lies wholly inside it."""
    if clause.aside is not None and a <= clause.aside[0] and clause.aside[1] <= b:
        return norm[a : clause.aside[0]] + norm[clause.aside[1] : b]
    return norm[a:b]


def _aux_negation(norm: str, ls: int, pa: int, pb: int) -> bool:
    cue = norm[pa:pb].lower()
    if cue.endswith("n't") or cue in ("cannot", "nor"):
        return True
    if cue in ("not", "never"):
        prev = _LAST_WORD.search(norm, max(ls, pa - 24), pa)
        return bool(prev and _FINITE_RE.fullmatch(prev.group(1)))
    return False


def _hedged(doc: _Doc, clause: _Clause, combo, negated: bool) -> bool:
    first = min(s[0] for _, s in combo)
    s, e = doc.sentences[clause.sentence]
    if doc.norm[s:e].rstrip().endswith("?"):
        return True  # a question asserts nothing: "Temporary staff in the museum?"
    locals_ = {doc.local_of(clause, s[0]) for _, s in combo}
    for ls, le in locals_:
        # "unclear whether the fair would be under council control or covered by insurance":
        # the alternative after "or" is still inside the "whether" question
        if (
            _OR_START.match(doc.norm, ls)
            and "," not in doc.norm[ls:first]
            and _WHETHER.search(doc.norm, clause.start, ls)
        ):
            return True
        for h, _ in clause.hedges:
            if ls <= h < le and not doc.outside(clause, h, ls):
                if _REPORTED.match(doc.norm, h) and any(
                    pb <= h and doc.word_index(h) - doc.word_index(pb - 1) <= 3
                    for _, pb in clause.predicate
                ):
                    continue  # "rejected suggestions that ...": the denial is asserted
                return True
    for pos in clause.ifs:  # "if temporary staff joined ..." (no comma before the claim)
        if pos < first and "," not in doc.norm[pos:first] and not doc.outside(clause, pos, first):
            ls, _ = doc.local_of(clause, first)
            if pos >= ls and not _main_clause_between(doc.norm, pos, first):
                return True
    return False


def _question(doc: _Doc, clause: _Clause) -> bool:
    s, e = doc.sentences[clause.sentence]
    return doc.norm[s:e].rstrip().endswith("?")


_YES_NO_QUESTION = re.compile(
    r"\W*(?:will|would|is|are|was|were|did|does|do|can|could|has|have|had|should|shall)\b", _I
)
_ANSWER = re.compile(
    r"\W*(?:(?:also|again|and|but|still)\s+)?(?:(no|not|nope|never)|(yes|yeah|indeed))\b"
    r"(?!\s+(?:one|body|doubt|matter|word|decision|answer|comment|clear|sure|certain)\b)",
    _I,
)


# a reported one-word answer: "The minister says yes.", "His answer was no, and ..."
_REPORTED_ANSWER = re.compile(
    r"\W*(?:[\w.'\u2019-]+\s+){1,4}?(?:says|said|answers|answered|replies|replied|responds|"
    r"responded|answer\s+(?:is|was)|reply\s+(?:is|was)|response\s+(?:is|was))\s*:?\s*"
    r"[\"'\u201c\u2018]?(?:(no|nope)|(yes|yeah))\b[\"'\u201d\u2019]?\s*(?:[,;.!]|$)",
    _I,
)


def _answer(doc: _Doc, clause: _Clause) -> str | None:
    """'no' or 'yes' when the clause's sentence is a yes/no question answered by the next
    sentence's first word ("Will they join? No." / "Not according to ...") or by a
    one-word answer reported there ("The minister says yes."), else None."""
    k = clause.sentence
    s, e = doc.sentences[k]
    if k + 1 >= len(doc.sentences) or not doc.norm[s:e].rstrip().endswith("?"):
        return None
    if not (_YES_NO_QUESTION.match(doc.norm, s) or _elliptical_question(doc, s, e)):
        return None
    start = doc.sentences[k + 1][0]
    m = _ANSWER.match(doc.norm, start) or _REPORTED_ANSWER.match(doc.norm, start)
    if m is None:
        return None
    return "no" if m.group(1) else "yes"


_WH_WORD = re.compile(r"\W*(?:who|whom|whose|what|which|where|when|why|how)\b", _I)


def _elliptical_question(doc: _Doc, s: int, e: int) -> bool:
    """A question of a few words with no verb and no wh-word ("Council staff?", "Flood
    cover for the crossing?"): a yes/no question with its verb left out."""
    return (
        not _WH_WORD.match(doc.norm, s)
        and not _FINITE_RE.search(doc.norm, s, e)
        and not _VERBISH.search(doc.norm, s, e)
        and doc.word_index(e - 1) - doc.word_index(s) < 10
    )


_CONDITION_MARK = re.compile(r"\b(?:if|unless|when|whenever|provided|because)\b", _I)


def _read_past_a_condition(doc: _Doc, combo, word_combo) -> bool:
    """Whether the word rules' reading fills a slot with words inside a condition clause that
    opens after every slot of the parse's reading."""
    if combo == word_combo:
        return False
    end = max(b for _, (_, b) in combo)
    mine = {sp for _, sp in combo}
    other = [sp[0] for _, sp in word_combo if sp not in mine]
    return bool(other) and _CONDITION_MARK.search(doc.norm, end, min(other)) is not None


def _negation_counts(doc: _Doc, clause: _Clause, combo, literal: bool) -> list[int]:
    """The word rules' count of negation cues over each slot of one reading of a clause."""
    first = min(sp[0] for _, sp in combo)
    last = max(sp[1] for _, sp in combo)
    own = tuple(sp for _, sp in combo) if literal else ()
    return [_negation_count(doc, clause, span, first, last, own) for _, span in combo]


def _parsed_reading(
    doc: _Doc,
    clause: _Clause,
    combos,
    subjects: frozenset[str] = frozenset(),
    literal: bool = False,
    actor: syntax.StatementActor | None = None,
    identity: bool = False,
    owner: frozenset[str] | None = None,
    speaker: frozenset[str] | None = None,
    asserts: bool = False,
    patients: frozenset[str] = frozenset(),
    doer: tuple[str, str] | None = None,
    possessor: tuple[str, str] | None = None,
    copular: frozenset[str] = frozenset(),
    own_subject: frozenset[str] = frozenset(),
):
    """The parse's reading of the claim (harness.syntax): the first reading that is
    negated, else the first; None when the parse cannot place the slots. `subjects`:
    the slots that are the subject in the fact's own statement; `asserts`: the claim
    asserts something (a positive fact's), so "could" on its verb hedges it;
    `own_subject`: the verb slots whose verb has a subject of its own in the statement."""
    s, e = doc.sentences[clause.sentence]
    s = _heading_end(doc.norm, s)  # "Summary: the club sold ...": the heading is no part
    if e - s > syntax.MAX_SENTENCE:
        return None  # a run-on "sentence" (pathological input): the word rules alone
    sentence = doc.norm[s:e]
    first = None
    placed = []
    for c in combos[:4]:
        spans = [(max(a, s) - s, min(b, e) - s) for _, (a, b) in c if a < e and b > s]
        if len(spans) != len(c):
            continue
        ordered = sorted(spans)
        links = [syntax.tree_distance(sentence, x, y) for x, y in pairwise(ordered)]
        placed.append((sum(99 if d is None else d for d in links), c, spans))
    # readings whose slots the parse joins less closely than another reading's are other
    # words' ("which the city council continues to run, ... would not include council
    # staff": that second "council" is not the one that runs the fair)
    best = min((k for k, _, _ in placed), default=0)
    roots = syntax.root_offsets(sentence) if ";" in sentence else []  # for semicolon_part
    for k, c, spans in placed:
        if k > best:
            continue
        roles = [n in subjects for n, _ in c]
        of_be = [n in copular for n, _ in c]
        part, at = clause_rules.semicolon_part(sentence, spans, roots)
        victims = [n in patients for n, _ in c]
        names = [n for n, _ in c]
        pair, owns = _pair_in(doer, names), _pair_in(possessor, names)
        r = syntax.read_claim(
            part,
            at,
            roles,
            literal,
            actor,
            identity,
            owner,
            speaker,
            asserts,
            victims,
            pair,
            owns,
            copular=of_be,
            own_subject=[n in own_subject for n, _ in c],
        )
        if r is None:
            continue
        if r.negated:
            return c, r
        if first is None:
            first = (c, r)
    return first


@lru_cache(maxsize=512)
def _subject_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots that are the subject of the fact's own statement ("A Queen's
    Guard slipped ...": the who), so that a summary naming another actor ("a tourist
    slipped ... in front of a Queen's Guard") is not read as the claim."""
    return _slots_where(fact, syntax.is_subject)


@lru_cache(maxsize=512)
def _reported(fact: Fact) -> bool:
    """Whether the fact's statement is someone's saying or view ("The crew said ...")."""
    spans = roles.first_slot_spans(fact)
    return spans is not None and syntax.statement_reported(fact.statement, spans)


@lru_cache(maxsize=512)
def _copular_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots that are the subject of a form of "be" in the fact's own statement
    that no slot holds ("Rovers are fourth": the team)."""
    return _slots_where(fact, syntax.is_copula_subject)


@lru_cache(maxsize=512)
def _own_subject_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots whose verb has a subject of its own in the fact's statement,
    no slot's ("working on a laser which converts sunlight": the laser converts), so that
    a summary giving that verb the same subject is not read as naming another actor."""
    names = _subject_slots(fact)
    if not names:
        return frozenset()
    spans = roles.first_slot_spans(fact)
    if spans is None:
        return frozenset()
    named = dict(zip((n for n, _ in fact.claim.slots), spans, strict=True))
    actors = [named[n] for n in names if n in named]
    return frozenset(
        n
        for n in named.keys() - names
        if syntax.verb_has_own_subject(fact.statement, named[n], actors)
    )


@lru_cache(maxsize=512)
def _patient_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots that are the subject of the fact's own passive verb ("Bulger was
    murdered": the victim), so that a summary making it the agent is not the claim."""
    return _slots_where(fact, syntax.is_passive_subject)


@lru_cache(maxsize=512)
def _doer_and_receiver(fact: Fact) -> tuple[str, str] | None:
    """(doer, receiver): the claim's slot that does what the statement's verb says to
    another ("Rovers beat Albion": winner, loser; "" for a doer no slot holds), so that a
    summary swapping them contradicts the fact."""
    return _statement_pair(fact, syntax.doer_and_receiver)


@lru_cache(maxsize=512)
def _possessor_and_possessed(fact: Fact) -> tuple[str, str] | None:
    """(possessor, possessed): the claim's slot written as the owner of another in the
    fact's own statement ("Rovers' winless run": team, run), so that a summary giving the
    owned thing to someone else by a possessive pronoun ("Albion ended their winless run
    against Rovers") is not the claim."""
    return _statement_pair(fact, syntax.possessor_and_possessed)


def _statement_pair(fact: Fact, find) -> tuple[str, str] | None:
    """The names of the two slots `find` picks in the fact's own statement (a slot index of
    -1 is no slot: "")."""
    spans = roles.first_slot_spans(fact)
    if spans is None or len(fact.claim.slots) < 2:
        return None
    at = find(fact.statement, spans)
    if at is None:
        return None
    names = [n for n, _ in fact.claim.slots]
    k, j = at
    return (names[k] if k >= 0 else ""), names[j]


def _pair_in(pair: tuple[str, str] | None, names: list[str]) -> tuple[int, int] | None:
    """`pair` of slot names as their indices in one reading's `names`; a first name "" (no
    slot) is -1; None when a slot of the pair is not in the reading."""
    if pair is None or pair[1] not in names or (pair[0] and pair[0] not in names):
        return None
    return (names.index(pair[0]) if pair[0] else -1), names.index(pair[1])


def _slots_where(fact: Fact, test) -> frozenset[str]:
    """The claim's slots (of two or more) whose words in the fact's statement pass `test`."""
    if len(fact.claim.slots) < 2:
        return frozenset()
    return frozenset(
        name
        for name, phrasings in fact.claim.slots
        if (spans := roles.statement_spans(fact, phrasings)) and test(fact.statement, spans)
    )


@lru_cache(maxsize=512)
def _object_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots whose words stand in the fact's own statement, none of them the
    subject of a verb or a verb itself, when no slot is its subject ("The ministry annulled
    the school's results": the results)."""
    if _subject_slots(fact) or _statement_actor(fact) is None:
        return frozenset()
    names = {n for n, p in fact.claim.slots if roles.statement_spans(fact, p)}
    return frozenset(names - _act_slots(fact))


@lru_cache(maxsize=512)
def _act_slots(fact: Fact) -> frozenset[str]:
    """The claim's slots that are the verb of the fact's own statement ("sued")."""
    spans = roles.first_slot_spans(fact)
    if spans is None:
        return frozenset()
    names = tuple(zip((n for n, _ in fact.claim.slots), spans, strict=True))
    return wording_rules.verb_slots(fact.statement, names)


def _fronted_frame(doc: _Doc, clause: _Clause, fact: Fact, combo, parsed):
    """wording_rules.fronted_frame on the claim's sentence ("In the lawsuit, X bought ...")."""
    acts = _act_slots(fact)
    if not acts or parsed is None:
        return parsed
    s, e = doc.sentences[clause.sentence]
    spans = [(n, (a - s, b - s)) for n, (a, b) in combo if s <= a and b <= e]
    return wording_rules.fronted_frame(doc.norm[s:e], spans, _subject_slots(fact), acts, parsed)


@lru_cache(maxsize=512)
def _privative(fact: Fact) -> bool:
    """A positive fact whose own statement says its claim is lost, missed or lacking."""
    spans = tuple(roles.all_slot_spans(fact))
    return fact.polarity == "positive" and wording_rules.privative_statement(fact.statement, spans)


@lru_cache(maxsize=512)
def _statement_actor(fact: Fact) -> syntax.StatementActor | None:
    """(verb, subject words) of the fact's statement when no slot names its subject ("The
    guard slipped on a manhole cover": slipped, guard): a summary where the same verb has
    another subject ("a tourist slipped on a manhole cover") is not the claim."""
    if _subject_slots(fact) or len(fact.statement) > 300:
        return None
    return syntax.statement_actor(fact.statement, roles.all_slot_spans(fact))


def _actor_misplaced(
    doc: _Doc, f: _Finding, strict: bool, cf: _CFact | None = None, stated=(), fact=None
) -> bool:
    """Whether the parse shows a contradiction's slots do not make it. Always: a noun slot
    in another clause than its verb, or the agent of a passive verb written in active order
    (syntax.slots_misread). When the same words also state the fact (`strict`): the first
    noun slot is not the subject of its verb ("Curacao beat Montserrat" read as
    "Montserrat beat ...")."""
    if syntax.parser() is None or f.clause is None:
        return False
    s, e = doc.sentences[f.clause.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return False
    spans = [(a - s, b - s) for _, (a, b) in f.combo if s <= a and b <= e]
    said = [(a - s, b - s) for a, b in stated if s <= a and b <= e]
    # ... unless its first slot is one the statement has as no actor ("The ministry
    # annulled the results": the results are no actor, whoever annulled them)
    if strict and fact is not None and f.combo and f.combo[0][0] in _object_slots(fact):
        strict = False
    reported = fact is not None and _reported(fact)
    if strict and syntax.actor_misplaced(doc.norm[s:e], spans, said, reported):
        return True
    if f.kind == "contra" and syntax.gerund_actor_misplaced(doc.norm[s:e], spans):
        return True  # "Ruiz celebrates with Bell after scoring": Bell did not score
    if fact is not None and f.kind == "contra":
        listed = dict(fact.contradictions[f.prop - 1].slots)
        kept = [(n, (a - s, b - s)) for n, (a, b) in f.combo if s <= a and b <= e]
        at, names = [sp for _, sp in kept], [listed.get(n, ()) for n, _ in kept]
        if title_before_a_name(syntax.parse(doc.norm[s:e]), at, names):
            return True  # "as Governor Ruiz said": a title, no role of anyone
    by_name = {n: (a - s, b - s) for n, (a, b) in f.combo if s <= a and b <= e}
    order = cf.contradictions[f.prop - 1].order if cf is not None else ()
    ordered = [by_name[n] for n in order if n in by_name]
    return syntax.slots_misread(doc.norm[s:e], spans, ordered, reported)


def _rival_farther(doc: _Doc, contra: _Finding, claim: _Finding, max_gap: int) -> bool:
    """A declared contradiction that shares words with a statement of the fact in the same
    sentence, and fills one of the same slots with a word much further from those shared
    words than the statement's own filler, is a misreading of them: further in the parse
    ("... alongside Holland and the Republic of Ireland England will open their campaign
    against Italy": Italy is the opponent, Ireland a word of a list), or beyond the
    contradiction's `max_gap` words, joined only by the parse, while the statement's filler
    is within it ("teenagers pictured next to their fathers leaping into the air")."""
    if syntax.parser() is None or contra.sentence != claim.sentence:
        return False
    s, e = doc.sentences[contra.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return False
    mine = dict(claim.combo)
    # a word of the same slot in both ("derby" of the statement's "manchester derby")
    shared = [sp for n, sp in contra.combo if n in mine and _overlap(mine[n], sp)]
    rivals = [(mine[n], sp) for n, sp in contra.combo if n in mine and not _overlap(mine[n], sp)]
    if not shared or not rivals:
        return False
    sentence = doc.norm[s:e]
    at = shared[0][0] - s, shared[0][1] - s
    for own, other in rivals:
        if _word_gap(doc, shared[0], other) > max_gap >= _word_gap(doc, shared[0], own):
            return True
        word = re.escape(doc.norm[own[0] : own[1]])
        near = [  # the statement's filler wherever its words stand in the sentence
            d
            for m in re.finditer(rf"\b{word}\b", sentence, _I)
            if (d := syntax.tree_distance(sentence, at, m.span())) is not None
        ]
        d_other = syntax.tree_distance(sentence, at, (other[0] - s, other[1] - s))
        if near and d_other is not None and d_other > max(min(near) + 2, 4):
            return True
    return False


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def _word_gap(doc: _Doc, x: tuple[int, int], y: tuple[int, int]) -> int:
    """How many words lie between two spans."""
    a, b = sorted((x, y))
    return max(0, doc.word_index(b[0]) - doc.word_index(a[1] - 1) - 1)


def _main_clause_between(norm: str, pos: int, end: int) -> bool:
    """'if it ran into heavy rain it could not count on the insurance': a modal after the
    if-clause's own verb opens the main clause, so the claim is not conditional."""
    if end - pos > 300:
        return False
    return any(_IF_VERB.search(norm, pos + 2, m.start()) for m in _MODAL.finditer(norm, pos, end))


def _scope_level(doc: _Doc, cf: _Scope, clause: _Clause, combo=(), own=()) -> int | None:
    if cf.context is None and cf.exclude is None:
        return 0
    inside = verdict_rules.own_excluded(doc, cf, [sp for _, sp in combo])
    if inside is None:
        return None  # "the previous record" with "previous record" an exclude phrase
    if cf.exclude is not None and combo:
        # the claim's own local sub-clause(s) first: "The team will not get a bonus through
        # league membership, he said, and the staff would be ..." is about membership
        locals_ = [doc.local_of(clause, sp[0]) for _, sp in combo]
        lo, hi = min(a for a, _ in locals_), max(b for _, b in locals_)
        # "The team will be in the league and have a bonus": the verb after "and" shares the
        # subject, and the topic, of the words before it
        if lo > clause.start and _ELIDED.match(doc.norm, lo):
            before = doc.local_of(clause, lo - 1)[0]
            if not _RELATIVE.match(doc.norm, before):  # not a relative clause's own words
                lo = before
        if (
            (lo, hi) != (clause.start, clause.end)
            and (cf.context is None or not doc.has(cf.context, lo, hi))
            and doc.has(cf.exclude, lo, hi)
        ):
            # ... but not an exclude word inside the claim's own words ("an attack on all
            # members" is the guarantee, not membership)
            starts, spans = doc.matches(cf.exclude)
            foreign = any(
                x[1] <= hi and not any(x[0] < b and a < x[1] for a, b in own)
                for x in spans[bisect_left(starts, lo) : bisect_left(starts, hi)]
            )
            if foreign:
                return None
    # asked per claim; an exclude word that is one of the statement's own words is no other
    # subject for it ("humpback" in a contradiction that gives the record to a humpback)
    key = (cf.context, cf.exclude, cf.window, clause.start, clause.end, inside)
    if cf.context is not None and cf.exclude is not None and combo:
        # the claim's own words, or words of an exclude phrase, are no context against an
        # exclude word beside them: "the visitors' pilot's maneuvers" with "maneuvers" a
        # context word and "visitors' pilot" an exclude one is about the visitors
        excluded = verdict_rules.excluded_in_clause(doc, cf, clause, [sp for _, sp in combo])
        if excluded is not None:
            return None if excluded else 0
    if (
        cf.context is None
        and combo
        and not verdict_rules.has_other(doc, cf.exclude, clause.start, clause.end, inside)
    ):
        # no context declared: the statement's own words name its subject, and an exclude
        # word only in another clause of the sentence ("A swam 4,000 miles, but did not
        # beat the record set by B") marks that clause's
        return 0
    if key in doc._found:
        return doc._found[key]
    s, e = doc.sentences[clause.sentence]
    lo = max(0, clause.sentence - cf.window)
    hi = min(len(doc.sentences) - 1, clause.sentence + cf.window)
    levels = [
        (clause.start, clause.end),
        (s, e),
        (doc.sentences[lo][0], doc.sentences[hi][1]),
    ]
    out = None if cf.context is not None else 0
    prev = None
    for level, (a, b) in enumerate(levels):
        if (a, b) == prev:
            continue  # the clause is the whole sentence, or the window is that sentence
        prev = (a, b)
        if cf.context is not None and doc.has(cf.context, a, b):
            out = level
            break
        if cf.exclude is not None and verdict_rules.has_other(doc, cf.exclude, a, b, inside):
            out = None
            break
    else:
        if out is None and _refers_back(doc, clause, combo):
            out = _earlier_topic(doc, cf, clause.sentence - cf.window - 1, inside)
    doc._found[key] = out
    return out


# a sentence that opens with a third-person pronoun subject: "He has made 19 appearances"
_PRONOUN_OPENING = re.compile(r"\s*(?:he|she|they|it)\b", _I)
_LOOK_BACK = 3  # sentences an opening pronoun or definite description may reach past `window`


def _refers_back(doc: _Doc, clause: _Clause, combo) -> bool:
    """Whether the claim's sentence opens by referring back: a pronoun subject, or a
    definite description made of the claim's own words ("The veteran striker has struggled",
    or without its article, as captions write it: "veteran striker has struggled")."""
    start = doc.sentences[clause.sentence][0]
    return bool(combo) and (
        _PRONOUN_OPENING.match(doc.norm, start) is not None
        or any(_DEFINITE_OPENING.fullmatch(doc.norm, start, sp[0]) for _, sp in combo)
        or any(not doc.norm[start : sp[0]].strip() for _, sp in combo)
    )


def _earlier_topic(doc: _Doc, cf: _Scope, last: int, inside) -> int | None:
    """A claim whose sentence refers back, with no context or exclude word within its
    window: the nearest earlier sentence, up to `_LOOK_BACK` further back, that holds a
    context or an exclude word decides (level 2, a neighbouring sentence's topic), as the
    window would have: "Ana Ruiz and her sister opened a cafe. The pair trained in Lyon. The
    former chef has won a prize" is about Ruiz with `context = ["Ruiz"]`."""
    for k in range(last, max(-1, last - _LOOK_BACK), -1):
        a, b = doc.sentences[k]
        if cf.context is not None and doc.has(cf.context, a, b):
            return 2
        if cf.exclude is not None and verdict_rules.has_other(doc, cf.exclude, a, b, inside):
            return None
    return None


def _anaphor(doc: _Doc, cf: _Scope, clause: _Clause, combo) -> bool:
    """A pronoun in the claim's local sub-clauses ("the council would fund it") with the
    fact's context in a preceding sentence: the pronoun takes its referent from there."""
    if cf.context is None or clause.sentence == 0:
        return False
    locals_ = [doc.local_of(clause, sp[0]) for _, sp in combo]
    lo, hi = min(a for a, _ in locals_), max(b for _, b in locals_)
    start = doc.sentences[clause.sentence][0]
    if (
        not _PRONOUN.search(doc.norm, lo, hi)
        and not _CORRECTS.search(doc.norm, lo, hi)
        and not _CONTINUES.match(doc.norm, start)
        and not any(_DEFINITE_OPENING.fullmatch(doc.norm, start, sp[0]) for _, sp in combo)
    ):
        return False
    first = max(0, clause.sentence - cf.window)
    if doc.has(cf.context, doc.sentences[first][0], doc.sentences[clause.sentence][0]):
        return True
    inside = verdict_rules.own_excluded(doc, cf, [sp for _, sp in combo])
    return (
        inside is not None
        and _refers_back(doc, clause, combo)
        and _earlier_topic(doc, cf, first - 1, inside) == 2
    )


def _evaluate(doc: _Doc, fact: Fact, cf: _CFact, prop: _CProp, kind: str) -> list[_Finding]:
    out: list[_Finding] = []
    # only clauses holding (or inheriting) a match of the rarest slot can state the claim
    rarest: list[int] = []
    for i, (_, pat) in enumerate(prop.slots):  # stops at the first slot with no match
        if pat is None:
            return out
        starts = doc.claim_slot(prop, i)[0]
        if not starts:
            return out
        if i == 0 or len(starts) < len(rarest):
            rarest = starts
    for clause in doc.clauses:
        lo, hi = clause.inherit[0] if clause.inherit else clause.start, clause.end
        k = bisect_left(rarest, lo)
        if k >= len(rarest) or rarest[k] >= hi:
            continue
        matches = _slot_matches(doc, prop, clause)
        if not matches:
            continue
        combos = _combos(doc, prop, clause, matches)
        if kind == "contra":  # a contradiction must sit in one local sub-clause
            combos = [c for c in combos if doc.n_locals(clause, [sp for _, sp in c]) == 1]
        if not combos:
            continue
        combo = combos[0]
        # a phrasing in a slot is read literally ("sat out" for "missed": no negation of
        # its own) except in a negative fact's claim, whose phrasings name what is denied
        # and may deny it by themselves ("sit out" for taking part)
        literal = kind in ("stated", "contra") or (kind == "claim" and fact.polarity == "positive")
        # a negation found on any reading of the clause counts: cues are evidence,
        # their absence is not ("None of the staff ... would come from the agency")
        negated = double = False
        for c in combos:
            counts = _negation_counts(doc, clause, c, literal)
            if any(n % 2 for n in counts):
                negated, combo = True, c
                double = any(n >= 2 for n in counts)
                break
            double = double or any(n >= 2 for n in counts)
        word_combo = combo
        hedged = _hedged(doc, clause, combo, negated)
        at = (doc.norm, doc.sentences[clause.sentence], combo)
        if hedged and share_asserts_some(kind, fact.polarity, negated, *at):
            hedged = _hedged(doc, clause_without_shares(clause), combo, negated)
        last = max(sp[1] for _, sp in combo)
        comma = doc.norm.find(",", last, clause.end)
        if _TRAILING_DENIAL.match(doc.norm, doc.local_of(clause, last - 1)[1]) or (
            comma >= 0 and _BARE_DENIAL.match(doc.norm, comma)
        ):
            negated, double = not negated, double or negated
            # "X could happen, Y denied": a possibility denied says it will not happen
            modal = [_POSSIBLE.match(doc.norm, h) for h, _ in clause.hedges if h < last]
            hedged = hedged and not (modal and all(modal) and not _question(doc, clause))
        parsed = None
        words = (negated, double, hedged)  # the word-window rules' reading
        if (
            # a verbless label ("Temporary staff: none") has no parse; a clause of its own
            # after a one-word label ("Ruiz: the club would get no grant") has
            (clause.label is None or _own_clause_after_label(doc, clause, combos))
            and not clause.topic
            and syntax.parser() is not None
        ):
            subjects = _subject_slots(fact) if kind == "claim" else frozenset()
            copular = _copular_slots(fact) if kind == "claim" else frozenset()
            actor = _statement_actor(fact) if kind == "claim" else None
            identity = kind == "claim" and roles.identity_fact(fact)
            owner = roles.statement_owner(fact) if kind == "claim" else None
            speaker = roles.statement_speaker(fact) if kind in ("claim", "stated") else None
            asserts = kind == "claim" and fact.polarity == "positive"
            patients = _patient_slots(fact) if kind == "claim" else frozenset()
            doer = _doer_and_receiver(fact) if asserts else None
            possessor = _possessor_and_possessed(fact) if kind == "claim" else None
            reading = _parsed_reading(
                doc,
                clause,
                combos,
                subjects,
                literal,
                actor,
                identity,
                owner,
                speaker,
                asserts,
                patients,
                doer,
                possessor,
                copular,
                _own_subject_slots(fact) if kind == "claim" else frozenset(),
            )
            if reading is not None:
                combo, parsed = reading
                if words[0] and _read_past_a_condition(doc, combo, word_combo):
                    # the word rules' negation came from other words inside a condition
                    # after the claim ("cars would use it if the ferry could not carry
                    # enough vehicles": "vehicles", not the parse's "cars")
                    counts = _negation_counts(doc, clause, combo, literal)
                    if not any(n % 2 for n in counts):
                        hedged_there = _hedged(doc, clause, combo, False)
                        words = (False, any(n >= 2 for n in counts), hedged_there)
                if kind == "claim":  # "miss out on X" states a fact that X is lost
                    parsed = wording_rules.privative_own(_privative(fact), parsed)
                    parsed = _fronted_frame(doc, clause, fact, combo, parsed)
                negated, double = parsed.negated, parsed.double
                # a condition hedges, unless the fact's own statement has one ("... if
                # it clashed with Russian forces")
                hedges = roles.without_own_condition(fact, parsed.hedges)
                if kind in ("claim", "contra"):  # "will team up ... to begin offering"
                    hedges = roles.without_own_future(fact, hedges)  # the plan's aim
                    hedges = roles.without_own_plan(fact, hedges)  # "expected to" of "set to"
                if hedges and share_asserts_some(
                    kind, fact.polarity, parsed.negated, *at[:2], combo
                ):
                    hedges = without_shares(hedges)
                hedges = undone_rules.without_own_request(fact.statement, hedges)
                hedged = bool(hedges) or _question(doc, clause)
                own = roles.statement_reading(fact) if kind == "claim" and hedges else None
                read = (parsed.negated, {h.lower() for h in hedges})
                if own is not None and read == (own[0], {own[1]}):
                    # the fact's own statement is hedged so ("United are unlikely to pay
                    # ..."): a claim read the same way states the fact as written
                    negated, hedged = fact.polarity == "negative", False
                    words = (negated, double, False)
                elif (
                    kind == "stated"
                    and hedged
                    and not parsed.negated
                    and read[1] <= _POSSIBILITY_HEDGES
                    and _POSSIBLE_WORD.search(fact.statement)
                ):
                    # a `stated_as` phrasing of a fact that is itself a possibility ("there
                    # may be a worry about ..."): "might have to worry about ..." states it
                    hedged = False
                    words = (negated, double, False)
                if parsed.factive:
                    # "did not hide / did not know that X": X is asserted; the word rules'
                    # cue above the factive verb is that verb's (assertion_rules)
                    words = (negated, double, hedged)
                if parsed.condition:
                    # "X would happen only if Y": X may happen, which denies a fact that it
                    # will not and asserts nothing of one that it will (the word rules' cues
                    # inside the condition are the condition's)
                    allowed = kind == "claim" and fact.polarity == "negative" and not hedged
                    negated, double, hedged = False, False, not allowed
                    words = (negated, double, hedged)
        first = min(sp[0] for _, sp in combo)
        if _NOT_CLEAR.search(doc.norm, clause.start, first):
            # "It is not clear that X": X is left open, not denied (both readings)
            negated, double, hedged = False, False, True
            words = (False, False, True)
        answer = _answer(doc, clause)
        if answer is None:  # "Asked whether they would join, the manager said no."
            answer = answer_in_sentence(doc.norm, doc.sentences[clause.sentence], combo)
        if answer is not None:  # "Will temporary staff join? Not according to the manager."
            flip = answer == "no"
            negated, hedged = negated != flip, False
            words = (words[0] != flip, words[1], False)
        last = max(sp[1] for _, sp in combo)
        local_end = doc.local_of(clause, last - 1)[1]
        slot_spans = [doc.claim_slot(prop, k)[1] for k in range(len(prop.slots))]
        if (
            _LATER_DENIAL.match(doc.norm, local_end)
            or verdict_rules.denied_next(doc, clause.sentence)
            or verdict_rules.denied_after(doc, local_end, clause.sentence, slot_spans)
            or verdict_rules.retracted_next(doc, clause.sentence, slot_spans)
        ):
            # what a report or the clause said is then denied: asserted as untrue
            negated, double, hedged = not negated, double or negated, False
            words = (not words[0], words[1] or words[0], False)
        if (
            kind == "claim"
            and not (parsed is not None and parsed.condition)  # already read as allowed
            and roles.own_condition_turned(fact, doc.norm, last, doc.sentences[clause.sentence][1])
        ):
            # "would lack cover unless it clashed with X" for "no cover if it clashed with
            # X": on the fact's own condition, the opposite
            negated, words = not negated, (not words[0], words[1], words[2])
        if clause.topic and not negated:
            hedged = True  # "Temporary staff in the museum: ..." names a topic, the value follows
        blocked = False
        if prop.unless is not None:
            # in the claim's own local sub-clauses ("..., as the coach called for ...": another)
            locals_ = [doc.local_of(clause, sp[0]) for _, sp in combo]
            lo, hi = min(a for a, _ in locals_), max(b for _, b in locals_)
            blocked = doc.has(prop.unless, lo, hi)
        requires_ok = True
        if kind == "claim" and cf.requires is not None:
            lo = clause.label.start if clause.label is not None else clause.start
            requires_ok = doc.has(cf.requires, lo, clause.end)
        own = [sp for v in matches.values() for sp in v]
        scope = prop.scope or cf.scope
        level = _scope_level(doc, scope, clause, combo, own)
        if (
            kind == "contra"
            and level is not None
            and prop.scope is not None  # the contradiction's own exclude words
            and scope.exclude is not None
            and verdict_rules.has_other(
                doc, scope.exclude, clause.start, clause.end, frozenset(own)
            )
        ):
            # precision first: a declared contradiction whose own clause has one of the
            # exclude words written for it is no clear contradiction, though a context
            # word is there too ("the champion is 35 on April 28" with "35 on" excluded)
            level = None
        anaphor = level == 2 and _anaphor(doc, scope, clause, combo)
        out.append(
            _Finding(
                kind=kind,
                negated=negated,
                hedged=hedged,
                blocked=bool(blocked),
                level=level,
                sentence=clause.sentence,
                double=double,
                requires_ok=requires_ok,
                position=min(s[0] for _, s in combo),
                anaphor=anaphor,
                clause=clause,
                combo=tuple(combo),
                scope=scope,
                parsed=parsed,
                words=words,
                other_actor=parsed.other_actor if parsed is not None else None,
                swapped=parsed is not None and parsed.swapped,
                framed=_falsity_framed(doc, clause.sentence, min(s[0] for _, s in combo)),
            )
        )
    return out


_LEVEL_CONF = {0: 0.92, 1: 0.88, 2: 0.75}


_LEVEL_NAME = {0: "its own clause", 1: "its sentence", 2: "a neighbouring sentence"}


@dataclass(frozen=True)
class Reading:
    """One statement of a fact's claim (or of a contradiction) found in a candidate, with
    what the matcher made of it: the explanation behind a verdict."""

    kind: str  # "claim", "stated_as" or "contradiction N"
    sentence: tuple[int, int]  # the sentence's span in the candidate
    clause: str  # the clause it was found in, as written
    slots: tuple[tuple[str, str], ...]  # (slot, the words that filled it)
    negated: bool
    double_negation: bool
    cues: tuple[str, ...]  # negation cues in the statement's sub-clause(s)
    hedged: bool
    hedge: str | None  # the word that hedged it, when known
    scope: str  # "context in its own clause", "out of scope", ...
    outcome: Verdict | Literal["set aside"]
    reason: str


@dataclass(frozen=True)
class FactExplanation:
    fact: str
    result: FactResult
    reason: str  # why the final verdict won
    readings: tuple[Reading, ...]
    unmatched: tuple[str, ...]  # slots of the claim with no phrasing found anywhere


def _result(
    doc: _Doc,
    fact_id: str,
    verdict: Verdict,
    sentence: int | None,
    conf: float,
    other: tuple[Verdict, int] | None = None,
) -> FactResult:
    if sentence is None:
        return FactResult(fact_id, verdict, None, None, round(conf, 3))
    s, e = doc.sentences[sentence]
    extra = {}
    if other is not None:
        os_, oe = doc.sentences[other[1]]
        extra = {
            "other_verdict": other[0],
            "other_evidence": doc.text[os_:oe],
            "other_span": (os_, oe),
        }
    return FactResult(fact_id, verdict, doc.text[s:e], (s, e), round(conf, 3), **extra)


# an open question put as a negated certainty: "it is not clear that X", "was not yet known
# whether X" leave X open (a hedge, not a denial)
_NOT_CLEAR = re.compile(
    r"\b(?:is|was|are|were|'s|remains|remained|seems|seemed)\s+(?:not|n't)\s+(?:yet\s+)?"
    r"(?:clear|certain|sure|known|obvious|confirmed)\s+(?:that|whether|if)\b",
    _I,
)
# a sentence that opens by calling what follows false: "It is not true that ...", "It was
# never the case, she said, that ..."
_FALSITY_FRAME = re.compile(
    r"\s*(?:but\s+|and\s+)?it\s+(?:is|was|'s|has\s+been|had\s+been)\s+(?:not|never|n't)\s+"
    r"(?:true|the\s+case|correct|accurate)\s*(?:,[^,;]{1,60},\s*)?that\b",
    _I,
)


def _falsity_framed(doc: _Doc, sentence: int, position: int) -> bool:
    """A frame that opens the claim's sentence calls the clause after it false ("It is not
    true that the ferry sank, the captain said"): a plain denial, which the word rules miss
    when the claim is far from the "not"."""
    m = _FALSITY_FRAME.match(doc.norm, doc.sentences[sentence][0])
    return m is not None and m.end() <= position


# the reason a word-rule reading carries when it stands against the parse's contradiction
_WORDS_WON = "the parse reads a contradiction, the word rules do not"


def _classify(fact: Fact, cf: _CFact, f: _Finding) -> tuple[str, float, str]:
    """(outcome, confidence, reason) of one finding. Precision first: a statement read
    from the parse as contradicting the fact counts as a contradiction only when the
    word-window rules read it so too; otherwise their reading stands."""
    if f.other_actor is not None:
        if f.swapped and f.kind == "claim" and fact.polarity == "positive":
            out = _classify_as(fact, cf, f, f.negated, f.double, f.hedged)
            if out[0] == "present":  # "Albion beat Rovers" for "Rovers beat Albion"
                why = f"the roles are swapped: {f.other_actor!r} does it to the fact's actor"
                return "contradicted", out[1] - 0.02, why
        return "set aside", 0.0, f"the actor is {f.other_actor!r}, not the fact's"
    out = _classify_as(fact, cf, f, f.negated, f.double, f.hedged)
    if out[0] == "contradicted" and f.parsed is not None and f.words is not None:
        alt = _classify_as(fact, cf, f, *f.words)
        # ... except a double negation the parse resolved ("rejected calls to keep temporary
        # staff out", "not true that the fair would lack ..."), where the word rules are
        # weakest
        framed = f.framed and len(f.parsed.negations) == 1  # the frame's own "not" only
        if alt[0] != "contradicted" and not f.parsed.double and not framed:
            why = _WORDS_WON
            if alt[0] == "present" and f.parsed.negations and not f.words[0]:
                return "set aside", 0.0, why  # a cue only the parse sees: neither reading
            return alt[0], alt[1], f"{alt[2]} ({why})"
    note = assertion_rules.reading_note(f.parsed) if f.parsed is not None else ""
    return (out[0], out[1], out[2] + note) if note else out


# a closer denied or refused: what it would close stays possible
_LEFT_OPEN = re.compile(r"(?:not|\w+ to) (?:rule out|exclude|preclude)$", _I)


def _left_possible(fact: Fact, f: _Finding, negated: bool) -> bool:
    """A negative fact's claim that the parse reads left possible by a closer denied or
    refused ("did not rule out cars on the bridge", "refused to rule out"), and hedged by
    nothing else: the fact says it will not happen, the summary that it may."""
    if fact.polarity != "negative" or f.kind != "claim" or negated or f.level is None:
        return False
    hedges = f.parsed.hedges if f.parsed is not None else ()
    return bool(hedges) and all(_LEFT_OPEN.match(h) for h in hedges)


def _classify_as(
    fact: Fact, cf: _CFact, f: _Finding, negated: bool, double: bool, hedged: bool
) -> tuple[str, float, str]:
    want_negated = fact.polarity == "negative"
    if f.kind == "contra" and negated != cf.contradictions[f.prop - 1].negative:
        return "set aside", 0.0, "the contradiction is itself denied"
    if hedged and _left_possible(fact, f, negated):
        why = "the claim is left possible ('did not rule out'): the fact says it will not be"
        return "contradicted", _LEVEL_CONF[f.level] - 0.05, why
    if hedged:
        return "set aside", 0.0, "hedged or conditional: it asserts nothing"
    if f.blocked:
        return "set aside", 0.0, "an 'unless' word is in the clause"
    if f.level is None:
        return "set aside", 0.0, "out of scope: an exclude word, or no context word nearby"
    conf = _LEVEL_CONF[f.level] - (0.05 if double else 0.0)
    if f.kind == "contra":
        return "contradicted", _LEVEL_CONF[f.level] - 0.02, "a declared contradiction is asserted"
    if f.kind == "stated":
        if not negated:
            return "present", conf, "a phrasing that states the fact (stated_as) is asserted"
        if fact.opposite == "contradicts" and f.level <= 1:
            return "contradicted", conf - 0.02, "a stated_as phrasing is denied"
        return "set aside", 0.0, "a stated_as phrasing is denied, too far from the context"
    if negated == want_negated:
        how = "denied" if negated else "asserted"
        return "present", conf, f"the claim is {how}, as the fact's polarity requires"
    if fact.opposite != "contradicts":
        return "set aside", 0.0, "the opposite of the fact (opposite = 'ignore')"
    if not (f.requires_ok or double):
        return "set aside", 0.0, "the opposite of the fact, but no opposite_requires word"
    if not (f.level <= 1 or f.anaphor):
        return "set aside", 0.0, "the opposite of the fact, but its context is only nearby"
    how = "asserted" if want_negated else "denied"
    return "contradicted", conf - 0.02, f"the claim is {how}: the opposite of the fact"


def _findings(doc: _Doc, fact: Fact, cf: _CFact) -> list[_Finding]:
    out = _evaluate(doc, fact, cf, cf.claim, "claim")
    if cf.figure is not None:
        for f in _evaluate(doc, fact, cf, cf.figure, "claim"):
            f.kind = "figure"
            out.append(f)
    if cf.stated is not None:
        out += _evaluate(doc, fact, cf, cf.stated, "stated")
    for j, prop in enumerate(cf.contradictions, 1):
        for f in _evaluate(doc, fact, cf, prop, "contra"):
            f.prop = j
            out.append(f)
    return out


def _claim_window(doc: _Doc, f: _Finding, after: int) -> tuple[int, int, int, int]:
    """(sentence start, sentence end, lo, hi): the claim's words with three words before and
    `after` words after them, inside its clause, as offsets in its sentence."""
    s, e = doc.sentences[f.clause.sentence]
    first = min(a for _, (a, _) in f.combo)
    last = max(b for _, (_, b) in f.combo)
    before = [m.start() for m in _WORD.finditer(doc.norm, f.clause.start, first)][-3:]
    later = [m.end() for m in _WORD.finditer(doc.norm, last, f.clause.end)][:after]
    return s, e, (before[0] if before else first) - s, (later[-1] if later else last) - s


def _details_checked(doc: _Doc, fact: Fact, f: _Finding, o: str, c: float, r: str):
    """A statement of the fact whose clause writes one of the statement's figures with
    another value ("a 3-0 defeat" for "beaten 2-0": harness.figure_rules) or puts another
    name after one of the statement's prepositions ("took over the lease from Albion" for
    "... from the council": harness.detail_rules) contradicts it."""
    if o != "present" or f.kind == "contra" or f.clause is None:
        return f, o, c, r
    s, e, lo, hi = _claim_window(doc, f, 8)
    clause = (f.clause.start - s, f.clause.end - s)
    wrong = figure_rules.wrong_figure(fact.statement, doc.text[s:e], lo, hi, clause)
    named = syntax.parser() is not None and detail_rules.statement_details(fact.statement)
    if wrong is None and named:
        s, e, lo, hi = _claim_window(doc, f, 12)
        groups = _name_groups(fact)
        sentence, caseless = doc.text[s:e], _caseless_text(doc.text)
        if caseless:
            sentence = source_names.recased(sentence, fact.source_names)
        wrong = detail_rules.wrong_detail(fact.statement, sentence, lo, hi, groups, caseless)
        fillers = [doc.norm[a:b] for _, (a, b) in f.combo]
        if wrong is not None and source_names.article_writes(
            fact.source_details, wrong[0], fillers
        ):
            wrong = None  # "moved to Old Trafford", as the article itself says
    if wrong is None:
        return f, o, c, r
    return f, "contradicted", c - 0.02, f"it writes {wrong[0]!r} for the statement's {wrong[1]!r}"


def _figure_checked(doc: _Doc, fact: Fact, f: _Finding, o: str, c: float, r: str):
    """The claim read with its slots of figures open ("Rovers beat Albion 4-1" for *...
    6-1*): contradicted when it is asserted and the figure filling the slot is of the
    statement's kind with another value; set aside otherwise (the statement's own value is
    the claim's own reading; a denied or hedged wrong figure says nothing)."""
    if f.kind != "figure":
        return f, o, c, r
    if o != "present" or f.clause is None:
        return f, "set aside", 0.0, "a figure of another value, not asserted"
    opened = figure_rules.figure_slots(fact)
    s, e = doc.sentences[f.clause.sentence]
    for name, (a, b) in f.combo:
        if name in opened:
            wrong = figure_rules.other_value(fact.statement, doc.text[s:e], a - s, b - s)
            if wrong is not None:
                why = f"it writes {wrong[0]!r} for the statement's {wrong[1]!r}"
                return f, "contradicted", c - 0.02, why
    return f, "set aside", 0.0, "the figure is the statement's own, or of another kind"


@lru_cache(maxsize=256)
def _name_groups(fact: Fact) -> tuple[re.Pattern, ...]:
    """Each slot's phrasings (claim and contradictions) as one pattern: two names one list
    holds are one name ("U.S." and "Washington")."""
    props = (fact.claim, *fact.contradictions)
    groups = [compile_aliases(vals) for p in props for _, vals in p.slots]
    return tuple(g for g in groups if g is not None)


@lru_cache(maxsize=256)
def _actor_pattern(actor: tuple[str, ...]) -> re.Pattern | None:
    return compile_aliases(actor)


def _actor_checked(doc: _Doc, fact: Fact, f: _Finding, o: str, c: float, r: str):
    """A statement of the fact given by name to someone its `actor` does not list ("Bell
    proposed a bridge that would close" for Ruiz's proposal) contradicts it
    (harness.agent_rules); the name must cover the subject's head word ("Ruiz's
    predecessor" is not Ruiz)."""
    if o != "present" or f.kind == "contra" or f.clause is None:
        return f, o, c, r
    s, e = doc.sentences[f.clause.sentence]
    if e - s > syntax.MAX_SENTENCE:
        return f, o, c, r
    spans = [(a - s, b - s) for _, (a, b) in f.combo if s <= a and b <= e]
    agent = agent_rules.claim_agent(doc.norm[s:e], spans, max(f.clause.start - s, 0))
    pattern = _actor_pattern(fact.actor)
    if agent is None or pattern is None:
        return f, o, c, r
    a, b, head, head_end = (x + s for x in agent)
    if any(m.start() <= head < m.end() for m in pattern.finditer(doc.norm, a, b)):
        return f, o, c, r
    who = doc.text[a:head_end]
    return f, "contradicted", c - 0.02, f"the claim is given to {who!r}, not to the fact's actor"


def _by_sentence(findings) -> dict[int, list[_Finding]]:
    """Findings grouped by their sentence (a summary of thousands of sentences is read in
    linear time)."""
    out: dict[int, list[_Finding]] = {}
    for f in findings:
        out.setdefault(f.sentence, []).append(f)
    return out


def _decide(
    doc: _Doc, fact: Fact, cf: _CFact, findings: list[_Finding]
) -> tuple[FactResult, str, list[tuple[_Finding, str, float, str]]]:
    judged = [(f, *_classify(fact, cf, f)) for f in findings]
    judged = [_figure_checked(doc, fact, f, o, c, r) for f, o, c, r in judged]
    if any(o == "present" and f.kind != "figure" for f, o, _, _ in judged):
        # the summary states the fact with its own figure: another figure elsewhere is
        # another event's ("won 2-0 on Saturday" beside "beat them 3-1 on aggregate")
        judged = [
            (f, "set aside", 0.0, "another figure, beside the fact stated with its own")
            if f.kind == "figure" and o == "contradicted"
            else (f, o, c, r)
            for f, o, c, r in judged
        ]
    judged = [_details_checked(doc, fact, f, o, c, r) for f, o, c, r in judged]
    if fact.actor and syntax.parser() is not None:
        judged = [_actor_checked(doc, fact, f, o, c, r) for f, o, c, r in judged]
    present = [(c, f) for f, o, c, _ in judged if o == "present"]
    # a declared contradiction read from the very words that state the fact ("Curacao beat
    # Montserrat 4-3" is not "Montserrat beat ... 4-3") is a misreading of them: set aside
    stated = {sp for _, f in present for _, sp in f.combo}
    # ... unless the statement's filler names only a modifier of the noun the
    # contradiction's filler heads ("his new baby son": a son, not the "new baby" daughter)
    by_sentence = _by_sentence(f for _, f in present)
    heads_it = [
        f
        for f, o, _, _ in judged
        if o == "contradicted"
        and f.kind == "contra"
        and verdict_rules.heads_a_claims_phrase(doc, f, by_sentence)
    ]
    heads_at = _by_sentence(heads_it)
    judged = [
        (f, "set aside", 0.0, "its words name a modifier of a contradiction's noun")
        if o == "present"
        and any(verdict_rules.modifier_of(doc, f, h) for h in heads_at.get(f.sentence, ()))
        else (f, o, c, r)
        for f, o, c, r in judged
    ]
    modified = {id(f) for f in heads_it}
    present = [(c, f) for f, o, c, _ in judged if o == "present"]
    stated = {sp for _, f in present for _, sp in f.combo}
    judged = [
        (f, "set aside", 0.0, "the same words state the fact, with another actor")
        if o == "contradicted"
        and f.kind == "contra"
        and id(f) not in modified
        and (
            _actor_misplaced(doc, f, bool(stated & {sp for _, sp in f.combo}), cf, stated, fact)
            or any(
                _rival_farther(doc, f, p, cf.contradictions[f.prop - 1].max_gap) for _, p in present
            )
        )
        else (f, o, c, r)
        for f, o, c, r in judged
    ]
    # a description that opens the sentence after a contradiction's actor ("Wilshere showed
    # off his new watch. The 26-year-old compared it to ...") is that actor, not the fact's
    contras = _by_sentence(f for f, o, _, _ in judged if o == "contradicted" and f.kind == "contra")
    stating = {f.sentence for f, o, _, _ in judged if o == "present"}
    judged = [
        (f, "set aside", 0.0, f"its description refers back to {who!r}, another actor")
        if o == "present" and (who := verdict_rules.described_other(doc, fact, f, contras, stating))
        else (f, o, c, r)
        for f, o, c, r in judged
    ]
    present = [(c, f) for f, o, c, _ in judged if o == "present"]
    # a contradicting reading whose words all lie inside a longer phrase that states the
    # fact ("as powerful" inside "nowhere near as powerful") is part of that phrase
    present_spans = [sp for _, f in present for _, sp in f.combo]
    # ... and a claim read from words of a `stated_as` phrasing that is asserted ("known"
    # in "little is known" listed for a negative fact): the listed phrasing says it
    listed = [sp for _, f in present if f.kind == "stated" for _, sp in f.combo]
    judged = [
        (f, "set aside", 0.0, "its words are part of a phrase that states the fact")
        if o == "contradicted"
        and (
            all(
                any(
                    a <= x
                    and y <= b
                    and (a, b) != (x, y)
                    and not verdict_rules.denied_outside(doc, f, (a, b))
                    for a, b in present_spans
                )
                for _, (x, y) in f.combo
            )
            or (
                f.kind == "claim"
                and any(
                    a <= x and y <= b and not verdict_rules.denied_outside(doc, f, (a, b))
                    for a, b in listed
                    for _, (x, y) in f.combo
                )
            )
        )
        else (f, o, c, r)
        for f, o, c, r in judged
    ]
    contra = [(c, f) for f, o, c, _ in judged if o == "contradicted"]
    partial = [f for f, o, _, _ in judged if o == "set aside"]
    best_p = max(present, key=lambda x: (x[0], -x[1].position), default=None)
    best_c = max(contra, key=lambda x: (x[0], -x[1].position), default=None)
    # both read: the more direct statement wins; at the same directness the later one
    # (the summary's last word: "The club kept the lease; or rather, it did not: ...")
    later_p = (
        best_p is not None
        and best_c is not None
        and best_p[1].level == best_c[1].level
        and best_p[1].sentence > best_c[1].sentence
    )
    disputed = (
        best_p is not None
        and best_c is not None
        and verdict_rules.only_disputed(best_c[1], best_p[1])
    )
    later_p = later_p or disputed
    # ... but a later statement in other words does not outweigh a contradiction in the
    # statement's own ("fathers standing still, not leaping. ... the father pulls a pose")
    if (
        later_p
        and not disputed
        and verdict_rules.in_own_words(doc, fact.statement, best_c[1])
        and not any(verdict_rules.in_own_words(doc, fact.statement, f) for _, f in present)
    ):
        later_p = False
    # a later contradiction that corrects what was said ("... he said they would in fact
    # take part") wins however direct the earlier statement
    corrected = (
        best_p is not None
        and best_c is not None
        and best_c[1].sentence > best_p[1].sentence
        and best_c[1].clause is not None
        and _CORRECTS.search(doc.norm, best_c[1].clause.start, best_c[1].clause.end) is not None
    )
    if (
        best_c is not None
        and not later_p
        and (best_p is None or corrected or best_c[0] >= best_p[0] - 0.02)
    ):
        other = ("present", best_p[1].sentence) if best_p is not None else None
        why = "a statement contradicts the fact"
        if other and corrected:
            why += "; it corrects an earlier statement of it (both spans are reported)"
        elif other:
            why += "; the summary also states it, less directly (both spans are reported)"
        res = _result(doc, fact.id, "contradicted", best_c[1].sentence, best_c[0], other)
        return res, why, judged
    if best_p is not None:
        other = ("contradicted", best_c[1].sentence) if best_c is not None else None
        why = "a statement asserts the fact"
        if disputed:
            why += "; someone's denial of it is reported too (both spans are reported)"
        elif other:
            why += "; a less direct statement contradicts it (both spans are reported)"
        res = _result(doc, fact.id, "present", best_p[1].sentence, best_p[0], other)
        return res, why, judged
    if partial:
        why = "every statement of the claim was set aside"
        return _result(doc, fact.id, "absent", partial[0].sentence, 0.6), why, judged
    # any slot of the claim mentioned at all?
    mentioned = any(pat is not None and doc.matches(pat)[0] for _, pat in cf.claim.slots)
    if mentioned:
        why = "parts of the claim are mentioned, never all in one clause"
    else:
        why = "nothing of the claim is mentioned"
    return FactResult(fact.id, "absent", None, None, 0.8 if mentioned else 0.95), why, judged


def check_fact(text: str, fact: Fact) -> FactResult:
    """The verdict for one fact (see the module docstring)."""
    if not text or not text.strip() or not fact.claim.slots:
        return FactResult(fact.id, "absent", None, None, 0.95)
    cf = _compiled(fact)
    doc = _analyse(text, cf.acronyms)
    with syntax.article_names(fact.source_names):
        return _decide(doc, fact, cf, _findings(doc, fact, cf))[0]


def explain_fact(text: str, fact: Fact) -> FactExplanation:
    """The verdict for one fact with every statement found and why the verdict won."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.strip() or not fact.claim.slots:
        res = FactResult(fact.id, "absent", None, None, 0.95)
        return FactExplanation(fact.id, res, "the candidate is empty", (), ())
    cf = _compiled(fact)
    doc = _analyse(text, cf.acronyms)
    with syntax.article_names(fact.source_names):
        result, why, judged = _decide(doc, fact, cf, _findings(doc, fact, cf))
    readings = tuple(_reading(doc, f, o, r) for f, o, _, r in judged)
    unmatched = tuple(n for n, pat in cf.claim.slots if pat is None or not doc.matches(pat)[0])
    return FactExplanation(fact.id, result, why, readings, unmatched)


def _reading(doc: _Doc, f: _Finding, outcome: str, reason: str) -> Reading:
    clause = f.clause
    assert clause is not None
    kind = {"claim": "claim", "stated": "stated_as", "figure": "claim, any figure"}.get(
        f.kind, f"contradiction {f.prop}"
    )
    slots = tuple((n, doc.text[a:b]) for n, (a, b) in f.combo)
    lo = min(doc.local_of(clause, sp[0])[0] for _, sp in f.combo)
    hi = max(doc.local_of(clause, sp[0])[1] for _, sp in f.combo)
    negated, double, hedged = f.negated, f.double, f.hedged
    words_won = f.words is not None and _WORDS_WON in reason
    if f.parsed is not None and not words_won:
        cues = list(f.parsed.negations)
        hedge = f.parsed.hedge or f.parsed.condition
    else:  # the word rules' reading: their cues, and their negation
        cues = [doc.text[a:b] for a, b, _ in clause.forward if lo <= a < hi]
        cues += [doc.text[a:b] for a, b in clause.predicate if lo <= a < hi]
        hedge = None
        if words_won:
            negated, double, hedged = f.words
    if f.level is None:
        scope = "out of scope"
    elif f.scope is None or (f.scope.context is None and f.scope.exclude is None):
        scope = "no context required"
    else:
        scope = f"context in {_LEVEL_NAME[f.level]}"
    return Reading(
        kind=kind,
        sentence=doc.sentences[f.sentence],
        clause=doc.text[clause.start : clause.end].strip(),
        slots=slots,
        negated=negated,
        double_negation=double,
        cues=tuple(cues),
        hedged=hedged,
        hedge=hedge,
        scope=scope,
        outcome=outcome,  # type: ignore[arg-type]
        reason=reason,
    )


def sentences_to_parse(text: str, factset: FactSet) -> list[str]:
    """The sentences of `text` in which some claim of `factset` has every slot, the only
    ones the matcher may ask the parser about (for batched parsing, harness.syntax)."""
    if not text or not text.strip():
        return []
    wanted: set[str] = set()
    for fact in factset.facts:
        cf = _compiled(fact)
        doc = _analyse(text, cf.acronyms)
        props = [cf.claim, *cf.contradictions] + ([cf.stated] if cf.stated else [])
        for prop in props:
            per_slot = []
            for _, pat in prop.slots:
                if pat is None:
                    break
                starts = doc.slot_matches(pat, prop.shared)[0]
                per_slot.append({bisect_right(doc.sentence_starts, a) - 1 for a in starts})
            else:
                if per_slot:
                    found = set.intersection(*per_slot)
                    wanted |= {
                        doc.norm[slice(*doc.sentences[i])]
                        for i in found
                        if i >= 0 and -operator.sub(*doc.sentences[i]) <= syntax.MAX_SENTENCE
                    }
    return sorted(wanted)


def prefetch_parses(items: list[tuple[str, FactSet]]) -> None:
    """Parse, in one batch, every sentence the matcher will ask about for these
    (text, facts) pairs; a no-op without the parser."""
    if not items or syntax.parser() is None:
        return
    from harness.safe_regex import RegexTimeout, budget

    sentences: list[str] = []
    for text, fs in items:
        try:
            with budget():  # a catastrophic re: phrasing is reported by the check itself
                sentences += sentences_to_parse(text, fs)
        except RegexTimeout:
            continue
    syntax.prefetch(sentences)


def check_facts(text: str, factset: FactSet) -> FactsResult:
    """Verdicts for every fact of `factset` on one candidate text."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    results = tuple(check_fact(text, f) for f in factset.facts)
    present = sum(r.verdict == "present" for r in results)
    contradicted = sum(r.verdict == "contradicted" for r in results)
    absent = len(results) - present - contradicted
    coverage = present / len(results) if results else 0.0
    return FactsResult(coverage, present, absent, contradicted, results)


CHECK_MARKS = {"present": "✓", "absent": "✗", "contradicted": "⚠"}


def checklist(result: FactsResult) -> str:
    """Compact checklist for a table cell: one mark per fact, in file order (✓ ✗ ⚠)."""
    return "".join(CHECK_MARKS[r.verdict] for r in result.results)

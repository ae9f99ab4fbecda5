"""General English lexicons for reading negation, hedges and embedding (harness.syntax).

Each list is general English, named for the role its words play in a sentence; none
serves one article. Lemmas are plain lowercase base forms.
"""

from __future__ import annotations

# verbs that deny the clause they embed ("denied that ...", "refused to ...")
CLAUSAL_NEGATORS = frozenset(
    """deny refute reject dismiss refuse decline fail rebut disprove dispute""".split()
)
# verbs that deny their object ("lack insurance cover", "exclude the players")
NOMINAL_NEGATORS = frozenset(
    """exclude preclude withhold spurn shun abandon scrap cancel forgo forego avoid
    prevent stop block bar ban oppose quash lack spare avert escape evade dodge miss skip
    boycott""".split()
)
# negators whose participle before a noun only describes it: "the missing rifle was found"
# (found it was), "a skipped meeting" (the meeting is named, not denied)
DESCRIPTIVE_PARTICIPLES = frozenset("missing missed skipped".split())
# predicates that call a claim untrue: "claims that he will leave are false"
FALSITY = frozenset(
    """false untrue wrong incorrect inaccurate baseless unfounded groundless fabricated
    nonsense rubbish lie""".split()
)
# "has yet to sign", "is yet to decide": the verb after "yet to" has not happened
YET_VERBS = frozenset("have has had having is are was were am be been being".split())
# verbs of giving away: "A handed the lease to B" says A no longer holds it
GIVING_AWAY = frozenset("hand pass cede give transfer relinquish surrender yield forfeit".split())
# verbs that name a topic without asserting it: "the report discusses his license", "the
# role of U.S. troops was discussed" (and "came up", read in harness.syntax)
TOPIC_VERBS = frozenset("""discuss mention address examine list concern explore debate""".split())
# ... and those that name it after "about" or "on": "spoke about the refund", "talked about"
TOPIC_ABOUT_VERBS = frozenset("speak talk comment chat".split())
NEGATING_PREDICATES = CLAUSAL_NEGATORS | NOMINAL_NEGATORS
# the same with a particle: "rule out", "turn down", "opt out", "pull out of"
NEGATING_PHRASALS = {"rule": "out", "turn": "down", "opt": "out", "back": "away", "leave": "out"}
# verbs of taking away, which deny what their "of" names: "stripped of its title"
DEPRIVING = frozenset(
    """strip strips stripped stripping deprive deprives deprived depriving rob robs robbed
    robbing""".split()
)
# verbs of putting a plan forward, in every form: their subject is whose plan the clause
# below them is ("Ruiz proposed a bridge that would close at night")
PROPOSING = frozenset(
    """propose proposes proposed proposing outline outlines outlined outlining unveil unveils
    unveiled unveiling envisage envisages envisaged envisaging advocate advocates advocated
    advocating recommend recommends recommended recommending pitch pitches pitched pitching
    float floats floated floating suggest suggests suggested suggesting""".split()
)
# verbs whose subject and object may change places without changing what is said ("A met
# B" is "B met A"), in every form: no swap of roles can contradict them
SYMMETRIC_VERBS = frozenset(
    """meet meets met meeting face faces faced facing play plays played playing draw draws
    drew drawn drawing tie ties tied tying marry marries married marrying fight fights fought
    fighting battle battles battled battling clash clashes clashed clashing partner partners
    partnered partnering date dates dated dating share shares shared sharing match matches
    matched matching equal equals equalled equaled equalling rival rivals rivalled rivaled
    resemble resembles resembled""".split()
)
# headings a summary may open with before a colon ("Summary: the club sold ..."): no label
# of what follows, which is a sentence of its own
DISCOURSE_HEADINGS = frozenset(
    {"summary", "tl;dr", "tldr", "recap", "overview", "update", "note", "headline", "answer"}
    | {"in short", "in brief", "bottom line", "key points", "key takeaways", "takeaway"}
)
# "keep/stay/remain ... out/away/home/aside": the subject or object is not there
KEEP_VERBS = frozenset("keep stay remain sit stand hold".split())
KEEP_PARTICLES = frozenset("out outside away home aside clear".split())
# these negate a claim even when the claim is their subject ("players refused to join")
SUBJECT_NEGATING = frozenset("refuse decline fail".split())
# nouns of absence or refusal: "the exclusion of the players", "a refusal to extend ..."
NEGATING_NOUNS = frozenset(
    """exclusion refusal absence lack rejection denial withdrawal ban failure""".split()
)
# "play no part", "have no role": a negated predicate
ROLE_NOUNS = frozenset(
    "role part place presence involvement participation contribution share say".split()
)
NEGATING_PREPOSITIONS = frozenset("without except excluding barring minus".split())
NEGATIVE_DETERMINERS = frozenset("no neither zero".split())
NEGATIVE_PRONOUNS = frozenset("none nobody nothing neither".split())
NEGATION_ADVERBS = frozenset("not n't never nowhere".split())
# verbs of concealing or of failing to notice, factive too: "did not hide that X", "no one
# could miss that X" say X (the negation denies the hiding or the missing, not X)
CONCEALING = frozenset("hide conceal disguise mask miss overlook ignore".split())
# factive and wh-embedding verbs: negating them leaves the embedded clause asserted
FACTIVE = (
    frozenset(
        """know realise realize understand regret notice remember forget learn discover
        explain reveal recognise recognize acknowledge admit aware see""".split()
    )
    | CONCEALING
)
# verbs that embed a question: "was asked whether X", "wondered how X" assert nothing of X
INTERROGATIVE = frozenset("ask wonder question query inquire enquire".split())
# verbs of saying: the clause they embed is asserted (attribution), unless the saying
# is itself denied ("did not say whether ...")
REPORT_VERBS = frozenset(
    """say tell claim announce add insist state confirm argue note declare report write
    tweet post suggest indicate signal warn stress explain reveal""".split()
)
# nouns a number is written with that name its unit, not what it is said of ("£3 million
# pounds", "90 minutes"), as against "a £42 million profit"
UNIT_NOUNS = frozenset(
    """pound pounds dollar dollars euro euros pence cent cents per percent points point
    goals goal minutes minute hours hour days day weeks week months month years year
    miles mile kilometres kilometers metres meters feet foot times""".split()
)
# nouns for a group of people named together ("the couple" for "Lindegaard and Beqiri")
GROUP_NOUNS = frozenset("couple pair duo trio twins".split())
# the words of a share of a group: "a fifth of 4-5 year olds", "half of the fans"
FRACTION_WORDS = frozenset(
    """half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths
    eighth eighths ninth ninths tenth tenths percent cent majority minority""".split()
)
# verbs of a change of state that take the thing changed as their subject or as their
# object (the causative alternation): "the toilet broke" and "a man broke the toilet" both
# say the toilet broke, so the object of such a verb is no one acted on by another actor
ERGATIVE_VERBS = frozenset(
    """break shatter smash crack split snap burst tear collapse topple overturn capsize
    sink crash explode burn melt freeze thaw open close shut bend fold roll spin bounce
    flood crumble derail fatten""".split()
)
# verbs of holding a view: like a verb of saying, they give the clause they embed to
# their subject ("the crew believed the pilot was reckless": the crew's view)
OPINION_VERBS = frozenset("believe think feel consider judge find deem".split())
# nouns that report a claim without vouching for it ("claims that he will leave")
REPORT_NOUNS = frozenset(
    """claim report rumour rumor speculation suggestion allegation story talk
    suspicion fear""".split()
)
# plurals that name something else than their report noun: "talks" are negotiations
# ("Talks collapsed without a deal" reports nothing), not "talk of a move"
NOT_REPORTS = frozenset({"talks"})
REPORT_QUALIFIERS = frozenset("early earlier initial media press some unconfirmed local".split())
# a confirmation of such a report asserts it ("confirmed reports that ...")
CONFIRMING = frozenset("confirm verify prove corroborate substantiate".split())
HEDGE_MODALS = frozenset("may might".split())
# auxiliaries of a future, a possibility or a condition, and verbs of obligation: an
# infinitive of purpose after them is unrealised ("will have to pay £5m to make it permanent")
UNREALISED_MODALS = frozenset("will would 'll wo shall should must can could ca may might".split())
# the plain future among them: "will team up with X to begin offering Y" is a plan with its
# aim, which a fact that is itself a plan ("Y will be offered") takes as stated
FUTURE_AUXILIARIES = frozenset("will 'll shall".split())
# verbs (all their forms) whose infinitive is a plan, like a future: "plans to / is set to /
# is going to open"
PLAN_VERBS = frozenset(
    """plan plans planned planning intend intends intended intending aim aims aimed aiming
    set going due decide decides decided deciding prepare prepares prepared preparing""".split()
)
OBLIGATION_VERBS = frozenset("have need want plan hope intend aim try seek".split())
# "is expected to", "is likely to", "considering", "plans to" assert nothing yet
HEDGE_PREDICATES = frozenset(
    """expect likely unlikely poise consider weigh mull contemplate possible
    probable uncertain unclear undecided speculate""".split()
)
HEDGE_ADVERBS = frozenset("perhaps possibly maybe potentially probably".split())
# adverbs that, on a verb, say it did not quite happen: "the ferry nearly sank" (it did
# not); on a number they only round it ("nearly 300 passengers")
ALMOST_ADVERBS = frozenset("nearly almost".split())
# a denied closer leaves the question open: "did not rule out", "would not exclude"
CLOSERS = frozenset("rule exclude preclude deny dismiss".split())
# verbs whose denial says nothing of the claim: "did not say / address / decide whether"
UNSAID = frozenset(
    """say specify comment address discuss decide confirm clarify detail elaborate
    explain indicate mention reveal settle determine resolve finalise finalize answer
    spell outline disclose""".split()
)
# "left open", "remains unclear", "an open question"
OPEN_WORDS = frozenset(
    "open unclear vague uncertain undecided unresolved unanswered unsettled murky".split()
)
# "was at stake", "is in doubt", "in question", "on the line": still undecided
OPEN_PHRASES = frozenset({("at", "stake"), ("in", "doubt"), ("in", "question"), ("on", "line")})
# words of a time still to come, which make "could" a possibility ("could ... later")
FUTURE_WORDS = frozenset("later eventually soon someday future next coming ahead".split())
# "no decision has been made on X", "gave no clear answer on X", "said nothing about X"
UNDECIDED_NOUNS = frozenset(
    """decision answer word comment clarity indication details detail confirmation
    commitment announcement guarantee assurance""".split()
)
# a report frame the sentence sets itself against: "unlike press reports suggested, X"
AGAINST_WORDS = frozenset("unlike contrary despite".split())
# "the bulk of the staff", "most of the force": a share, not the whole claim
SHARE_NOUNS = frozenset("bulk majority most brunt".split())
CONDITIONAL_MARKS = frozenset("if unless whether".split())
# abbreviations whose dot spaCy's tokenizer splits off, so that the parse takes it for the
# end of a sentence ("outside Art. 5 if ...", "Sgt. Ruiz said"): the parser is handed the
# sentence with that dot masked (harness.parser_setup). Case-sensitive. Not "No." ("world
# No. 1"): without its dot it would read as the determiner "no".
ABBREVIATIONS = frozenset(
    """Art Arts Sec Secs Para Paras Ch Vol Vols Fig Figs Pt Rt Rte Nos Lt Col Sgt Capt Maj Cmdr
    Insp Supt Det Cpl Pte Pvt Hon Dept Div Ft Rd Ave approx""".split()
)
# abbreviations written with a dot inside a sentence, lowercase (besides ABBREVIATIONS):
# such a dot is no sentence end ("mr. smith", "jan. 5", "acme inc. said")
SENTENCE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr vs etc inc ltd co corp gen sen rep gov govt prof rev bros no nos
    jan feb mar apr jun jul aug sep sept oct nov dec mt est univ assn blvd approx cf al""".split()
) | frozenset(a.lower() for a in ABBREVIATIONS)
# prefixes that, joined by a hyphen, make a word name another thing: a phrasing never
# matches the word after them ("final" is not in "semi-final", "coach" not in "ex-coach",
# "captain" not in "vice-captain", "chair" not in "co-chair": a shared role); "non-" is
# read as a negation instead
OTHER_THING_PREFIXES = frozenset("semi quarter vice ex anti pro pre post mid co".split())
# adverbs that may stand between two words of a phrasing without changing what it says
# ("can still catch" for "can catch"); besides them, one proper name or one hyphenated
# compound may ("a new Liverpool contract", "a new five-year contract" for "new contract").
# Never a negation or a hedge: "hardly", "allegedly" change what is said.
INSERTABLE_ADVERBS = frozenset("still also now already just even again".split())

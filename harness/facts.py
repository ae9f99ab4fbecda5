"""The required-facts file: format, parsing, validation and description.

Each reference document may have a ``facts.toml`` next to its references
(``references/<document>/facts.toml``). It lists the facts a good summary of
that document must state. A fact is written declaratively, as a small
proposition whose parts are lists of phrasings, so a new article needs no
Python.

Format
------

::

    # optional: named alias lists, reused anywhere as "@name"
    [aliases]
    council = ["city council", "the council", "councillor*", "town hall"]
    staff = ["staff", "employees", "attendants"]

    [[fact]]
    id = "no-council-staff"              # unique, [a-z0-9-_.]
    statement = "The reopened museum would employ no council staff."
    required = true                      # the CI gate fails a candidate that lacks it
    polarity = "negative"                # the fact is that the proposition is NOT so
    slots = { who = ["@council"], what = ["@staff"] }
    max_gap = 8                          # the slots lie within 8 words of each other
    context = ["museum*", "gallery"]     # what the statement must be about
    exclude = ["library", "pool"]        # ... and what marks another subject
    opposite_requires = ["employ*", "hire*", "work*"]

    [[fact.contradiction]]               # another claim that contradicts the fact
    slots = { who = ["@council"], how = ["kept", "retained"], role = ["lease*"] }

Keys of a ``[[fact]]``:

``id``, ``statement`` (required); ``required`` (bool, default false);
``polarity`` (``"positive"``: the proposition is asserted, e.g. "the council took
over the lease"; ``"negative"``: its negation is, e.g. "no council staff");
``slots`` (required: table of slot name -> list of phrasings; the
proposition is stated in a clause when every slot matches in it);
``max_gap`` (most words between the slots, default 12); ``order`` (slot names
that must appear in this order); ``not_after`` / ``not_before`` (table of slot
name -> phrasings: a slot match directly after / before one of them does not
fill the slot, e.g. "from the council" is not the council taking the lease, "council
tax" is not council staff); ``unless`` (phrasings that, anywhere in
the claim's own sub-clause, mean the proposition is not asserted there, e.g.
"previously"; an adverbial clause with its own subject after a comma is another);
``shared`` (phrasings that fill every slot at once, e.g. "municipal employees" is both
the "who" and the "what" of "no council staff");
``context`` (topic phrasings: the clause, its sentence or a sentence within
``window`` sentences, default 1, must contain one, the nearest level that has
context or exclude words deciding); ``exclude`` (phrasings that mark a different
subject, e.g. staff said of the council's *library*: when the nearest level has
an exclude word and no context word, the statement is not this fact);
``opposite`` (``"contradicts"``, the default: the proposition stated with the
other polarity contradicts the fact; ``"ignore"``: it does not);
``opposite_requires`` (phrasings the clause must also contain for the
opposite statement to count as a contradiction, e.g. a verb of taking part, so
that a bare mention of "council staff" is not read as "council staff will work there");
``[[fact.contradiction]]`` (further propositions, same keys as a claim:
``slots``, ``max_gap``, ``order``, ``not_after``, ``not_before``,
``unless``, ``shared``, plus ``polarity``: with ``"negative"`` the contradiction is the
denial of the claim, e.g. "the council did not give up the lease"; and ``context``,
``exclude``, ``window`` of its own, else the fact's; asserted without hedge, in scope,
they contradict the fact); ``stated_as`` (phrasings that state the whole fact by
themselves, whatever its polarity, e.g. "evacuated safely" for "no one was hurt":
asserted -> present, denied -> contradicted); ``actor`` (who says or proposes the claim:
a summary giving it to someone else by name contradicts the fact). ``slots`` may also be
written as a
``[fact.slots]`` table, one slot per line. The README's "Facts file" section has every
key with an example.

Phrasings (aliases): matched on word boundaries, case-insensitively, except
short all-capital acronyms ("NHS", "BBC", "U.N.") which match case-sensitively so
a word such as the pronoun "us" is not an acronym; dots in acronyms are optional
("U.N." matches "UN"); spaces match any run of spaces or hyphens; a ``*`` right
after any word matches any ending of it ("refurbish*", "take* over"); British and American spellings
match each other (-ise/-ize, -isation/-ization, -our/-or, -ence/-ense,
-tre/-ter); ``@name`` inserts a named list from ``[aliases]``; ``re:...`` is a
raw (case-insensitive) regular expression (one that begins with two letters
and has no top-level ``|`` is tried only where a word begins with them, which
is fast; put a look-behind after the word: ``re:in\\b(?<=visitors in)``).

Negation, its scope, double negation, hedges ("may", "did not rule out") and
attribution ("reportedly", which still asserts) are handled by the matcher
(see harness/matcher.py) and need no declaration.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from harness.errors import ConfigError
from harness.phrasing_forms import INSERTED as _INSERTED
from harness.phrasing_forms import NOT_AFTER_PREFIX as _NOT_AFTER_PREFIX
from harness.phrasing_forms import base_forms as _base_forms
from harness.safe_regex import check as check_bounded
from harness.safe_regex import compile_phrasings

POLARITIES = ("positive", "negative")
OPPOSITES = ("contradicts", "ignore")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

_TOP_KEYS = {"aliases", "fact", "version", "document"}
_CLAIM_KEYS = {"slots", "max_gap", "order", "not_after", "not_before", "unless", "shared"}
_SCOPE_KEYS = {"context", "exclude", "window"}
_CONTRA_KEYS = _CLAIM_KEYS | _SCOPE_KEYS | {"polarity"}
_FACT_KEYS = _CLAIM_KEYS | {
    "id",
    "stated_as",
    "statement",
    "required",
    "polarity",
    "context",
    "exclude",
    "window",
    "opposite",
    "opposite_requires",
    "contradiction",
    "actor",
}

Phrases = tuple[str, ...]
SlotTable = tuple[tuple[str, Phrases], ...]


@dataclass(frozen=True)
class Proposition:
    """A claim: every slot must match, within `max_gap` words, in one clause."""

    slots: SlotTable = ()
    max_gap: int = 12
    order: tuple[str, ...] = ()
    not_after: SlotTable = ()
    not_before: SlotTable = ()
    unless: Phrases = ()
    polarity: str = "positive"  # for a contradiction: "negative" = it holds when denied
    shared: Phrases = ()  # phrasings that fill every slot at once ("GIs": who and what)
    # a contradiction's own scope; None: the fact's
    context: Phrases | None = None
    exclude: Phrases | None = None
    window: int | None = None


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    required: bool = False
    polarity: str = "positive"
    claim: Proposition = field(default_factory=Proposition)
    context: Phrases = ()
    exclude: Phrases = ()
    window: int = 1
    opposite: str = "contradicts"
    opposite_requires: Phrases = ()
    contradictions: tuple[Proposition, ...] = ()
    # phrasings that state the fact by themselves ("evacuated safely" for "no one was
    # hurt"): asserted in scope -> present, denied -> contradicted, whatever the polarity
    stated_as: Phrases = ()
    # who says or proposes the claim ("Ruiz", "the mayor"): a summary that
    # gives it to someone else by name contradicts the fact (harness.agent_rules)
    actor: Phrases = ()
    # the document's article's proper names, lowercase (harness.source_names): not from
    # the facts file; they tell a name from a word in a summary written without capitals
    source_names: frozenset[str] = frozenset()
    # the article's own "preposition + name" phrases ("to old trafford"), each with the
    # word keys of its sentence (harness.source_names.article_details): a name the article
    # itself writes there is no replaced name. A frozenset, whose hash is kept: facts are
    # cache keys, hashed for every lookup
    source_details: frozenset[tuple[str, frozenset[str]]] = frozenset()


@dataclass(frozen=True)
class FactSet:
    document: str
    path: Path | None
    sha256: str
    facts: tuple[Fact, ...]

    def get(self, fact_id: str) -> Fact | None:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.facts)


# ---------------------------------------------------------------- aliases

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,3}$")
_SPELLING = [
    # (pattern in an escaped alias, replacement regex); British <-> American.
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"i[sz]\1"),
    (re.compile(r"iz(e|ed|es|ing|ation|ations)\b"), r"i[sz]\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able|ite|ites)?\b"), r"ou?r\1"),
    (re.compile(r"(?<=[a-z]{3})or(s|ed|ing)?\b"), r"ou?r\1"),
    (re.compile(r"en[cs]e(s)?\b"), r"en[cs]e\1"),
    (re.compile(r"(?<=[a-z]{2})tre(s)?\b"), r"(?:tre|ter)\1"),
    (re.compile(r"(?<=[a-z]{2})ter(s)?\b"), r"(?:tre|ter)\1"),
]


def _variant_word(word: str, stem: bool = False) -> str:
    """Regex for one alias word with spelling variants (word is plain letters)."""
    out = re.escape(word.lower())
    if stem and re.search(r"(?<=[a-z]{3})i[sz]$", out):  # "organis*" also finds "organizing"
        return out[:-1] + "[sz]"
    for pat, rep in _SPELLING:
        if pat.search(out):
            out = pat.sub(rep, out)
            break
    return out


def alias_regex(alias: str, base_forms: bool = False) -> tuple[str, bool]:
    """(regex source, case_sensitive) for one alias phrase (already @-expanded)."""
    alias = alias.strip()
    if alias.startswith("re:"):
        return alias[3:], False
    if _ACRONYM.match(alias):
        # "NHS"/"UN" case-sensitively (not a word like "us"); "u.n." with dots in any case
        letters = [c for c in alias if c != "."]
        dotted = r"\.\s?".join(re.escape(c) for c in letters) + r"\.?"
        plain = "".join(re.escape(c) for c in letters)
        body = f"(?:(?i:{dotted})|{plain})" if len(letters) > 1 else plain
        return rf"(?<![\w.]){body}(?![\w])", True
    # a `*` right after a word, anywhere in the phrasing, matches any ending of that word
    # (a final silent e may drop before i): "refurbish*", "take* over" ("takes over",
    # "taking over")
    parts = []
    toks = re.findall(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9-]|[\s-]+", alias)
    for k, tok in enumerate(toks):
        starred = toks[k + 1 : k + 2] == ["*"]
        gap = tok.isspace() or set(tok) <= {" ", "-", "\t"}
        if gap and toks[k + 1 : k + 2] in (["'"], ["\u2019"]):
            parts.append(r"\s*")  # "Rossi 's side", tokenized, is "Rossi's side"
        elif (
            tok.isspace()
            and 0 < k < len(toks) - 1
            and (toks[k - 1].isalpha() or toks[k - 1] == "*")
            and toks[k + 1].isalpha()
        ):
            # "can (still) catch", "new (Liverpool) contract"
            parts.append(rf"[\s-]+(?:{_INSERTED})?")
        elif gap:
            parts.append(r"[\s-]+")
        elif tok.isalpha():
            word = _variant_word(tok, stem=starred)
            if starred and re.search(r"[a-z][^aeiouy]e$", tok.lower()):
                word = word[:-1] + "(?:e|(?=i))"  # a silent e drops: "take*" finds "taking"
            first = k == 0 and base_forms and not (starred and len(toks) == 2)
            parts.append(_base_forms(tok, word, _variant_word) if first else word)
        elif tok == "*" and k and toks[k - 1].isalnum():
            parts.append(r"\w*")
        elif tok == "'":
            parts.append(r"['\u2019]?")
        elif (
            tok == "."
            and k
            and toks[k - 1][-1:].isdigit()
            and toks[k + 1 : k + 2]
            and toks[k + 1][:1].isdigit()
        ):
            parts.append(r"\.")  # a decimal point: "4.2 million" is not "42 million"
        elif tok == ".":
            parts.append(r"\.?")
        else:
            parts.append(re.escape(tok))
    body = "".join(parts)
    end = r"(?![\w])" if (alias[-1:].isalnum() or alias.endswith("*")) else ""
    # not the second part of a word whose prefix makes it another thing ("final" is not
    # in "semi-final", "coach" not in "ex-coach": lexicon.OTHER_THING_PREFIXES)
    start = r"(?<![\w])" + _NOT_AFTER_PREFIX if alias[:1].isalnum() else ""
    # a figure is no part of a longer one: "7 million" is not in "1.7 million", "500,000"
    # not in "1,500,000", "5" not in "5.5"
    if alias[:1].isdigit():
        start += r"(?<!\d[.,])"
    if alias[-1:].isdigit():
        end += r"(?![.,]\d)"
    return f"{start}{body}{end}", False


def alias_key(alias: str) -> str | None:
    """The lowercase start (2 letters, or 1 for a one-letter word or an acronym) every
    match of `alias` begins with, for a word index; None when it cannot be known."""
    alias = alias.strip()
    if alias.startswith("re:"):
        return _raw_key(alias[3:])
    if _ACRONYM.match(alias):
        return alias[0].lower()
    m = re.match(r"[A-Za-z0-9]+", alias)
    if not m:
        return None
    word = m.group().lower()
    return word[:2] if len(word) >= 2 else word


def _raw_key(src: str) -> str | None:
    """A raw regex that starts with two literal letters ("in\\s+the ...", optionally after
    \\b) and has no top-level alternation can only match where a word starting with them
    does; any other raw regex is scanned."""
    m = re.match(r"(?:\\b)?([A-Za-z]{2})(?![?*{])", src)
    if not m:
        return None
    depth, escaped, in_class = 0, False, False
    for ch in src:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    return m.group(1).lower()


def fact_acronyms(fact: Fact) -> tuple[str, ...]:
    """The lowercase letters of every acronym phrasing of a fact ("U.N." -> "un")."""
    props = (fact.claim, *fact.contradictions)
    phrasings = [p for prop in props for _, vals in prop.slots for p in vals]
    phrasings += [p for prop in props for p in prop.shared]
    phrasings += [*fact.stated_as, *fact.context, *fact.exclude, *fact.opposite_requires]
    out = {"".join(c for c in p if c != ".").lower() for p in phrasings if _ACRONYM.match(p)}
    return tuple(sorted(out))


def compile_aliases(aliases: Phrases, base_forms: bool = False) -> re.Pattern[str] | None:
    """One pattern matching any of `aliases` (longest alternatives first); `base_forms`:
    a slot's phrasings, whose first word in "-ed" also finds its base form after an
    auxiliary (harness.phrasing_forms; not context or exclude words)."""
    if not aliases:
        return None
    # Python's re tries alternatives one by one, so group them by leading boundary
    # and first character: the scan then rejects most positions after one check.
    groups: dict[tuple[str, str], list[str]] = {}
    for a in sorted(set(aliases), key=len, reverse=True):
        src, cs = alias_regex(a, base_forms)
        prefix = ""
        for p in (r"(?<![\w])" + _NOT_AFTER_PREFIX, r"(?<![\w.])", r"(?<![\w])"):
            if src.startswith(p):
                prefix, src = p, src[len(p) :]
                break
        body = f"(?-i:{src})" if cs else src
        a = a.strip()
        first = a[0].lower() if a[:1].isalpha() and not a.startswith("re:") else ""
        groups.setdefault((prefix, first), []).append(body)
    # with raw phrasings, alternatives reset group numbers ("(?|...)", the regex package):
    # each phrasing's "\1" means its own first group, as when it stands alone
    alt = "(?|" if any(a.strip().startswith("re:") for a in aliases) else "(?:"
    parts = []
    for (prefix, first), bodies in groups.items():
        guard = f"(?=[{first}{first.upper()}])" if first else ""
        parts.append(f"{guard}{prefix}{alt}{'|'.join(bodies)})")
    return compile_phrasings(f"(?i:{alt}{'|'.join(parts)}))", aliases)


# ---------------------------------------------------------------- loading


class _Lines:
    """Find the line of a key inside the n-th [[fact]] table, for error messages."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.fact_starts = [
            i + 1 for i, ln in enumerate(self.lines) if re.match(r"\s*\[\[\s*fact\s*\]\]", ln)
        ]

    def fact(self, index: int) -> int | None:
        return self.fact_starts[index] if index < len(self.fact_starts) else None

    def key(self, index: int | None, key: str) -> int | None:
        lo = 1 if index is None else (self.fact(index) or 1)
        hi = len(self.lines)
        if index is not None and index + 1 < len(self.fact_starts):
            hi = self.fact_starts[index + 1] - 1
        key = key.split(".")[-1]
        pat = re.compile(
            rf"^\s*(?:[\w.]+\.)?\"?{re.escape(key)}\"?\s*=|[{{,]\s*{re.escape(key)}\s*="
        )
        for n in range(lo, hi + 1):
            if pat.search(self.lines[n - 1]):
                return n
        return self.fact(index) if index is not None else None


def load_facts(path: Path, document: str) -> FactSet:
    """Parse and validate a facts file; any problem is a ConfigError naming file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read facts file: {exc.strerror or exc}", path) from None
    try:
        text = raw.decode("utf-8-sig")  # a BOM (Windows editors) is allowed
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError("facts file is not valid UTF-8", path, line) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"at line (\d+)", msg)
        line = int(m.group(1)) if m else None
        if line is None and "end of document" in msg:
            line = len(text.rstrip().splitlines()) or 1
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        msg = re.sub(r"\s*\(at end of document\)", " at end of file", msg)
        if line is not None and _open_inline_table(text, line):
            msg += (
                " (an inline table { ... } must close on the line it opens; for slots over"
                " several lines write a [fact.slots] table: see the README, 'Facts file')"
            )
        raise ConfigError(f"malformed TOML: {msg}", path, line) from None
    return parse_facts(data, document, path=path, sha256=hashlib.sha256(raw).hexdigest(), text=text)


def _open_inline_table(text: str, line: int) -> bool:
    """Whether line `line` (1-based) opens an inline table it does not close."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return False
    ln = lines[line - 1].split("#", 1)[0]
    return ln.count("{") > ln.count("}")


def parse_facts(
    data: dict,
    document: str,
    path: Path | None = None,
    sha256: str = "",
    text: str = "",
) -> FactSet:
    """Validate an already-parsed facts table (a dict as tomllib returns it)."""
    lines = _Lines(text)

    def fail(msg: str, index: int | None = None, key: str | None = None) -> ConfigError:
        line = lines.key(index, key) if key else (lines.fact(index) if index is not None else None)
        return ConfigError(msg, path or "<facts>", line)

    for key in data:
        if key not in _TOP_KEYS:
            allowed = ", ".join(sorted(_TOP_KEYS))
            raise fail(f"unknown top-level key {key!r} (allowed: {allowed})", None, key)
    named = data.get("aliases", {})
    if not isinstance(named, dict):
        raise fail("[aliases] must be a table of name = [phrases]", None, "aliases")
    for name, value in named.items():
        if not _is_phrases(value):
            raise fail(f"aliases.{name} must be a list of strings", None, name)
    facts_raw = data.get("fact")
    if facts_raw is None:
        raise fail("no facts: add at least one [[fact]] table")
    if not isinstance(facts_raw, list) or not all(isinstance(f, dict) for f in facts_raw):
        raise fail("'fact' must be an array of tables ([[fact]])", None, "fact")
    if not facts_raw:
        raise fail("no facts: the [[fact]] list is empty")

    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(facts_raw):
        for key in raw:
            if key not in _FACT_KEYS:
                allowed = ", ".join(sorted(_FACT_KEYS))
                raise fail(f"fact #{i + 1}: unknown key {key!r} (allowed: {allowed})", i, key)
        for req in ("id", "statement", "slots"):
            if req not in raw:
                raise fail(f"fact #{i + 1}: missing required key {req!r}", i)
        fid = raw["id"]
        if not isinstance(fid, str) or not _ID.fullmatch(fid):
            raise fail(
                f"fact #{i + 1}: id must be a word like 'all-safe' (letters, digits, - _ .),"
                f" got {fid!r}",
                i,
                "id",
            )
        if fid in seen:
            raise fail(f"duplicate fact id {fid!r} (first at fact #{seen[fid] + 1})", i, "id")
        seen[fid] = i
        where = f"fact {fid!r}"
        if not isinstance(raw["statement"], str) or not raw["statement"].strip():
            raise fail(f"{where}: statement must be a non-empty string", i, "statement")
        required = raw.get("required", False)
        if not isinstance(required, bool):
            raise fail(f"{where}: required must be true or false", i, "required")
        polarity = raw.get("polarity", "positive")
        if polarity not in POLARITIES:
            raise fail(
                f"{where}: polarity must be 'positive' or 'negative', got {polarity!r}",
                i,
                "polarity",
            )
        opposite = raw.get("opposite", "contradicts")
        if opposite not in OPPOSITES:
            raise fail(
                f"{where}: opposite must be 'contradicts' or 'ignore', got {opposite!r}",
                i,
                "opposite",
            )
        window = _window(raw.get("window", 1), where, i, fail)

        def phrases(value, key, _where=where, _i=i):
            if value is None:
                return ()
            if not _is_phrases(value):
                raise fail(f"{_where}: {key} must be a list of strings", _i, key)
            return _expand(value, named, lambda m: fail(f"{_where}: {key}: {m}", _i, key))

        claim = _proposition(raw, where, i, phrases, fail)
        contras = raw.get("contradiction", [])
        if isinstance(contras, dict):
            contras = [contras]
        if not isinstance(contras, list) or not all(isinstance(c, dict) for c in contras):
            raise fail(f"{where}: contradiction must be a table or [[fact.contradiction]]", i)
        contradictions = []
        for j, c in enumerate(contras):
            for key in c:
                if key not in _CONTRA_KEYS:
                    allowed = ", ".join(sorted(_CONTRA_KEYS))
                    raise fail(
                        f"{where}: contradiction #{j + 1}: unknown key {key!r}"
                        f" (allowed: {allowed})",
                        i,
                        key,
                    )
            if "slots" not in c:
                raise fail(f"{where}: contradiction #{j + 1}: missing required key 'slots'", i)
            cwhere = f"{where} contradiction #{j + 1}"
            cpol = c.get("polarity", "positive")
            if cpol not in POLARITIES:
                raise fail(
                    f"{cwhere}: polarity must be 'positive' or 'negative', got {cpol!r}",
                    i,
                    "polarity",
                )
            prop = _proposition(c, cwhere, i, phrases, fail, cpol)
            if _SCOPE_KEYS & set(c):
                prop = replace(
                    prop,
                    context=phrases(c["context"], "context") if "context" in c else None,
                    exclude=phrases(c["exclude"], "exclude") if "exclude" in c else None,
                    window=_window(c["window"], cwhere, i, fail) if "window" in c else None,
                )
            contradictions.append(prop)
        facts.append(
            Fact(
                id=fid,
                statement=raw["statement"].strip(),
                required=required,
                polarity=polarity,
                claim=claim,
                context=phrases(raw.get("context"), "context"),
                exclude=phrases(raw.get("exclude"), "exclude"),
                window=window,
                opposite=opposite,
                opposite_requires=phrases(raw.get("opposite_requires"), "opposite_requires"),
                contradictions=tuple(contradictions),
                stated_as=phrases(raw.get("stated_as"), "stated_as"),
                actor=phrases(raw.get("actor"), "actor"),
            )
        )
    return FactSet(document=document, path=path, sha256=sha256, facts=tuple(facts))


def _window(value, where: str, i: int, fail) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10:
        raise fail(
            f"{where}: window must be a whole number of sentences 0..10 (e.g. window = 1)",
            i,
            "window",
        )
    return value


def _is_phrases(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _expand(values, named: dict, fail) -> Phrases:
    out: list[str] = []
    for v in values:
        v = v.strip()
        if v.startswith("@"):
            if v[1:] not in named:
                raise fail(f"unknown alias list {v!r} (define it under [aliases])")
            out.extend(s.strip() for s in named[v[1:]])
        else:
            out.append(v)
    for v in out:
        if v.startswith("@"):
            raise fail(f"alias lists cannot nest ({v!r})")
        if not v.startswith("re:"):
            if not re.search(r"[^\W_]", v.rstrip("*")):  # `*`, `.`, `-`: every word or nothing
                raise fail(
                    f"phrasing {v!r} has no letter or digit, so it would match every word "
                    "or nothing; write at least one word (a * right after a word matches any "
                    "ending of it) or a re: phrasing"
                )
            if re.search(r"(?:^|[^\w])\*", v):
                raise fail(
                    f"phrasing {v!r}: a * must follow a word, and then matches any ending "
                    "of that word ('take* over' finds 'taking over'); attach it to a word "
                    "or remove it"
                )
            continue  # plain phrasings are escaped into a regex that is valid by construction
        try:
            src, _ = alias_regex(v)
            re.compile(src)
            check_bounded(src)
        except (re.error, OverflowError, RecursionError) as exc:
            raise fail(f"bad regular expression {v!r}: {exc}") from None
        if re.fullmatch(src, "") is not None:
            raise fail(f"regular expression {v!r} matches the empty string")
    return tuple(dict.fromkeys(out))


def _proposition(raw: dict, where: str, i: int, phrases, fail, polarity="positive") -> Proposition:
    slots_raw = raw.get("slots")
    if not isinstance(slots_raw, dict) or not slots_raw:
        raise fail(f"{where}: slots must be a non-empty table of name = [phrases]", i, "slots")
    slots = []
    for name, value in slots_raw.items():
        if name in _FACT_KEYS:
            # TOML puts every key after "[fact.slots]" into that table: a key of the fact
            # written there would silently become a slot of that name
            raise fail(
                f"{where}: slot {name!r} has the name of a key of the fact; write "
                f"{name} = ... before [fact.slots] (or rename the slot)",
                i,
                name,
            )
        vals = phrases(value, f"slots.{name}")
        if not vals:
            raise fail(f"{where}: slots.{name} must be a non-empty list of strings", i, name)
        slots.append((name, vals))
    names = [n for n, _ in slots]

    def slot_table(key):
        table = raw.get(key, {})
        if not isinstance(table, dict):
            raise fail(f"{where}: {key} must be a table of slot name = [phrases]", i, key)
        out = []
        for name, value in table.items():
            if name not in names:
                raise fail(
                    f"{where}: {key}.{name} names no slot (slots: {', '.join(names)})", i, key
                )
            out.append((name, phrases(value, f"{key}.{name}")))
        return tuple(out)

    max_gap = raw.get("max_gap", 12)
    if not isinstance(max_gap, int) or isinstance(max_gap, bool) or not 0 <= max_gap <= 100:
        raise fail(f"{where}: max_gap must be an integer 0..100", i, "max_gap")
    order = raw.get("order", [])
    if not isinstance(order, list) or any(o not in names for o in order):
        raise fail(f"{where}: order must list slot names ({', '.join(names)})", i, "order")
    return Proposition(
        slots=tuple(slots),
        max_gap=max_gap,
        order=tuple(order),
        not_after=slot_table("not_after"),
        not_before=slot_table("not_before"),
        unless=phrases(raw.get("unless"), "unless"),
        polarity=polarity,
        shared=phrases(raw.get("shared"), "shared"),
    )


# ---------------------------------------------------------------- describing


def _describe_prop(p: Proposition) -> dict:
    d: dict = {"slots": {n: list(v) for n, v in p.slots}, "max_gap": p.max_gap}
    if p.order:
        d["order"] = list(p.order)
    if p.not_after:
        d["not_after"] = {n: list(v) for n, v in p.not_after}
    if p.not_before:
        d["not_before"] = {n: list(v) for n, v in p.not_before}
    if p.unless:
        d["unless"] = list(p.unless)
    if p.shared:
        d["shared"] = list(p.shared)
    if p.polarity != "positive":
        d["polarity"] = p.polarity
    for key in ("context", "exclude"):
        if getattr(p, key) is not None:
            d[key] = list(getattr(p, key))
    if p.window is not None:
        d["window"] = p.window
    return d


def describe_facts(factset: FactSet) -> list[dict]:
    """What each fact accepts, as JSON-able dicts (for `harness facts`)."""
    out = []
    for f in factset.facts:
        claim = _describe_prop(f.claim)
        if f.polarity == "negative":
            reads = "present when the claim is denied; contradicted when it is asserted"
        else:
            reads = "present when the claim is asserted; contradicted when it is denied"
        if f.opposite == "ignore":
            reads = reads.split(";")[0] + "; its opposite is not a contradiction"
        out.append(
            {
                "id": f.id,
                "statement": f.statement,
                "required": f.required,
                "polarity": f.polarity,
                "reading": reads,
                "claim": claim,
                "stated_as": list(f.stated_as),
                "actor": list(f.actor),
                "scope": {
                    "context": list(f.context),
                    "exclude": list(f.exclude),
                    "window": f.window,
                },
                "contradiction": {
                    "opposite": f.opposite,
                    "opposite_requires": list(f.opposite_requires),
                    "claims": [_describe_prop(c) for c in f.contradictions],
                },
            }
        )
    return out

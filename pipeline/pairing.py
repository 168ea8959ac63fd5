"""Which time a figure belongs to, read from the tokens and the dependency parse of its sentence.

Shared by the components that tie figures to years (year_counts, percentages, events). A figure
takes, in this order:

1. a time bound to it locally: "1,137 in 2018", "67 last year", "63 the year before",
   "2009: 2,914", "seven in each of 2012 and 2013";
2. the time attached to the nearest word on its way up the parse: "In 2018, women numbered
   969" (the time modifies "numbered", the verb of 969), "more than 2,200 of them were women"
   inside "..., when" after "2009";
3. the nearest time elsewhere in its clause, by distance in the parse: "the number of defectors
   who entered South Korea in 2016 was 1417".

A time that another figure holds locally is that figure's; a comparison base ("compared to
2015", "than in 2019") is never a figure's own time; "since 2012" makes the figure a running
total up to publication. Coordinated times are shared out: "63 and 67 in 2021 and 2022
respectively" pairs in order, "seven in each of 2012 and 2013" gives one figure per year.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .normalize.times import Resolved, TimeValue, resolve, span_years
from .story_time import fullest_date, in_the_story, narrative_sentences

_GLUE = frozenset({"in", "during", "by", "as", "of", "at", "on", "the", "end", "start", "beginning", "middle",
                   "each", "first", "half", "for", "alone", "around", "about", "until", "through", "same", "month"})  # fmt: skip
_BEFORE_GLUE = frozenset({":", "alone", "–", "-"})
_BASE_WORDS = frozenset({"compared", "than", "against", "relative", "over", "versus", "vs", "vs."})
_BASE_AFTER_CHANGE = frozenset({"from", "on", "since"})


@dataclass
class TimeRef:
    """One time expression of a sentence, resolved, with where it sits in the parse."""

    span: Span
    value: TimeValue
    resolved: Resolved | None
    years: list[int] = field(default_factory=list)  # a span's years, for "each of the past two years"
    preposition: str = ""  # the word introducing it: "in", "since", "by", "than" ...
    attach: int = -1  # the token its phrase modifies
    group: int = -1  # shared by coordinated times ("2012 and 2013")
    base: bool = False  # a comparison base ("compared to 2015")
    month_span: bool = False  # a month in "between January and September": no month of its own
    each: bool = False  # "in each of 2012 and 2013", "each of the past two years": one figure per year
    cited: int = -1  # the source a year dates ("a 2001 book"), when it dates no figure beside it
    record: bool = False  # "the lowest since 2001": how long a record stands, the time of no figure

    @property
    def since(self) -> bool:
        return self.preposition == "since"

    @property
    def now(self) -> bool:
        return self.value.kind == "relative" and self.value.years == 0 and self.span.text.lower() in {
            "now", "today", "currently", "so far", "to date", "at present", "presently"}


# The times of the last Doc placed, as one (doc, key, refs) tuple (replaced whole, so a reader
# never mixes two Docs). Three components read the same times of one Doc, one after the other:
# they are placed once and each caller gets copies. One Doc only: the refs hold their Doc, and a
# cache of every Doc would keep every Doc alive.
_LAST_PLACED: list[tuple[Doc, tuple, dict[int, list["TimeRef"]]] | None] = [None]


def figure_times(refs: list[TimeRef]) -> list[TimeRef]:
    """The times of a sentence that may date its figures: not a record's ("the lowest since
    2001", which still anchors "that year" and tells an event's time)."""
    return [ref for ref in refs if not ref.record]


def time_refs(doc: Doc, spans: list[Span], published: str | None) -> dict[int, list[TimeRef]]:
    """Every time span as a :class:`TimeRef`, by sentence start; anchored phrases ("the
    previous year", "that month") resolved against the last year (and month) named before them
    in the text; a year named without a month forgets the month of another year. The caller
    owns what it gets (copies of the refs placed once per Doc, spans and publication date)."""
    key = (published, tuple((span.start, span.end, span.id_) for span in spans))
    last = _LAST_PLACED[0]
    if last is None or last[0] is not doc or last[1] != key:
        last = (doc, key, _placed_time_refs(spans, published))
        _LAST_PLACED[0] = last
    return {start: [replace(ref) for ref in refs] for start, refs in last[2].items()}


def _placed_time_refs(spans: list[Span], published: str | None) -> dict[int, list[TimeRef]]:
    by_sentence: dict[int, list[TimeRef]] = {}
    last_year: int | None = None
    last_month: int | None = None
    published = fullest_date(spans, published)
    narrative = narrative_sentences(spans)
    for span in sorted(spans, key=lambda s: s.start):
        value = TimeValue(**span._.time)
        resolved = resolve(value, published, last_year, last_month)
        story = narrative.get(span.sent.start)
        if story is not None and story[0] < span.start and value.kind == "relative" and value.which == "latest" \
                and last_year is not None:
            resolved = in_the_story(value, story[1], last_year, last_month)
        if _opens_earlier_clause(span, value):  # "(now), four years after two defectors were elected"
            reference = int(published[:4]) if published else last_year
            resolved = Resolved(reference - value.years) if reference is not None else None
        ref = TimeRef(span=span, value=value, resolved=resolved, years=span_years(value, published))
        _place(ref)
        if resolved is not None and not ref.base:  # "the next year" counts from the story, not a base
            same_year = resolved.year == last_year
            last_year = resolved.year
            last_month = resolved.month if resolved.month is not None else (last_month if same_year else None)
        ref.record = _record_since(ref)
        by_sentence.setdefault(span.sent.start, []).append(ref)
    for refs in by_sentence.values():
        _group(refs)
        _base_before_its_year(refs)
    return by_sentence


_RECORD_WORDS = frozenset({"first", "last", "record", "only"})


def _record_since(ref: TimeRef) -> bool:
    """"the lowest since 2001", "its highest since May 2022", "the first time since 2019": a
    "since" under a superlative says how long a record stands; it dates no figure and makes no
    running total."""
    if ref.preposition != "since":
        return False
    head = ref.span.doc[ref.attach] if ref.attach >= 0 else None
    if head is None:
        return False
    if head.tag_ in {"JJS", "RBS"} or head.lower_ in _RECORD_WORDS:
        return True
    return head.lower_ == "time" and any(c.lower_ in _RECORD_WORDS or c.tag_ in {"JJS", "RBS"} for c in head.children)


def _base_before_its_year(refs: list[TimeRef]) -> None:
    """"Compared with the previous fiscal year, the FY2025 budget rose ...": a base that opens
    its sentence and counts from a year counts from the sentence's own year, named after it
    (and none before)."""
    for index, ref in enumerate(refs):
        if not (ref.base and ref.value.kind == "anchored" and ref.value.month is None and ref.value.years):
            continue  # "that year" points back to a year named before, whatever follows
        if ref.span.start > ref.span.sent.root.i:
            continue  # "up from the previous year and the highest since ... in 2011": not its year
        if any(r.value.kind == "absolute" for r in refs[:index]):
            continue
        later = next((r for r in refs[index + 1 :] if r.value.kind == "absolute" and r.resolved is not None), None)
        if later is not None:
            ref.resolved = Resolved(later.resolved.year + ref.value.years)


def _opens_earlier_clause(span: Span, value: TimeValue) -> bool:
    """"four years after two defectors were elected": "after" opens a clause that happened that
    many years before the sentence's own time (here, publication), not after the last year named."""
    return value.kind == "anchored" and value.years != 0 and span[-1].lower_ in {"after", "before"} and span[-1].dep_ == "mark"


def _place(ref: TimeRef) -> None:
    """The preposition that introduces the time, the token its phrase modifies, and whether it
    is a comparison base."""
    root = ref.span.root
    head = root.head
    word = ""
    if head.i != root.i and root.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.i < ref.span.start:
        word, attach = head.lower_, head.head
        if attach.lower_ in _BASE_WORDS and attach.i != attach.head.i:  # "compared to 2015", "than on Oct. 27"
            word, attach = attach.lower_, attach.head
    else:
        attach = head
        start = ref.span.start
        if start > 0 and ref.span.doc[start - 1].pos_ == "ADP":
            word = ref.span.doc[start - 1].lower_
    if word == "of" and attach.lower_ in {"each", "end", "start", "beginning", "middle", "half", "months", "part",
                                          "night", "morning", "evening", "afternoon", "day", "week", "weekend",
                                          "summer", "winter", "spring", "autumn", "fall", "course", "first"}:
        ref.each = attach.lower_ == "each"
        word = _introducing(attach)  # "in each of 2012 and 2013", "by the end of 1998"
        attach = _climb_from_of(attach)
    if word in {"in", "of"} and attach.dep_ == "pobj" and attach.head.lower_ == "since" and attach.pos_ == "NOUN":
        word, attach = "since", attach.head.head  # "since its founding in 2011": a running total
    ref.preposition = word
    ref.attach = attach.i
    ref.cited = _cited_source(ref.span)
    ref.base = word in _BASE_WORDS or (word in _BASE_AFTER_CHANGE and _after_change(attach) and word != "since")


# Works that look back: a year naming one ("a 2001 book") dates the work, not the past it counts.
_RETROSPECTIVE = frozenset({"book", "study", "paper", "article", "memoir", "memoirs", "biography", "documentary",
                            "film", "novel", "history", "analysis", "thesis", "dissertation", "monograph"})  # fmt: skip
_CITING = frozenset({"drawing", "drew", "draw", "based", "using", "relying"})  # a source built upon


def _cited_source(span: Span) -> int:
    """The token of the source a time names ("in a 2001 book", "drawing on the 2008 census",
    "drawing on interviews conducted in 2023"), when that time cannot date a figure outside the
    source's own phrase; else -1.
    "The 2008 census counted 24,052,231 people" keeps its year: a count of the state then."""
    clause = _citing_clause(span.root)
    if clause is not None:
        return clause.i
    if len(span) != 1 or span[0].dep_ not in {"nummod", "compound", "amod"}:
        return -1
    noun = span[0].head
    if noun.i <= span[0].i:
        return -1
    if noun.lemma_.lower() in _RETROSPECTIVE:
        return noun.i
    preposition = noun.head if noun.dep_ == "pobj" else None
    if preposition is not None and preposition.head.lower_ in _CITING:
        return noun.i
    return -1


def _citing_clause(token: Token) -> Token | None:
    """The verb of a clause that names the source a time is in ("Drawing on interviews
    conducted in October 2023, the report finds ..."): that time dates the interviews."""
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lower_ in _CITING and token.dep_ in {"advcl", "acl", "prep", "pcomp"}:
            return token
    return None


def _introducing(token: Token) -> str:
    """The preposition above a noun like "end" or "each": "by" in "by the end of 1998"."""
    head = token.head
    return head.lower_ if head.dep_ == "prep" else ""


def _climb_from_of(token: Token) -> Token:
    head = token.head
    return head.head if head.dep_ == "prep" else head


def _after_change(token: Token) -> bool:
    """"up 11% from 2015", "a rise of 8% on last year's": a base only after a change word."""
    return token.lemma_.lower() in {"up", "down", "rise", "increase", "drop", "fall", "decline", "decrease", "gain",
                                    "jump", "cut", "climb", "grow", "higher", "lower", "more", "less"}


def _group(refs: list[TimeRef]) -> None:
    """Coordinated times ("2012 and 2013", "2020, 2021 and 2022") share a group; months joined
    by "between ... and" or "to" are a span of months."""
    for index, ref in enumerate(refs):
        if ref.group < 0:
            ref.group = index
        for other in refs[index + 1 :]:
            between = ref.span.doc[ref.span.end : other.span.start]
            coordinated = len(between) <= 2 and all(t.text in {",", "and", "or"} for t in between)
            if coordinated and other.group < 0 and ref.value.kind == other.value.kind:
                other.group = ref.group
            elif coordinated or len(between) == 0:
                continue
            else:
                break
    for ref in refs:
        if ref.value.month is not None and ref.value.years == 0 and ref.value.kind == "relative":
            doc = ref.span.doc
            before = doc[ref.span.start - 1].lower_ if ref.span.start > 0 else ""
            partner = [r for r in refs if r is not ref and r.group == ref.group and r.value.month is not None]
            following = [r for r in refs if r.span.start > ref.span.end and r.value.month is not None
                         and r.span.start - ref.span.end <= 2]
            if partner or (before in {"between", "from"} and following):
                ref.month_span = True  # "between January and September", not "from August 20 to 22"


@dataclass
class Pairing:
    """The time(s) a figure belongs to and how they were found; ``since``: a running total from
    that time up to publication ("since 2012", "since the register opened in 1988")."""

    refs: list[TimeRef]
    rule: str
    since: bool = False
    running: bool = False  # a running total up to its time ("estimated in 1998 that 3.5 million had died since 1995")


def local_times(figures: list[Span], refs: list[TimeRef]) -> dict[int, TimeRef]:
    """Times bound to a figure by adjacency ("1,137 in 2018", "2009: 2,914"), by figure start."""
    bound: dict[int, TimeRef] = {}
    claimed: set[int] = set()
    for figure in figures:
        for ref in refs:
            if id(ref) in claimed:
                continue
            if _glued(figure, ref.span):
                bound[figure.start] = ref
                claimed.add(id(ref))
                break
    return bound


_UNIT_WORDS = frozenset({"%", "percent", "per", "cent", "pct", "percentage", "points", "point"})


def figure_end(figure: Span) -> int:
    """Where a figure ends with its unit: "78.2 percent", "4.5 percentage points"."""
    doc, end = figure.doc, figure.end
    if figure.label_ == "percent":
        while end < len(doc) and end < figure.end + 3 and doc[end].lower_ in _UNIT_WORDS:
            end += 1
    return end


def _glued(figure: Span, time: Span) -> bool:
    doc = figure.doc
    end = figure_end(figure)
    if time.start >= end:
        between = doc[end : time.start]
        return len(between) <= 5 and all(t.lower_ in _GLUE for t in between)
    if time.end <= figure.start:
        between = doc[time.end : figure.start]
        if not between:
            return time[-1].text in {"'s", "’s"}  # "last year's 2,022"
        hedge = [t for t in between[1:] if t.lower_ in _HEDGE_WORDS or t.lower_ in {"an", "estimated", "at", "least"}]
        return between[0].text in _BEFORE_GLUE and len(between) == 1 + len(hedge)  # "9 October 2023: more than 500"
    return False


def pair(figure: Span, refs: list[TimeRef], bound: dict[int, TimeRef], figures: list[Span],
         blockers: list[Span] | None = None) -> Pairing | None:
    """The time(s) ``figure`` belongs to in its sentence, or None (see the module docstring).

    ``figures`` are the figures of its kind (for lists); ``blockers`` every number of the
    sentence, through which a figure never reaches a time (default: ``figures``).
    """
    if figure.start in bound:
        return _share_out(figure, bound[figure.start], refs, figures, "local")
    for other in _coordinated(figure, figures):
        if other.start in bound:  # "63 and 67 in 2021 and 2022 respectively"
            return _share_out(figure, bound[other.start], refs, figures, "local")
    if _set_against(figure):
        return None  # "2,000 this spring, against roughly 3,000 before the pandemic": not this spring's
    when = _when_clause_time(figure, refs)
    if when is not None:  # "than the year before, when just sixty-three people reached the South"
        return Pairing([when], "when")
    held = {id(ref) for ref in bound.values()}
    usable = [ref for ref in refs if not ref.base]
    inside = {i: ref for ref in refs for i in range(ref.span.start, ref.span.end)}
    by_attach: dict[int, list[TimeRef]] = {}
    for ref in usable:
        if ref.now and _describes_a_noun(ref, figure):
            continue
        if ref.cited >= 0 and not _within(figure, figure.doc[ref.cited]):
            continue  # "put the toll at 2.5 million in a 2001 book"
        if id(ref) not in held:  # another figure's own time: shared only by inheritance
            by_attach.setdefault(ref.attach, []).append(ref)
    blocked = {i for other in (blockers or figures) if other.start != figure.start for i in range(other.start, figure_end(other))}
    for token in _path(figure[-1]):
        if token.i in inside and not figure.start <= token.i < figure.end:
            return Pairing([inside[token.i]], "inside")  # "2009, when more than 2,200 ... were women"
        reached = _reach(token, by_attach, blocked)
        if reached:
            ref, since = min(reached, key=lambda found: (found[2], abs(found[0].span.start - figure.start)))[:2]
            if since:
                dated = _reported_time(token, by_attach)
                if dated is not None:
                    return Pairing([dated], "parse:since-until", running=True)
            pairing = _share_out(figure, ref, refs, figures, "parse")
            return Pairing(pairing.refs, pairing.rule, since=since)
        since_adverb = _since_adverb(token)
        if since_adverb is not None:  # "a number which has since risen to 30,208"
            return Pairing([since_adverb], "parse:since", since=True)
    return None


# Links followed down from a word on the figure's path to the word a time modifies: objects of
# prepositions, modifiers and subordinate clauses, the subject of a copula ("the number of
# defectors who entered ... in 2016 was 1417"); never into a coordinated clause.
_DOWN = frozenset({"prep", "pobj", "pcomp", "acl", "relcl", "advcl", "xcomp", "ccomp", "npadvmod", "advmod", "poss",
                   "nmod", "agent", "nsubj", "nsubjpass", "attr", "dobj", "oprd", "appos", "parataxis"})  # fmt: skip


def _reach(token: Token, by_attach: dict[int, list[TimeRef]], blocked: set[int]) -> list[tuple[TimeRef, bool, int]]:
    """Times whose phrase modifies ``token`` or a word below it, with whether a "since" clause
    introduces them and how far down they are; never through another figure."""
    found = []
    stack = [(token, 0, False)]
    while stack:
        node, depth, since = stack.pop()
        for ref in by_attach.get(node.i, ()):
            found.append((ref, since or ref.since, depth))
        if depth >= 6:
            continue
        for child in node.children:
            if (child.dep_ in _DOWN or _noun_conjunct(child)) and child.i not in blocked:
                child_since = since or (
                    child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in child.children)
                )
                stack.append((child, depth + 1, child_since))
    return found


def _noun_conjunct(token: Token) -> bool:
    """"attended elementary, middle and high schools in 2023": nouns coordinated as a verb's
    subject or object are one phrase (the parser hangs the time on the last); a coordinated
    clause is not, nor a second description ("a 17.3 percent jump ... and twice its level in
    January")."""
    head = token.head
    return token.dep_ == "conj" and token.pos_ in _NOMINAL and head.pos_ in _NOMINAL and head.dep_ in _ARGUMENTS


_NOMINAL = frozenset({"NOUN", "PROPN"})
_ARGUMENTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})


def pair_sentence(figures: list[Span], refs: list[TimeRef]) -> dict[int, Pairing]:
    """Every figure of a sentence (counts and percentages together) with its time, by start;
    a figure with no time of its own may inherit one (see :func:`inherit`)."""
    bound = local_times(figures, refs)
    paired: dict[int, Pairing] = {}
    for figure in figures:
        same_kind = [f for f in figures if f.label_ == figure.label_]
        pairing = pair(figure, refs, bound, same_kind, figures)
        if pairing is not None:
            paired[figure.start] = pairing
    for figure in figures:
        restated = _restated_count(figure, figures)
        if restated is not None and restated.start in paired:  # "210 of last year's arrivals, or about 89 percent"
            paired[figure.start] = Pairing(paired[restated.start].refs, "restated", paired[restated.start].since)
    for figure in figures:
        if figure.start not in paired:
            pairing = inherit(figure, paired, figures)
            if pairing is not None:
                paired[figure.start] = pairing
    return paired


def inherit(figure: Span, paired: dict[int, Pairing], figures: list[Span]) -> Pairing | None:
    """A figure with no time of its own shares the time of a figure in the same list or clause,
    or in a parallel clause: "845 of last year's defectors were women, or 80.7 percent of the
    total, while 202 were men". Never from a figure it is compared with ("down from more than
    60,000 when ... in October 2015")."""
    for other in _coordinated(figure, [f for f in figures if f.label_ == figure.label_]):
        if other.start in paired:
            return Pairing(paired[other.start].refs, "inherited", paired[other.start].since)
    verb = _clause_verb(figure[-1])
    if verb is None or _in_comparison(figure[-1]):
        return None
    for start, pairing in paired.items():
        other = next(f for f in figures if f.start == start)
        other_verb = _clause_verb(other[-1])
        if other_verb is None or pairing.rule.startswith("inherited") or _in_comparison(other[-1]):
            continue
        parallel = (verb.dep_ in {"conj", "advcl"} and verb.head.i == other_verb.i) or (
            other_verb.dep_ in {"conj", "advcl"} and other_verb.head.i == verb.i
        )
        if parallel or verb.i == other_verb.i:
            return Pairing(pairing.refs, "inherited", pairing.since)
    return None


def _reported_time(token: Token, by_attach: dict[int, list[TimeRef]]) -> TimeRef | None:
    """"An aid group estimated in 1998 that 3.5 million had died since 1995": a running total
    reported as of the time of the verb that reports it."""
    clause = token
    while clause.dep_ != "ccomp" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    for ref in by_attach.get(clause.head.i, ()):
        if ref.value.kind == "absolute" and not ref.since and ref.span.start < clause.i:
            return ref
    return None


def _within(figure: Span, token: Token) -> bool:
    return token.left_edge.i <= figure.start and figure.end - 1 <= token.right_edge.i


def _describes_a_noun(ref: TimeRef, figure: Span) -> bool:
    """"312 interviews with North Koreans now living in South Korea": "now" in a participle
    that describes a noun tells who they are, not when the figure was counted."""
    attach = ref.span.doc[ref.attach]
    return attach.dep_ == "acl" and attach.tag_ == "VBG" and not (attach.left_edge.i <= figure.start <= attach.right_edge.i)


def _set_against(figure: Span) -> bool:
    """A figure after "against" or "versus" with a time phrase of its own ("against roughly
    3,000 before the pandemic") is another time's figure. Without one ("900 women came in each
    of the past two years, against fewer than 200 men") it shares the clause's time."""
    doc = figure.doc
    words = [t.lower_ for t in doc[max(figure.sent.start, figure.start - 3) : figure.start]]
    while words and words[-1] in _HEDGE_WORDS:
        words.pop()
    if not (words and words[-1] in {"against", "versus", "vs", "vs."}):
        return False
    after = figure.end
    while after < len(doc) and doc[after].tag_.startswith("NN"):
        after += 1
    return after < len(doc) and doc[after].lower_ in {"before", "after", "during", "until", "prior", "in", "a", "last"}


_HEDGE_WORDS = frozenset({"more", "less", "fewer", "than", "about", "around", "some", "nearly", "almost", "roughly", "just", "over", "under"})


def _when_clause_time(figure: Span, refs: list[TimeRef]) -> TimeRef | None:
    """The time just before ", when" opening the figure's clause: that clause tells what happened
    then, even when the time is itself the base of a comparison."""
    verb = _clause_verb(figure[-1])
    if verb is None:
        return None
    when = next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "when" and c.i < figure.start), None)
    if when is None:
        return None
    doc = figure.doc
    end = when.i - 1 if when.i > 0 and doc[when.i - 1].text == "," else when.i
    return next((ref for ref in refs if ref.span.end == end), None)


def _restated_count(figure: Span, figures: list[Span]) -> Span | None:
    """The count a percentage restates as a share: "7,887, or almost 60 percent"."""
    if figure.label_ != "percent":
        return None
    doc = figure.doc
    words = [t for t in doc[max(figure.sent.start, figure.start - 5) : figure.start]]
    while words and words[-1].lower_ in _HEDGE_WORDS:
        words.pop()
    if len(words) < 2 or words[-1].lower_ != "or" or words[-2].text != ",":
        return None
    comma = words[-2].i
    for other in figures:
        if other.label_ == "count" and other.end <= comma and comma - other.end <= 6:
            if all(t.tag_.startswith("NN") or t.pos_ in {"ADP", "DET", "PROPN", "ADJ"} or t.text in {"'s", "’s"}
                   for t in doc[other.end : comma]):
                return other
    return None


def _in_comparison(token: Token) -> bool:
    """Inside "from ...", "than ...", "compared with ...", "below the previous low of ...": the
    other side of a comparison."""
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.dep_ == "pobj":
            preposition = token.head.lower_
            if preposition in {"from", "than", "against", "over", "below", "above"}:
                return True
            if preposition in {"to", "with"} and token.head.head.lower_ == "compared":
                return True
        token = token.head
    return False


def _path(token: Token) -> list[Token]:
    path = [token]
    while token.head.i != token.i and len(path) < 20:
        token = token.head
        path.append(token)
    return path


def _clause_verb(token: Token) -> Token | None:
    while token.pos_ not in {"VERB", "AUX"}:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _since_adverb(token: Token) -> TimeRef | None:
    """"has since risen", "have come since": a running total up to publication."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ == "since":
            span = token.doc[child.i : child.i + 1]
            return TimeRef(span=span, value=TimeValue("relative", 0), resolved=None, preposition="since", attach=token.i)
    return None


def _share_out(figure: Span, ref: TimeRef, refs: list[TimeRef], figures: list[Span], rule: str) -> Pairing:
    """One time, or one of a coordinated list: pairwise with a coordinated list of figures of the
    same length ("63 and 67 in 2021 and 2022"), else every one ("seven in each of 2012 and
    2013", "two or three ... each year" after "In 2020, 2021 and 2022")."""
    group = [r for r in refs if r.group == ref.group] if ref.group >= 0 else [ref]
    if len(group) > 1:
        listed = _coordinated(figure, figures)
        if len(listed) == len(group):
            return Pairing([group[listed.index(figure)]], f"{rule}:respectively")
        return Pairing(group, f"{rule}:each")
    return Pairing([ref], rule)


def _coordinated(figure: Span, figures: list[Span]) -> list[Span]:
    """The list of figures ``figure`` stands in ("63 and 67", "1514 in 2013, 1397 ..." is not)."""
    doc = figure.doc
    ordered = sorted(figures, key=lambda f: f.start)
    index = next(i for i, f in enumerate(ordered) if f.start == figure.start)
    start = end = index
    while start > 0 and _joined(doc, ordered[start - 1], ordered[start]):
        start -= 1
    while end + 1 < len(ordered) and _joined(doc, ordered[end], ordered[end + 1]):
        end += 1
    return ordered[start : end + 1]


def _joined(doc: Doc, first: Span, second: Span) -> bool:
    between = doc[first.end : second.start]
    return 0 < len(between) <= 2 and all(t.text in {",", "and", "or"} for t in between)


def _tree_distance(a: Token, b: Token) -> int:
    ancestors = {a.i: 0}
    step, token = 0, a
    while token.head.i != token.i:
        step += 1
        token = token.head
        ancestors[token.i] = step
    step, token = 0, b
    while token.i not in ancestors and token.head.i != token.i:
        step += 1
        token = token.head
    return step + ancestors.get(token.i, 99)

"""Repairs of the entity errors a small English model makes on news about North Korea.

Each repair is a small pure function with its own table of examples in
``tests/test_entity_repairs.py``:

- a *span repair* takes one entity and the :class:`~pipeline.lexicon.NameLexicon` and returns
  the entity unchanged when it does not apply, a new span when it repairs it, or None when the
  entity is no name at all;
- a *doc repair* looks at the whole document ("Rice" is a common word when the article also
  writes "rice"; a Korean name the model missed altogether).

``newsfacts_entity_fixes`` applies them in the order of :data:`SPAN_REPAIRS`; the first span
repair that changes an entity decides it. The rule that changed an entity is kept in its
``id_`` and later becomes the fact's ``rule``. Every rule is general, none is tied to one
article.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from .lexicon import NameLexicon
from .normalize.names import is_acronym, is_korean_syllable, looks_like_korean_name, surface_key
from .spans import DocWords, TokenOwners, name_words, relabel

RULE = "newsfacts_entity_fixes"
RULE_KOREAN_NAME = f"{RULE}:korean_name"
RULE_VENUE = f"{RULE}:venue"
RULE_ORG_SHAPE = f"{RULE}:org_shape"
RULE_TRIMMED = f"{RULE}:trimmed"
RULE_EXTENDED = f"{RULE}:extended"
RULE_PLACE = f"{RULE}:place"
RULE_BYLINE = f"{RULE}:byline"
RULE_DATELINE = f"{RULE}:dateline"
RULE_HEADING = f"{RULE}:heading"
_LOCATIVE_PREPOSITIONS = frozenset({"on", "in", "at"})

SpanRepair = Callable[[Span, NameLexicon], "Span | None"]


# span repairs: any name -------------------------------------------------------------------------
def stray_marks(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"⁵ Ministry of Unification", "\u201c10th Bureau", "Federal Bureau of Investigation (FBI": a
    note mark, an opening quote or an unbalanced bracket is no part of a name."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and not (doc[start].text[:1].isalpha() or doc[start].text[:1] in "0123456789"):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    opened = [t.i for t in doc[start:end] if t.text == "("]
    closed = [t.i for t in doc[start:end] if t.text == ")"]
    if len(opened) > len(closed):
        end = opened[-1]  # the acronym in the parenthesis is read with its name later
    elif len(closed) > len(opened):
        end = closed[0]
    while end > start and doc[end - 1].text in {"(", ")", ",", "-", "\u2013", "\u201c", '"', "'"}:
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_, span_id=RULE_TRIMMED)


# span repairs: organizations ------------------------------------------------------------------
def cut_at_comma(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Ministry of Unification, Directory of North Korean Organizations": a list of a
    publisher and its title, not one name. (Only after a head word: "Ministry of Land,
    Infrastructure and Transport" and "Gavi, the Vaccine Alliance" are whole.)"""
    if ent.label_ != "ORG":
        return ent
    for token in ent[1:-1]:
        if token.text == "," and lexicon.has_role(token.nbor(-1).text, "org_head"):
            return Span(ent.doc, ent.start, token.i, label="ORG", span_id=RULE_TRIMMED)
    return ent


def document_is_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the Inter-Korean Exchange and Cooperation Act", "UN Security Council Resolution 2397",
    "the 2024 Needs and Priorities Overview", "the Multiple Indicator Cluster Survey":
    documents, neither bodies nor people."""
    if ent.label_ not in {"ORG", "PERSON"}:
        return ent
    words = [w.lower() for w in name_words(ent)]
    numbered = any(
        lexicon.has_role(word, "document") and following[:1].isdigit() for word, following in zip(words, words[1:])
    )
    if not (numbered or (len(words) > 1 and lexicon.has_role(words[-1], "document"))):
        return ent
    # "UN Security Council Resolution 2397" names the Council it comes from
    for token in ent:
        if lexicon.has_role(token.text, "document") and token.i > ent.start and ent.label_ == "ORG":
            if lexicon.has_role(token.nbor(-1).text, "org_head"):
                return Span(ent.doc, ent.start, token.i, label="ORG", span_id=RULE_TRIMMED)
            break
    return None


def lower_case_is_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the fed said": an organization has a capital or a digit somewhere."""
    if ent.label_ != "ORG":
        return ent
    return ent if any(w[:1].isupper() or w[:1].isdigit() for w in name_words(ent)) else None


def things_are_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Chinese yuan" (a currency), "COVID-19", "Juche", "GMT", "Photographs": things and
    ideas, neither bodies nor people."""
    if ent.label_ not in {"ORG", "PERSON"}:
        return ent
    words = name_words(ent)
    if ent.label_ == "ORG" and lexicon.has_role(words[-1], "currency"):
        return None
    return None if all(lexicon.has_role(w, "not_org") for w in words) else ent


def place_is_no_name(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Ryongnam Hill", "Kim Il Sung Square", "the Amnok River": a place, not a person or a body."""
    words = name_words(ent)
    if ent.label_ in {"ORG", "PERSON"} and len(words) > 1 and lexicon.has_role(words[-1], "place_head"):
        return relabel(ent, "LOC", RULE_PLACE)
    return ent


def zone_is_a_place(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Rason Special Economic Zone", "Kaesong Industrial Complex": a place, not a body."""
    words = name_words(ent)
    if ent.label_ == "ORG" and len(words) > 1 and lexicon.has_role(words[-1], "zone") and lexicon.has_role(
        words[-2], "zone_kind"
    ):
        return relabel(ent, "FAC", RULE_PLACE)
    return ent


def occasion_is_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Party Foundation Day", "the 80-Day Battle", "the 8th Party Congress", "the Asian
    Games": a day, a campaign, a meeting or a contest."""
    words = name_words(ent)
    if ent.label_ == "ORG" and len(words) > 1 and lexicon.has_role(words[-1], "occasion"):
        return None
    return ent


def korean_name_labelled_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Jang Song Thaek" (ORG) and a lone "Choe" (ORG) are people, judged by their shape: a known
    surname, romanized syllables, and no organization head word ("Kim Il Sung University")."""
    if ent.label_ != "ORG":
        return ent
    words = name_words(ent)
    if is_korean_person_name(words, lexicon) or (len(words) == 1 and words[0] in lexicon.surnames):
        return complete_korean_name(relabel(ent, "PERSON", RULE_KOREAN_NAME), lexicon)
    return ent


def cut_at_locative(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Hanadul School on the Anseong campus": the name ends at its head word."""
    if ent.label_ != "ORG":
        return ent
    for token in ent[1:]:
        if token.lower_ in _LOCATIVE_PREPOSITIONS and lexicon.has_role(token.nbor(-1).text, "org_head"):
            return Span(ent.doc, ent.start, token.i, label="ORG", span_id=RULE_TRIMMED)
    return ent


def extend_over_purpose(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the Settlement Support Center" + "for North Korean Refugees": the name goes on."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or not (end + 1 < len(doc) and doc[end].lower_ == "for" and doc[end + 1].is_title):
        return ent
    end += 1
    while end < len(doc) and doc[end].is_title:
        end += 1
    return Span(doc, ent.start, end, label="ORG", span_id=RULE_EXTENDED)


def extend_over_place(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the Federal Reserve Bank" + "of New York", "the Ministry of Foreign Affairs" + "of
    Japan": a body's name may end with the place it belongs to."""
    doc, end = ent.doc, ent.end
    words = name_words(ent)
    if ent.label_ != "ORG" or not words or not lexicon.has_role(words[-1], "org_head"):
        return ent
    if not (end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B"):
        return ent
    stop = end + 2
    while stop < len(doc) and doc[stop].ent_iob_ == "I" and doc[stop].ent_type_ == "GPE":
        stop += 1
    return Span(doc, ent.start, stop, label="ORG", span_id=RULE_EXTENDED)


def dangling_word(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"US Agency for" + "International Development", "Foreign Affairs and" + "Unification
    Committee": a name the model cut after a joining word goes on over the capitalised words
    that follow; with none to follow, the joining word goes."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].lower_ not in _JOINING_WORDS:
        return ent
    end = ent.end
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
        end += 1
    if end > ent.end:
        return Span(doc, ent.start, end, label="ORG", span_id=RULE_EXTENDED)
    return Span(doc, ent.start, ent.end - 1, label="ORG", span_id=RULE_TRIMMED)


_JOINING_WORDS = frozenset({"and", "for", "of", "on", "to", "the", "&"})


# span repairs: people -------------------------------------------------------------------------
def vessel_is_no_name(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the cargo ship Wise Honest", "the Wise Honest, a cargo vessel": a ship's name."""
    if ent.label_ not in {"ORG", "PERSON"}:
        return ent
    doc = ent.doc
    if ent.start > 0 and lexicon.has_role(doc[ent.start - 1].text, "vessel"):
        return None
    appositions = [t for t in ent.root.children if t.dep_ == "appos"]
    if ent.root.dep_ == "appos":
        appositions.append(ent.root.head)
    if any(lexicon.has_role(t.lemma_, "vessel") or lexicon.has_role(t.text, "vessel") for t in appositions):
        return None
    return ent


def venue_after_person(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the Ryukyung restaurant": a "person" followed by a venue noun is the venue."""
    following = _following(ent)
    if ent.label_ == "PERSON" and following is not None and lexicon.has_role(following.text, "venue"):
        return Span(ent.doc, ent.start, ent.end + 1, label="ORG", span_id=RULE_VENUE)
    return ent


def family_is_no_person(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the Kim family", "the Kim regime": a family or a government, not one person."""
    following = _following(ent)
    if ent.label_ == "PERSON" and len(ent) == 1 and following is not None and lexicon.has_role(following.text, "group"):
        return None
    return ent


def org_shaped_person(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Chosun Ilbo" (a head word) or "JCS" (an acronym) labelled PERSON is an organization."""
    if ent.label_ == "PERSON" and (any(lexicon.has_role(t.text, "org_head") for t in ent) or is_acronym(ent.text)):
        return relabel(ent, "ORG", RULE_ORG_SHAPE)
    return ent


def korean_name_cut_short(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Kim Yeon" + "-chul", "Jae-gil" after "Ri", "Choe Son" + "Hui": the whole name."""
    return complete_korean_name(ent, lexicon) if ent.label_ == "PERSON" else ent


# The order in which newsfacts_entity_fixes tries them; the first that changes an entity wins.
SPAN_REPAIRS: MappingProxyType[str, SpanRepair] = MappingProxyType(
    {
        "stray_marks": stray_marks,
        "vessel_is_no_name": vessel_is_no_name,
        "lower_case_is_no_org": lower_case_is_no_org,
        "things_are_no_org": things_are_no_org,
        "cut_at_comma": cut_at_comma,
        "zone_is_a_place": zone_is_a_place,
        "place_is_no_name": place_is_no_name,
        "document_is_no_org": document_is_no_org,
        "occasion_is_no_org": occasion_is_no_org,
        "korean_name_labelled_org": korean_name_labelled_org,
        "cut_at_locative": cut_at_locative,
        "extend_over_purpose": extend_over_purpose,
        "extend_over_place": extend_over_place,
        "dangling_word": dangling_word,
        "venue_after_person": venue_after_person,
        "family_is_no_person": family_is_no_person,
        "org_shaped_person": org_shaped_person,
        "korean_name_cut_short": korean_name_cut_short,
    }
)


def repair_span(ent: Span, repairs: list[SpanRepair], lexicon: NameLexicon) -> Span | None:
    """Apply ``repairs`` in order; the first one that changes (or drops) the entity decides,
    except a trim, after which the trimmed name goes on through the rest."""
    for repair in repairs:
        result = repair(ent, lexicon)
        if result is None:
            return None
        if result is not ent:
            if result.id_ != RULE_TRIMMED:
                return result
            ent = result
    return ent


# doc repairs ----------------------------------------------------------------------------------
def is_common_word(ent: Span, names: Collection[str], lower_words: Collection[str]) -> bool:
    """"Rice was selling ...", "Front-line commanders": a sentence-initial capital, not a name.

    Only a lone word at a sentence start that the article writes in lower case elsewhere
    (``lower_words``), or that opens a hyphenated compound; never a word also seen inside a
    longer name ("Condoleezza Rice ... Rice said") or a surname ("Park said" beside "an
    industrial park"), both in ``names``.
    """
    if ent.label_ not in {"PERSON", "ORG"} or len(ent) != 1:
        return False
    token = ent[0]
    if not (token.is_sent_start and token.is_title) or token.text in names:
        return False
    doc = ent.doc
    compound = (
        token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-" and doc[token.i + 2].is_lower
    )
    return compound or token.lower_ in lower_words


def missed_korean_names(doc: Doc, ents: list[Span], protected: Collection[str], lexicon: NameLexicon,
                        words: DocWords | None = None) -> list[Span]:
    """Korean names the model missed or cut: "Oh Chong-song" (hyphenated), "Choe Son Hui".

    A found name may swallow entities lying wholly inside it, unless they are ``protected``
    (gazetteer names, by surface key); ``filter_spans`` then prefers the longer name.
    """
    owners = TokenOwners(doc, ents)
    found = []
    for at in (words or DocWords(doc)).where(lexicon.surnames):
        token = doc[at]
        if token.is_stop:  # "In", "So", "No" open sentences
            continue
        end = _hyphenated_name_end(token) or _spaced_name_end(token)
        if end is None:
            continue
        name = Span(doc, token.i, end, label="PERSON", span_id=RULE_KOREAN_NAME)
        overlapping = owners.overlapping(name)
        can_take = all(
            name.start <= ent.start and ent.end <= name.end and surface_key(ent.text) not in protected
            for ent in overlapping
        )
        if can_take and looks_like_korean_name(name_words(name), lexicon.surnames):
            found.append(name)
    return found


def western_order_korean_names(doc: Doc, ents: list[Span], protected: Collection[str],
                               lexicon: NameLexicon, words: DocWords | None = None) -> list[Span]:
    """"Jin-a Choi", "Soo-jin Han": a hyphenated Korean given name before a surname, the order
    of bylines and press contacts. The model often splits them ("Jin", "Choi")."""
    owners = TokenOwners(doc, ents)
    found = []
    for at in (words or DocWords(doc)).where({"-"}):
        if not (0 < at < len(doc) - 2) or doc[at].whitespace_:
            continue
        given, second, family = doc[at - 1], doc[at + 1], doc[at + 2]
        if not (given.is_title and given.is_alpha and not given.whitespace_ and _is_lower_syllable(second.text)):
            continue
        if family.text not in lexicon.surnames:
            continue
        if at > 1 and doc[at - 2].is_title and doc[at - 2].text in lexicon.surnames:
            continue  # "Kim Hye-jin" is family-first already
        name = Span(doc, at - 1, at + 3, label="PERSON", span_id=RULE_KOREAN_NAME)
        if all(surface_key(e.text) not in protected for e in owners.overlapping(name)):
            found.append(name)
    return found


def dateline_agencies(doc: Doc, words: DocWords | None = None) -> list[Span]:
    """"SEOUL, Oct. 23 (Asia Wire) - ...": the news agency in a dateline is an organization."""
    found = []
    words = words or DocWords(doc)
    for at in words.where({"("}):
        token = doc[at]
        line_start = at
        while line_start > 0 and not words.newline_after[line_start - 1]:
            line_start -= 1
            if at - line_start > _DATELINE_REACH:
                break
        if at == 0:
            continue
        if token.i - line_start > _DATELINE_REACH or not doc[line_start].is_upper:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 5 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1
        closes = end < len(doc) and doc[end].text == ")" and end > token.i + 1
        if closes and end + 1 < len(doc) and doc[end + 1].text in {"-", "--", "—", "–"}:
            found.append(Span(doc, token.i + 1, end, label="ORG", span_id=RULE_DATELINE))
    return found


_DATELINE_REACH = 12


def surnamed_people(doc: Doc, lexicon: NameLexicon, words: DocWords | None = None) -> list[Span]:
    """"a 26-year-old surnamed Ri", "identified only by his surname, Kim": a person named by
    the family name alone."""
    found = []
    for cue in (doc[i] for i in (words or DocWords(doc)).where({"surnamed", "surname"}, lower=True)):
        at = cue.i + 1 if cue.lower_ == "surnamed" else cue.i + 2
        if at < len(doc) and (cue.lower_ == "surnamed" or doc[cue.i + 1].text == ","):
            token = doc[at]
            if token.text in lexicon.surnames and token.is_title:
                found.append(Span(doc, at, at + 1, label="PERSON", span_id=RULE_KOREAN_NAME))
    return found


def byline_names(doc: Doc, words: DocWords | None = None) -> list[Span]:
    """"By Hye-jin Yoon", "(Reporting by Soo-jin Han in Seoul and Daniel Whitcombe ...; editing
    by Peter Li)": the names after a byline's "by" are people, whatever the model made of them."""
    found = []
    for token in (doc[i] for i in (words or DocWords(doc)).where({"by"}, lower=True)):
        if not _opens_byline(token):
            continue
        i = token.i + 1
        while i < len(doc):
            end = _byline_name_end(doc, i)
            if end - i >= 2:
                found.append(Span(doc, i, end, label="PERSON", span_id=RULE_BYLINE))
            if end < len(doc) and doc[end].lower_ in {"and", ","} and end + 1 < len(doc) and doc[end + 1].is_title:
                i = end + 1
            else:
                break
    return found


def _opens_byline(by: Token) -> bool:
    doc = by.doc
    if by.i == 0:
        return by.text == "By"
    before = doc[by.i - 1]
    if by.text == "By" and ("\n" in before.text or "\n" in before.whitespace_ or before.text == "("):
        return True
    return before.lower_ in _BYLINE_VERBS


def _byline_name_end(doc: Doc, start: int) -> int:
    """The end of a name of capitalised words (with hyphenated syllables: "Hye-jin") at ``start``."""
    end = start
    while end < len(doc) and end - start < 6:
        token = doc[end]
        if token.is_title and token.is_alpha:
            end += 1
        elif token.text == "-" and end > start and not doc[end - 1].whitespace_ and end + 1 < len(doc) and doc[end + 1].is_alpha:
            end += 2
        else:
            break
    return end


_BYLINE_VERBS = frozenset({"reporting", "editing", "writing", "reported", "edited", "written", "compiled", "photos",
                           "photo", "photographs", "translated", "translation"})  # fmt: skip


def heading_ranges(doc: Doc, words: DocWords | None = None) -> list[tuple[int, int]]:
    """Token ranges of the lines that are headings: a headline or a section title is a short
    line that does not end a sentence ("North Korean Defector Arrivals Rise", "3. The Security
    Apparatus")."""
    words = words or DocWords(doc)
    ranges, start = [], 0
    for i, ends_line in enumerate(words.newline_after + [True]):
        if i < len(words.text) and not ends_line:
            continue
        end = min(i + 1, len(words.text))
        line = [text for text in words.text[start:end] if text.strip()]
        if _is_heading(" ".join(line)):
            ranges.append((start, end))
        start = end
    return ranges


def _is_heading(line: str) -> bool:
    """Short, not ending a sentence, and in Title Case (a sentence-case headline's capitals are
    names, and a contact line "Media contact: Kang Min-ji, +82-2-..." is no heading)."""
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or line[-1] in _SENTENCE_ENDS or "@" in line:
        return False
    content = [w for w in words if w.lower() not in _HEADING_SMALL_WORDS and w[:1].isalpha()]
    capitalised = [w for w in content if w[:1].isupper()]
    return bool(content) and len(capitalised) >= _TITLE_CASE_SHARE * len(content)


def unconfirmed_heading_names(doc: Doc, ents: list[Span], protected: Collection[str],
                              words: DocWords | None = None) -> list[Span]:
    """The people and organizations of the text with those only a heading's capitals make: a
    name in a heading stands when the body (or the gazetteer, ``protected``) names it too, or is
    cut to the longest start that the body names ("Ministry of Unification Launches Hana Career
    Bridge" -> "Ministry of Unification"); else it goes."""
    ranges = heading_ranges(doc, words)
    if not ranges:
        return ents

    def in_heading(span: Span) -> bool:
        return any(start <= span.start < end for start, end in ranges)

    body: dict[str, set[str]] = {}
    for span in ents:
        if not in_heading(span):
            body.setdefault(span.label_, set()).add(surface_key(span.text))
    kept = []
    for span in ents:
        if span.label_ not in {"PERSON", "ORG"} or not in_heading(span) or surface_key(span.text) in protected:
            kept.append(span)
            continue
        known = body.get(span.label_, set())
        for end in range(span.end, span.start, -1):
            part = doc[span.start : end]
            if surface_key(part.text) in known:
                kept.append(span if end == span.end else Span(doc, span.start, end, label=span.label_, span_id=RULE_HEADING))
                break
    return kept


_MAX_HEADING_WORDS = 20
_TITLE_CASE_SHARE = 0.8
_HEADING_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
                                  "from", "as", "vs", "vs.", "via", "into", "over", "after", "before"})  # fmt: skip
_SENTENCE_ENDS = frozenset('.!?:;,"”’)')


# helpers --------------------------------------------------------------------------------------
def is_korean_person_name(words: list[str], lexicon: NameLexicon) -> bool:
    if any(lexicon.has_role(word, "org_head") for word in words):
        return False
    return looks_like_korean_name(words, lexicon.surnames)


def complete_korean_name(ent: Span, lexicon: NameLexicon) -> Span:
    """Extend a cut Korean name: a surname before it, a hyphenated or third syllable after."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in lexicon.surnames and not looks_like_korean_name(
        name_words(ent), lexicon.surnames
    ):
        start -= 1
    if end + 1 < len(doc) and doc[end].text == "-" and _is_lower_syllable(doc[end + 1].text):
        end += 2
    words = name_words(doc[start:end])
    if (
        end < len(doc)
        and len(words) == 2  # "Choe Son" + "Hui": a given name of one spaced syllable so far
        and "-" not in words[1]  # "Moon Jae-in" is whole: never "Moon Jae-in Met"
        and doc[end - 1].whitespace_
        and doc[end].is_title
        and is_korean_syllable(doc[end].text)
    ):
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    if not looks_like_korean_name(name_words(doc[start:end]), lexicon.surnames):
        return ent
    return Span(doc, start, end, label="PERSON", span_id=RULE_KOREAN_NAME)


def _hyphenated_name_end(surname: Token) -> int | None:
    """"Oh Chong-song": surname, a capitalised syllable, a hyphen, a lower-case syllable."""
    doc, i = surname.doc, surname.i
    if i + 3 >= len(doc):
        return None
    given, hyphen, last = doc[i + 1], doc[i + 2], doc[i + 3]
    if given.is_title and hyphen.text == "-" and _is_lower_syllable(last.text):
        return i + 4
    return None


def _spaced_name_end(surname: Token) -> int | None:
    """"Choe Son Hui": surname and two capitalised syllables, and no capitalised word after them
    ("Kim Il Sung University" is a school, not a person)."""
    doc, i = surname.doc, surname.i
    if i + 2 >= len(doc) or not surname.whitespace_:
        return None
    given = doc[i + 1 : i + 3]
    if not all(t.is_title and not t.is_stop and is_korean_syllable(t.text) for t in given):
        return None
    if not given[0].whitespace_:
        return None
    if i + 3 < len(doc) and (doc[i + 3].is_title or doc[i + 3].text == "-"):
        return None
    return i + 3


def _is_lower_syllable(text: str) -> bool:
    return text.islower() and is_korean_syllable(text)


def _following(ent: Span) -> Token | None:
    return ent.doc[ent.end] if ent.end < len(ent.doc) else None

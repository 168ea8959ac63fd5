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
from .spans import TokenOwners, name_words, relabel

RULE = "newsfacts_entity_fixes"
RULE_KOREAN_NAME = f"{RULE}:korean_name"
RULE_VENUE = f"{RULE}:venue"
RULE_ORG_SHAPE = f"{RULE}:org_shape"
RULE_TRIMMED = f"{RULE}:trimmed"
RULE_EXTENDED = f"{RULE}:extended"
RULE_PLACE = f"{RULE}:place"
_LOCATIVE_PREPOSITIONS = frozenset({"on", "in", "at"})

SpanRepair = Callable[[Span, NameLexicon], "Span | None"]


# span repairs: organizations ------------------------------------------------------------------
def lower_case_is_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"the fed said": an organization has a capital or a digit somewhere."""
    if ent.label_ != "ORG":
        return ent
    return ent if any(w[:1].isupper() or w[:1].isdigit() for w in name_words(ent)) else None


def things_are_no_org(ent: Span, lexicon: NameLexicon) -> Span | None:
    """"Chinese yuan" (a currency), "COVID-19", "Juche": things and ideas, not bodies."""
    if ent.label_ != "ORG":
        return ent
    words = name_words(ent)
    if lexicon.has_role(words[-1], "currency") or all(lexicon.has_role(w, "not_org") for w in words):
        return None
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
    """"Party Foundation Day", "the 80-Day Battle": a day or a campaign."""
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
        "vessel_is_no_name": vessel_is_no_name,
        "lower_case_is_no_org": lower_case_is_no_org,
        "things_are_no_org": things_are_no_org,
        "zone_is_a_place": zone_is_a_place,
        "occasion_is_no_org": occasion_is_no_org,
        "korean_name_labelled_org": korean_name_labelled_org,
        "cut_at_locative": cut_at_locative,
        "extend_over_purpose": extend_over_purpose,
        "venue_after_person": venue_after_person,
        "family_is_no_person": family_is_no_person,
        "org_shaped_person": org_shaped_person,
        "korean_name_cut_short": korean_name_cut_short,
    }
)


def repair_span(ent: Span, repairs: list[SpanRepair], lexicon: NameLexicon) -> Span | None:
    """Apply ``repairs`` in order; the first one that changes (or drops) the entity decides."""
    for repair in repairs:
        result = repair(ent, lexicon)
        if result is None or result is not ent:
            return result
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


def missed_korean_names(doc: Doc, ents: list[Span], protected: Collection[str], lexicon: NameLexicon) -> list[Span]:
    """Korean names the model missed or cut: "Oh Chong-song" (hyphenated), "Choe Son Hui".

    A found name may swallow entities lying wholly inside it, unless they are ``protected``
    (gazetteer names, by surface key); ``filter_spans`` then prefers the longer name.
    """
    owners = TokenOwners(doc, ents)
    found = []
    for token in doc:
        if token.text not in lexicon.surnames or token.is_stop:  # "In", "So", "No" open sentences
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

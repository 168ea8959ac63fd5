"""``newsfacts_entity_fixes``: repair the entity errors the small model makes on this news.

Each rule is general, not tied to one article:
- a name in the gazetteer gets the gazetteer's label ("Panmunjom" PERSON -> LOC, "Rodong Sinmun"
  PERSON -> ORG, "DMZ" ORG -> LOC);
- a Korean personal name labelled ORG ("Jang Song Thaek") becomes PERSON, judged by its shape
  (a known surname, romanized syllables) and the absence of organization head words;
- a Korean name cut short is completed ("Kim Yeon" + "-chul", "Jae-gil" preceded by "Im"), and a
  hyphenated Korean name the model missed altogether ("Oh Chong-song") is added;
- a "person" followed by a venue noun ("the Ryukyung restaurant") is the venue; a "person" with an
  organization head word ("Chosun Ilbo") or written as an acronym ("JCS") is an organization;
- an "organization" that is a currency ("Chinese yuan"), a thing ("COVID-19"), an ideology
  ("Juche") or all lower case is dropped, and one named as a zone ("Kaesong Industrial Complex")
  is a place; one that runs past its head word into a location ("X School on the Y campus") is
  cut back, one cut before its purpose ("the Settlement Support Center" + "for North Korean
  Refugees") is extended;
- a ship ("the cargo ship Wise Honest"), a day or campaign ("Party Foundation Day") and a family
  ("the Kim family") are not organizations or people;
- a gazetteer name wins over the number the model saw in it ("Office 39");
- a capitalised common word at a sentence start ("Rice was selling ...", "Front-line units")
  is no name when the article also writes it in lower case or it opens a hyphenated compound.
The rule that changed an entity is kept in its ``id_`` and later becomes the fact's ``rule``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from .. import data
from ..normalize.names import is_acronym, is_korean_syllable, looks_like_korean_name, surface_key

RULE = "newsfacts_entity_fixes"
RULE_GAZETTEER = f"{RULE}:gazetteer"
RULE_KOREAN_NAME = f"{RULE}:korean_name"
RULE_VENUE = f"{RULE}:venue"
RULE_ORG_SHAPE = f"{RULE}:org_shape"
RULE_TRIMMED = f"{RULE}:trimmed"
RULE_EXTENDED = f"{RULE}:extended"
RULE_PLACE = f"{RULE}:place"
_LOCATIVE_PREPOSITIONS = frozenset({"on", "in", "at"})
_NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"})


class EntityFixes:
    def __init__(self, vocab: Vocab) -> None:
        self.surnames = {name.title() for name in data.surname_groups()}
        words = data.entity_words_by_role()
        self.venues = words["venue"]
        self.org_heads = words["org_head"]
        self.currencies = words["currency"]
        self.not_org = words["not_org"]
        self.zone_kinds = words["zone_kind"]
        self.zones = words["zone"]
        self.occasions = words["occasion"]
        self.groups = words["group"]
        self.vessels = words["vessel"]
        names = [row for row in data.entity_patterns() if isinstance(row.pattern, str)]
        self.known_labels = {surface_key(row.pattern): row.label for row in names}
        # Names with a number in them ("Office 39", "Bureau 121"), which the model reads as a
        # CARDINAL the entity ruler may not overwrite.
        self.numbered_names = PhraseMatcher(vocab)
        for row in names:
            if any(char.isdigit() for char in row.pattern):
                self.numbered_names.add(row.label, [Doc(vocab, words=row.pattern.split())])

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self._numbered_names(doc)
        names = self.surnames | {token.text for ent in doc.ents if len(ent) > 1 for token in ent}
        lower_words = {token.text for token in doc if token.is_lower}
        ents = [
            ent
            for ent in doc.ents
            if surface_key(ent.text) in self.known_labels or not _is_common_word(ent, names, lower_words)
        ]
        fixed = [span for span in (self._fix(ent) for ent in ents) if span is not None]
        fixed += self._missed_korean_names(doc, fixed)
        doc.ents = filter_spans(fixed)
        return doc

    def _numbered_names(self, doc: Doc) -> list[Span]:
        """A gazetteer name wins over the numbers and dates it overlaps ("Office 39")."""
        ents = list(doc.ents)
        for label, start, end in self.numbered_names(doc):
            name = Span(doc, start, end, label=label, span_id=RULE_GAZETTEER)
            overlapping = [ent for ent in ents if spans_overlap(ent, name)]
            if all(ent.label_ in _NUMERIC_LABELS for ent in overlapping):
                ents = [ent for ent in ents if ent not in overlapping] + [name]
        return sorted(ents, key=lambda span: span.start)

    def _fix(self, ent: Span) -> Span | None:
        doc = ent.doc
        known = self.known_labels.get(surface_key(ent.text))
        if known is not None:
            return ent if known == ent.label_ else _relabel(ent, known, RULE_GAZETTEER)
        if ent.label_ in {"ORG", "PERSON"} and self._names_a_vessel(ent):
            return None
        if ent.label_ == "ORG":
            return self._fix_org(ent)
        if ent.label_ == "PERSON":
            following = doc[ent.end] if ent.end < len(doc) else None
            if following is not None and following.lower_ in self.venues:
                return Span(doc, ent.start, ent.end + 1, label="ORG", span_id=RULE_VENUE)
            if following is not None and following.lower_ in self.groups and len(ent) == 1:
                return None  # "the Kim family", "the Kim regime": a family, not one person
            if any(token.lower_ in self.org_heads for token in ent) or is_acronym(ent.text):
                return _relabel(ent, "ORG", RULE_ORG_SHAPE)
            return self._complete_korean_name(ent)
        return ent

    def _fix_org(self, ent: Span) -> Span | None:
        words = name_words(ent)
        if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
            return None  # "fed": not a name
        if words[-1].lower() in self.currencies or all(w.lower() in self.not_org for w in words):
            return None
        if len(words) > 1 and words[-1].lower() in self.zones and words[-2].lower() in self.zone_kinds:
            return _relabel(ent, "FAC", RULE_PLACE)  # "Rason Special Economic Zone": a place
        if len(words) > 1 and words[-1].lower() in self.occasions:
            return None  # "Party Foundation Day", "the 80-Day Battle": a day or a campaign
        if self._is_person_name(words) or (len(words) == 1 and words[0] in self.surnames):
            return self._complete_korean_name(_relabel(ent, "PERSON", RULE_KOREAN_NAME))
        for token in ent[1:]:
            if token.lower_ in _LOCATIVE_PREPOSITIONS and token.nbor(-1).lower_ in self.org_heads:
                return Span(ent.doc, ent.start, token.i, label="ORG", span_id=RULE_TRIMMED)
        return _extend_over_purpose(ent)

    def _names_a_vessel(self, ent: Span) -> bool:
        """"the cargo ship Wise Honest", "the Wise Honest, a cargo vessel": a ship's name."""
        doc = ent.doc
        if ent.start > 0 and doc[ent.start - 1].lower_ in self.vessels:
            return True
        appositions = [t for t in ent.root.children if t.dep_ == "appos"]
        if ent.root.dep_ == "appos":
            appositions.append(ent.root.head)
        return any(t.lemma_.lower() in self.vessels or t.lower_ in self.vessels for t in appositions)

    def _is_person_name(self, words: list[str]) -> bool:
        if any(word.lower() in self.org_heads for word in words):
            return False
        return looks_like_korean_name(words, self.surnames)

    def _complete_korean_name(self, ent: Span) -> Span:
        """Extend a cut Korean name: a surname before it, a hyphenated or third syllable after."""
        doc = ent.doc
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].text in self.surnames and not looks_like_korean_name(
            name_words(ent), self.surnames
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
        candidate = name_words(doc[start:end])
        if not looks_like_korean_name(candidate, self.surnames):
            return ent
        return Span(doc, start, end, label="PERSON", span_id=RULE_KOREAN_NAME)

    def _missed_korean_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Korean names the model missed or cut: "Oh Chong-song" (hyphenated), "Choe Son Hui".

        A found name may swallow entities lying wholly inside it, unless they are gazetteer
        names; ``filter_spans`` then prefers the longer name.
        """
        found = []
        for token in doc:
            if token.text not in self.surnames or token.is_stop:  # "In", "So", "No" open sentences
                continue
            end = self._hyphenated_name_end(token) or self._spaced_name_end(token)
            if end is None:
                continue
            name = Span(doc, token.i, end, label="PERSON", span_id=RULE_KOREAN_NAME)
            if self._can_take(name, ents) and looks_like_korean_name(name_words(name), self.surnames):
                found.append(name)
        return found

    @staticmethod
    def _hyphenated_name_end(surname: Token) -> int | None:
        """"Oh Chong-song": surname, a capitalised syllable, a hyphen, a lower-case syllable."""
        doc, i = surname.doc, surname.i
        if i + 3 >= len(doc):
            return None
        given, hyphen, last = doc[i + 1], doc[i + 2], doc[i + 3]
        if given.is_title and hyphen.text == "-" and _is_lower_syllable(last.text):
            return i + 4
        return None

    @staticmethod
    def _spaced_name_end(surname: Token) -> int | None:
        """"Choe Son Hui": surname and two capitalised syllables, and no capitalised word after
        them ("Kim Il Sung University" is a school, not a person)."""
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

    def _can_take(self, name: Span, ents: list[Span]) -> bool:
        for ent in ents:
            if spans_overlap(ent, name):
                inside = name.start <= ent.start and ent.end <= name.end
                if not inside or surface_key(ent.text) in self.known_labels:
                    return False
        return True


def _is_common_word(ent: Span, names: set[str], lower_words: set[str]) -> bool:
    """"Rice was selling ...", "Front-line commanders": a sentence-initial capital, not a name.

    Only a lone word at a sentence start that the article writes in lower case elsewhere, or
    that opens a hyphenated compound; never a word also seen inside a longer name ("Condoleezza
    Rice ... Rice said") or a surname ("Park said" beside "an industrial park").
    """
    if ent.label_ not in {"PERSON", "ORG"} or len(ent) != 1:
        return False
    token = ent[0]
    if not (token.is_sent_start and token.is_title) or token.text in names:
        return False
    doc = ent.doc
    compound = (
        token.i + 2 < len(doc)
        and not token.whitespace_
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].is_lower
    )
    return compound or token.lower_ in lower_words


def _extend_over_purpose(ent: Span) -> Span:
    """"the Settlement Support Center" + "for North Korean Refugees": the name goes on."""
    doc = ent.doc
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "for" and doc[end + 1].is_title:
        end += 1
        while end < len(doc) and doc[end].is_title:
            end += 1
        return Span(doc, ent.start, end, label="ORG", span_id=RULE_EXTENDED)
    return ent


def spans_overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _relabel(ent: Span, label: str, rule: str) -> Span:
    return Span(ent.doc, ent.start, ent.end, label=label, span_id=rule)


def _is_lower_syllable(text: str) -> bool:
    return text.islower() and is_korean_syllable(text)


def name_words(span: Span) -> list[str]:
    """Words of a name as written: "Yong-ho" stays one word, a leading "the" goes."""
    words = span.text.split()
    return words[1:] if words and words[0].lower() == "the" else words


@Language.factory(
    "newsfacts_entity_fixes",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={},
)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes(nlp.vocab)

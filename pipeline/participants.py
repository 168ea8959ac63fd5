"""Who left in one defection and how many: the noun phrase of those who left, its head-count,
the people named in it, and whom a pronoun stands for.

Pure functions over an annotated ``Doc`` (entities, quantities) and the :class:`Cues` of
``event_cues.jsonl``; ``newsfacts_events`` calls them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .defections import Cues
from .normalize.numbers import parse_quantity
from .spans import TokenOwners

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = {"he": 1, "she": 1, "him": 1, "her": 1, "they": None, "them": None, "who": None, "which": None, "that": None}
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})


def participants(trigger: Token, kind: str) -> Token | None:
    """The head of the noun phrase of those who left."""
    if trigger.pos_ == "NOUN" or trigger.tag_ in {"NN", "NNS"}:  # "the defection of X", "X's defection"
        holders = [trigger]
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
            holders.append(trigger.head.head)  # "a series of defections by ranking officials"
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "by"} and child.i > trigger.i - 1:
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and objects[0].i != trigger.i:
                        return objects[0]
                if child.dep_ == "poss" and holder is trigger:
                    return child
        return None
    if kind in {"caught", "repatriated", "sent_back"}:
        passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
        if passive:
            return passive[0]
        objects = [c for c in trigger.children if c.dep_ in {"dobj", "pobj"}]
        if objects:
            return objects[0]
    token = trigger
    for _ in range(5):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        if token.dep_ in {"xcomp", "advcl", "conj", "pcomp", "prep"} and token.head.i != token.i:
            token = token.head
        elif token.dep_ in {"acl", "relcl"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            head = token.head  # "13 workers ... working at", "ten North Koreans sent to work"
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {"NUM", "NOUN", "PRON"}:
                return head.head.head  # "Two of the four asked to stay"
            return head
        else:
            break
    # A parse that lost the subject: the nearest subject to the left in the clause ("when 10
    # North Korean workers dispatched to Saint Petersburg fled their worksite").
    if trigger.dep_ == "ROOT":
        for token in reversed(list(trigger.sent)[: trigger.i - trigger.sent.start]):
            if token.dep_ in _SUBJECTS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
                return token
    return None


def antecedent(head: Token, doc: Doc, people: Span | list[Span]) -> Token:
    """"who" in "Thae Yong-ho, the minister at the embassy in London, who fled": the nearest
    person named before it in the sentence, else the noun the clause hangs on."""
    if head.lower_ not in {"who", "that", "which"}:
        return head
    before = [p for p in people if p.end <= head.i and p.start >= head.sent.start]
    if before:
        return before[-1].root
    clause = head.head
    return clause.head if clause.dep_ == "relcl" else head


def phrase(head: Token) -> Span:
    """The noun phrase around ``head`` without relative clauses or later prepositions."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"appos", "prep", "amod", "compound", "nummod"} and child.left_edge.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "punct" and child.text in {"(", ")"} and child.i == end:
            end = child.i + 1  # "13 North Korean workers (12 female employees and one male manager)"
        else:
            break
    return doc[start:end]


def count_of(who: Span, quantities: list[Span], cues: Cues, trigger: Token) -> tuple[int | None, tuple[int, int] | None]:
    """How many left: a number in the phrase ("13 workers", "a family of four", "the three"),
    "the pair", a single person (1), "with his wife" (2), "with his family" (unknown)."""
    inside = [q for q in quantities if who.start <= q.start and q.end <= who.end
              and q.label_ in {"count", "reference", "size", "rate"}]
    if inside:
        first = inside[0]
        value = first._.quantity["value"]
        count = int(value) if value == int(value) else None
        if count is not None and first.label_ != "rate":
            count += _conjoined(who.root, first)  # "12 waitresses and their manager"
        return count, (first.start, first.end)
    words = [t.lower_ for t in who]
    if any(cues.has("pair_word", w) for w in words):
        return 2, None
    head = who.root
    companions = _companions(trigger)
    if head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"they", "them", "family"}:
        return None, None
    if companions == "family":
        return None, None
    single = 2 if companions == "wife" else 1
    return single, None


def _conjoined(head: Token, number: Span) -> int:
    """People joined to a counted group by "and": one for each singular noun ("and their
    manager"), the number for a counted one ("and two children"); never inside a parenthesis."""
    extra = 0
    for conj in head.children:
        if conj.dep_ != "conj" or conj.pos_ not in {"NOUN", "PROPN"}:
            continue
        numbers = [t for t in conj.children if t.like_num and t.dep_ == "nummod"]
        if numbers:
            value = parse_quantity([numbers[0].text])
            extra += int(value) if value else 0
        elif conj.tag_ in {"NN", "NNP"}:
            extra += 1
    return extra


def _companions(trigger: Token) -> str | None:
    """"with his family" -> "family", "with his wife" -> "wife"."""
    for child in trigger.subtree:
        if child.lower_ == "with" and child.head.i == trigger.i:
            objects = [c.lower_ for c in child.subtree if c.pos_ == "NOUN"]
            if objects and objects[0] in {"family", "families", "children", "relatives"}:
                return "family"
            if objects and objects[0] in {"wife", "husband"} and len(objects) == 1:
                return "wife"
            if objects:
                return "family"
    return None


def in_all(sentence: Span) -> tuple[int, tuple[int, int]] | None:
    """"..., four people in all": the size of a party stated after the event, and where."""
    for token in sentence:
        if token.lower_ == "all" and token.i - sentence.start >= 3 and token.nbor(-1).lower_ == "in":
            number = token.doc[token.i - 3]
            value = parse_quantity([number.text])
            if value is not None and value == int(value):
                return int(value), (number.i, number.i + 1)
    return None


def is_animate(who: Span, people: list[Span], cues: Cues) -> bool:
    """Those who left are people (or their boat): a named person, a pronoun, a person noun
    ("soldier", "workers", "family"), or a number of something ("the four")."""
    root = who.root
    if root.lower_ in _PRONOUNS:
        return True
    if any(who.start <= p.start and p.end <= who.end for p in people):
        return True
    if cues.has("person_noun", root.lower_):
        return True
    counted = any(c.dep_ == "nummod" and c.like_num for c in root.children)
    unit = root.lower_ in {"years", "months", "weeks", "days", "hours", "decades", "times", "percent", "cases"}
    return root.like_num or (counted and not unit and root.morph.get("Number") == ["Plur"])  # "11 North Korean loggers"


def is_definite(who: Span, trigger: Token | None = None) -> bool:
    """"the soldier", "the pair", "they", "both men": someone already introduced (not "The
    soldier who ran across the JSA", whose defection introduces him)."""
    first = who[0].lower_
    introduced = trigger is not None and trigger.dep_ in {"relcl", "acl"} and trigger.head.i == who.root.i
    return (first in _DEFINITE and not introduced) or who.root.lower_ in _PRONOUNS


def is_pronoun(who: Span) -> bool:
    return who.root.lower_ in _PRONOUNS


def pronoun_antecedent(who: Span, people: list[Span], cues: Cues) -> Token | None:
    """Whom "he", "she" or "they" stands for: the subject of the verb that reports it ("a woman
    ... told Daily NK she crossed"), else the last person the sentence before made a subject of
    ("when a 24-year-old defector ... swam back. He had reached South Korea ...")."""
    pronoun = who.root
    verb = pronoun.head
    while verb.dep_ in {"ccomp", "xcomp", "advcl", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        for child in verb.children:
            if child.dep_ in _SUBJECTS and child.i < pronoun.i and _animate_token(child, people, cues):
                return child
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    previous = who.doc[sentence.start - 1].sent
    subjects = [t for t in previous if t.dep_ in _SUBJECTS and _animate_token(t, people, cues)]
    return subjects[-1] if subjects else None


def _animate_token(token: Token, people: list[Span], cues: Cues) -> bool:
    return any(p.start <= token.i < p.end for p in people) or cues.has("person_noun", token.lower_) or token.like_num


def companion(sentence: Span, people: list[Span], clusters: dict) -> str | None:
    """"He was accompanied by Kim Duk-hong": a person who left with the one just told."""
    for token in sentence:
        if token.lemma_.lower() == "accompany":
            agents = [c for c in token.children if c.dep_ == "agent"]
            for agent in agents:
                span = doc_span(agent)
                named = people_in(span, people, clusters)
                if named:
                    return named[0]
    return None


def doc_span(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def people_in(span: Span, people: list[Span], clusters: dict) -> list[str]:
    """Canonical names of the people named inside ``span``."""
    names = []
    for mention in people:
        if span.start <= mention.start and mention.end <= span.end:
            name = clusters.get(mention.kb_id_, {}).get("name", mention.text)
            if name not in names:
                names.append(name)
    return names


def organizations_in(span: Span, organizations: list[Span], clusters: dict) -> list[str]:
    owners = TokenOwners(span.doc, organizations)
    names = []
    for mention in owners.overlapping(span):
        name = clusters.get(mention.kb_id_, {}).get("name", mention.text)
        if name not in names:
            names.append(name)
    return names

"""Who left in one defection and how many: the noun phrase of those who left, its head-count,
the people named in it, and whom a pronoun stands for.

Pure functions over an annotated ``Doc`` (entities, quantities) and the :class:`Cues` of
``event_cues.jsonl``; ``newsfacts_events`` calls them.
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .defections import Cues
from .normalize.numbers import parse_quantity
from .spans import Mentions, TokenOwners, covering, entity_bounds, starting_in

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PRONOUNS = {"he": 1, "she": 1, "him": 1, "her": 1, "his": 1, "they": None, "them": None, "their": None, "who": None,
             "which": None, "that": None}
_UNCOUNTED_COMPANIONS = frozenset({"family", "families", "relatives", "children", "kids", "others", "people"})
_OWNERS = frozenset({"his", "her", "their", "my", "our"})
_NAMING = frozenset({"surnamed", "named", "called"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})
_REPORTING = frozenset({"say", "tell", "add", "report", "note", "confirm", "announce", "explain"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "both"})


def participants(trigger: Token, kind: str, cues: Cues | None = None, people: list[Span] | None = None) -> Token | None:
    """The head of the noun phrase of those who left."""
    if cues is not None and is_mistagged_verb(trigger, cues):
        return _nearest_person_before(trigger, cues)  # "a North Korean man in a wetsuit swam" with "swam" a noun
    if trigger.pos_ == "NOUN" or trigger.tag_ in {"NN", "NNS"}:  # "the defection of X", "X's defection"
        holders = [trigger]
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
            holders.append(trigger.head.head)  # "a series of defections by ranking officials"
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "by"} and child.i > trigger.i - 1:
                    objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
                    if objects and objects[0].i != trigger.i:  # not "the second sea defection of 2023"
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
            return _nearest_subject(subjects, token)
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
        before = list(trigger.sent)[_after_dateline(trigger.sent) : trigger.i - trigger.sent.start]
        for token in reversed(before):
            if token.dep_ in _SUBJECTS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
                return token
        if before and people and _names_someone(before[-1], people):
            return before[-1]  # "On November 13, 2017, Oh drove a military jeep", "Oh" taken for an interjection
    return None


class People(Mentions):
    """The document's person mentions, with the words that name someone read once (a plain list
    works too, its words read at each call: fine for a sentence, quadratic on a long article)."""

    @cached_property
    def words(self) -> frozenset[str]:
        return _naming_words(self)


def _naming_words(people: list[Span]) -> frozenset[str]:
    """Each mention's whole text, first word and last word ("Oh Chong-song", "Oh", "Chong-song")."""
    return frozenset(word for p in people for word in (p.text, p[0].text, p[-1].text))


def _names_someone(token: Token, people: list[Span]) -> bool:
    """A capitalized word, not opening its sentence, that the text uses elsewhere as (part of) a
    person's name ("Oh" after "Oh Chong-song", though tagged an interjection)."""
    if not (token.is_title and token.pos_ not in {"PRON", "DET", "ADP"}) or token.is_sent_start:
        return False
    words = people.words if isinstance(people, People) else _naming_words(people)
    return token.text in words


def is_mistagged_verb(trigger: Token, cues: Cues) -> bool:
    """A past form that is never a noun ("swam", "fled", "crossed") which the tagger read as one."""
    return trigger.pos_ in {"NOUN", "PROPN"} and cues.has("past_form", trigger.lower_)


def _nearest_person_before(trigger: Token, cues: Cues) -> Token | None:
    """The nearest person noun or name before a mistagged verb, in its sentence."""
    for token in reversed(trigger.doc[trigger.sent.start + _after_dateline(trigger.sent) : trigger.i]):
        if token.pos_ in {"NOUN", "PROPN"} and (cues.has("person_noun", token.lower_) or token.ent_type_ == "PERSON"):
            return token
    return None


def _nearest_subject(subjects: list[Token], verb: Token) -> Token:
    """Of several subjects the parser gave one verb, the nearest before it ("Case 2. Ryu
    Sun-hui, 38, ... crossed") that may be a person or a number of them (not "sites" in "nine
    workers who had been posted to logging and construction sites in Russia reached"), unless
    it is an apposition of the one before ("Ri Il-gyu, the counsellor ..., fled": Ri)."""
    subjects = [c for c in subjects if c.lower_ not in _REFLEXIVES] or subjects  # "His mother ... had herself defected"
    before = [c for c in subjects if c.i < verb.i]
    if not before:
        return subjects[0]
    counted = [c for c in before if c.ent_type_ == "PERSON" or c.pos_ in {"PRON", "PROPN"}
               or any(g.dep_ == "nummod" for g in c.children)]
    if counted and counted[-1] is not before[-1] and before[-1].pos_ == "NOUN" and not any(
            g.dep_ in {"det", "poss", "nummod"} for g in before[-1].children):
        before = [c for c in before if c.i <= counted[-1].i]  # a bare noun after a counted one is no subject
    chosen = before[-1]
    if len(before) > 1:
        previous = before[-2]
        comma = previous.right_edge.i + 1
        if comma < chosen.left_edge.i + 1 and verb.doc[comma].text == "," and comma + 1 == chosen.left_edge.i:
            return previous
    return chosen


def _after_dateline(sentence: Span) -> int:
    """How many tokens the sentence starts with before its text, past a dateline ("SOKCHO,
    South Korea, Oct. 24 -- "): a place written there is no subject."""
    for token in sentence[:12]:
        if token.text in {"--", "—", "–"} and token.i > sentence.start:
            return token.i + 1 - sentence.start
    return 0


def antecedent(head: Token, doc: Doc, people: Span | list[Span]) -> Token:
    """"who" in "Thae Yong-ho, the minister at the embassy in London, who fled": the nearest
    person named before it in the sentence, else the noun the clause hangs on."""
    if head.lower_ not in {"who", "that", "which"}:
        return head
    before = [p for p in starting_in(people, head.sent.start, head.i) if p.end <= head.i]
    if before:
        return before[-1].root
    clause = head.head
    return clause.head if clause.dep_ == "relcl" else head


def phrase(head: Token, group: bool = True) -> Span:
    """The noun phrase around ``head`` without relative clauses or later prepositions; an
    apposition after a comma belongs to it ("His elder brother, Chang Sung-ho, a trade official
    ..."), and so do people joined to it by "and" ("Ryu Sun-hui, 38, and her two daughters",
    "Hwang, then 73, and Kim") unless each is one of a list of defectors (``group`` False)."""
    members = coordinated(head) if group else [head]
    if len(members) > 1:
        return head.doc[min(m.left_edge.i for m in members) : max(_own_phrase(m).end for m in members)]
    return _own_phrase(head)


def _own_phrase(head: Token) -> Span:
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    rights = list(head.rights)
    for index, child in enumerate(rights):
        following = rights[index + 1] if index + 1 < len(rights) else None
        if child.dep_ == "appos" and child.left_edge.i == end and child.pos_ != "PRON":
            bracketed = end > 0 and doc[end - 1].text == "("  # "(12 female employees and one male manager)"
            end = child.right_edge.i + 1 if bracketed else _own_phrase(child).end  # not a list that follows it
        elif child.dep_ in {"prep", "amod", "compound", "nummod"} and child.left_edge.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "acl" and child.lower_ in _NAMING and child.left_edge.i == end:
            end = child.right_edge.i + 1  # "a man in his fifties surnamed Kang"
        elif child.dep_ == "punct" and child.text in {"(", ")"} and child.i == end:
            end = child.i + 1  # "13 North Korean workers (12 female employees and one male manager)"
        elif child.dep_ == "punct" and child.text == "," and child.i == end and following is not None \
                and following.dep_ == "appos" and following.pos_ != "PRON" and following.left_edge.i == end + 1:
            end = child.i + 1  # "His elder brother, Chang Sung-ho, ..."
        else:
            break
    if head.ent_type_ == "PERSON":  # a name the parser split ("Kang Min-chol" as three subjects)
        name_start, name_end = entity_bounds(head)  # not doc.ents: rebuilt from the whole doc at each call
        start, end = min(start, name_start), max(end, name_end)
    return doc[start:end]


def coordinated(head: Token) -> list[Token]:
    """The people joined by "and" in one subject, in order: ``head`` and its conjuncts ("12
    waitresses and their manager"), or two subjects the parser split ("Hwang, then 73, and Kim
    shook off their minders")."""
    members = [head]
    joined_by_and = [c.i for c in head.children if c.dep_ == "cc" and c.lower_ in {"and", "&"}]
    if joined_by_and:  # "nine North Koreans, women and children among them": a description, no more people
        members += [c for c in head.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "NUM"}
                    and c.i > joined_by_and[0]]
        after = head.right_edge.i + 1  # "the flight of 12 waitresses and their manager", "manager" hung on "flight"
        for above in [head.head, head.head.head] if head.dep_ == "pobj" else []:
            members += [c for c in above.children if c.dep_ == "conj" and c.left_edge.i == after
                        and c.pos_ in {"NOUN", "PROPN"}]
    if head.dep_ in _SUBJECTS:
        for sibling in head.head.children:
            if sibling.dep_ not in _SUBJECTS or sibling.i == head.i:
                continue
            first, second = (sibling, head) if sibling.i < head.i else (head, sibling)
            joined = first.right_edge.i + 1 == second.left_edge.i
            if joined and any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
                members.append(sibling)
    return sorted(set(members), key=lambda t: t.i)


def count_of(who: Span, quantities: list[Span], cues: Cues, trigger: Token, people: list[Span] | None = None,
             head: Token | None = None, group: bool = True) -> tuple[int | None, tuple[int, int] | None]:
    """How many left: a number in the phrase ("13 workers", "a family of four", "the three"),
    "the pair", a named or single person (1), each of several joined by "and" ("Ryu Sun-hui and
    her two daughters": 3), with the companions the text counts ("with his wife": 2, "with his
    wife and teenage son": 3; "with his family", "with his wife and children": unknown). One of a
    list of defectors (``group`` False) is counted alone."""
    people = people or []
    members = coordinated(head if head is not None else who.root) if group else [who.root]
    if len(members) > 1:
        counts = [_member_count(m, quantities, cues, people) for m in members]
        first = _quantity_in(who, quantities)
        span = (first.start, first.end) if first is not None else None
        return (None, span) if any(c is None for c in counts) else (sum(counts), span)
    first = _quantity_in(who, quantities)
    if first is not None:
        value = first._.quantity["value"]
        count = int(value) if value == int(value) else None
        return count, (first.start, first.end)
    words = [t.lower_ for t in who]
    if any(cues.has("pair_word", w) for w in words):
        return 2, None
    head = who.root
    named = _named(head, people)
    if (head.tag_ in {"NNS", "NNPS"} and not named) or head.lower_ in {"they", "them", "family"}:
        return None, None
    companions = companion_count(trigger, cues)
    return (None, None) if companions is None else (1 + companions, None)


def _quantity_in(span: Span, quantities: list[Span]) -> Span | None:
    """The first number of ``span``: a quantity that ends inside it (one that starts on a dash
    just before it, "-- Four North Koreans" after a dateline, is still its number)."""
    inside = [q for q in starting_in(quantities, span.start - 1, span.end) if span.start < q.end <= span.end
              and q.label_ in {"count", "reference", "size", "rate"}]
    return inside[0] if inside else None


def _named(token: Token, people: list[Span]) -> bool:
    return covering(people, token.i) or token.ent_type_ == "PERSON"


def _member_count(member: Token, quantities: list[Span], cues: Cues, people: list[Span]) -> int | None:
    """One member of a coordinated group: its number ("her two daughters": 2), a pair, one named
    or singular person, or unknown (a plural without a number)."""
    number = _quantity_in(_own_phrase(member), quantities)
    if number is not None:
        value = number._.quantity["value"]
        return int(value) if value == int(value) else None
    if cues.has("pair_word", member.lower_):
        return 2
    if _named(member, people) or member.tag_ in {"NN", "NNP"}:
        return 1
    return None


def companion_count(trigger: Token, cues: Cues) -> int | None:
    """How many people left with the one who did: 0 when the text names none; "with his wife"
    1, "with his wife and teenage son" 2, "with her two daughters" 2; None when it does not
    count them ("with his family", "with his wife and children"). Only those named as the
    leaver's own ("his aide") or kin count: "set out with a broker" adds nobody."""
    for verb in _sharing_subject(trigger):
        for child in verb.children:
            preposition = child if child.lower_ == "with" else next(
                (c for c in child.children if c.lower_ == "with"), None) if child.lower_ == "together" else None
            if preposition is None or child.dep_ not in {"prep", "advmod"}:
                continue
            objects = [c for c in preposition.children if c.dep_ == "pobj"]
            if objects:
                return _companions_in(objects[0], cues)
    return 0


def _sharing_subject(trigger: Token) -> list[Token]:
    """The trigger and the verbs joined to it that have no subject of their own ("vanished in
    France ... and was likewise admitted ... together with his own family")."""
    verbs = [trigger]
    verbs += [c for c in trigger.children if c.dep_ == "conj" and not any(g.dep_ in _SUBJECTS for g in c.children)]
    if trigger.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in trigger.children):
        verbs.append(trigger.head)
    return verbs


def _companions_in(first: Token, cues: Cues) -> int | None:
    listed = [first]
    for noun in listed:  # "his wife and teenage son", "his wife, son and daughter"
        listed += [c for c in noun.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    total = 0
    for noun in listed:
        numbers = [c for c in noun.children if c.dep_ == "nummod" and c.like_num]
        if noun.lower_ in _UNCOUNTED_COMPANIONS and not numbers:
            return None  # "with his family": how many is not said
        if numbers:
            value = parse_quantity([numbers[0].text])
            if value is None:
                return None
            total += int(value)
        elif noun.tag_ in {"NNS", "NNPS"}:
            return None
        elif cues.has("kin", noun.lower_) or any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in noun.children) \
                or (noun.dep_ == "conj" and total > 0):
            total += 1  # "his wife", "his aide", "and teenage son"
    return total


def in_all(sentence: Span) -> tuple[int, tuple[int, int]] | None:
    """"..., four people in all": the size of a party stated after the event, and where."""
    for token in sentence:
        if token.lower_ == "all" and token.i - sentence.start >= 3 and token.nbor(-1).lower_ == "in":
            number = token.doc[token.i - 3]
            value = parse_quantity([number.text])
            if value is not None and value == int(value):
                return int(value), (number.i, number.i + 1)
    return None


def is_animate(who: Span, people: list[Span], cues: Cues, trigger: Token | None = None) -> bool:
    """Those who left are people (or their boat): a named person, a pronoun, a person noun
    ("soldier", "workers", "family") or one in apposition ("One interviewee, a former worker at
    a textile mill, crossed"), someone of an age ("a carpenter in his 40s"), someone whose own
    place they left ("left his dormitory"), or a number of something ("the four")."""
    root = who.root
    if root.lower_ in _PRONOUNS:
        return True
    if any(p.end <= who.end for p in starting_in(people, who.start, who.end)) or any(_names_someone(t, people) for t in who):
        return True
    if cues.has("person_noun", root.lower_):
        return True
    if any(t.dep_ == "appos" and t.head.i == root.i and cues.has("person_noun", t.lower_) for t in who):
        return True
    if root.tag_ == "NN" and (_has_an_age(root) or (trigger is not None and _leaves_own_place(trigger))):
        return True
    counted = any(c.dep_ == "nummod" and c.like_num for c in root.children)
    unit = root.lower_ in {"years", "months", "weeks", "days", "hours", "decades", "times", "percent", "cases"}
    return root.like_num or (counted and not unit and root.morph.get("Number") == ["Plur"])  # "11 North Korean loggers"


def _has_an_age(noun: Token) -> bool:
    """"a carpenter in his 40s", "a man, 38,": only a person has an age."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            if any(t.lower_ in {"his", "her"} for t in child.subtree) and any(t.like_num or t.lower_.endswith("s") and
                                                                               t.text[:1].isdigit() for t in child.subtree):
                return True
    return False


def _leaves_own_place(trigger: Token) -> bool:
    """"left his dormitory", "fled her post": the place left is the leaver's own, so the leaver
    is a person."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "out"}
                for g in c.subtree if g.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for o in objects for c in o.children)


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
    told = [t for t in subjects if t.head.lemma_.lower() not in _REPORTING]  # not "..., a government official said"
    return (told or subjects)[-1] if subjects else None


def _animate_token(token: Token, people: list[Span], cues: Cues) -> bool:
    return covering(people, token.i) or cues.has("person_noun", token.lower_) or token.like_num


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
    """Canonical names of the people named inside ``span``, in order; a proper noun the
    entities missed here but found elsewhere as a person's name or the first or last word of
    one ("Hwang, then 73, and Kim"; "Pak" after "Pak Song-chol") is that person."""
    found: list[tuple[int, str]] = []
    for mention in starting_in(people, span.start, span.end):
        if mention.end <= span.end:
            found.append((mention.start, clusters.get(mention.kb_id_, {}).get("name", mention.text)))
    for token in span:
        if not covering(people, token.i) and _names_someone(token, people):
            named = [p for p in people if token.text in {p.text, p[0].text, p[-1].text}]  # "Pak" for "Pak Song-chol"
            before = [p for p in named if p.start < token.i]
            same = before[-1] if before else (named[0] if named else None)  # the latest named before it
            if same is not None:
                found.append((token.i, clusters.get(same.kb_id_, {}).get("name", same.text)))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def companion_names(trigger: Token, people: list[Span], clusters: dict) -> list[str]:
    """People named among those who left with the leader ("fled ... together with his wife,
    Choi Soo-bong")."""
    names: list[str] = []
    for verb in _sharing_subject(trigger):
        for child in verb.children:
            preposition = child if child.lower_ == "with" else next(
                (c for c in child.children if c.lower_ == "with"), None) if child.lower_ == "together" else None
            if preposition is not None and child.dep_ in {"prep", "advmod"}:
                names += people_in(doc_span(preposition), people, clusters)
    return names


def ranked_person(noun: Token, people: list[Span]) -> Token | None:
    """Whom a superlative is said of: the subject of "Ko ... became one of the first diplomats
    to seek refuge", the person in "making him one of the most senior diplomats ever to
    defect"; None for a rank of nobody in particular ("the highest-ranking diplomat to defect
    since 2016")."""
    candidates: list[Token] = []
    if noun.dep_ in {"attr", "oprd", "acomp"}:
        candidates += [c for c in noun.head.children if c.dep_ in _SUBJECTS]
    if noun.dep_ == "appos":
        candidates.append(noun.head)
    candidates += [t for t in noun.subtree if t.i < noun.i and t.dep_ in _SUBJECTS]
    for candidate in candidates:
        if candidate.lower_ in _PRONOUNS or _named(candidate, people):
            return candidate
    return None


def organizations_in(span: Span, organizations: list[Span], clusters: dict) -> list[str]:
    owners = TokenOwners(span.doc, organizations)
    names = []
    for mention in owners.overlapping(span):
        name = clusters.get(mention.kb_id_, {}).get("name", mention.text)
        if name not in names:
            names.append(name)
    return names

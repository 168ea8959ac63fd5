"""``newsfacts_special_cases``: tokenizer exceptions that news about Korea needs, kept in config.

English tokenizer exceptions read "Im" as "I'm" and split it in two; in this news it is a
Korean surname ("Im Ji-hyun"). The cases live in the component's config, so they travel with a
saved pipeline's ``config.cfg`` and apply to any pipeline the component is added to. They are
applied to ``nlp.tokenizer`` when the component is created: tokenization happens before any
component runs, so the component itself does nothing to a ``Doc``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

class SpecialCases:
    def __init__(self, special_cases: dict[str, list[dict[str, str]]]) -> None:
        self.special_cases = special_cases

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory(
    "newsfacts_special_cases",
    assigns=[],
    default_config={"special_cases": {"Im": [{"ORTH": "Im"}]}},
)
def make_special_cases(
    nlp: Language, name: str, special_cases: dict[str, list[dict[str, str]]]
) -> SpecialCases:
    """Add ``special_cases`` (text -> token attributes, as ``Tokenizer.add_special_case``)."""
    for text, tokens in special_cases.items():
        nlp.tokenizer.add_special_case(text, tokens)
    return SpecialCases(special_cases)

"""``newsfacts_tokenizer``: tokenizer rules that news about Korea needs, kept in config.

- ``special_cases``: English tokenizer exceptions read "Im" as "I'm" and split it in two; in
  this news it is a Korean surname ("Im Ji-hyun").
- ``extra_infixes``: citation marks glued to a word or a figure ("University[12]",
  "2,914.[3]") are split off, so that neither the name nor the figure carries the mark.
- ``extra_suffixes``: superscript note numbers ("about 60.²", "women.³") likewise.

The rules live in the component's config, so they travel with a saved pipeline's
``config.cfg`` and apply to any pipeline the component is added to. They are applied to
``nlp.tokenizer`` when the component is created: tokenization happens before any component
runs, so the component itself does nothing to a ``Doc``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

CITATION_INFIXES = [
    r"(?<=[\w.,;:)%])\[(?=\w{1,3}\])",  # "University[12]"
    r"(?<=[\w.,;:)%])\[(?=\d{1,3}$)",  # "1,047[3" once the closing bracket is split off
    r"(?<=[\w%])\.(?=\[\d)",  # "2,914.[3]", "book.[8]"
    r"(?<=\w)[,;:](?=\[\w{1,3}(\]|$))",  # "in 2001,[3] first": the comma is no part of the year
    r"(?<=[a-z]{3})\.(?=\d{1,2}$)",  # "valid for six months.4": a note number after a sentence
    r"(?<=\d)%(?=[.,;:]?\[)",  # "44.5%.[7]": the per cent sign stays its own token
]


NOTE_SUFFIXES = [r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+"]


class TokenizerRules:
    def __init__(self, special_cases: dict[str, list[dict[str, str]]], extra_infixes: list[str],
                 extra_suffixes: list[str]) -> None:
        self.special_cases = special_cases
        self.extra_infixes = extra_infixes
        self.extra_suffixes = extra_suffixes

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory(
    "newsfacts_tokenizer",
    assigns=[],
    default_config={"special_cases": {"Im": [{"ORTH": "Im"}]}, "extra_infixes": CITATION_INFIXES,
                    "extra_suffixes": NOTE_SUFFIXES},
)
def make_tokenizer_rules(
    nlp: Language, name: str, special_cases: dict[str, list[dict[str, str]]], extra_infixes: list[str],
    extra_suffixes: list[str],
) -> TokenizerRules:
    """Add ``special_cases`` (text -> token attributes, as ``Tokenizer.add_special_case``),
    ``extra_infixes`` and ``extra_suffixes`` (regular expressions) to ``nlp.tokenizer``."""
    for text, tokens in special_cases.items():
        nlp.tokenizer.add_special_case(text, tokens)
    if extra_infixes:
        infixes = list(nlp.Defaults.infixes or [])
        new = [pattern for pattern in extra_infixes if pattern not in infixes]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes + new).finditer
    if extra_suffixes:
        suffixes = list(nlp.Defaults.suffixes or [])
        new_suffixes = [pattern for pattern in extra_suffixes if pattern not in suffixes]
        nlp.tokenizer.suffix_search = compile_suffix_regex(new_suffixes + suffixes).search
    return TokenizerRules(special_cases, extra_infixes, extra_suffixes)

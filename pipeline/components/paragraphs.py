"""``newsfacts_paragraphs``: a line break always ends a sentence.

News text puts the headline and each paragraph on its own line; the small parser happily runs a
headline into the first sentence ("... last year\\n\\nLast year, ..."), which would merge the facts
of two sentences. Runs before the parser, which respects boundaries already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc


class ParagraphBoundaries:
    def __call__(self, doc: Doc) -> Doc:
        starts = [token.i + 1 for token in doc[:-1]
                  if (token.is_space and "\n" in token.text) or "\n" in token.whitespace_]
        if not starts or doc.has_annotation("DEP"):
            for i in starts:  # after a parser (rare): the setter's own checks apply
                doc[i].is_sent_start = True
            return doc
        # One array write, not one setter call per line: each call rescans the whole doc.
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], values)
        return doc


@Language.factory(
    "newsfacts_paragraphs",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_paragraphs(nlp: Language, name: str) -> ParagraphBoundaries:
    return ParagraphBoundaries()

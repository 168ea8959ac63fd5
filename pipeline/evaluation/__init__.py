"""Score extracted facts against hand-written expected facts (``corpus/NAME.expected.json``)."""

from .expected import ExpectedArticle, load_expected
from .scoring import CorpusScore, KindScore, match_records, score_corpus

__all__ = ["CorpusScore", "ExpectedArticle", "KindScore", "load_expected", "match_records", "score_corpus"]

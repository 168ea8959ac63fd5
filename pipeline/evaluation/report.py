"""Plain-text rendering of a :class:`CorpusScore`: readable in a terminal and in CI logs."""

from __future__ import annotations

from .scoring import CorpusScore


def render_table(score: CorpusScore) -> str:
    lines = [f"{'kind':<16} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}  field agreement"]
    for kind, s in score.kinds.items():
        fields = ", ".join(f"{name} {_ratio(s.field_agreement(name))}" for name in s.fields if s.fields[name][1])
        lines.append(
            f"{kind:<16} {_ratio(s.precision):>9} {_ratio(s.recall):>7} {s.f1:>6.3f} "
            f"{s.true_positives:>5} {s.false_positives:>5} {s.false_negatives:>5}  {fields}".rstrip()
        )
    lines.append(f"published dates correct: {score.published_correct} of {len(score.articles)}")
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_details(score: CorpusScore) -> str:
    """Each missed and each false fact, per article."""
    lines: list[str] = []
    for article in score.articles:
        if not (article.missed or article.false or article.published_found != article.published_expected):
            continue
        lines.append(f"== {article.article_id}")
        if article.published_found != article.published_expected:
            lines.append(f"  published: expected {article.published_expected}, found {article.published_found}")
        for label, table in (("missed", article.missed), ("false", article.false)):
            for kind, items in table.items():
                for item in items:
                    lines.append(f"  {label:<6} {kind:<16} {item}")
    if score.unmatched_records:
        lines.append(f"({len(score.unmatched_records)} records have no expected facts in this folder: not scored)")
    for article_id in score.missing_records:
        lines.append(f"(no extracted record for {article_id})")
    return "\n".join(lines)

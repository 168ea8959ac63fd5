"""The evaluation as text, top-down: the verdict, one summary table per set, then the details.

Read in a terminal and in CI logs: the first line says PASS or FAIL and why, the summary fits a
screen, and each miss or false fact comes with the sentence it was read from (or the expected
file's quote) and the rule that produced it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..kinds import KINDS
from .details import ArticleDetails, Details
from .gate import Check, Evaluation, SetResult
from .scoring import FIELDS, Finding

SENTENCE_WIDTH = 160


def render_report(evaluation: Evaluation, details: Details | None) -> str:
    """The whole report; ``details`` None for the summary alone."""
    parts = [render_verdict(evaluation), *(render_set(result) for result in evaluation.sets)]
    if details is not None:
        parts.append(render_details(details))
    return "\n\n".join(parts)


def render_verdict(evaluation: Evaluation) -> str:
    sets = ", ".join(result.name for result in evaluation.sets)
    articles = max((len(result.score.articles) for result in evaluation.sets), default=0)
    failures = evaluation.failures()
    if len(failures) == 1:
        return f"FAIL: {failures[0]}"
    if failures:
        return "\n".join([f"FAIL: {len(failures)} reasons", *(f"  - {reason}" for reason in failures)])
    if not evaluation.gated:
        return f"SCORED, NOT GATED: no --thresholds given (sets: {sets}; {articles} articles)"
    return f"PASS: all {evaluation.checks_gated()} thresholds met (sets: {sets}; {articles} articles)"


def render_set(result: SetResult) -> str:
    score = result.score
    lines = [
        f"== {result.name}: {len(score.articles)} articles ({result.scored.describe()})",
        f"  {'kind':<16}{'precision':>9}{'recall':>8}{'f1':>7}  {'min':<10}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for kind in KINDS:
        s, check = score.kinds[kind], result.checks[f"f1.{kind}"]
        lines.append(
            f"  {kind:<16}{_ratio(s.precision):>9}{_ratio(s.recall):>8}{_ratio(check.value):>7}  {_minimum(check):<10}"
            f"{s.true_positives:>6}{s.false_positives:>6}{s.false_negatives:>6}"
        )
    published = result.checks["published"]
    lines.append(f"  {'published year':<16}{published.detail + ' right':>24}{_ratio(published.value):>7}  {_minimum(published)}")
    lines.append("  field agreement on matched facts (min):")
    for kind, names in FIELDS.items():
        fields = "  ".join(_field(name, result.checks[f"fields.{kind}.{name}"]) for name in names)
        lines.append(f"    {kind:<14} {fields}")
    lines += [f"  note: {note}" for note in result.notes]
    return "\n".join(lines)


def _minimum(check: Check) -> str:
    if not check.gated:
        return "not gated"
    return f"{_threshold(check.minimum)} {'ok' if check.passed else 'FAIL'}"


def _threshold(value: float) -> str:
    """Two decimals, or three when the file says three: never rounded up past the figure."""
    return f"{value:.2f}" if round(value, 2) == value else f"{value:.3f}"


def _field(name: str, check: Check) -> str:
    return f"{name} {_ratio(check.value)} ({_minimum(check)})"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_details(details: Details) -> str:
    """Misses, false facts and wrong fields grouped by kind, then article; then wrong years."""
    shown = [entry for entry in details.articles if entry.shown]
    lines = [_details_heading(details, shown)]
    by_kind: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for entry in shown:
        for finding in entry.findings:
            by_kind[finding.kind][entry.article_id].append(finding)
    for kind in KINDS:
        if kind in by_kind:
            lines += ["", _kind_heading(kind, by_kind[kind])]
            for article_id, findings in by_kind[kind].items():
                lines.append(f"  {article_id}")
                lines += [line for finding in findings for line in _finding(finding)]
    years = [entry for entry in shown if entry.published_wrong]
    if years:
        lines += ["", f"published year: {len(years)} wrong"]
        lines += [_published(entry) for entry in years]
    return "\n".join(lines)


def _details_heading(details: Details, shown: list[ArticleDetails]) -> str:
    if details.view.articles and not (details.articles or details.hidden):
        return f"Details: no article id is or contains {' or '.join(map(repr, details.view.articles))}"
    if details.view.errors_only:
        heading = f"Details of missed thresholds only (--errors-only): {len(shown)} articles"
        if not shown:
            heading = "Details of missed thresholds only (--errors-only): none missed, nothing to show"
    else:
        heading = f"Details: {len(shown)} of {len(details.articles)} articles with something wrong"
    if details.hidden:
        heading += f"; {len(details.hidden)} held-out articles hidden (--show-heldout shows them)"
    return heading


def _kind_heading(kind: str, articles: dict[str, list[Finding]]) -> str:
    counts = defaultdict(int)
    for findings in articles.values():
        for finding in findings:
            counts[finding.what] += 1
    parts = [f"{counts[what]} {label}" for what, label in (("missed", "missed"), ("false", "false"), ("field", "wrong fields"))
             if counts[what]]  # fmt: skip
    return f"{kind}: {', '.join(parts)} in {len(articles)} articles"


def _finding(finding: Finding) -> list[str]:
    fact = finding.fact
    if finding.what == "field":
        fact += f": {finding.field} found {_value(finding.found)}, expected {_value(finding.expected)}"
    head = f"    {finding.what:<7} {fact}"
    if finding.rule:
        head += f"   [rule {finding.rule}]"
    if finding.sentence:
        return [head, f"            sentence: {clip(finding.sentence, finding.evidence)}"]
    if finding.evidence:
        return [head, f"            quote: \"{clip(finding.evidence, None)}\""]
    return [head]


def _value(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _published(entry: ArticleDetails) -> str:
    score = entry.score
    found = "nothing" if score.published_found is None else f"{score.published_found} ({score.published_source})"
    return f"  {entry.article_id}: expected {score.published_expected}, found {found}"


def clip(text: str, focus: str | None, width: int = SENTENCE_WIDTH) -> str:
    """``text`` on one line, cut to ``width`` characters around ``focus`` when it is longer."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= width:
        return text
    at = text.find(re.sub(r"\s+", " ", focus).strip()) if focus else -1
    start = 0 if at < 0 else max(0, min(at - width // 3, len(text) - width))
    cut = text[start : start + width]
    return ("..." if start else "") + cut + ("..." if start + width < len(text) else "")

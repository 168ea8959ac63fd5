from pipeline.components.paragraphs import ParagraphBoundaries


def test_a_headline_never_runs_into_the_first_sentence(blank_nlp):
    doc = ParagraphBoundaries()(blank_nlp.make_doc("1417 defectors entered South Korea last year\n\nLast year, rose."))
    assert doc[[t.text for t in doc].index("Last")].is_sent_start


def test_a_single_line_break_starts_a_sentence_too(blank_nlp):
    doc = ParagraphBoundaries()(blank_nlp.make_doc("First line\nSecond line"))
    second = [t for t in doc if t.text == "Second"][0]
    assert second.is_sent_start


def test_words_within_a_line_are_left_to_the_parser(blank_nlp):
    doc = ParagraphBoundaries()(blank_nlp.make_doc("One sentence. Another one."))
    assert all(token.is_sent_start is None for token in doc[1:])

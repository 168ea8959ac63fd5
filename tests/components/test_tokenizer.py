import spacy


def test_special_cases_from_config_reach_the_tokenizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_tokenizer", config={"special_cases": {"Im": [{"ORTH": "Im"}], "Ri": [{"ORTH": "Ri"}]}})
    assert [t.text for t in nlp("Im Ji-hyun met Ri")] == ["Im", "Ji", "-", "hyun", "met", "Ri"]


def test_citation_marks_come_off_names_and_figures():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_tokenizer")
    assert [t.text for t in nlp("Seoul National University[12] counted 2,914.[3]")] == [
        "Seoul", "National", "University", "[", "12", "]", "counted", "2,914", ".", "[", "3", "]"]


def test_the_component_leaves_docs_as_they_are():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("newsfacts_tokenizer")
    doc = nlp.make_doc("Im here")
    assert component(doc) is doc


def test_note_marks_after_punctuation_and_per_cent_signs_come_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_tokenizer")
    assert [t.text for t in nlp("in 2001,[3] a fall of 44.5%.[7] and 6.5%[2] in a book.[8]")] == [
        "in", "2001", ",", "[", "3", "]", "a", "fall", "of", "44.5", "%", ".", "[", "7", "]",
        "and", "6.5", "%", "[", "2", "]", "in", "a", "book", ".", "[", "8", "]"]


def test_superscript_and_glued_note_numbers_come_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_tokenizer")
    assert [t.text for t in nlp("about 60.² women.³ for six months.4 Then")] == [
        "about", "60", ".", "²", "women", ".", "³", "for", "six", "months", ".", "4", "Then"]

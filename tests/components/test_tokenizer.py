import spacy


def test_special_cases_from_config_reach_the_tokenizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("newsfacts_special_cases", config={"special_cases": {"Im": [{"ORTH": "Im"}], "Ri": [{"ORTH": "Ri"}]}})
    assert [t.text for t in nlp("Im Ji-hyun met Ri")] == ["Im", "Ji", "-", "hyun", "met", "Ri"]


def test_the_component_leaves_docs_as_they_are():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("newsfacts_special_cases")
    doc = nlp.make_doc("Im here")
    assert component(doc) is doc

from pipeline.frontmatter import split_front_matter


def test_without_front_matter_the_whole_text_is_the_body():
    split = split_front_matter("Title\n\nBody")
    assert split == split.__class__(meta={}, body="Title\n\nBody", error=None)


def test_front_matter_values_become_strings_and_the_body_follows_the_closing_line():
    split = split_front_matter("---\nid: a1\npublished: 2017-01-10\nyear: 2017\n---\nBody text\n")
    assert split.meta == {"id": "a1", "published": "2017-01-10", "year": "2017"}
    assert split.body == "Body text\n"
    assert split.error is None


def test_malformed_yaml_is_reported_and_the_body_kept():
    split = split_front_matter("---\ntitle: [unclosed\n---\nBody")
    assert split.error and "not valid YAML" in split.error
    assert split.body == "Body"


def test_a_list_instead_of_pairs_is_reported():
    split = split_front_matter("---\n- a\n- b\n---\nBody")
    assert split.error == "front matter must be 'key: value' pairs"


def test_an_unclosed_block_keeps_everything_as_body():
    text = "---\ntitle: x\nBody without a closing line"
    split = split_front_matter(text)
    assert split.body == text
    assert "never closed" in split.error


def test_a_colon_inside_a_plain_title_is_read_as_the_writer_meant():
    split = split_front_matter("---\ntitle: Defector lawmakers: Thae loses\npublished: 2024-04-12\n---\nBody")
    assert (split.meta, split.error) == ({"title": "Defector lawmakers: Thae loses", "published": "2024-04-12"}, None)


def test_a_colon_in_a_value_does_not_excuse_a_broken_line_elsewhere():
    split = split_front_matter("---\ntitle: A: B\njust words\n---\nBody")
    assert split.error and "not valid YAML" in split.error


def test_a_date_that_does_not_exist_stays_text_for_the_date_check():
    split = split_front_matter("---\npublished: 2017-02-30\n---\nBody")
    assert (split.meta, split.error) == ({"published": "2017-02-30"}, None)


def test_deeply_nested_yaml_is_reported_not_raised():
    split = split_front_matter("---\nkey: " + "[" * 5000 + "\n---\nBody")
    assert split.error == "front matter is nested too deeply to read"
    assert split.body == "Body"


def test_the_body_offset_counts_the_characters_before_the_body():
    text = "---\nid: a1\n---\nBody text\n"
    split = split_front_matter(text)
    assert (split.body_offset, text[split.body_offset :]) == (15, split.body)


def test_without_front_matter_or_with_an_unclosed_block_the_body_offset_is_0():
    assert split_front_matter("Title\n\nBody").body_offset == 0
    assert split_front_matter("---\ntitle: x\nBody without a closing line").body_offset == 0

import pytest

from pipeline.normalize.names import (
    expands_acronym,
    fold_romanization,
    inverted_forms,
    is_acronym,
    looks_like_korean_name,
    person_key,
    surface_key,
)

SURNAMES = {"Kim", "Jang", "Thae", "Ri", "Choe", "Oh", "Lee", "Park", "Hyon"}

KOREAN_NAMES = ["Jang Song Thaek", "Kim Jong Un", "Kim Jong-un", "Thae Yong-ho", "Choe Son Hui",
                "Oh Chong-song", "Lee Guk-jong", "Ri Son Gwon", "Park Geun-hye", "Hyon Song Wol"]
NOT_KOREAN_NAMES = ["Kim Il Sung University", "Office 39", "Kim", "Kim Smith", "Donald Trump",
                    "Park Avenue", "Thae Yong Ho Street", "kim jong un", "Ministry of Unification"]


@pytest.mark.parametrize("name", KOREAN_NAMES)
def test_korean_personal_names_are_recognised_by_shape(name):
    assert looks_like_korean_name(name.split(), SURNAMES)


@pytest.mark.parametrize("name", NOT_KOREAN_NAMES)
def test_other_names_are_not_korean_personal_names(name):
    assert not looks_like_korean_name(name.split(), SURNAMES)


@pytest.mark.parametrize(
    ("a", "b"),
    [("the Ministry of Unification", "Ministry of Unification"), ("NIS’s", "NIS"),
     ("U.N.", "UN"), ("Thae Yong-ho", "thae yong ho"), ("The Unification Ministry's", "unification ministry")],
)
def test_surface_keys_ignore_case_articles_possessives_dots_and_hyphens(a, b):
    assert surface_key(a) == surface_key(b)


def test_person_keys_join_given_name_syllables():
    assert person_key(["Thae", "Yong-ho"]) == person_key(["Thae", "Yong", "Ho"]) == person_key(["Thae", "Yongho"])
    assert person_key(["Kim", "Jong", "Un"]) != person_key(["Kim", "Yo", "Jong"])


@pytest.mark.parametrize(
    ("acronym", "name"),
    [("NIS", "National Intelligence Service"), ("MOU", "Ministry of Unification"),
     ("WPK", "Workers' Party of Korea"), ("UNHCR", "United Nations High Commissioner for Refugees"),
     ("KHF", "Korea Hana Foundation"), ("U.N.", "United Nations")],
)
def test_acronyms_expand_to_initials(acronym, name):
    assert expands_acronym(acronym, name.split())


@pytest.mark.parametrize(("acronym", "name"), [("NIS", "National Security Service"), ("KPA", "Korean Workers' Party")])
def test_acronyms_do_not_expand_to_other_names(acronym, name):
    assert not expands_acronym(acronym, name.split())


@pytest.mark.parametrize(("text", "expected"), [("NIS", True), ("U.N.", True), ("UNHCR", True), ("Nis", False),
                                                ("A", False), ("KOREANS", False), ("39", False)])
def test_acronym_shape(text, expected):
    assert is_acronym(text) is expected


def test_organization_names_invert_around_their_head_word():
    heads = {"ministry", "agency"}
    assert inverted_forms(["Unification", "Ministry"], heads) == ["Ministry of Unification"]
    assert inverted_forms(["Ministry", "of", "Unification"], heads) == ["Unification Ministry"]
    assert inverted_forms(["Daily", "NK"], heads) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Guk-jong", "Cook-jong"), ("Hyun-woo", "Hyon-woo"), ("Il-gyu", "Il Kyu"), ("Chong-song", "Chung-sung"),
     ("Jong Un", "Jong-eun"), ("Yong-ho", "Yong Ho"), ("Son Hui", "Son-hui"), ("Hyun-woo", "Hyon U"),
     ("Dong-woon", "Tong Un")],
)
def test_romanizations_of_one_given_name_fold_together(a, b):
    assert fold_romanization(a) == fold_romanization(b)


@pytest.mark.parametrize(("a", "b"), [("Jong Un", "Yo Jong"), ("Jong Il", "Jong Un"), ("Yong-ho", "Yong-chol"), ("Hyun-woo", "Hyun-wan")])
def test_different_given_names_stay_apart(a, b):
    assert fold_romanization(a) != fold_romanization(b)

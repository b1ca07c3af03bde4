from desk.names import anonymous_label, full_name, private_name, shown_name


def test_names_for_shared_and_private_screens() -> None:
    assert full_name("María", "Pérez") == "María Pérez"
    assert full_name("Robert", "Kelly", "Bobby") == "Bobby Kelly"
    assert private_name("María", "Pérez") == "María P."
    assert private_name("Łukasz", "Łoś") == "Łukasz Ł."
    assert private_name("J.D.", None) == "J.D."
    assert shown_name("Seán", "O'Brien", None, private=True) == "Seán O."
    assert shown_name("Seán", "O'Brien", None, private=False) == "Seán O'Brien"
    assert anonymous_label("A.R.") == "Anonymous (A.R.)" and anonymous_label(None) == "Anonymous"

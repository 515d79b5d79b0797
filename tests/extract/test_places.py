"""Place disambiguation on the blank pipeline (gazetteer + context only)."""

from __future__ import annotations

from banwatch.extract.gazetteer import load_gazetteer
from banwatch.extract.places import PlaceContext, resolve


def _resolve(nlp, text: str, name: str, ctx: PlaceContext | None = None):
    doc = nlp(text)
    span = next(e for e in doc.ents if e.text == name)
    gaz = load_gazetteer()
    ctx = ctx or PlaceContext(state_mentions=gaz.find_states(text))
    return resolve(span, gaz, ctx, span.start_char, (0, len(text)))


def test_explicit_qualifiers(blank_nlp) -> None:
    assert [
        p.region for p in _resolve(blank_nlp, "Portland, Maine, voted.", "Portland").places
    ] == ["ME"]
    assert [p.region for p in _resolve(blank_nlp, "Portland, Ore., voted.", "Portland").places] == [
        "OR"
    ]
    res = _resolve(blank_nlp, "In Springfield, Ill., the council voted.", "Springfield")
    assert [p.region for p in res.places] == ["IL"] and res.explicit


def test_largest_city_phrasing(blank_nlp) -> None:
    res = _resolve(blank_nlp, "Maine's largest city, Portland, voted.", "Portland")
    assert [p.region for p in res.places] == ["ME"]


def test_two_states_one_name(blank_nlp) -> None:
    res = _resolve(blank_nlp, "The Ohio and Illinois towns of Springfield voted.", "Springfield")
    assert sorted(p.region for p in res.places) == ["IL", "OH"]


def test_state_named_elsewhere_in_the_article(blank_nlp) -> None:
    text = "Maine has seen debate. Later, Portland voted to ban it."
    assert [p.region for p in _resolve(blank_nlp, text, "Portland").places] == ["ME"]


def test_population_is_the_last_resort(blank_nlp) -> None:
    assert [p.region for p in _resolve(blank_nlp, "Portland voted.", "Portland").places] == ["OR"]


def test_state_beats_city_of_the_same_name(blank_nlp) -> None:
    assert _resolve(blank_nlp, "New York banned it.", "New York").places[0].level == "state"
    assert _resolve(blank_nlp, "The New York police stopped.", "New York").places[0].level == "city"


def test_gazetteer_has_states_counties_countries_and_blocs() -> None:
    gaz = load_gazetteer()
    assert {p.level for p in gaz.candidates("King County")} == {"county"}
    assert gaz.candidates("Oregon")[0].region == "OR"
    assert gaz.candidates("Italy")[0].country == "IT"
    eu = gaz.candidates("EU")[0]
    assert (eu.name, eu.level, eu.country) == ("European Union", "supranational", None)
    assert gaz.state_code("Ore.") == "OR" and gaz.state_code("OR") is None
    assert gaz.state_code("OR", allow_postal=True) == "OR"


def test_a_named_region_says_which_state(extractor) -> None:
    # Portland, Maine banned facial recognition on 3 August 2020; the text names no state
    from datetime import date
    text = ("Portland city councilors on Monday night approved a prohibition on facial "
            "recognition. Portland will join Boston as the second New England city to "
            "prohibit the technology.")
    got = {(e.actor, e.region) for e in extractor.extract(text, date(2020, 8, 4))}
    assert ("Portland", "ME") in got and ("Portland", "OR") not in got

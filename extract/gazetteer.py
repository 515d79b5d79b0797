"""The jurisdiction gazetteer (``patterns/places.jsonl``) as an in-memory index.

The entity ruler only says "this is the surface form *Portland*"; the gazetteer lists
every place that surface form can mean, with level, country, region and population,
so that ``extract.places`` can choose one from context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import srsly

from .components import pattern_path


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    level: str
    country: str | None
    region: str | None
    population: int


class Gazetteer:
    """Surface form → candidate places, plus state lookups used for disambiguation."""

    def __init__(self, records: list[dict]) -> None:
        self.by_surface: dict[str, list[Place]] = {}
        self.states: dict[str, Place] = {}  # region code → state
        self.largest_city: dict[str, Place] = {}  # region code → its most populous city
        self.state_forms: dict[str, str] = {}  # "ore." / "oregon" / "or" → "OR"
        for rec in records:
            place = Place(
                rec["id"],
                rec["name"],
                rec["level"],
                rec.get("country"),
                rec.get("region"),
                int(rec.get("population") or 0),
            )
            for surface in rec["names"]:
                self.by_surface.setdefault(surface.casefold(), []).append(place)
            if place.level == "city" and place.country == "US" and place.region and (
                    place.region not in self.largest_city or
                    place.population > self.largest_city[place.region].population):
                self.largest_city[place.region] = place
            if place.level == "state" and place.country == "US" and place.region:
                self.states[place.region] = place
                for surface in rec["names"]:
                    self.state_forms[surface.casefold()] = place.region
                self.state_forms.setdefault(place.region.casefold(), place.region)
        names = sorted(
            (re.escape(s) for s in self.state_forms if len(s) > 2), key=len, reverse=True
        )
        # state names / AP abbreviations as whole words (postal codes are too ambiguous)
        self.state_regex = re.compile(r"(?<![\w.])(" + "|".join(names) + r")(?![\w])", re.I)

    def candidates(self, surface: str) -> list[Place]:
        return self.by_surface.get(surface.casefold(), [])

    def country(self, name: str) -> Place | None:
        """The country of that name ("Belgium", which a demonym names), if known."""
        return next((p for p in self.candidates(name) if p.level == "country"), None)

    def state_code(self, text: str, allow_postal: bool = False) -> str | None:
        """Region code for a state name or abbreviation ("Ore.", "Oregon", "OR")."""
        key = text.strip().casefold()
        code = self.state_forms.get(key)
        if code and (len(key) > 2 or allow_postal):
            return code
        if allow_postal and key.upper() in self.states:
            return key.upper()
        return None

    def find_states(self, text: str) -> list[tuple[int, str]]:
        """(char offset, region code) of every state name/abbreviation in ``text``.

        Capitalised matches only, so "maine" inside a URL or "ore" in lowercase prose
        do not count.
        """
        out: list[tuple[int, str]] = []
        for m in self.state_regex.finditer(text):
            surface = m.group(1)
            if not surface[0].isupper():
                continue
            code = self.state_forms.get(surface.casefold())
            if code:
                out.append((m.start(), code))
        return out


@lru_cache(maxsize=4)
def load_gazetteer(path: str = "places.jsonl") -> Gazetteer:
    """Load (once per process) the gazetteer shipped with banwatch."""
    return Gazetteer(list(srsly.read_jsonl(pattern_path(path))))

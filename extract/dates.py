"""Finding date expressions and resolving them to ISO dates at the precision written.

News text dates events in three ways, all handled here:

* absolute: "May 14, 2019", "May 2019", "2019", "5/14/2019", "late 2020";
* relative to the publication (or dateline) date: "on Tuesday", "yesterday",
  "last month", "earlier this year" — resolved against ``base``;
* relative to another event: "the day after", "two months later", "soon after" —
  resolved against ``anchor``, the date of the event mentioned before.

A resolved date is a ``PartialDate`` whose ``iso()`` keeps the precision the text
gives: ``2019-05-14``, ``2019-05`` or ``2019``.  Expressions this module's own rules do
not cover ("three weeks ago", "a fortnight ago") fall back to dateparser with
``RELATIVE_BASE``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
    "a few": None,
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUM = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d{1,2})"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"

# (kind, regex); tried in order, earlier matches win over overlapping later ones
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b({_YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")),
    ("numeric", re.compile(rf"\b(1[0-2]|0?[1-9])/([12]\d|3[01]|0?[1-9])/({_YEAR}|\d\d)\b")),
    ("year_edge", re.compile(rf"\bthe\s+(first|last)\s+day\s+of\s+({_YEAR})\b", re.I)),
    # "on the last day of the year", "on New Year's Eve": the one just past
    ("year_edge_near", re.compile(r"\b(?:the\s+(first|last)\s+day\s+of\s+the\s+year|"
                                  r"New\s+Year['’]s\s+(Eve|Day))\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH})\s+({_DAY}),?\s+({_YEAR})\b")),
    ("dmy", re.compile(rf"\b({_DAY})\s+(?:of\s+)?({_MONTH}),?\s+({_YEAR})\b")),
    ("my", re.compile(rf"\b({_MONTH}),?\s+(?:of\s+)?({_YEAR})\b")),
    # a timeline's label: "May: San Francisco's supervisors ..."
    ("month", re.compile(rf"^\s*({_MONTH})(?=\s*:)")),
    ("md", re.compile(rf"\b({_MONTH})\s+({_DAY})\b(?!\s*(?:,\s*)?\d)")),
    ("dm", re.compile(rf"\b({_DAY})\s+(?:of\s+)?({_MONTH})\b")),
    # "in June of last year": the month of the year the words give
    ("month_rel_year", re.compile(rf"\b({_MONTH})\s+(?:of\s+)?(last|this|next)\s+year\b", re.I)),
    # "in hundreds of stores from 2012 to 2020": how long something went on, no act's date
    ("year_span", re.compile(rf"\b(?:from|between)\s+({_YEAR})\s+(?:to|through|until|and)\s+"
                             rf"({_YEAR})\b", re.I)),
    (
        "part_year",
        re.compile(
            rf"\b((?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
            rf"the\s+(?:{_SEASON})\s+of|(?:{_SEASON}))[\s-]+(?:of\s+)?)({_YEAR})\b",
            re.I,
        ),
    ),
    ("year", re.compile(rf"(?<![\w$#./-])({_YEAR})(?![\w/]|-\d|\.\d|,\d{{3}})")),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|during|by|until|through|before|after|from|early|late|mid|"
            rf"last|this|next|of|that)[\s-]+({_MONTH})\b(?!\s+\d)",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(last|this|next|on|late|early)\s+)?({_WEEKDAY})\b")),
    (
        "day_word",
        re.compile(
            r"\b(today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|"
            r"evening|week)|last\s+night)\b",
            re.I,
        ),
    ),
    (
        "period",
        re.compile(
            rf"(?<!the\s)\b(last|this|next|earlier\s+this|later\s+this|late\s+last|early\s+last|"
            rf"earlier\s+last|past)\s+(week|month|year|{_SEASON})\b",
            re.I,
        ),
    ),
    ("ago", re.compile(rf"\b({_NUM})\s+(day|week|month|year)s?\s+ago\b", re.I)),
    (
        "after_event",
        re.compile(
            rf"\b(?:(the\s+(?:next|following)\s+(day|week|month|year|{_SEASON}))|"
            rf"(?:later|earlier)\s+(?:that|the\s+same)\s+(month|year)|"
            rf"that\s+({_SEASON})|"
            rf"(?:the\s+)?(day|week|month|year)\s+(?:after|later|afterwards?)|"
            rf"({_NUM})\s+(days?|weeks?|months?|years?)\s+(later|after(?:wards?)?|earlier|before)|"
            rf"(soon|shortly|quickly|not\s+long)\s+(?:after(?:wards?)?|thereafter)|"
            rf"(?:that|the)\s+same\s+(day|night|evening|morning|afternoon|week|month|year)|"
            rf"(days|weeks|months)\s+later)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class PartialDate:
    """A date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> int:
        """3 = day, 2 = month, 1 = year."""
        return 3 if self.day else 2 if self.month else 1

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def from_date(cls, d: date, precision: int = 3) -> PartialDate:
        if precision >= 3:
            return cls(d.year, d.month, d.day)
        if precision == 2:
            return cls(d.year, d.month)
        return cls(d.year)

    @classmethod
    def parse(cls, iso: str | None) -> PartialDate | None:
        if not iso:
            return None
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", iso)
        if not m:
            return None
        return cls(
            int(m.group(1)),
            int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None,
        )


@dataclass
class DateMention:
    """A date expression found in text; ``kind`` tells how to resolve it."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[str | None, ...]
    role: str = ""  # "until" / "effect" when the words before say so (set by callers)

    @property
    def explicit_year(self) -> bool:
        return self.kind in {"iso", "numeric", "mdy", "dmy", "my", "part_year", "year",
                             "year_edge"}

    @property
    def needs_anchor(self) -> bool:
        return self.kind == "after_event"


#: what may be given as an article's publication date: a day, an instant, or a date known
#: only to the month or year (a magazine's "May 2019")
Published = date | datetime | PartialDate


def to_date(value: date | datetime | PartialDate | str | None) -> date | None:
    """The day of a date, datetime, day-precise PartialDate or ISO string; anything else
    (a date known only to the month) is None: a day cannot be counted back from it."""
    if value is None:
        return None
    if isinstance(value, PartialDate):
        return value.as_date() if value.precision == 3 else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()[:19]).date()
        except ValueError:
            return None
    return None


def published_as_partial(value: Published | None) -> PartialDate | None:
    """A publication date at its own precision: the story's own news takes it as it is."""
    if value is None or isinstance(value, PartialDate):
        return value
    return PartialDate.from_date(value.date() if isinstance(value, datetime) else value)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _num(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _day(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in ``text``, sorted, without overlaps (earlier patterns win)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if kind == "month" and not m.group(0).lower().startswith("last"):
                s = m.start(1)  # keep the preposition out of the mention, not "last"
            if kind == "weekday" and m.group(1) and m.group(1).lower() == "on":
                s = m.start(2)
            if any(s < te and ts < e for ts, te in taken):
                continue
            if (
                kind in {"md", "my", "month"}
                and text[s : s + 3].lower() == "may"
                and not _may_is_month(text, s, e)
            ):
                continue
            if kind == "year" and not _plausible_year(text, s, e):
                continue
            taken.append((s, e))
            found.append(DateMention(s, e, text[s:e], kind, m.groups()))
    found.sort(key=lambda d: d.start)
    # "by Wednesday, Sept. 2", "on Tuesday, Jan. 21": the weekday only names the day the
    # date after it gives, which says more (and is right when the day is not this week's)
    return [m for m, nxt in zip(found, found[1:] + [None], strict=False)
            if not (m.kind == "weekday" and nxt is not None and nxt.kind in SPELLED_DAY_KINDS
                    and WEEKDAY_THEN_DATE.fullmatch(text[m.end:nxt.start]))]


#: the kinds of mention that spell a day out, which a weekday before them only names
SPELLED_DAY_KINDS = frozenset({"md", "mdy", "dmy"})
WEEKDAY_THEN_DATE = re.compile(r",?\s*(?:the\s+)?")


def _may_is_month(text: str, s: int, e: int) -> bool:
    """ "May" the month vs "may" the modal: months are followed by a day/year or preceded
    by a preposition; a sentence-initial "May" followed by a verb is a modal."""
    after = text[s + 3 : s + 12]
    before = text[max(0, s - 12) : s].lower()
    if text[s] == "m":  # the month is written with a capital ("this may include ...")
        return bool(re.match(r"\s+\d", after))
    return bool(
        re.match(r"\s+\d", after)
        or (re.match(r"\s*:", after) and not before.strip())  # a timeline's "May:" label
        or re.search(
            r"\b(in|since|during|by|until|of|early|late|mid-?|last|this|next|through|from)\s+$",
            before,
        )
    )


def _plausible_year(text: str, s: int, e: int) -> bool:
    """A bare four-digit number is a year unless it looks like an amount or an id."""
    before = text[max(0, s - 12) : s].lower()
    after = text[e : e + 12].lower()
    if re.search(r"(\$|no\.|number|#|route|room|suite|bill|section|ordinance|file|\bact\s+of|"
                 r"resolution|item|chapter|docket|\b[ahs]\.?\s?[bfr]\.?|\bsb|\bld|\blb)\s*$",
                 before):
        return False  # "HB 2031", "S.B. 1385", "LD 1585": a bill's number ("the Privacy
        # Act of 2023": its name)
    return not re.match(
        r"\s*(people|residents|cameras|officers|dollars|percent|%|votes|pages|images)", after
    )


def _infer_year(
    month: int, day: int | None, base: date | None, anchor: PartialDate | None, future: bool
) -> int | None:
    """Year for a month (and day) given without one.

    With a recent explicit year (``anchor``) the date is placed at or after it; else
    against ``base`` (publication/dateline): in the past unless ``future``.
    """
    if anchor is not None:
        year = anchor.year
        if anchor.month and month < anchor.month:
            year += 1
        if base is not None and year > base.year:
            year = base.year
        return year
    if base is None:
        return None
    year = base.year
    candidate = date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))
    if future:
        if candidate < base - timedelta(days=31):
            year += 1
    elif candidate > base + timedelta(days=7):
        year -= 1
    return year


def _add_months(d: date, months: int) -> date:
    idx = d.year * 12 + (d.month - 1) + months
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


class Anchors(NamedTuple):
    """What a date mention is resolved against: ``base``, the publication or dateline
    day; ``anchor``, the previous event's date (for "the day after"); ``year_hint``, a
    recent explicit date in the text (for a bare "in June"); ``future``, whether the
    clause speaks of the future; ``rough``, the publication month when the day is not
    known (a page that says only "May 2019"), which still places a month, a year or
    "last month", but no weekday."""

    base: date | None
    anchor: PartialDate | None
    year_hint: PartialDate | None
    future: bool
    rough: PartialDate | None = None

    @property
    def year_base(self) -> date | None:
        """The day a month without a year is placed against: the base, or a week before
        the end of the rough month, as the past is told from within it (a story of
        November tells of "June" of that year, of "December" of the year before, and of
        any "November 30" of its own)."""
        if self.base is not None or self.rough is None:
            return self.base
        month = self.rough.month or 12
        last = date(self.rough.year, month, calendar.monthrange(self.rough.year, month)[1])
        return last - timedelta(days=7)


def resolve(
    mention: DateMention,
    base: date | PartialDate | None,
    anchor: PartialDate | None = None,
    year_hint: PartialDate | None = None,
    future: bool = False,
) -> PartialDate | None:
    """Resolve a mention by the resolver of its kind (``RESOLVERS``). ``base`` is a day,
    or a publication date known only to the month or year."""
    resolver = RESOLVERS.get(mention.kind)
    if resolver is None:
        return None
    rough = base if isinstance(base, PartialDate) and base.precision < 3 else None
    day = to_date(base) if isinstance(base, PartialDate) else base
    try:
        return resolver(mention, Anchors(day, anchor, year_hint, future, rough))
    except (ValueError, KeyError, OverflowError):
        return None


def _iso(m: DateMention, a: Anchors) -> PartialDate | None:
    g = m.groups
    return PartialDate(int(g[0]), int(g[1]), int(g[2]))


def _numeric(m: DateMention, a: Anchors) -> PartialDate | None:
    g = m.groups
    y = int(g[2])
    return PartialDate(y + 2000 if y < 100 else y, int(g[0]), int(g[1]))


def _year_edge(m: DateMention, a: Anchors) -> PartialDate | None:
    """"on the last day of 2020"."""
    first = m.groups[0].lower() == "first"
    return PartialDate(int(m.groups[1]), 1 if first else 12, 1 if first else 31)


def _year_edge_near(m: DateMention, a: Anchors) -> PartialDate | None:
    """"on New Year's Eve": the last one on or before the base date."""
    base = a.base
    if base is None:
        return None
    g = m.groups
    if (g[0] or "").lower() == "last" or (g[1] or "").lower() == "eve":
        year = base.year if (base.month, base.day) == (12, 31) else base.year - 1
        return PartialDate(year, 12, 31)
    return PartialDate(base.year, 1, 1)


def _mdy(m: DateMention, a: Anchors) -> PartialDate | None:
    g = m.groups
    return _checked(int(g[2]), month_number(g[0]), _day(g[1]))


def _dmy(m: DateMention, a: Anchors) -> PartialDate | None:
    g = m.groups
    return _checked(int(g[2]), month_number(g[1]), _day(g[0]))


def _my(m: DateMention, a: Anchors) -> PartialDate | None:
    return PartialDate(int(m.groups[1]), month_number(m.groups[0]))


def _month_day(m: DateMention, a: Anchors) -> PartialDate | None:
    """"June 24", "24 June": the year inferred."""
    g = m.groups
    month, day = (month_number(g[0]), _day(g[1])) if m.kind == "md" else \
        (month_number(g[1]), _day(g[0]))
    year = _infer_year(month, day, a.year_base, a.year_hint, a.future)
    return _checked(year, month, day) if year else None


def _month_rel_year(m: DateMention, a: Anchors) -> PartialDate | None:
    """"June of last year"."""
    if a.year_base is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[m.groups[1].lower()]
    return PartialDate(a.year_base.year + shift, month_number(m.groups[0]))


def _no_date(m: DateMention, a: Anchors) -> PartialDate | None:
    """"from 2012 to 2020": how long something went on, no act's date."""
    return None


def _year(m: DateMention, a: Anchors) -> PartialDate | None:
    return PartialDate(int(m.groups[-1]))


def _month(m: DateMention, a: Anchors) -> PartialDate | None:
    """"in June", "last December": the year inferred."""
    month = month_number(m.groups[0])
    year = _infer_year(month, None, a.year_base, a.year_hint, a.future)
    base = a.year_base
    if year and base is not None and re.match(r"(?i)last\b", m.text) and \
            (year, month) >= (base.year, base.month):
        year = base.year - 1 if month >= base.month else base.year
        # "last December" written in December: the one a year before
    return PartialDate(year, month) if year else None


#: how each kind of ``PATTERNS`` is resolved; a new kind of date is a row in both
RESOLVERS: dict[str, Callable[[DateMention, Anchors], PartialDate | None]] = {
    "iso": _iso,
    "numeric": _numeric,
    "year_edge": _year_edge,
    "year_edge_near": _year_edge_near,
    "mdy": _mdy,
    "dmy": _dmy,
    "my": _my,
    "md": _month_day,
    "dm": _month_day,
    "month_rel_year": _month_rel_year,
    "year_span": _no_date,
    "part_year": _year,
    "year": _year,
    "month": _month,
    "weekday": lambda m, a: _weekday(m.groups[0], m.groups[1], a.base, a.future),
    "day_word": lambda m, a: _rough_day_word(m.groups[0].lower(), a.rough) if a.rough
    else _day_word(m.groups[0].lower(), a.base),
    "period": lambda m, a: (_rough_period if a.rough else _period)(
        m.groups[0].lower(), m.groups[1].lower(), a.rough or a.base),
    "ago": lambda m, a: (_rough_ago if a.rough else _ago)(
        m.groups[0], m.groups[1].lower(), a.rough or a.base),
    "after_event": lambda m, a: _after_event(m.text.lower(), a.anchor),
}


def _checked(year: int | None, month: int, day: int) -> PartialDate | None:
    if year is None:
        return None
    date(year, month, day)  # raises on 31 February
    return PartialDate(year, month, day)


def _weekday(
    modifier: str | None, name: str, base: date | None, future: bool
) -> PartialDate | None:
    if base is None:
        return None
    target = WEEKDAYS[name.lower()]
    modifier = (modifier or "").lower()
    if modifier == "next" or (future and modifier != "last"):
        delta = (target - base.weekday()) % 7 or 7
        return PartialDate.from_date(base + timedelta(days=delta))
    delta = (base.weekday() - target) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return PartialDate.from_date(base - timedelta(days=delta))


def _day_word(word: str, base: date | None) -> PartialDate | None:
    if base is None:
        return None
    word = " ".join(word.split())
    if word in {"yesterday", "last night"}:
        return PartialDate.from_date(base - timedelta(days=1))
    if word == "tomorrow":
        return PartialDate.from_date(base + timedelta(days=1))
    if word == "this week":
        return PartialDate.from_date(base, 2)
    return PartialDate.from_date(base)


def _period_step(modifier: str) -> int:
    """How many units back or on "last", "past", "this", "next" count."""
    modifier = " ".join(modifier.split())
    return -1 if modifier.endswith("last") or modifier == "past" else \
        1 if modifier == "next" else 0


def _period(modifier: str, unit: str, base: date | None) -> PartialDate | None:
    if base is None:
        return None
    step = _period_step(modifier)
    if unit == "week":
        # the month when the whole (Monday-Sunday) week lies in one month, else the year
        monday = base - timedelta(days=base.weekday()) + timedelta(days=7 * step)
        sunday = monday + timedelta(days=6)
        if monday.month == sunday.month:
            return PartialDate(monday.year, monday.month)
        return PartialDate(monday.year)
    if unit == "month":
        return PartialDate.from_date(_add_months(base, step), 2)
    return PartialDate(base.year + step)  # year or season


def _rough_day_word(word: str, rough: PartialDate) -> PartialDate | None:
    """"today", "this week" in a story known only to its month: that month."""
    return rough if " ".join(word.split()) in {"today", "this week"} else None


def _rough_period(modifier: str, unit: str, rough: PartialDate) -> PartialDate | None:
    """"this month", "last year" counted from a month (no week can be)."""
    if unit == "week":
        return None
    step = _period_step(modifier)
    if unit == "month":
        return PartialDate.from_date(_add_months(rough.as_date(), step), 2) \
            if rough.month else None
    return PartialDate(rough.year + step)


def _rough_ago(number: str, unit: str, rough: PartialDate) -> PartialDate | None:
    """"two years ago", "three months ago" counted from a month."""
    n = _num(number)
    if n is None or unit in {"day", "week"}:
        return None
    if unit == "month":
        return PartialDate.from_date(_add_months(rough.as_date(), -n), 2) if rough.month else None
    return PartialDate(rough.year - n)


def _ago(number: str, unit: str, base: date | None) -> PartialDate | None:
    if base is None:
        return None
    n = _num(number)
    if n is None:
        return _dateparser_fallback(f"{number} {unit}s ago", base)
    if unit == "day":
        return PartialDate.from_date(base - timedelta(days=n))
    if unit == "week":
        return PartialDate.from_date(base - timedelta(days=7 * n), 2)
    if unit == "month":
        return PartialDate.from_date(_add_months(base, -n), 2)
    return PartialDate(base.year - n)


def _after_event(text: str, anchor: PartialDate | None) -> PartialDate | None:
    if anchor is None:
        return None
    text = " ".join(text.split())
    season = re.search(rf"\bfollowing\s+({_SEASON})\b", text)
    if season:  # "debated through the autumn of 2021 and adopted the following spring"
        start = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[season.group(1)]
        same_year = anchor.month is not None and anchor.month < start
        return PartialDate(anchor.year if same_year else anchor.year + 1)
    if re.fullmatch(rf"that\s+{_SEASON}", text):
        return PartialDate(anchor.year)  # "Vermont followed that fall"
    if re.search(r"\b(?:later|earlier)\s+(?:that|the\s+same)\s+(?:month|year)\b", text):
        # "joined later that year": the anchor's year (or month), no nearer
        return PartialDate(anchor.year, anchor.month) if "month" in text and anchor.month \
            else PartialDate(anchor.year)
    sign = -1 if re.search(r"\b(earlier|before)\b", text) else 1
    m = re.search(rf"\b({_NUM})\s+(day|week|month|year)s?\b", text)
    if m:
        n = _num(m.group(1))
        unit = m.group(2)
    else:
        n = 1
        m2 = re.search(r"\b(day|week|month|year|night|evening|morning|afternoon)\b", text)
        unit = m2.group(1) if m2 else None
        if unit in {"night", "evening", "morning", "afternoon"}:
            unit = "day"  # "the same night"
        if re.search(r"\bsame\b", text):
            n = 0
    if unit is None or n is None:  # "soon after", "weeks later", "several months later"
        if "month" in text:
            return PartialDate(anchor.year)
        return PartialDate(anchor.year, anchor.month) if anchor.month else PartialDate(anchor.year)
    d = anchor.as_date()
    if unit == "day":
        if anchor.precision < 3:
            return anchor
        return PartialDate.from_date(d + timedelta(days=sign * n))
    if unit == "week":
        if anchor.precision < 3:
            return PartialDate(anchor.year, anchor.month) if anchor.month else anchor
        return PartialDate.from_date(d + timedelta(days=sign * 7 * n))  # "two weeks later"
    if unit == "month":
        if anchor.precision < 2:
            return anchor
        return PartialDate.from_date(_add_months(d, sign * n), 2)
    return PartialDate(anchor.year + sign * n)


def _dateparser_fallback(text: str, base: date) -> PartialDate | None:
    """dateparser for what the rules above do not parse; day precision only if it says so."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return PartialDate.from_date(parsed.date(), 2)


DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Z.'\- ]{{1,40}}(?:,\s*[A-Z][A-Za-z.\- ]{{1,20}})?)\s*"
    rf"(?:\([A-Za-z. ]+\)\s*)?[,—–-]*\s*({_MONTH}\s+{_DAY}(?:,\s*{_YEAR})?)\s*"
    rf"(?:\([A-Za-z. ]+\)\s*)?[—–-]+"
)


def find_dateline(text: str) -> DateMention | None:
    """The date of a dateline such as "BOSTON, June 24 —" at the start of ``text``."""
    m = DATELINE.match(text[:200])
    if not m:
        return None
    s, e = m.span(1)
    for mention in find_dates(text[s:e]):
        mention.start += s
        mention.end += s
        return mention
    return None

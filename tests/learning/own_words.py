"""Own-words articles for the learning tests and the benchmark: two recurring mistakes.

Written for these tests; the places are real US cities, the people and papers invented.

- Op-eds: a columnist's or an editorial board's call for a ban, which the sentence rules
  read as the city's proposal ("It is time the Akron City Council proposed a ban ...").
  Reviewers reject them: no body has a measure before it.
- Springfield: a Massachusetts paper's stories about its own city council, which never
  name the state; the gazetteer's most likely Springfield is in Missouri. Reviewers move
  each one to Massachusetts.
- Real proposals and votes, which reviewers accept: what must stay.
"""

from __future__ import annotations

OPED_TEMPLATES = [
    ("Opinion: {city} can lead on privacy",
     "OPINION — It is time the {city} City Council proposed a ban on facial recognition. "
     "Residents never asked to be scanned on their way to the library, and a camera that "
     "guesses who we are is no friend of a free city. {who} writes about local government."),
    ("Editorial: face scanners have no place here",
     "Our view: a proposed ban on facial recognition in {city} would protect everyone who "
     "walks downtown. The council has not taken the idea up, and it should. {who} "
     "contributed to this editorial."),
    ("Column: what courage would look like",
     "{city} is ready for a proposed ban on facial recognition, even if its mayor is not. "
     "Residents already know what the cameras cost them, {who} argues in this column."),
]
OPED_CITIES = ["Akron", "Tulsa", "Fresno", "Boise", "Spokane", "Omaha", "Wichita", "Knoxville",
               "Reno", "Tucson", "Dayton", "Toledo", "Syracuse", "Provo", "Duluth", "Fargo"]
WRITERS = ["Maribel Quint", "Otis Fairweather", "Lena Drobny", "Cyrus Hadley",
           "Priya Vantongeren", "Walt Emberley"]

SPRINGFIELD = [
    ("Council acts on police cameras",
     "The Springfield City Council voted 9-3 on Monday to ban police use of facial "
     "recognition, overriding objections from the police commissioner. Councilor Ada "
     "Whitcombe said the vote protects residents of every ward."),
    ("Springfield pauses face scanning",
     "The Springfield City Council on Tuesday approved a moratorium on facial recognition "
     "by city departments until the council writes rules for it. The vote was 10-2."),
    ("City council weighs camera limits",
     "The Springfield City Council is considering an ordinance that would ban facial "
     "recognition in city buildings, Council President Joel Marsh said on Wednesday. A "
     "hearing is set for next month."),
    ("Springfield extends its pause",
     "The Springfield City Council voted on Monday to extend its moratorium on facial "
     "recognition by two more years, citing unresolved questions about accuracy."),
    ("Councilors reject camera ban repeal",
     "Springfield councilors on Thursday voted to ban facial recognition in the city's "
     "public schools as well, widening the measure they passed two years ago."),
    ("New limits at city hall",
     "The Springfield City Council voted 8-4 on Tuesday to ban the use of facial "
     "recognition by the parking authority, a step Councilor Tess Obi called overdue."),
    ("Schools join the ban",
     "The Springfield School Committee voted on Monday to ban facial recognition in "
     "district buildings, joining the city's earlier restriction."),
    ("Another vote on surveillance",
     "The Springfield City Council voted unanimously on Wednesday to ban facial "
     "recognition at the city's transit center, Councilor Lou Amante said."),
]

REAL = [
    ("Council weighs a ban", "The {city} City Council is considering an ordinance that "
     "would ban police use of facial recognition, Councilor {who} said on Tuesday."),
    ("Council votes to ban face scans", "The {city} City Council voted 7-2 on Monday to ban "
     "city agencies from using facial recognition, {who} told reporters."),
    ("Bill would bar face recognition", "A {city} council member introduced an ordinance on "
     "Wednesday that would ban facial recognition in city parks, {who} said."),
]
REAL_CITIES = ["Lubbock", "Amarillo", "Savannah", "Chattanooga", "Shreveport", "Billings",
               "Anchorage", "Eugene", "Tacoma", "Des Moines", "Lincoln", "Raleigh"]


def opeds(cities: list[str], offset: int = 0) -> list[tuple[str, str]]:
    """(title, text) of one op-ed per city, the three kinds in turn."""
    out = []
    for i, city in enumerate(cities):
        title, text = OPED_TEMPLATES[(i + offset) % len(OPED_TEMPLATES)]
        who = WRITERS[(i + offset) % len(WRITERS)]
        out.append((title.format(city=city), text.format(city=city, who=who)))
    return out


def real_news(cities: list[str], offset: int = 0) -> list[tuple[str, str]]:
    """(title, text) of one real proposal or vote per city."""
    out = []
    for i, city in enumerate(cities):
        title, text = REAL[(i + offset) % len(REAL)]
        out.append((title, text.format(city=city, who=WRITERS[(i + offset) % len(WRITERS)])))
    return out

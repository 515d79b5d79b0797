"""The vocabulary of the sentence rules, and the few regexes they match sentences with.

The word lists live in ``patterns/lexicon.toml``, one named entry per list with a
``doc`` saying what it is for, so that the rules read as logic and the vocabulary can
be reviewed on its own; this module loads the file once and exports every entry under
its name (the rules read ``lx.NAME``).  Token-level cues (actions, statuses, negation)
live in ``patterns/cues.jsonl``; the lexicon holds the context words the rules look at
around those cues.  The loaded lists are immutable (frozensets, tuples and read-only
mappings): no rule can change the vocabulary another rule reads.

What stays here is structure rather than vocabulary: the action tables keyed by
``banwatch.vocabulary.ACTIONS`` (checked by tests/test_vocabulary.py) and the regexes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import cast

LEXICON_FILE = Path(__file__).resolve().parent / "patterns" / "lexicon.toml"
#: what an entry may hold beside its doc, and what each becomes once loaded
KINDS = ("words", "sequence", "phrases", "mapping")

Value = frozenset[str] | tuple[str, ...] | frozenset[tuple[str, ...]] | Mapping[str, str]


class LexiconError(ValueError):
    """The lexicon file is not one the rules can read; the message names file and entry."""


@dataclass(frozen=True)
class LexiconEntry:
    """One named list of the lexicon: what it is for, its kind and its loaded value."""

    name: str
    doc: str
    kind: str
    value: Value


def load_lexicon(path: Path = LEXICON_FILE) -> dict[str, LexiconEntry]:
    """Every entry of a lexicon file, by name.

    ``words`` become a frozenset, ``sequence`` a tuple in the file's order, ``phrases`` a
    frozenset of word tuples and ``mapping`` a read-only dict.  An entry without a doc,
    with no list or two, or with a word listed twice is an error: each is a mistake the
    rules would otherwise carry silently.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon: {exc}") from exc
    return {name: _entry(path, name, body) for name, body in data.items()}


def _entry(path: Path, name: str, body: object) -> LexiconEntry:
    where = f"{path}: [{name}]"
    if not isinstance(body, dict):
        raise LexiconError(f"{where} is not a table")
    doc = body.get("doc")
    if not isinstance(doc, str) or not doc.strip():
        raise LexiconError(f"{where} has no doc saying what the list is for")
    kinds = [k for k in body if k != "doc"]
    if len(kinds) != 1 or kinds[0] not in KINDS:
        raise LexiconError(f"{where} needs exactly one of {', '.join(KINDS)} beside its doc, "
                           f"not {kinds}")
    kind = kinds[0]
    raw = body[kind]
    if kind == "mapping":
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            raise LexiconError(f"{where} mapping must map words to strings")
        return LexiconEntry(name, doc, kind, MappingProxyType(dict(raw)))
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise LexiconError(f"{where} {kind} must be a list of non-empty strings")
    twice = sorted({w for w in raw if raw.count(w) > 1})
    if twice:
        raise LexiconError(f"{where} lists {', '.join(map(repr, twice))} twice")
    if kind == "sequence":
        return LexiconEntry(name, doc, kind, tuple(raw))
    if kind == "phrases":
        return LexiconEntry(name, doc, kind, frozenset(tuple(w.split()) for w in raw))
    return LexiconEntry(name, doc, kind, frozenset(raw))


_LEXICON = load_lexicon()


def _value(name: str, kind: str) -> Value:
    entry = _LEXICON.get(name)
    if entry is None:
        raise LexiconError(f"{LEXICON_FILE}: no entry [{name}]")
    if entry.kind != kind:
        raise LexiconError(f"{LEXICON_FILE}: [{name}] must be {kind}, not {entry.kind}")
    return entry.value


def _words(name: str) -> frozenset[str]:
    return cast(frozenset[str], _value(name, "words"))


def _sequence(name: str) -> tuple[str, ...]:
    return cast(tuple[str, ...], _value(name, "sequence"))


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return cast(frozenset[tuple[str, ...]], _value(name, "phrases"))


def _mapping(name: str) -> Mapping[str, str]:
    return cast(Mapping[str, str], _value(name, "mapping"))


# ============================================================== actions (not vocabulary)
ACTION_PRIORITY = ("repeal", "extension", "exit", "moratorium", "ban", "restriction")
#: coarser families for headline-versus-body comparison: a headline's "won't sell" and
#: the body's "moratorium" are the same story
HEADLINE_FAMILY = {"ban": "stop", "moratorium": "stop", "restriction": "stop", "exit": "stop",
                   "extension": "extension", "repeal": "repeal"}
#: Families of actions that one measure can be called by ("the restriction on businesses"
#: referring back to a ban); a different family means a different event.
ACTION_FAMILY = {"ban": "ban", "moratorium": "ban", "restriction": "ban", "exit": "exit",
                 "extension": "extension", "repeal": "repeal"}

# ============================================================== the lexicon, by section
# -- What was done: measures, acts and their verbs
NEEDS_BAN = _words("NEEDS_BAN")
MEASURE_DROP_VERBS = _words("MEASURE_DROP_VERBS")
RISK_WORDS = _words("RISK_WORDS")
WITHOUT_WORDS = _words("WITHOUT_WORDS")
LACKING_DETS = _words("LACKING_DETS")
STRONG_ENACT = _words("STRONG_ENACT")
ENACTING_VERBS = _words("ENACTING_VERBS")
ENACTED_VERBS = _words("ENACTED_VERBS")
BACKGROUND_VERBS = _words("BACKGROUND_VERBS")
PAST_EVENT_VERBS = _words("PAST_EVENT_VERBS")
BAN_NOUNS = _words("BAN_NOUNS")
MORATORIUM_NOUNS = _words("MORATORIUM_NOUNS")
PAUSE_MORATORIUM = _words("PAUSE_MORATORIUM")
EXTENSION_NOUNS = _words("EXTENSION_NOUNS")
RENEW_FORMS = _words("RENEW_FORMS")
CONTRACT_NOUNS = _words("CONTRACT_NOUNS")
MEASURE_NOUNS = _words("MEASURE_NOUNS")
AGENDA_ITEM_WORDS = _words("AGENDA_ITEM_WORDS")
#: what an agenda item is called in minutes ("Item 6, Ordinance 2021-11, establishing ...")
ITEM_NOUNS = MEASURE_NOUNS | AGENDA_ITEM_WORDS
ANAPHOR_NOUNS = _words("ANAPHOR_NOUNS")
LIMIT_NOUNS = _words("LIMIT_NOUNS")
LIMITS_RESTRICTIONS = _words("LIMITS_RESTRICTIONS")
LIMITING_MEASURE_NOUNS = _words("LIMITING_MEASURE_NOUNS")
ORDINANCE_LAW_MEASURE = _words("ORDINANCE_LAW_MEASURE")
ORDINANCE_LAW = _words("ORDINANCE_LAW")
STANDARD_NOUNS = _words("STANDARD_NOUNS")
MODELLED_ON_WORDS = _words("MODELLED_ON_WORDS")
GUIDANCE_NOUNS = _words("GUIDANCE_NOUNS")
STATE_LAW_NOUNS = _words("STATE_LAW_NOUNS")
AGREEMENT_NOUNS = _words("AGREEMENT_NOUNS")
OTHER_BANNED = _words("OTHER_BANNED")
TOOL_NOUNS = _words("TOOL_NOUNS")
TECH_NOUNS = _words("TECH_NOUNS")
TECH_NOUNS_SINGULAR = _words("TECH_NOUNS_SINGULAR")
TECH_USED_BY = _words("TECH_USED_BY")
USE_VERBS = _words("USE_VERBS")
USE_SEARCH_NOUNS = _words("USE_SEARCH_NOUNS")
POLICE_USE_NOUNS = _words("POLICE_USE_NOUNS")
MARKET_NOUNS = _words("MARKET_NOUNS")
ACT_NOUNS = _words("ACT_NOUNS")
DECISION_NOUNS = _words("DECISION_NOUNS")
ATTEMPT_NOUNS = _words("ATTEMPT_NOUNS")
ATTEMPT_WORDS = _words("ATTEMPT_WORDS")
FELL_SHORT_WORDS = _words("FELL_SHORT_WORDS")
OVERRIDE_STEMS = _sequence("OVERRIDE_STEMS")
VETO_STEMS = _sequence("VETO_STEMS")
ALLOW_STEMS = _sequence("ALLOW_STEMS")
TURNED_ABOUT = _words("TURNED_ABOUT")
APPROVING_USE = _words("APPROVING_USE")
STOP_BEFORE_ALLOWING = _words("STOP_BEFORE_ALLOWING")
STOP_STEMS = _sequence("STOP_STEMS")
RESUME_WORDS = _words("RESUME_WORDS")
RESUME_WORDS_SHORT = _words("RESUME_WORDS_SHORT")
CLEARED_FORMS = _words("CLEARED_FORMS")
MEETING_WORDS = _words("MEETING_WORDS")
BALLOT_WORDS = _words("BALLOT_WORDS")
BREACH_VERBS = _words("BREACH_VERBS")
MOTION_FAILED = _words("MOTION_FAILED")
TIME_WORDS = _words("TIME_WORDS")

# -- Whether it was done: proposals, failures, negation, intentions
MODALS = _words("MODALS")
COMPANY_POLICY_MODALS = _words("COMPANY_POLICY_MODALS")
HYPOTHETICAL_MODALS = _words("HYPOTHETICAL_MODALS")
VETO_THREAT_MODALS = _words("VETO_THREAT_MODALS")
THREAT_STEMS = _sequence("THREAT_STEMS")
FAILURE_MODALS = _words("FAILURE_MODALS")
MODAL_AFTER_BAN = _words("MODAL_AFTER_BAN")
HEADLINE_FUTURE = _words("HEADLINE_FUTURE")
PAST_CONTEXT = _words("PAST_CONTEXT")
SCHEDULED_WORDS = _words("SCHEDULED_WORDS")
FUTURE_PROPOSAL_WORDS = _words("FUTURE_PROPOSAL_WORDS")
DEMAND_MODALS = _words("DEMAND_MODALS")
DEMAND_WORDS = _words("DEMAND_WORDS")
HYPOTHETICAL = _words("HYPOTHETICAL")
VAGUE_INTENT = _words("VAGUE_INTENT")
WOULD_FORMS = _words("WOULD_FORMS")
LIKE_LOVE = _words("LIKE_LOVE")
NEG_INTENT = _words("NEG_INTENT")
NO_APPETITE = _words("NO_APPETITE")
UNTIL_UNLESS = _words("UNTIL_UNLESS")
UNTIL_WORDS = _words("UNTIL_WORDS")
NEGATORS = _words("NEGATORS")
NO_NEITHER = _words("NO_NEITHER")
NOBODY_HEADS = _words("NOBODY_HEADS")
REFUSAL_VERBS = _words("REFUSAL_VERBS")
COMPEL_VERBS = _words("COMPEL_VERBS")
COMPULSION = _words("COMPULSION")
DECLINE_OR_DO = _words("DECLINE_OR_DO")
DO_FORMS = _words("DO_FORMS")
SHAREHOLDER_NOUNS = _words("SHAREHOLDER_NOUNS")
EXEMPT = _words("EXEMPT")
ORDINALS = _words("ORDINALS")
AUTHORSHIP = _words("AUTHORSHIP")
SPONSORED_MEASURE_DETS = _words("SPONSORED_MEASURE_DETS")
SPONSOR_NOUNS = _words("SPONSOR_NOUNS")
FILING_VERBS = _words("FILING_VERBS")
DELIBERATION_WORDS = _words("DELIBERATION_WORDS")
FILING_NOUNS = _words("FILING_NOUNS")
INTRODUCE_FORMS = _words("INTRODUCE_FORMS")
INTRODUCED_MEASURE_FILLERS = _words("INTRODUCED_MEASURE_FILLERS")
DOCUMENT_FILING_WORDS = _words("DOCUMENT_FILING_WORDS")
REQUEST_NOUNS = _words("REQUEST_NOUNS")
REQUEST_NOUN_WORDS = _words("REQUEST_NOUN_WORDS")
LONE_VOTE_WORDS = _words("LONE_VOTE_WORDS")
PENDING_REVIEW_WORDS = _words("PENDING_REVIEW_WORDS")
USED_FOR_WORDS = _words("USED_FOR_WORDS")
OPPOSING = _words("OPPOSING")
MODELLED_ON_VERBS = _words("MODELLED_ON_VERBS")
MODEL_MEASURE_WORDS = _words("MODEL_MEASURE_WORDS")
SIGNING_WORDS = _words("SIGNING_WORDS")
PRESS_NOUNS = _words("PRESS_NOUNS")
OPINION_NOUNS = _words("OPINION_NOUNS")
OPINION_VERBS = _words("OPINION_VERBS")
FAVOUR_NOUNS = _words("FAVOUR_NOUNS")
DELAY_VERBS = _words("DELAY_VERBS")
LOCK_VERBS = _words("LOCK_VERBS")
NOW_WORDS = _words("NOW_WORDS")
FILING_WORDS = _words("FILING_WORDS")
BILL_NOUNS = _words("BILL_NOUNS")
DEMAND_VERBS = _words("DEMAND_VERBS")
QUOTED_VERB_AFTER = _words("QUOTED_VERB_AFTER")
PARTICIPLES = _words("PARTICIPLES")
SUCH_THIS = _words("SUCH_THIS")
DRAFT_WORDS = _words("DRAFT_WORDS")
ISSUING_VERBS = _words("ISSUING_VERBS")
MOVEMENT_NOUNS = _words("MOVEMENT_NOUNS")
BILL_BECAME_LAW = _words("BILL_BECAME_LAW")
RECORD_NOUNS = _words("RECORD_NOUNS")
ENACTED_FORMS = _words("ENACTED_FORMS")
TITLE_ABBREVIATIONS = _words("TITLE_ABBREVIATIONS")
STATE_SETTLEMENT_BREAKS = _words("STATE_SETTLEMENT_BREAKS")
BEFORE_NOUN_CALLS = _words("BEFORE_NOUN_CALLS")
OBJECTION_NOUNS = _words("OBJECTION_NOUNS")

# -- Who did it: bodies, companies, people
TARGET_PREV = _words("TARGET_PREV")
AFTER_CUE_OK = _words("AFTER_CUE_OK")
OWNED_NEXT = _words("OWNED_NEXT")
AGENCY_HEADS = _words("AGENCY_HEADS")
COURT_WORDS = _words("COURT_WORDS")
COURT_LEVEL_WORDS = _words("COURT_LEVEL_WORDS")
INSTITUTION_WORDS = _words("INSTITUTION_WORDS")
PARTY_MEMBER_WORDS = _words("PARTY_MEMBER_WORDS")
PLACE_INSTITUTION_WORDS = _words("PLACE_INSTITUTION_WORDS")
COMPANY_WORDS = _words("COMPANY_WORDS")
COMPANY_NOUNS = _words("COMPANY_NOUNS")
MAKER_NOUNS = _words("MAKER_NOUNS")
COMPANY_HEAD_ENDERS = _words("COMPANY_HEAD_ENDERS")
NOT_COMPANY_WORDS = _words("NOT_COMPANY_WORDS")
CORPORATE_SUFFIXES = _words("CORPORATE_SUFFIXES")
LEGAL_FORMS = _words("LEGAL_FORMS")
PRODUCT_NOUNS = _words("PRODUCT_NOUNS")
CUSTOMER_NOUNS = _words("CUSTOMER_NOUNS")
AUTHOR_WORDS = _words("AUTHOR_WORDS")
TITLE_LEAD_WORDS = _words("TITLE_LEAD_WORDS")
PERSON_TITLES = _words("PERSON_TITLES")
SAID_VERBS = _words("SAID_VERBS")
SPEECH_VERBS = _words("SPEECH_VERBS")
FIRST_PERSON = _words("FIRST_PERSON")
WE_WORDS = _words("WE_WORDS")
LOCAL_TRADE_NOUNS = _words("LOCAL_TRADE_NOUNS")
REGULATED_PARTIES = _words("REGULATED_PARTIES")
POLICE_PEOPLE = _words("POLICE_PEOPLE")
POLICE_FORCE_WORDS = _words("POLICE_FORCE_WORDS")
FORCE_HEADS = _words("FORCE_HEADS")
NATIONAL_FORCE_WORDS = _words("NATIONAL_FORCE_WORDS")
FORCE_NAME_STOPS = _words("FORCE_NAME_STOPS")
COMMITTEE_HEADS = _words("COMMITTEE_HEADS")
COMMITTEE_WORDS = _words("COMMITTEE_WORDS")
NON_CIVIC_MEMBERS = _words("NON_CIVIC_MEMBERS")
NON_LOCAL_TITLES = _words("NON_LOCAL_TITLES")
BARE_BODY_NOUNS = _words("BARE_BODY_NOUNS")
BARE_BOARD = _words("BARE_BOARD")
BARE_PARLIAMENT = _words("BARE_PARLIAMENT")
PLURAL_BODY_NOUNS = _words("PLURAL_BODY_NOUNS")
CHAMBER_NAMES = _words("CHAMBER_NAMES")
CHAMBER_SHORT_NAMES = _words("CHAMBER_SHORT_NAMES")
BEYOND_ONE_CHAMBER = _words("BEYOND_ONE_CHAMBER")
FEDERAL_WORDS = _words("FEDERAL_WORDS")
PARTY_LETTERS = _words("PARTY_LETTERS")
ORDER_VERBS = _words("ORDER_VERBS")
JOIN_FORMS = _words("JOIN_FORMS")
QUANTITY_UNITS = _words("QUANTITY_UNITS")
US_REGIONS = _mapping("US_REGIONS")
STATE_DEMONYMS = _mapping("STATE_DEMONYMS")
RANK_OF_OFFICER = _words("RANK_OF_OFFICER")
REFUSAL_BEFORE = _phrases("REFUSAL_BEFORE")
ADVISER_FIRMS = _phrases("ADVISER_FIRMS")
AS_DO_AUX = _words("AS_DO_AUX")
AS_DO_FILLERS = _words("AS_DO_FILLERS")
BANNED_PEOPLE = _words("BANNED_PEOPLE")
KEPT_AS_IS = _words("KEPT_AS_IS")
DUTY_VERBS = _words("DUTY_VERBS")
BANNED_PARTICIPLES = _words("BANNED_PARTICIPLES")
ORDERING_BODY_WORDS = _words("ORDERING_BODY_WORDS")
UNDERTAKING_WORDS = _words("UNDERTAKING_WORDS")
PERMISSION_NOUNS = _words("PERMISSION_NOUNS")
PERMISSION_TIES = _words("PERMISSION_TIES")
SUPPLY_VERBS = _words("SUPPLY_VERBS")
CAME_AFTER_VERBS = _words("CAME_AFTER_VERBS")
MARKET_EXIT_WORDS = _words("MARKET_EXIT_WORDS")
UNIVERSITY_WORDS = _words("UNIVERSITY_WORDS")
MAKING_VERBS = _words("MAKING_VERBS")
EXPIRY_VERBS = _words("EXPIRY_VERBS")
STATEWIDE_WORDS = _words("STATEWIDE_WORDS")
ALL_EACH_WORDS = _words("ALL_EACH_WORDS")
POWER_NOUNS = _words("POWER_NOUNS")
PROGRAM_NOUNS = _words("PROGRAM_NOUNS")
DEPARTMENT_HEADS = _words("DEPARTMENT_HEADS")
DEFIANCE_WORDS = _words("DEFIANCE_WORDS")
OVERSIGHT_VERBS = _words("OVERSIGHT_VERBS")
LAW_IN_FORCE_NOUNS = _words("LAW_IN_FORCE_NOUNS")
LAW_NOUNS = _words("LAW_NOUNS")
PROPOSAL_ADJECTIVES = _words("PROPOSAL_ADJECTIVES")
OWNED_BY_MARKS = _words("OWNED_BY_MARKS")
STOP_USING_OBJECTS = _words("STOP_USING_OBJECTS")
APPOSITIVE_OPENERS = _words("APPOSITIVE_OPENERS")
POLICE_NAMES = _mapping("POLICE_NAMES")
FEDERAL_BODY_WORDS = _words("FEDERAL_BODY_WORDS")
FEDERAL_CHAMBER_WORDS = _words("FEDERAL_CHAMBER_WORDS")
LEVEL_WORDS = _words("LEVEL_WORDS")
BODY_LEVEL_ALIASES = _mapping("BODY_LEVEL_ALIASES")
ANY_BODY_LEVELS = _mapping("ANY_BODY_LEVELS")
PRESIDENT_OWNERS = _words("PRESIDENT_OWNERS")
JURISDICTION_THINGS = _words("JURISDICTION_THINGS")
DEMONYMS = _mapping("DEMONYMS")
TITLE_NATIONS = _mapping("TITLE_NATIONS")
OFFICIAL_AGENCY = _mapping("OFFICIAL_AGENCY")
RESIDENT_NOUNS = _words("RESIDENT_NOUNS")
VOTE_OF_WORDS = _words("VOTE_OF_WORDS")
NOT_ACTOR_PREPOSITIONS = _words("NOT_ACTOR_PREPOSITIONS")

# -- Where: places and their names
SETTLEMENT_NOUNS = _words("SETTLEMENT_NOUNS")
SETTLEMENT_HEADS = _words("SETTLEMENT_HEADS")
PLURAL_SETTLEMENTS = _words("PLURAL_SETTLEMENTS")
FOLLOWED_PLACES = _words("FOLLOWED_PLACES")
PENALTY_NOUNS = _words("PENALTY_NOUNS")
PLURAL_PLACE_KINDS = _words("PLURAL_PLACE_KINDS")
EARLIER_WORDS = _words("EARLIER_WORDS")
EARLIER_ADVERBS = _words("EARLIER_ADVERBS")
REFUSAL_PENALTIES = _words("REFUSAL_PENALTIES")
EARLIER_TIME_TIES = _words("EARLIER_TIME_TIES")
ADDITIVE_WORDS = _words("ADDITIVE_WORDS")
HARMS_CURBED = _words("HARMS_CURBED")
CHOICE_VERBS = _words("CHOICE_VERBS")
STANDING_PHRASES = _words("STANDING_PHRASES")
HEARING_WORDS = _words("HEARING_WORDS")
TOWARD_WORDS = _words("TOWARD_WORDS")
MEASURE_OBJECT_PREPS = _words("MEASURE_OBJECT_PREPS")
CAPTION_WORDS = _words("CAPTION_WORDS")
REGULATOR_NOUNS = _words("REGULATOR_NOUNS")
DEGREE_WORDS = _words("DEGREE_WORDS")
QUOTED_PHRASE_AFTER = _words("QUOTED_PHRASE_AFTER")
PRODUCT_USE_VERBS = _words("PRODUCT_USE_VERBS")
REFUSAL_BARRED_BEFORE = _words("REFUSAL_BARRED_BEFORE")
CALL_WORDS = _words("CALL_WORDS")
EXAMPLE_WORDS = _words("EXAMPLE_WORDS")
STATE_PLACE_NOUNS = _words("STATE_PLACE_NOUNS")
STATE_CITY_NOUNS = _words("STATE_CITY_NOUNS")
PLACE_TYPE_NOUNS = _words("PLACE_TYPE_NOUNS")
TOWNS_OF_NOUNS = _words("TOWNS_OF_NOUNS")
TOWN_SUFFIXES = _words("TOWN_SUFFIXES")
TOWN_PREFIXES = _words("TOWN_PREFIXES")
ABBREVIATED_PLACE_PREFIXES = _words("ABBREVIATED_PLACE_PREFIXES")
COUNTY_TITLES = _words("COUNTY_TITLES")
HALL_OWNERS = _words("HALL_OWNERS")
NEIGHBOURING_WORDS = _words("NEIGHBOURING_WORDS")
NAMING_WORDS = _words("NAMING_WORDS")
NAMED_BEFORE_WORDS = _words("NAMED_BEFORE_WORDS")
NAMESAKE_WORDS = _words("NAMESAKE_WORDS")
NOT_PLACE_WORDS = _words("NOT_PLACE_WORDS")
DIRECTIONS = _words("DIRECTIONS")
NEAR_WORDS = _words("NEAR_WORDS")
RIVER_PART_NOUNS = _words("RIVER_PART_NOUNS")
LARGEST_BIGGEST = _words("LARGEST_BIGGEST")
RANK_WORDS = _words("RANK_WORDS")
APPOSITIVE_BEFORE_THE = _words("APPOSITIVE_BEFORE_THE")
OWNER_GAP_WORDS = _words("OWNER_GAP_WORDS")
FAR_OWNER_GAP_WORDS = _words("FAR_OWNER_GAP_WORDS")
BASED_WORDS = _words("BASED_WORDS")
BASED_AREA_WORDS = _words("BASED_AREA_WORDS")
BASED_AREA_SPLIT = _words("BASED_AREA_SPLIT")
LOCALITY_NOUNS = "|".join(_sequence("LOCALITY_NOUNS"))

# -- References, chains and older measures
REFERENCE_PREV = _words("REFERENCE_PREV")
FOLLOWER_PREV = _words("FOLLOWER_PREV")
CHAIN_AFTER = _words("CHAIN_AFTER")
FOLLOW_STEMS = _sequence("FOLLOW_STEMS")
CHAIN_TIME_WORDS = _words("CHAIN_TIME_WORDS")
ANAPHOR_DETS = _words("ANAPHOR_DETS")
ANAPHOR_OBJECTS = _words("ANAPHOR_OBJECTS")
PRONOUN_SUBJECTS = _words("PRONOUN_SUBJECTS")
RELATIVE_SUBJECT_WORDS = _words("RELATIVE_SUBJECT_WORDS")
SIMILARITY_WORDS = _words("SIMILARITY_WORDS")
COMPARATIVE_SCOPE = _words("COMPARATIVE_SCOPE")
RESTRICTION_BACK_WORDS = _words("RESTRICTION_BACK_WORDS")
THAN_OTHER = _words("THAN_OTHER")
ORIGINAL_WORDS = _words("ORIGINAL_WORDS")
EXISTING_OWN = _words("EXISTING_OWN")
EXISTING_CURRENT = _words("EXISTING_CURRENT")
POSSESSORS = _words("POSSESSORS")
ALSO_WORDS = _words("ALSO_WORDS")
REPLACE_VERBS = _words("REPLACE_VERBS")
SEVERAL_WORDS = _words("SEVERAL_WORDS")
ONE_OF_SEVERAL = _words("ONE_OF_SEVERAL")
SUBJECT_SKIP_WORDS = _words("SUBJECT_SKIP_WORDS")
PERFECT_SKIP_WORDS = _words("PERFECT_SKIP_WORDS")
IS_WAS = _words("IS_WAS")
RELATIVE_BREAKERS = _words("RELATIVE_BREAKERS")
PASSIVE_BE = _words("PASSIVE_BE")

# -- When: dates and time
CAME_VERBS = _words("CAME_VERBS")
CAME_VERBS_SHORT = _words("CAME_VERBS_SHORT")
MEETING_EVENT_WORDS = _words("MEETING_EVENT_WORDS")
MONTH_PARTS = _words("MONTH_PARTS")
TIME_UNITS = _words("TIME_UNITS")
AFTER_BEFORE = _words("AFTER_BEFORE")
NUMBER_WORDS = _words("NUMBER_WORDS")

# -- Clause structure and function words
SUBORDINATORS = _words("SUBORDINATORS")
CLAUSE_CONJ = _words("CLAUSE_CONJ")
WHILE_WHEREAS = _words("WHILE_WHEREAS")
CONVERSION_VERBS = _words("CONVERSION_VERBS")
AUXILIARIES = _words("AUXILIARIES")
SEQUENCE_ADVERBS = _words("SEQUENCE_ADVERBS")
AND_BUT_THEN = _words("AND_BUT_THEN")
EARLIER_CLAUSE_OPENERS = _words("EARLIER_CLAUSE_OPENERS")
COMPANY_CUE_BREAKERS = _words("COMPANY_CUE_BREAKERS")
CLAUSE_END_WORDS = _words("CLAUSE_END_WORDS")
RELATIVE_PRONOUNS = _words("RELATIVE_PRONOUNS")
THAT_WHICH = _words("THAT_WHICH")
THAT_WHICH_WHO = _words("THAT_WHICH_WHO")
WHICH_WHO = _words("WHICH_WHO")
WHICH_WHO_WHOSE = _words("WHICH_WHO_WHOSE")
WHO_WHOSE = _words("WHO_WHOSE")
BE_FORMS = _words("BE_FORMS")
PASSIVE_ADVERBS = _words("PASSIVE_ADVERBS")
PASSIVE_ENDINGS = _sequence("PASSIVE_ENDINGS")
PARTICIPLE_ENDINGS = _sequence("PARTICIPLE_ENDINGS")
HAD_HAS_HAVE = _words("HAD_HAS_HAVE")
HAS_HAVE = _words("HAS_HAVE")
IT_THEM = _words("IT_THEM")
IT_THEY = _words("IT_THEY")
ITS_THEIR = _words("ITS_THEIR")
ITS_THEIR_OUR = _words("ITS_THEIR_OUR")
THE_ITS_THEIR = _words("THE_ITS_THEIR")
THE_THIS_SUCH = _words("THE_THIS_SUCH")
THE_THOSE = _words("THE_THOSE")
ONE_ONES = _words("ONE_ONES")
THE_A = _words("THE_A")
A_AN = _words("A_AN")
A_AN_ANY = _words("A_AN_ANY")
DESCRIBING_PARTICIPLES = _words("DESCRIBING_PARTICIPLES")
CONDITIONS = _words("CONDITIONS")
CONDITIONAL_MODALS = _words("CONDITIONAL_MODALS")
BEFORE_A_DESCRIBING_PARTICIPLE = _words("BEFORE_A_DESCRIBING_PARTICIPLE")
ARTICLES = _words("ARTICLES")
RETIRED_PERSON_DETS = _words("RETIRED_PERSON_DETS")
ANY_EVERY = _words("ANY_EVERY")
EACH_BOTH = _words("EACH_BOTH")
NAME_LIST_FILLERS = _words("NAME_LIST_FILLERS")
NAME_LOOKBACK_WORDS = _words("NAME_LOOKBACK_WORDS")
LIST_SEPARATORS = _words("LIST_SEPARATORS")
COMMA_AND = _words("COMMA_AND")
IN_ON = _words("IN_ON")
IN_AT_FROM = _words("IN_AT_FROM")
IN_FROM = _words("IN_FROM")
OF_IN = _words("OF_IN")
WITHIN_PREPOSITIONS = _words("WITHIN_PREPOSITIONS")
INCLUDE_FORMS = _words("INCLUDE_FORMS")
LIST_GOES_ON = _words("LIST_GOES_ON")
FINAL_STAGE_WORDS = _words("FINAL_STAGE_WORDS")
SPREAD_PREPOSITIONS = _words("SPREAD_PREPOSITIONS")
IN_FORCE_WORDS = _words("IN_FORCE_WORDS")
AIM_WORDS = _words("AIM_WORDS")
CAPITAL_LAWMAKERS = _words("CAPITAL_LAWMAKERS")
HEADLINE_VERBS = _words("HEADLINE_VERBS")
SUPRANATIONAL_LEGISLATORS = _words("SUPRANATIONAL_LEGISLATORS")
ALONG_TOGETHER = _words("ALONG_TOGETHER")
POSSESSIVE = _words("POSSESSIVE")
QUOTES_OPEN = _words("QUOTES_OPEN")
QUOTES_CLOSE = _words("QUOTES_CLOSE")
TITLE_SMALL_WORDS = _words("TITLE_SMALL_WORDS")
INSTEAD_OF_PHRASES = _phrases("INSTEAD_OF_PHRASES")

# ============================================================== regexes
#: A sentence without a topic term that is about some other technology.
OTHER_TECH = re.compile(
    r"\bother\s+(?:kinds?\s+of\s+|types?\s+of\s+|forms?\s+of\s+)?(?:\w+\s+)?"
    r"(?:surveillance|technolog(?:y|ies)|tools|gear|equipment|devices|systems)\b", re.I)

#: a headline about one measure: "Bill tracker: California AB 1215", "S.B. 6280 signed"
MEASURE_TITLE = re.compile(
    r"\b(?:[AHS]\.?\s?B\.?|[HS]\.?\s?F\.?|L\.?\s?D\.?|Bill|Act|Ordinance|"
    r"Proposition|Question|Measure)\s+(?:No\.\s*)?\d+[A-Z]?\b|\bAct\b")

#: a pause turned into a ban: "make the halt permanent", "making its moratorium permanent"
MADE_PERMANENT = re.compile(r"\b(?:mak(?:e|es|ing)|made)\s+(?:the|its|their|this|that|a)\s+"
                            r"(?:[\w-]+\s+){0,2}(?:halt|pause|moratorium|freeze|suspension)"
                            r"(?:\s+[\w-]+){0,8}?\s+permanent\b", re.I)

#: "the motion carried 5-2", "the amendment failed 2-3", "it passed 4-1": how minutes
#: record the outcome of a motion made in the sentence before
MOTION_OUTCOME = re.compile(
    r"\b(?:motion|amendment|ordinance|resolution|measure|item|it)\b[^.;:]{0,30}?\b"
    r"(?P<verb>carried|passed|prevailed|was adopted|was approved|failed|was defeated|"
    r"was rejected|lost)\b", re.I)

#: the start of the next agenda item in minutes ("Item 8: ...", "8. ..."), which closes
#: the motions of the one before
AGENDA_ITEM_START = re.compile(r"\s*(?:(?:agenda\s+)?item\s+\d+\b|\d{1,2}\.\s)", re.I)

#: an exit with exceptions is a restriction ("most private companies", "except banks")
CARVE_OUT = re.compile(r"\b(most|certain|except|excluding|other than|with (?:some |few )?"
                       r"exceptions?|carve-outs?)\b", re.I)

#: a ban of some uses only is a restriction ("barred from using it in certain circumstances")
SOME_CASES = re.compile(r"\bin (?:certain|some|limited|specific) (?:circumstances|cases|"
                        r"situations|instances)\b", re.I)

UNTIL_PREV = re.compile(
    r"(until|till|through|expired|expires?|expiring|sunsets?|sunsetted|ending|ends|"
    r"lapsed|lapses?|ran\s+out|runs\s+out|lasts?\s+"
    r"(?:until|through)|due\s+to\s+(?:lapse|expire|end)\s+(?:in|on|at)?)\s+"
    r"(?:the\s+(?:end|start|beginning)\s+of\s+|at\s+least\s+|on\s+|in\s+)?"
    r"(?:this\s+|next\s+)?$",  # ("was due to expire this June")
    re.I,
)

EFFECT_PREV = re.compile(
    r"(effect|effective|starting|beginning|begins|from|expires?|until|through|applies|apply|"
    r"as\s+of|operative|"
    r"kicks?\s+in|kicked\s+in|into\s+force|takes?\s+hold|phases?\s+in|goes\s+live)"
    # ("takes effect in Virginia on July 1": the place it takes effect in, then the day)
    r"(?:\s+(?:in|across|throughout)\s+\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,2},?)?"
    r"\s+(?:in|on|at)?\s*$",
    re.I,
)

#: "in use since early 2020": a date a state runs from, no year for the dates told next
SINCE_PREV = re.compile(r"\bsince\s+(?:early|late|mid-?)?\s*$", re.I)

#: "was tabled indefinitely": a vote that waits, said just before an INDEFINITE phrase,
#: tells how long the vote waits, not what the measure does
#: a condition set off after a clause by a dash or "that is" ("—that is, until ...")
CONDITION_TAIL = re.compile(r"^\s*[—–-]+\s*(?:that is,?\s*)?(?:until|unless|pending)\b|"
                            r"^\s*[,;]?\s*that is,?\s*(?:until|unless|pending)\b", re.I)
WAITING_VOTE = re.compile(r"\b(tabled|postponed|shelved|delayed|deferred)\s*$", re.I)

INDEFINITE = re.compile(
    r"\b(indefinite(?:ly)?|until further notice|for now|for the time being|for as long as|"
    r"before (?:working through|resolving|addressing|answering|settling|sorting out)\b|"
    r"(?:while|until) (?:awaiting|waiting for)\b|"
    r"pending (?:the )?(?:results?|outcome|completion|findings|conclusions?) of\b|"
    r"(?:while|until|pending) (?:an?|the|its|their) (?:\w+ ){0,3}(?:investigat\w*|inquiry|"
    r"inquiries|reviews?|probes?|complaints?)\b|"
    r"pending (?:an?y? |the |its |their |further )?(?:\w+ ){0,2}(?:clarification|ruling|"
    r"decision|guidance|approval|assessment|evaluation)\b|"
    r"until (?:congress|the federal government"
    r"|lawmakers|the legislature|the state|there (?:is|are)|a federal law|federal|national|"
    r"strong|a national|legislation|laws?|rules|it|they|state|the council|the city)\b|"
    r"until \w+ (?:passes|pass|enacts|enact|puts?|authori[sz]es?|approves?|lifts?)|"
    r"until (?:the |its |their )?(?:general assembly|legislature|lawmakers|congress|"
    r"parliament|council)"
    r" (?:\w+ly )?(?:passes|pass|enacts|enact|authori[sz]es?|approves?|allows?|permits?)|"
    r"until (?:the )?(?:[\w'’-]+ ){0,10}(?:are|is|was|were|have been|has been) (?:\w+ly )?"
    r"(?:worked out|resolved|addressed|settled|answered|fixed|finished|complete|completed|"
    r"done|over|approved|adopted|enacted|passed|developed|issued|in place|ready)|"
    r"without (?:a |an )?(?:federal|national|state|new|strong|clear)\s+(?:law|legislation|"
    r"rules|regulation))",
    re.I,
)

DURATION = re.compile(
    r"\b(one|two|three|four|five|six|\d{1,2}|a)[\s-]+(year|month)s?[\s-]*(?:long\s+)?"
    r"(?=\s*(?:moratorium|ban|pause|suspension))"
    r"|(?<!used\s)(?<!using\s)(?<!been\s)(?<!it\s)(?<!them\s)(?<!worked\s)(?<!tested\s)"
    # ("could not be touched for five years": how long the measure is locked, not its term)
    + "".join(rf"(?<!{w}\s)" for w in sorted(LOCK_VERBS)) +
    r"\bfor\s+(?:a\s+period\s+of\s+(?:up\s+to\s+)?)?"  # ("for a period of five years")
    r"(one|two|three|four|five|six|\d{1,3}|a|several|a\s+few)"
    r"(?:\s+(?:to|or)\s+(?:two|three|four|five|six|\d{1,3}))?"  # ("three to five years")
    r"\s+(year|month|week|day)s?\b"
    r"|\b(?:lapses?|expires?|ends?)\s+after\s+(one|two|three|four|five|six|\d{1,2}|a)\s+"
    r"(year|month)s?\b",
    re.I,
)

START_OF_YEAR = re.compile(r"\b(?:at\s+)?the\s+(start|beginning|end)\s+of\s+((?:19|20)\d\d)\b",
                           re.I)

#: words by which a pause is said to go on ("will keep police from using it until
#: further notice", "remain in place", "prolonging it")
CONTINUING = re.compile(r"\b(keeps?|keeping|continues?|continuing|remains?|remain in place|"
                        r"prolong\w*|until further notice|indefinitely)\b", re.I)

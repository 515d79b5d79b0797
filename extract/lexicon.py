"""Word lists and small regexes used by the sentence rules.

Kept apart from ``extract.rules`` so that the rules read as logic and the vocabulary can
be reviewed on its own.  Token-level cues (actions, statuses, negation) live in
``patterns/cues.jsonl``; what is here are the context words the rules look at around
those cues.
"""

from __future__ import annotations

import re

ACTION_PRIORITY = ("repeal", "extension", "exit", "moratorium", "ban", "restriction")
#: Families of actions that one measure can be called by ("the restriction on businesses"
#: referring back to a ban); a different family means a different event.
#: coarser families for headline-versus-body comparison: a headline's "won't sell" and
#: the body's "moratorium" are the same story
HEADLINE_FAMILY = {"ban": "stop", "moratorium": "stop", "restriction": "stop", "exit": "stop",
                   "extension": "extension", "repeal": "repeal"}
ACTION_FAMILY = {"ban": "ban", "moratorium": "ban", "restriction": "ban", "exit": "exit",
                 "extension": "extension", "repeal": "repeal"}

# cue words that are actions only next to a ban or moratorium ("lift the ban")
NEEDS_BAN = {
    "lift", "lifts", "lifted", "lifting", "reverse", "reversed", "reverses", "reversing",
    "reversal", "end", "ends", "ended", "ending", "extend", "extends", "extended", "extending",
    "extension", "renew", "renewed", "renews", "prolong", "prolonged", "allow", "allows",
    "allowed", "allowing", "let", "lets", "letting", "permit", "permits", "permitted",
    "permitting", "scrap", "scraps", "scrapped", "scrapping", "undo", "undid", "undoes",
    "undoing", "unwind", "unwound", "unwinds", "revoke", "revoked", "revokes", "revoking",
    "loosen", "loosened", "loosens", "loosening", "relax", "relaxed", "relaxes", "relaxing",
    "ease", "eased", "eases", "easing", "strike", "struck", "strikes", "striking", "drop",
    "dropped", "drops", "dropping", "for",  # "for another two years" extends only an existing pause
}
STRONG_ENACT = {
    "passed", "passes", "pass", "approved", "approves", "approve", "adopted", "adopts", "adopt",
    "signed", "signs", "sign", "enacted", "enacts", "enact", "voted", "votes", "vote",
    "unanimously", "approving", "passing", "adopting", "enacting", "ratified", "codified",
    "finalized", "took", "takes", "went", "goes", "put", "puts", "issued", "gave", "decided",
    "decides", "agreed", "chose", "opted",
}
MODALS = {"would", "could", "may", "might", "will", "expected", "plans", "plan", "planned", "set",
          "poised", "scheduled", "hopes", "wants", "seeks", "likely", "to", "should"}
#: proposal words that, said by a company about itself, are its (enacted) policy
COMPANY_POLICY_MODALS = {"would", "will", "plans", "plan", "planned", "set", "aims", "could"}
TARGET_PREV = {"to", "from", "urged", "urging", "urge", "urges", "asked", "asking", "against",
               "with", "than", "pressed", "pressuring", "lobbying", "lobbied", "for", "on",
               "including", "include", "includes", "told", "tells", "unlike", "required",
               "requires", "require", "requiring", "forced", "forces", "forcing", "ordered",
               "ordering", "directed", "directing", "compelled", "compels", "kept", "keeps",
               "keep", "prevented", "prevents", "prevent", "stopped", "stops", "ask", "asks",
               "hoped", "hopes", "hope", "wants", "wanted", "expects", "petitioned", "petition"}
AFTER_CUE_OK = {"in", "by", "across", "throughout", "within"}
REFERENCE_PREV = {"after", "like", "joining", "joined", "join", "joins", "following", "follows",
                  "followed"}
CHAIN_AFTER = {"follows", "followed", "following", "after", "joins", "joined", "joining"}
OWNED_NEXT = {"cities", "towns", "communities", "municipalities", "counties", "residents",
              "boroughs", "villages", "townships", "parishes", "borough", "township", "river",
              "voters", "police", "officials", "companies", "activists", "advocates", "groups",
              "city", "town", "village", "county", "suburb", "suburbs", "area", "-area",
              "resident", "native", "schools", "school", "students", "officers", "judge",
              "court", "courts", "attorney", "prosecutors", "department", "agencies",
              "representative", "rep.", "sen.", "senator", "delegation", "congressman",
              "congresswoman", "assemblyman", "assemblywoman", "democrat", "republican",
              "democrats", "republicans", "largest", "biggest", "capital", "deputies",
              "deputy", "sheriff", "sheriff's", "mayors", "maker", "makers", "company",
              "firm", "startup", "vendor", "retailer", "manufacturer", "developer"}
#: head words of a public body the agency list lacks ("the Office of the Australian
#: Information Commissioner", "New Zealand Police", "the Federal Trade Commission")
AGENCY_HEADS = {"commission", "commissioner", "authority", "ministry", "agency", "department",
                "regulator", "watchdog", "inspectorate", "police", "constabulary", "ombudsman",
                "prosecutor", "attorney"}

INSTITUTION_WORDS = {
    "university", "college", "institute", "school", "times", "post", "globe", "herald",
    "journal", "tribune", "chronicle", "news", "bank", "hospital", "airport", "museum",
    "foundation", "center", "centre", "press", "inc", "corp", "company", "club", "team",
    "stadium", "garden", "gardens", "street", "avenue", "state", "law", "medical", "high",
    "public", "timbers", "trail", "blazers", "patriots", "celtics", "red", "sox", "mariners",
    "seahawks", "river", "rainforest", "basin", "harbor", "airlines", "energy",
}
#: words showing that an unknown organisation in the sentence is a business
COMPANY_WORDS = {"company", "company's", "firm", "startup", "start-up", "vendor", "maker",
                 "retailer", "executive", "spokesperson", "spokeswoman", "spokesman",
                 "provider", "developer", "customers", "clients", "products", "product",
                 "shareholders", "investors", "makers", "manufacturer", "manufacturers",
                 "dealers", "rival", "rivals", "competitor", "competitors", "shares",
                 "revenue", "companies", "firms", "vendors", "startups"}
#: what an actor's act is called when a later sentence dates it ("IBM's letter came on June 8")
ACT_NOUNS = {"letter", "announcement", "decision", "vote", "statement", "pledge", "move",
             "pause", "ban", "moratorium", "order", "ordinance", "exit", "retreat"}
#: "the Redmond company", "the Seattle-based retailer": a company named by its town
COMPANY_NOUNS = {"company", "firm", "giant", "vendor", "retailer", "maker", "startup",
                 "start-up", "conglomerate", "chain", "manufacturer", "provider"}
#: settlement nouns of an appositive that introduces unknown towns ("Brimhollow and
#: Pembrose, neighbouring boroughs in western Pennsylvania")
SETTLEMENT_NOUNS = {"borough", "boroughs", "town", "towns", "city", "cities", "village",
                    "villages", "township", "townships", "suburb", "suburbs", "municipality",
                    "municipalities", "community", "communities", "hamlet"}
#: last words of many US town names: "Corbel Springs", "Ockham Ridge", "Kilbride Flats"
TOWN_SUFFIXES = {"Springs", "Falls", "Heights", "Ridge", "Creek", "Hills", "Harbor", "Harbour",
                 "Landing", "Junction", "Mills", "Bluff", "Bluffs", "Flats", "Mesa", "Pointe",
                 "Crossing", "Forge", "Hollow", "Grove", "Valley", "Township", "Cove", "Point",
                 "Mill", "Bend", "Beach", "Bay", "Lake", "Lakes", "Ferry", "Glen", "Basin", "Fork",
                 "Rapids", "Shores", "Plains", "Meadows", "Gap", "Cross"}
#: first words of many US town names: "Lake Anselm", "Port Calder", "Fort Dodge"
TOWN_PREFIXES = {"Lake", "Port", "Fort", "Mount", "Glen"}
#: last words of company names ("Brisanta Labs", "Quadrel Analytics")
CORPORATE_SUFFIXES = {"Labs", "Systems", "Technologies", "Technology", "Inc.", "Inc", "Corp.",
                      "Corp", "Corporation", "AI", "Analytics", "Vision", "Software", "Robotics",
                      "Networks", "Ltd", "Ltd.", "LLC", "Solutions", "Biometrics", "Security",
                      "Imaging", "Dynamics", "Sensing", "Holdings", "Devices", "Identity"}
#: words before a person's name ("filed by councilors Ricardo Arroyo and ..."): the
#: name after them is a person's even when the NER calls it an organisation
PERSON_TITLES = {"mr.", "ms.", "mrs.", "dr.", "sen.", "rep.", "gov.", "senator", "senators",
                 "representative", "representatives", "councilor", "councilors", "councillor",
                 "councilman", "councilwoman", "alderman", "alderwoman", "commissioner",
                 "commissioners", "mayor", "governor", "sheriff", "chief", "judge", "chair",
                 "chairman", "chairwoman", "ceo", "founder", "attorney", "lawmaker", "delegate",
                 "assemblymember", "supervisor", "supervisors", "trustee", "trustees"}
#: a headline's words for a page a company writes itself ("From the Tessaline
#: Biometrics blog: changes to our face APIs")
AUTHOR_WORDS = {"blog", "newsroom", "letter", "notes", "changelog", "announcement", "our"}
#: "Meta's decision to shut down ...": a company's act named by a noun
DECISION_NOUNS = {"decision", "move", "choice", "pledge", "promise", "announcement", "exit",
                  "retreat", "withdrawal", "pause", "moratorium"}
#: whose use a measure regulates, as the subject of the limits it sets
REGULATED_PARTIES = {"police", "officers", "agencies", "departments", "investigators",
                     "detectives", "deputies", "authorities"}
#: whom a company's access rules bind ("new customers must apply")
CUSTOMER_NOUNS = {"customers", "clients", "users", "buyers", "developers", "partners",
                  "agencies", "departments", "police"}
#: what a company's product is called after its name ("its Aurora line of cameras")
PRODUCT_NOUNS = {"line", "lines", "series", "range", "brand", "model", "models", "platform",
                 "product", "products", "cameras", "camera", "app", "software", "system",
                 "service", "suite", "module", "device", "devices"}
PLURAL_SETTLEMENTS = {"towns", "cities", "villages", "counties", "boroughs", "townships",
                      "communities"}
NUMBER_WORDS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "eleven", "twelve", "several", "few"}
#: what an election decides ("Question 5", "Proposition 2", "Measure K")
BALLOT_WORDS = {"question", "proposition", "measure", "referendum", "ballot", "initiative",
                "prop"}
#: nationality adjectives before a body ("Italian lawmakers") → the country's name
DEMONYMS = {"italian": "Italy", "french": "France", "german": "Germany",
            "british": "United Kingdom", "spanish": "Spain", "dutch": "Netherlands",
            "belgian": "Belgium", "irish": "Ireland",
            "swedish": "Sweden", "danish": "Denmark", "norwegian": "Norway", "finnish": "Finland",
            "polish": "Poland", "austrian": "Austria", "swiss": "Switzerland", "greek": "Greece",
            "portuguese": "Portugal", "canadian": "Canada", "australian": "Australia",
            "indian": "India", "japanese": "Japan", "chinese": "China", "brazilian": "Brazil",
            "mexican": "Mexico", "argentine": "Argentina", "russian": "Russia",
            "scottish": "United Kingdom", "welsh": "United Kingdom"}
#: words that put "in Washington" in the federal capital rather than the state
FEDERAL_WORDS = {"federal", "congress", "congressional", "senators", "senator", "sen.",
                 "congressman", "congresswoman", "u.s."}
#: an official's title → the department that official heads
OFFICIAL_AGENCY = {"education commissioner": "State Education Department",
                   "commissioner of education": "State Education Department"}
#: organisation names that are not businesses even when a company is mentioned nearby
NOT_COMPANY_WORDS = {"api", "apis", "sdk", "app", "ceo", "cto", "ai", "ocr", "faq", "beta",
                     "council", "department", "police", "commission", "committee", "board",
                     "union", "aclu", "association", "coalition", "alliance", "society",
                     "fund", "project", "network", "institute", "congress", "senate", "house",
                     "assembly", "legislature", "agency", "office", "authority", "court",
                     "ministry", "parliament", "government", "administration", "party",
                     "watch", "rights", "liberties", "campaign", "group", "reuters", "ap"}
SPEECH_VERBS = {"said", "says", "say", "wrote", "writes", "announced", "announces", "stated",
                "states", "told", "tells", "added", "adds", "explained", "posted", "tweeted",
                "according", "statement", "blog", "letter", "confirmed"}
DEMAND_WORDS = {"must", "should", "need", "needs", "ought", "urge", "demand", "call", "calling",
                "want"}
FIRST_PERSON = {"we", "our", "us", "we're", "we've", "we'll", "i"}
ANAPHOR_DETS = {"the", "its", "this", "that", "their", "his", "her", "such", "these", "those"}
ANAPHOR_OBJECTS = {"it", "them", "technology", "software", "system", "systems", "tool", "tools",
                   "practice", "use", "such", "this", "that", "tech", "product", "products",
                   "service", "services", "program", "programs", "its", "their"}
#: nouns that, as a clause's subject with "the/this/its", refer back to a measure
ANAPHOR_NOUNS = {"law", "laws", "measure", "measures", "ordinance", "ordinances", "ban", "bans",
                 "bill", "moratorium", "policy", "pause", "rule", "rules", "order", "directive",
                 "legislation", "prohibition", "restriction", "restrictions", "decision", "move",
                 "vote", "announcement", "change", "changes", "act", "proposal", "statute",
                 "limits", "moratoriums", "suspension", "regulation", "regulations", "amendment",
                 "provision", "provisions", "section", "version", "initiative", "question",
                 "extension", "renewal", "repeal", "reversal"}
#: A sentence without a topic term that is about some other technology.
OTHER_TECH = re.compile(
    r"\bother\s+(?:kinds?\s+of\s+|types?\s+of\s+|forms?\s+of\s+)?(?:\w+\s+)?"
    r"(?:surveillance|technolog(?:y|ies)|tools|gear|equipment|devices|systems)\b", re.I)
#: after a negation, an intention that is denied: "not planning a ban"
NEG_INTENT = {"planning", "considering", "pursuing", "seeking", "weighing", "contemplating",
              "expecting", "pushing", "proposing", "drafting"}
#: "she had heard no support on the council for a ban", "no appetite for limits": after
#: "no", a measure nobody is pursuing
NO_APPETITE = {"support", "appetite", "interest", "enthusiasm", "plans", "plan", "votes",
               "consensus", "momentum", "desire", "push", "proposal", "proposals", "bill",
               "bills"}
#: "is not covered by the ban", "exempt from it": its subject is outside the measure.
EXEMPT = {"covered", "subject", "affected", "bound", "exempt", "exempted", "exempts"}
#: "the first city to ban", "the latest state to adopt": a record, so enacted.
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "latest", "only"}
#: Verbs that say who wrote or backed a measure ("co-sponsored the ordinance").
AUTHORSHIP = {"sponsored", "co-sponsored", "cosponsored", "drafted", "authored", "wrote",
              "championed", "sponsoring", "drafting"}
#: what a member does with a measure; a town does not ("Jackson files ... ban")
FILING_VERBS = {"files", "filed", "introduces", "introduced", "sponsors", "drafts",
                "proposes", "unveils", "submits", "submitted"}
#: what an enactment without an action cue must be about to be remembered as pending
MEASURE_NOUNS = {"law", "laws", "act", "bill", "bills", "ordinance", "ordinances", "measure",
                 "measures", "legislation", "rules", "policy", "directive", "order", "regulation",
                 "regulations", "rulebook", "statute", "amendment", "proposal", "proposals",
                 "resolution", "question", "initiative", "draft", "article"}
#: a headline about one measure: "Bill tracker: California AB 1215", "S.B. 6280 signed"
MEASURE_TITLE = re.compile(
    r"\b(?:[AHS]\.?\s?B\.?|[HS]\.?\s?F\.?|L\.?\s?D\.?|Bill|Act|Ordinance|"
    r"Proposition|Question|Measure)\s+(?:No\.\s*)?\d+[A-Z]?\b|\bAct\b")
#: words of time after "extended the pause to": "the end of 2023", "next summer"
TIME_WORDS = {"end", "close", "middle", "start", "beginning", "fall", "spring", "summer",
              "winter", "autumn", "year", "next", "early", "late", "mid", "midyear"}
#: the people of a town, as in "voters in Morvennick", which names the town
RESIDENT_NOUNS = {"voters", "residents", "townspeople", "taxpayers", "officials",
                  "councilors", "councillors", "selectmen", "aldermen", "alders", "trustees"}
#: a pause turned into a ban: "make the halt permanent", "making its moratorium permanent"
MADE_PERMANENT = re.compile(r"\b(?:mak(?:e|es|ing)|made)\s+(?:the|its|their|this|that|a)\s+"
                            r"(?:[\w-]+\s+){0,2}(?:halt|pause|moratorium|freeze|suspension)"
                            r"(?:\s+[\w-]+){0,8}?\s+permanent\b", re.I)
#: words before "calls" that make it the noun ("amid growing calls for a ban")
BEFORE_NOUN_CALLS = {",", ":", "amid", "the", "new", "renewed", "growing", "louder", "as",
                     "despite", "after", "with", "more", "fresh", "and", "rejecting",
                     "rejected", "ignoring", "ignored", "resisting", "resisted", "heeding",
                     "heeded", "answering", "answered", "defying"}
#: what a court or official may refuse to do to others ("refused to order ... to stop")
COMPEL_VERBS = {"order", "require", "force", "compel", "direct", "instruct", "make"}
#: a legislature named again by its common noun alone ("approved by the board")
BARE_BODY_NOUNS = {"board", "council", "commission", "commissioners", "supervisors",
                   "selectboard", "aldermen", "legislature", "assembly"}
#: several bodies named at once ("the two town councils")
PLURAL_BODY_NOUNS = {"councils", "boards", "legislatures", "commissions", "selectboards",
                     "towns", "cities", "counties", "governments"}
#: documents whose terms are no measure ("an agreement that prohibits covert tracking")
AGREEMENT_NOUNS = {"agreement", "agreements", "contract", "contracts", "license", "licence",
                   "pledge", "affidavit", "certification", "form", "application"}
#: things banned that are not the technology (README: "bans of other things"), as the
#: object right after a ban word: "banned fireworks", "a ban on face masks"
OTHER_BANNED = {"fireworks", "plastic", "bags", "straws", "styrofoam", "smoking", "vaping",
                "e-cigarettes", "cigarettes", "masks", "mask", "coverings", "tiktok", "drones",
                "stoves", "cannabis", "marijuana", "guns", "firearms", "books", "leaf",
                "camping", "panhandling", "scooters"}
#: the technology named as a thing ("reinstating a tool that the council had outlawed")
TOOL_NOUNS = {"tool", "tools", "technology", "software", "practice", "system"}
#: a try at a measure ("a first attempt to undo the ban collapsed")
ATTEMPT_NOUNS = {"attempt", "attempts", "effort", "efforts", "bid", "try", "push", "drive"}
PRONOUN_SUBJECTS = {"it", "they", "he", "she"}
#: a headline's words for a body's record of its own meeting ("Quarlesby City Council,
#: regular meeting of April 6 — draft minutes", "summary of actions")
MEETING_WORDS = {"minutes", "meeting", "session", "agenda", "actions", "proceedings"}
#: what an agenda item is called in minutes ("Item 6, Ordinance 2021-11, establishing ...")
ITEM_NOUNS = MEASURE_NOUNS | {"item", "motion"}
#: "the motion carried 5-2", "the amendment failed 2-3", "it passed 4-1": how minutes
#: record the outcome of a motion made in the sentence before
MOTION_OUTCOME = re.compile(
    r"\b(?:motion|amendment|ordinance|resolution|measure|item|it)\b[^.;:]{0,30}?\b"
    r"(?P<verb>carried|passed|prevailed|was adopted|was approved|failed|was defeated|"
    r"was rejected|lost)\b", re.I)
#: the start of the next agenda item in minutes ("Item 8: ...", "8. ..."), which closes
#: the motions of the one before
AGENDA_ITEM_START = re.compile(r"\s*(?:(?:agenda\s+)?item\s+\d+\b|\d{1,2}\.\s)", re.I)
MOTION_FAILED = {"failed", "was defeated", "was rejected", "lost"}
#: words opening a fronted subordinate clause, which ends at its comma
SUBORDINATORS = {"while", "although", "though", "whereas", "after", "when", "because", "as",
                 "since", "before", "once", "unlike", "like"}
CLAUSE_CONJ = {"and", "but", "while", "whereas", "although", "though", "yet"}
OPPOSING = {"objected", "objects", "opposed", "opposes", "opposing", "criticized", "criticised",
            "criticizes", "resisted", "resists", "fought", "fights", "warned", "argued", "argue",
            "argues", "worried", "object", "oppose", "criticize", "criticise"}
#: a speaker's demand, not a body's act: "Massachusetts should press pause"
DEMAND_MODALS = {"should", "must", "ought", "needs", "need"}
HYPOTHETICAL = {"whether", "if", "unless", "instead"}
#: hopes and wishes are not measures before a body ("she hopes to bring forward ...")
VAGUE_INTENT = {"hopes", "hope", "hoping", "hoped", "wishes", "wish", "dreams", "aspires",
                "wants", "wanted", "want", "intends", "intend", "eager", "claim", "claims",
                "claimed", "claiming", "alleged", "alleging", "rumored", "falsely"}
#: what may stand between "and" and the verb of a coordinated clause with the same subject
AUXILIARIES = {"will", "would", "also", "has", "have", "had", "is", "was", "are", "were", "to",
               "then", "later", "now", "further", "separately", "plans", "said", "says", "it",
               "be", "soon", "not", "immediately"}
#: an exit someone else imposes is a penalty or a court's order, not the company's policy
COMPULSION = {"ordered", "orders", "order", "required", "requires", "require", "forced",
              "forces", "force", "directed", "directs", "compelled", "compels"}
#: an exit with exceptions is a restriction ("most private companies", "except banks")
CARVE_OUT = re.compile(r"\b(most|certain|except|excluding|other than|with (?:some |few )?"
                       r"exceptions?|carve-outs?)\b", re.I)
QUOTES_OPEN = {"“", '"', "«", "``"}
QUOTES_CLOSE = {"”", '"', "»", "''"}
FUTURE_WORDS = {"will", "next", "scheduled", "expected", "upcoming", "plans", "planned", "set"}
PAST_CONTEXT = {"voted", "votes", "vote", "moved", "became", "becomes", "first", "second", "third",
                "latest", "last", "city", "state", "decided", "agreed"}
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "outskirts", "suburbs"}
#: capitalised words that start no place name ("Democratic lawmakers", "Gov. Newsom")
NOT_PLACE_WORDS = {
    "the", "a", "an", "democratic", "republican", "gop", "federal", "state", "national", "u.s.",
    "senate", "house", "progressive", "local", "several", "two", "three", "many", "some",
    "other", "new", "gov", "gov.", "governor", "mayor", "chief", "police", "city", "county",
    "town", "village", "council", "board", "in", "on", "at", "of", "and", "but", "when",
    "after", "before", "while", "supporters", "critics", "officials", "members", "under",
    "metropolitan", "greater", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "last", "this", "that", "its",
    "their", "his", "her", "both", "each", "every", "all", "no", "it", "he", "she", "they",
    "we", "our", "former", "interim", "acting", "deputy", "assistant", "sheriff",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "downtown", "suburban", "rural", "neighboring", "nearby", "like", "unlike", "for", "from",
    "to", "by", "with", "as", "if", "since", "until", "only", "even", "also",
    # sentence adverbs that open a sentence in title case: "Meanwhile Pell Harbor banned"
    "meanwhile", "separately", "elsewhere", "still", "instead", "however", "similarly",
    "likewise", "finally", "later", "earlier", "today", "yesterday", "now", "then",
}

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
    r"\s+(?:in|on|at)?\s*$",
    re.I,
)
INDEFINITE = re.compile(
    r"\b(indefinite(?:ly)?|until further notice|for now|for as long as|"
    r"until (?:congress|the federal government"
    r"|lawmakers|the legislature|the state|there (?:is|are)|a federal law|federal|national|"
    r"strong|a national|legislation|laws?|rules|it|they|state|the council|the city)\b|"
    r"until \w+ (?:passes|pass|enacts|enact|puts?|authori[sz]es?|approves?|lifts?)|"
    r"until (?:the |its |their )?(?:general assembly|legislature|lawmakers|congress|"
    r"parliament|council)"
    r" (?:\w+ly )?(?:passes|pass|enacts|enact|authori[sz]es?|approves?|allows?|permits?)|"
    r"until (?:the )?(?:[\w'’-]+ ){0,10}(?:are|is|have been|has been) (?:worked out|resolved|"
    r"addressed|settled|answered|fixed|finished|complete|completed|done|over)|"
    r"without (?:a |an )?(?:federal|national|state|new|strong|clear)\s+(?:law|legislation|"
    r"rules|regulation))",
    re.I,
)
DURATION = re.compile(
    r"\b(one|two|three|four|five|six|\d{1,2}|a)[\s-]+(year|month)s?[\s-]*(?:long\s+)?"
    r"(?=\s*(?:moratorium|ban|pause|suspension))"
    r"|(?<!used\s)(?<!using\s)(?<!been\s)(?<!it\s)(?<!them\s)(?<!worked\s)(?<!tested\s)"
    r"\bfor\s+(one|two|three|four|five|six|\d{1,2}|a)\s+(year|month)s?\b"
    r"|\b(?:lapses?|expires?|ends?)\s+after\s+(one|two|three|four|five|six|\d{1,2}|a)\s+"
    r"(year|month)s?\b",
    re.I,
)
START_OF_YEAR = re.compile(r"\b(?:at\s+)?the\s+(start|beginning|end)\s+of\s+((?:19|20)\d\d)\b",
                           re.I)


#: "the Oregon city", "the western Massachusetts city", "a north Georgia board"
LOCALITY_NOUNS = (r"city|town|village|county|suburb|borough|township|community|board|council|"
                  r"municipality|capital|hamlet|seaport|port city|resort town|college town|"
                  r"commission|county's|city's|town's|village's")

#: words by which a pause is said to go on ("will keep police from using it until
#: further notice", "remain in place", "prolonging it")
CONTINUING = re.compile(r"\b(keeps?|keeping|continues?|continuing|remains?|remain in place|"
                        r"prolong\w*|until further notice|indefinitely)\b", re.I)

#: verbs by which a body makes a measure ("a pause that the Legislature imposed")
ENACTING_VERBS = {"imposed", "adopted", "passed", "approved", "enacted", "announced", "signed",
                  "put", "placed", "ordered", "declared", "issued", "introduced", "voted"}

"""The failure kinds the real-news set showed (issue #15), each in sentences of our own.

Real reporting is plainer than the gold parts: a company "is no longer offering" the
product, a follower comes "with <City> following soon after". Each row is a real public
event told in new words, with the events it must give (actor, region, action, status,
date).
"""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import facts, keys

CASES = [
    pytest.param(
        "IBM told members of Congress in June 2020 that it is no longer offering general "
        "purpose face recognition software.",
        date(2020, 6, 9),
        {("IBM", None, "exit", "enacted", "2020-06")},
        id="no-longer-offering",
    ),
    pytest.param(
        "Microsoft said it would also not be selling its face recognition technology to "
        "police departments until a federal law governs it.",
        date(2020, 6, 12),
        {("Microsoft", None, "moratorium", "enacted", "2020-06-12")},
        id="would-not-be-selling",
    ),
    pytest.param(
        "The company won't be offering its face matching tool to law enforcement for now.",
        date(2020, 6, 12),
        set(),
        id="no-actor-no-event",
    ),
    pytest.param(
        "San Francisco barred its agencies from using facial recognition in May 2019, with "
        "Oakland following soon after.",
        date(2020, 1, 10),
        {("San Francisco", "CA", "ban", "enacted", "2019-05"),
         ("Oakland", "CA", "ban", "enacted", None)},
        id="with-follower-following",
    ),
    pytest.param(
        "The city council in Portland, Oregon, banned facial recognition in stores in "
        "September 2020, following a long debate.",
        date(2020, 9, 10),
        {("Portland", "OR", "ban", "enacted", "2020-09")},
        id="following-a-debate-is-no-follower",
    ),
    pytest.param(
        "The Dutch parliament introduced a temporary moratorium on facial recognition in "
        "public spaces in 2021.",
        date(2021, 5, 3),
        {("Netherlands", None, "moratorium", "enacted", "2021")},
        id="a-parliament-introduces-a-moratorium",
    ),
    pytest.param(
        "Jackson's city council introduced a ban on police use of facial recognition in "
        "August 2020.",
        date(2020, 8, 20),
        {("Jackson", "MS", "ban", "proposed", "2020-08")},
        id="a-us-council-introduces-a-ban",
    ),
    pytest.param(
        "Members of the European Parliament introduced a ban on facial recognition in "
        "public spaces in 2021.",
        date(2021, 10, 6),
        {("European Union", None, "ban", "proposed", "2021")},
        id="the-eu-parliament-only-proposes",
    ),
    pytest.param(
        "Vermont's legislature failed to pass a proposed ban on facial recognition in 2019 "
        "but has recently passed a modified bill that adds restrictions on police use of "
        "the technology.",
        None,
        {("Vermont", "VT", "ban", "failed", "2019"),
         ("Vermont", "VT", "restriction", "enacted", None)},
        id="but-turns-to-a-second-act",
    ),
    pytest.param(
        "Alameda barred the use of facial recognition on Tuesday. Cities that have banned "
        "the use of the technology include Oakland, San Francisco and Berkeley.",
        date(2019, 12, 18),
        {("Alameda", "CA", "ban", "enacted", "2019-12-17"),
         ("Oakland", "CA", "ban", "enacted", None),
         ("San Francisco", "CA", "ban", "enacted", None),
         ("Berkeley", "CA", "ban", "enacted", None)},
        id="places-that-have-banned-it-include",
    ),
    pytest.param(
        "Worcester became the latest Massachusetts city to ban government use of face "
        "surveillance, joining Boston and Somerville—as well as cities elsewhere, including "
        "New Orleans.",
        date(2021, 12, 15),
        {("Worcester", "MA", "ban", "enacted", "2021-12-15"),
         ("Boston", "MA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None),
         ("New Orleans", "LA", "ban", "enacted", None)},
        id="a-list-goes-on-past-a-dash",
    ),
    pytest.param(
        "The European Parliament voted on Wednesday to ban real-time facial recognition in "
        "public spaces, setting up talks with the member states.",
        date(2023, 6, 15),
        {("European Union", None, "ban", "proposed", "2023-06-14")},
        id="a-eu-parliament-vote-is-a-stage",
    ),
    pytest.param(
        "The European Parliament gave its final approval on Wednesday to a law that bans "
        "real-time facial recognition in public spaces.",
        date(2024, 3, 14),
        {("European Union", None, "ban", "enacted", "2024-03-13")},
        id="its-final-approval-enacts",
    ),
    pytest.param(
        "Cities across the United States have passed bans, and on Wednesday Portland, "
        "Oregon, barred private businesses from using facial recognition.",
        date(2020, 9, 10),
        {("Portland", "OR", "ban", "enacted", "2020-09-09")},
        id="across-the-country-is-no-actor",
    ),
    pytest.param(
        "The UK's data protection watchdog on Friday ordered the outsourcing firm Serco to "
        "stop using facial recognition to check in staff at its leisure centres.",
        date(2024, 2, 23),
        {("Information Commissioner's Office", None, "ban", "enacted", "2024-02-23")},
        id="country-watchdog-orders-a-stop",
    ),
    pytest.param(
        "The Hellenic Data Protection Authority fined Clearview AI and ordered the company to "
        "stop processing the faces of people in Greece for its facial recognition search.",
        date(2022, 7, 14),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-14")},
        id="the-ordered-company-does-not-act",
    ),
    pytest.param(
        "Rep. Yvette Clarke (D-NY) filed a bill on Thursday that would require police to get a "
        "warrant before running facial recognition searches.",
        date(2022, 9, 30),
        {("United States", None, "restriction", "proposed", "2022-09-29")},
        id="member-with-party-and-state-sits-in-congress",
    ),
    pytest.param(
        "Congresswoman Ayanna Pressley introduced a bill to ban facial recognition in public "
        "housing.",
        date(2019, 7, 25),
        # (the filing is the story's own news: the page's date, as the real-news gold has it)
        {("United States", None, "ban", "proposed", "2019-07-25")},
        id="congresswoman",
    ),
    pytest.param(
        "The Toronto Police Service said on Thursday that its officers had stopped using "
        "Clearview AI's facial recognition app.",
        date(2020, 2, 14),
        {("Toronto Police Service", None, "ban", "enacted", "2020-02-13")},
        id="police-service-keeps-its-name",
    ),
    pytest.param(
        "The RCMP said in July that it had stopped using Clearview AI's facial recognition "
        "software.",
        date(2020, 7, 10),
        {("Royal Canadian Mounted Police", None, "ban", "enacted", "2020-07")},
        id="national-police-by-acronym",
    ),
    pytest.param(
        "Banning facial recognition in schools was the subject of a forum for parents on "
        "Tuesday.",
        date(2021, 3, 2),
        set(),
        id="banning-opens-a-sentence-not-a-city",
    ),
    pytest.param(
        "Portland would join San Francisco and Boston in banning government use of facial "
        "recognition.",
        date(2020, 8, 20),
        {("Portland", "OR", "ban", "proposed", None),
         ("San Francisco", "CA", "ban", "enacted", None),
         ("Boston", "MA", "ban", "enacted", None)},
        id="those-joined-already-acted",
    ),
    pytest.param(
        "Worcester voted to ban facial recognition on Tuesday. Other Massachusetts cities "
        "that have barred the technology include Brookline, Cambridge, Eastfordham, "
        "Northampton and Somerville.",
        date(2021, 12, 16),
        {("Worcester", "MA", "ban", "enacted", "2021-12-14"),
         ("Brookline", "MA", "ban", "enacted", None),
         ("Cambridge", "MA", "ban", "enacted", None),
         ("Northampton", "MA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None)},
        id="include-list-past-an-unknown-name",
    ),
    pytest.param(
        "Worcester on Tuesday became the eighth town in Massachusetts to ban facial "
        "recognition. Meanwhile, King County, Washington—the state's most populous "
        "county—passed a ban earlier this year.",
        date(2021, 12, 16),
        {("Worcester", "MA", "ban", "enacted", "2021-12-14"),
         ("King County", "WA", "ban", "enacted", "2021")},
        id="appositive-state-is-no-actor",
    ),
    pytest.param(
        "The IRS said on Monday that it would stop using the ID.me facial recognition "
        "service to verify taxpayers who open online accounts.",
        date(2022, 2, 8),
        {("Internal Revenue Service", None, "ban", "enacted", "2022-02-07")},
        id="agency-ends-its-own-use-for-good",
    ),
    pytest.param(
        "The Toronto Police Service said on Thursday that it would stop using facial "
        "recognition for 90 days while it reviews how officers used the app.",
        date(2020, 2, 14),
        {("Toronto Police Service", None, "moratorium", "enacted", "2020-02-13")},
        id="a-stop-for-some-days-is-a-pause",
    ),
    pytest.param(
        "Kmart, the Wesfarmers-owned retail chain, has stopped using facial recognition in "
        "its stores while the privacy commissioner investigates a complaint.",
        date(2022, 7, 26),
        {("Kmart", None, "moratorium", "enacted", "2022-07-26")},
        id="retailers-pause-while-a-complaint-is-investigated",
    ),
    pytest.param(
        "Officials in Kansas City, Missouri, plan to run facial recognition on bus cameras "
        "against a list of banned riders.",
        date(2026, 6, 21),
        set(),
        id="banned-riders-are-people",
    ),
    pytest.param(
        "Lockport weighs adding suspended students to its facial recognition database",
        date(2020, 1, 3),
        set(),
        id="suspended-students-are-people",
    ),
    pytest.param(
        "The Los Angeles Police Department barred officers and detectives on Friday from "
        "running searches on outside face recognition platforms.",
        date(2020, 11, 19),
        {("Los Angeles Police Department", "CA", "ban", "enacted", "2020-11-13")},
        id="barred-officers-from-is-a-ban",
    ),
    pytest.param(
        "Japan: JR East halts its plan to spot former convicts at stations with facial "
        "recognition",
        date(2021, 9, 22),
        {("JR East", None, "moratorium", "enacted", "2021-09-22")},
        id="a-headline-tag-is-no-actor",
    ),
    pytest.param(
        "On Wednesday the Hellenic Data Protection Authority ordered the facial recognition "
        "company Clearview AI to cease any processing of data on people in Greece.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-13")},
        id="ordered-to-cease-any-processing",
    ),
    pytest.param(
        "The Alameda City Council will decide Tuesday night whether to bar city departments "
        "from using facial recognition software.",
        date(2019, 12, 17),
        {("Alameda", "CA", "ban", "proposed", None)},
        id="decide-on-a-day-whether-to-ban",
    ),
    pytest.param(
        "A new ordinance bars Portland, Oregon, businesses from using facial recognition in "
        "their stores from January.",
        date(2020, 9, 10),
        {("Portland", "OR", "ban", "enacted", "2020-09-10")},
        id="the-town-whose-stores-a-ban-binds",
    ),
    pytest.param(
        "Oakland barred city agencies from using facial recognition in July, with the "
        "Somerville City Council in Massachusetts following suit in June.",
        date(2019, 7, 20),
        {("Oakland", "CA", "ban", "enacted", "2019-07"),
         ("Somerville", "MA", "ban", "enacted", "2019-06")},
        id="a-council-and-its-state-follow-suit",
    ),
    pytest.param(
        "NEW ORLEANS -- The City Council reversed itself on Thursday and approved police use "
        "of facial recognition to investigate violent crimes.",
        date(2022, 7, 22),
        {("New Orleans", "LA", "repeal", "enacted", "2022-07-21")},
        id="reversed-itself-and-approved-use",
    ),
    pytest.param(
        "A bill in the state Senate that would have extended California's ban on police use "
        "of facial recognition came up two votes short this summer.",
        date(2022, 12, 1),
        {("California", "CA", "extension", "failed", "2022")},
        id="came-up-two-votes-short",
    ),
    pytest.param(
        "California became the third state to bar facial recognition from police body "
        "cameras when Gov. Gavin Newsom signed the bill on Tuesday.\n"
        "The measure, which will last until at least 2023, does not bar police from using "
        "facial recognition on other cameras.",
        date(2019, 10, 9),
        {("California", "CA", "moratorium", "enacted", "2019-10-08")},
        id="a-measure-that-lasts-until-a-year-is-a-pause",
    ),
    pytest.param(
        "When Utah lawmakers first took up the issue in September, some of them voiced support "
        "for banning facial recognition searches of driver license photos.",
        date(2019, 11, 21),
        set(),
        id="support-for-banning-is-an-opinion",
    ),
    pytest.param(
        "On Friday, a Montana House Committee passed a bill that would place limits on law "
        "enforcement use of facial recognition.",
        date(2021, 3, 1),
        {("Montana", "MT", "restriction", "proposed", "2021-02-26")},
        id="a-committees-vote-is-a-stage",
    ),
    pytest.param(
        "Similar bans on facial recognition are already in place in many other cities, "
        "including Oakland and Somerville.",
        date(2019, 12, 11),
        {("Oakland", "CA", "ban", "enacted", None), ("Somerville", "MA", "ban", "enacted", None)},
        id="other-cities-including-no-one-joining",
    ),
    pytest.param(
        "The struggle to ban government use of facial recognition now moves to the state "
        "legislature and to other cities, including Cambridge.",
        date(2019, 6, 28),
        set(),
        id="a-struggle-to-ban-is-a-movement",
    ),
    pytest.param(
        "Virginia lawmakers backtracked on the state's ban on police use of facial "
        "recognition in March 2022.",
        date(2022, 4, 2),
        {("Virginia", "VA", "repeal", "enacted", "2022-03")},
        id="backtracked-on-a-ban-lifts-it",
    ),
    pytest.param(
        "Northampton got rid of facial recognition technology in 2020.",
        date(2021, 6, 1),
        {("Northampton", "MA", "ban", "enacted", "2020")},
        id="got-rid-of-is-a-ban",
    ),
    pytest.param(
        "The Baltimore ordinance followed a similar ban on the use of facial recognition by "
        "private businesses in Portland, Oregon, enacted in 2020.",
        date(2023, 1, 9),
        {("Portland", "OR", "ban", "enacted", "2020")},
        id="followed-a-similar-ban-in-another-place",
    ),
    pytest.param(
        "Gov. Andrew Cuomo on Dec. 22 signed into law a bill passed this summer by the state "
        "legislature that halts the use of facial recognition in New York schools until 2022.",
        date(2020, 12, 30),
        {("New York", "NY", "moratorium", "enacted", "2020-12-22")},
        id="the-signature-dates-the-law-not-the-passage",
    ),
    pytest.param(
        # a byline and a fine may take the lead's place; the order told alone in the
        # paragraph after them is still the story's news, dated by the page
        "Greek watchdog fines Clearview AI\n\n"
        "Greece's privacy regulator has fined the facial recognition company Clearview AI "
        "20 million euros.\n\n"
        "Jane Doe reports:\n\n"
        "The Hellenic Data Protection Authority ordered the company to stop processing "
        "facial recognition data on people in Greece.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-15")},
        id="the-act-after-a-byline-and-a-fine-is-the-storys-news",
    ),
    pytest.param(
        # "which passed similar bans this year" dates the places joined, not the joiner,
        # whose act is the story's news and takes the page's day
        "The town of Brookline recently voted to pass a ban on municipal use of face "
        "surveillance technology. Brookline now joins Somerville and three California "
        "cities, which passed similar bans this year.",
        date(2019, 12, 19),
        {("Brookline", "MA", "ban", "enacted", "2019-12-19"),
         ("Somerville", "MA", "ban", "enacted", "2019")},
        id="a-relative-clause-told-of-those-joined-dates-only-them",
    ),
    pytest.param(
        "RICHMOND, Va. -- Lawmakers in Virginia have approved legislation that would let "
        "local police use facial recognition in some cases.\n"
        "The legislation would repeal a strict ban on police use of the technology passed "
        "last year.\n"
        "Under the bill approved Thursday, facial recognition could also be used to identify "
        "victims.",
        date(2022, 3, 11),
        {("Virginia", "VA", "repeal", "enacted", "2022-03-10"),
         ("Virginia", "VA", "ban", "enacted", "2021")},
        id="the-bill-approved-thursday-dates-the-act",
    ),
    pytest.param(
        "The King County Council voted unanimously on Tuesday to bar county agencies from "
        "using facial recognition.",
        date(2021, 6, 2),
        {("King County", "WA", "ban", "enacted", "2021-06-01")},
        id="the-populous-county-of-a-shared-name",
    ),
    pytest.param(
        "The privacy commissioner announced on Monday that Clearview AI will stop offering "
        "its facial recognition service in Canada.",
        date(2020, 7, 7),
        {("Clearview AI", None, "exit", "enacted", "2020-07-06")},
        id="only-the-business-exits",
    ),
    pytest.param(
        "The EU's AI Act moved a step closer on Wednesday with a ban on facial recognition "
        "in public places.",
        date(2023, 6, 15),
        {("European Union", None, "ban", "proposed", "2023-06-14")},
        id="a-step-closer-is-not-there-yet",
    ),
    pytest.param(
        "Gurbir Grewal, New Jersey's attorney general, told prosecutors on Friday that "
        "police officers should stop using the Clearview AI facial recognition app.",
        date(2020, 1, 25),
        {("New Jersey Attorney General", "NJ", "ban", "enacted", "2020-01-24")},
        id="a-state-attorney-general-orders-a-stop",
    ),
    pytest.param(
        "Organizers of the Denver ballot initiative to ban facial recognition did not turn in "
        "any signatures by the May 4 deadline.",
        date(2020, 5, 5),
        {("Denver", "CO", "ban", "failed", "2020-05-04")},
        id="an-initiative-without-signatures-fails",
    ),
    pytest.param(
        "The Good Guys has paused its trial of facial recognition in two stores while the "
        "privacy commissioner looks into a complaint.",
        date(2022, 7, 12),
        {("The Good Guys", None, "moratorium", "enacted", "2022-07-12")},
        id="a-retailer-the-ner-takes-for-people",
    ),
    pytest.param(
        "Rep. Ayanna Pressley (MA-07) and Rashida Tlaib (MI-13) announced a bill on Thursday to "
        "ban facial recognition in federally funded public housing.",
        date(2019, 7, 26),
        {("United States", None, "ban", "proposed", "2019-07-25")},
        id="members-named-with-their-districts-sit-in-congress",
    ),
    pytest.param(
        "Berkeley, Oakland and San Francisco have all banned facial recognition as part of "
        "their surveillance laws, citing the harm the technology would do to privacy.",
        date(2020, 6, 20),
        {("Berkeley", "CA", "ban", "enacted", "2020-06-20"),
         ("Oakland", "CA", "ban", "enacted", "2020-06-20"),
         ("San Francisco", "CA", "ban", "enacted", "2020-06-20")},
        id="a-would-past-a-comma-is-another-things",
    ),
    pytest.param(
        "Members of the European Parliament approved the Artificial Intelligence Act on "
        "Wednesday, 13 March. Under the new rules, some uses of artificial intelligence are "
        "banned. Among them is the untargeted scraping of faces from the internet to build "
        "facial recognition databases.",
        date(2024, 3, 14),
        {("European Union", None, "ban", "proposed", "2024-03-13")},
        id="under-the-new-rules-of-a-parliament-vote",
    ),
    pytest.param(
        "The text agreed with the Council of the EU includes a prohibition on the use of AI "
        "for:\n\n- social scoring;\n- untargeted scraping of faces to build facial recognition "
        "databases.",
        date(2023, 12, 9),
        {("European Union", None, "ban", "enacted", "2023-12-09")},
        id="a-prohibition-whose-list-names-the-topic",
    ),
    pytest.param(
        "The Portland City Council in Maine voted Monday night to postpone a vote on an "
        "ordinance that would prohibit city staff from using facial recognition.",
        date(2020, 1, 7),
        {("Portland", "ME", "ban", "proposed", "2020-01-06")},
        id="a-vote-to-postpone-leaves-a-proposal",
    ),
    pytest.param(
        "B.C. Information and Privacy Commissioner Michael McEvoy ordered Clearview AI on "
        "Tuesday to stop collecting facial images of people in the province.",
        date(2021, 12, 15),
        {("Information and Privacy Commissioner for British Columbia", None, "ban", "enacted",
          "2021-12-14")},
        id="a-provincial-commissioner-orders-a-stop",
    ),
    pytest.param(
        "Italy's privacy regulator fined Clearview AI on Wednesday. Any further collection of "
        "face images by the company is also prohibited.",
        date(2022, 3, 9),
        set(),
        id="collection-by-the-company-is-what-is-prohibited",
    ),
    pytest.param(
        "If the ordinance passes, Portland, Maine, will join other cities including Boston and "
        "Oakland in banning facial recognition.",
        date(2020, 8, 1),
        {("Boston", "MA", "ban", "enacted", None), ("Oakland", "CA", "ban", "enacted", None)},
        id="precedents-of-a-hypothetical-still-acted",
    ),
    pytest.param(
        "San Francisco banned facial recognition in May 2019. Somerville and Oakland have "
        "since adopted similar restrictions.",
        date(2019, 8, 1),
        {("San Francisco", "CA", "ban", "enacted", "2019-05"),
         ("Somerville", "MA", "ban", "enacted", "2019-08-01"),
         ("Oakland", "CA", "ban", "enacted", "2019-08-01")},
        id="similar-restrictions-copy-the-ban",
    ),
    pytest.param(
        "Northampton banned facial recognition in February 2020. The Northampton police chief "
        "is against a ban, and the Springfield police commissioner supported the ordinance "
        "that put the ban in place.",
        date(2020, 2, 20),
        {("Northampton", "MA", "ban", "enacted", "2020-02")},
        id="an-opinion-of-a-ban-is-no-act",
    ),
    pytest.param(
        "Portland's new law goes much further than other bans on facial recognition.",
        date(2020, 9, 10),
        set(),
        id="further-than-other-bans-is-a-comparison",
    ),
    pytest.param(
        "Somerville banned facial recognition on Tuesday. The ordinance exempts temporary "
        "art installations that use it.",
        date(2019, 6, 28),
        {("Somerville", "MA", "ban", "enacted", "2019-06-25")},
        id="temporary-things-do-not-make-a-pause",
    ),
    pytest.param(
        "Detroit police said on Monday they will stop using facial recognition on live video.",
        date(2019, 9, 17),
        {("Detroit Police Department", "MI", "ban", "enacted", "2019-09-16")},
        id="a-towns-police-by-their-bare-name",
    ),
    pytest.param(
        "New Zealand Police have postponed the rollout of live facial recognition until its "
        "effects are better understood, officials said on Thursday.",
        date(2021, 12, 10),
        {("New Zealand Police", None, "moratorium", "enacted", "2021-12-09")},
        id="postponing-the-rollout-is-a-pause",
    ),
    pytest.param(
        "Somerville banned facial recognition in June. Residents of Cambridge fully support "
        "Somerville's ban.",
        date(2019, 7, 1),
        {("Somerville", "MA", "ban", "enacted", "2019-06")},
        id="support-for-a-named-ban-leaves-it-standing",
    ),
    pytest.param(
        "Berkeley Becomes Fourth U.S. City to Ban Police Use of Facial Recognition\n\n"
        "The city council in Berkeley, California voted on Tuesday night to ban the technology.",
        date(2019, 10, 16),
        {("Berkeley", "CA", "ban", "enacted", "2019-10-15")},
        id="a-headline-word-read-as-an-act-is-no-town",
    ),
    pytest.param(
        "Mainers for Fair Policing handed out flyers outside the polls. The Portland City "
        "Council voted on Monday to ban facial recognition.",
        date(2020, 8, 5),
        {("Portland", "ME", "ban", "enacted", "2020-08-03")},
        id="a-states-people-place-the-story",
    ),
    pytest.param(
        "Because of what the Federal Trade Commission described as careless use of facial "
        "recognition in its stores, the pharmacy chain is now barred from using it for five "
        "years.",
        date(2023, 12, 20),
        {("Federal Trade Commission", None, "moratorium", "enacted", "2023-12-20")},
        id="a-business-barred-in-the-passive-by-the-agency-named",
    ),
    pytest.param(
        "On Wednesday the European Parliament approved the Artificial Intelligence Act by a "
        "wide margin.",
        date(2024, 3, 15),
        {("European Union", None, "ban", "proposed", "2024-03-13")},
        id="a-measure-known-by-name-at-a-stage",
    ),
    pytest.param(
        "EU ministers gave final approval to the Artificial Intelligence Act on Tuesday. Police "
        "may still use live facial recognition in public, but only for a short list of serious "
        "crimes.",
        date(2024, 5, 22),
        {("European Union", None, "restriction", "enacted", "2024-05-21")},
        id="what-the-named-measure-does-stands-for-it",
    ),
    pytest.param(
        "Deputy Police Chief Anna Ruiz effectively banned the use of facial recognition for "
        "the LAPD on Tuesday.",
        date(2020, 11, 19),
        {("Los Angeles Police Department", "CA", "ban", "enacted", "2020-11-17")},
        id="a-chief-without-a-town-serves-the-force-named",
    ),
    pytest.param(
        "Gov. Jared Polis of Colorado on June 8 signed into law the \u201cSchools Must Ban Facial "
        "Recognition\u201d bill.",
        date(2022, 6, 9),
        {("Colorado", "CO", "ban", "enacted", "2022-06-08")},
        id="a-quoted-bill-name-is-no-quote-and-no-demand",
    ),
    pytest.param(
        "Reps. Yvette Clarke (D-NY) and Ayanna Pressley (D-MA) on Monday reintroduced the "
        "Housing Privacy Act, which, if enacted, would prohibit facial recognition in public "
        "housing.",
        date(2025, 5, 20),
        {("United States", None, "ban", "proposed", "2025-05-19")},
        id="what-a-bill-would-do-if-enacted-is-its-proposal",
    ),
    pytest.param(
        "U.S. Sen. Roger Marshall (R-Kan.) said on Thursday that he joined Sens. Jeff Merkley "
        "(D-Ore.) and John Kennedy (R- La.) in introducing a bill to ban facial recognition at "
        "airports.",
        date(2023, 12, 1),
        {("United States", None, "ban", "proposed", "2023-11-30")},
        id="plural-titles-and-spaced-party-tags",
    ),
    pytest.param(
        "Convenience store chain 7-Eleven has stopped collecting customers' faceprints after "
        "an investigation by the privacy commissioner.",
        date(2021, 10, 14),
        {("7-Eleven", None, "exit", "enacted", "2021-10-14")},
        id="a-business-stops-collecting-faces",
    ),
    pytest.param(
        "New Zealand Police are pressing pause for now on using live facial recognition.",
        date(2021, 12, 10),
        {("New Zealand Police", None, "moratorium", "enacted", "2021-12-10")},
        id="pressing-pause-urges-no-one",
    ),
    pytest.param(
        "Axon, the leading maker of police body cameras, agreed on Thursday to keep face "
        "recognition technology from its products.",
        date(2019, 6, 28),
        {("Axon", None, "exit", "enacted", "2019-06-27")},
        id="a-maker-keeps-it-from-its-products",
    ),
    pytest.param(
        "Amazon said on Wednesday it was implementing a one-year moratorium on police use of its "
        "face recognition software, a reversal of its long defense of police use.",
        date(2020, 6, 11),
        {("Amazon", None, "moratorium", "enacted", "2020-06-10")},
        id="a-reversal-in-apposition-repeals-nothing",
    ),
    pytest.param(
        "Amazon announced a one-year moratorium on police use of its face recognition tool last "
        "year. Now it says it will continue the ban.",
        date(2021, 5, 19),
        {("Amazon", None, "moratorium", "enacted", "2020"),
         ("Amazon", None, "extension", "enacted", "2021-05-19")},
        id="continuing-the-ban-now-extends-it",
    ),
    pytest.param(
        "New York City Council members have introduced two bills that would ban businesses "
        "from using facial recognition to identify customers.",
        date(2023, 4, 12),
        {("New York City", "NY", "ban", "proposed", "2023-04-12")},
        id="a-proposal-filed-as-news-takes-the-pages-date",
    ),
    pytest.param(
        "IBM says it is getting out of the facial recognition business. A letter to lawmakers "
        "on Monday from its chief executive said the company had ended its general-purpose face "
        "recognition products.",
        date(2020, 6, 9),
        {("IBM", None, "exit", "enacted", "2020-06-08")},
        id="the-dated-record-of-the-leads-act-dates-it",
    ),
    pytest.param(
        "Worcester banned facial recognition on Tuesday. Boston passed a facial recognition ban "
        "in June of last year, while other cities including San Francisco, Oakland, and "
        "Portland have also instituted bans.",
        date(2021, 12, 16),
        {("Worcester", "MA", "ban", "enacted", "2021-12-14"),
         ("Boston", "MA", "ban", "enacted", "2020-06"),
         ("San Francisco", "CA", "ban", "enacted", None),
         ("Oakland", "CA", "ban", "enacted", None),
         ("Portland", "OR", "ban", "enacted", None)},
        id="other-places-while-one-acted-are-undated-precedents",
    ),
    pytest.param(
        "The King County Council voted on Tuesday to ban government use of facial "
        "recognition. Cities across the country, such as Portland, Boston, and San Francisco, "
        "have implemented bans on the technology.",
        date(2021, 6, 3),
        {("King County", "WA", "ban", "enacted", "2021-06-01"),
         ("Portland", "OR", "ban", "enacted", None),
         ("Boston", "MA", "ban", "enacted", None),
         ("San Francisco", "CA", "ban", "enacted", None)},
        id="places-given-as-examples-are-undated-precedents",
    ),
    pytest.param(
        "San Francisco banned government use of facial recognition in May 2019. Three other "
        "Bay Area cities, Berkeley and Oakland among them, and the Massachusetts city of "
        "Somerville have since followed.",
        date(2020, 4, 29),
        {("San Francisco", "CA", "ban", "enacted", "2019-05"),
         ("Berkeley", "CA", "ban", "enacted", None),
         ("Oakland", "CA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None)},
        id="the-state-city-of-a-name-in-a-list-of-other-cities",
    ),
    pytest.param(
        "California banned facial recognition in police body cameras on Tuesday. Oregon "
        "and New Hampshire already have similar measures in place.",
        date(2019, 10, 10),
        {("California", "CA", "ban", "enacted", "2019-10-08"),
         ("Oregon", "OR", "ban", "enacted", None),
         ("New Hampshire", "NH", "ban", "enacted", None)},
        id="measures-already-in-place-are-undated-precedents",
    ),
    pytest.param(
        "City councilors in Springfield, Massachusetts, are pursuing a ban on government use "
        "of facial recognition.",
        date(2019, 10, 17),
        {("Springfield", "MA", "ban", "proposed", None)},
        id="pursuing-a-ban-proposes-it",
    ),
    pytest.param(
        "In this Oct. 17, 2019 photo, a camera hangs on a pole outside City Hall in "
        "Springfield, Mass. The Springfield City Council voted to put a moratorium on "
        "facial recognition.",
        date(2020, 2, 25),
        {("Springfield", "MA", "moratorium", "enacted", "2020-02-25")},
        id="a-photo-caption-sets-no-scene",
    ),
    pytest.param(
        "Italy's data privacy watchdog on Wednesday fined Clearview AI 20 million euros over "
        "its facial recognition software. The watchdog ordered the company to delete the "
        "data and banned it from collecting facial images of people in Italy.",
        date(2022, 3, 10),
        {("Italian Data Protection Authority", None, "ban", "enacted", "2022-03-09")},
        id="the-watchdog-named-before-orders-and-bans",
    ),
    pytest.param(
        "In December, France's privacy watchdog ordered Clearview AI to delete facial "
        "recognition data on French people and cease any further collection.",
        date(2022, 3, 10),
        {("CNIL", None, "ban", "enacted", "2021-12")},
        id="ordered-to-delete-and-cease",
    ),
    pytest.param(
        "The decision comes after government bans on facial recognition across a number of "
        "cities in the U.S. such as Boston, New Orleans and Minneapolis.",
        date(2021, 11, 3),
        {("Boston", "MA", "ban", "enacted", None),
         ("New Orleans", "LA", "ban", "enacted", None),
         ("Minneapolis", "MN", "ban", "enacted", None)},
        id="bans-across-cities-such-as-a-list",
    ),
    pytest.param(
        "The European Parliament adopted a non-binding resolution calling for a ban on police "
        "use of facial recognition in public places.",
        date(2021, 10, 6),
        {("European Union", None, "ban", "proposed", "2021-10-06")},
        id="a-resolution-calling-for-a-ban-proposes-it",
    ),
    pytest.param(
        "State legislators in Michigan have pushed forward a moratorium on police use of "
        "facial recognition.",
        None,
        {("Michigan", "MI", "moratorium", "proposed", None)},
        id="pushing-a-moratorium-forward-proposes-it",
    ),
    pytest.param(
        "Voters in Denver will decide whether to ban government use of facial recognition.",
        None,
        {("Denver", "CO", "ban", "proposed", None)},
        id="a-question-put-to-voters-is-a-proposal",
    ),
    pytest.param(
        "The Denver City Council voted on whether to extend the facial recognition moratorium.",
        None,
        {("Denver", "CO", "extension", "proposed", None)},
        id="a-vote-on-whether-tells-no-answer",
    ),
    pytest.param(
        "Commissioners in Dane County debated whether to ban facial recognition.",
        None,
        {("Dane County", "WI", "ban", "proposed", None)},
        id="a-body-debating-whether-to-ban-considers-a-proposal",
    ),
    pytest.param(
        "New York's state Education Department banned facial recognition in schools on "
        "Wednesday but will still let schools decide whether to use other biometric tools.",
        date(2023, 9, 28),
        {("New York State Education Department", "NY", "ban", "enacted", "2023-09-27")},
        id="a-question-left-to-others-after-the-act",
    ),
    pytest.param(
        "Three congresswomen announced legislation that would prohibit facial recognition in "
        "public housing.",
        None,
        {("United States", None, "ban", "proposed", None)},
        id="congresswomen-in-lower-case-are-members-of-congress",
    ),
    pytest.param(
        "The Hellenic Data Protection Authority fined Clearview AI for breaking the General "
        "Data Protection Regulation.",
        date(2022, 7, 15),
        set(),
        id="a-restriction-word-in-a-laws-name-is-no-act",
    ),
    pytest.param(
        "The Hellenic Data Protection Authority issued a decision demanding Clearview AI stop "
        "processing the biometric data of people in Greece.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-15")},
        id="demanding-the-company-stop-processing-is-an-order",
    ),
    pytest.param(
        "A ban on government use of facial recognition was approved by the Boston City Council "
        "on Wednesday.",
        date(2020, 6, 25),
        {("Boston", "MA", "ban", "enacted", "2020-06-24")},
        id="passed-by-the-place-council",
    ),
    pytest.param(
        "The moratorium on facial recognition, passed last fall by the Vermont legislature, "
        "runs out next year.",
        date(2021, 6, 15),
        {("Vermont", "VT", "moratorium", "enacted", "2020")},
        id="passed-by-the-place-legislature-in-an-aside",
    ),
    pytest.param(
        "Portland Passes Broadest Facial Recognition Ban in the US",
        date(2020, 9, 9),
        {("Portland", "OR", "ban", "enacted", "2020-09-09")},
        id="a-headline-verb-after-the-place-is-no-name",
    ),
    pytest.param(
        "Oakland Becomes Third U.S. City to Ban Facial Recognition",
        date(2019, 7, 17),
        {("Oakland", "CA", "ban", "enacted", "2019-07-17")},
        id="a-headline-verb-after-the-place-oakland-becomes",
    ),
    pytest.param(
        "Privacy regulators are looking into how shops use cameras. \u201cThe Good Guys today "
        "confirmed it will pause its facial recognition trial,\u201d a spokesperson said.",
        date(2022, 7, 12),
        {("The Good Guys", None, "moratorium", "enacted", "2022-07-12")},
        id="a-quote-that-names-who-acts",
    ),
    pytest.param(
        "Meta will shut down the face recognition system on Facebook in the coming weeks. "
        "Source: Jane Roe, \u201cMeta to Shut Down Facial Recognition on Facebook\u201d, The "
        "Daily Wire Service (Nov. 3, 2021).",
        date(2021, 11, 2),
        {("Meta", None, "exit", "enacted", "2021-11-02")},
        id="a-quoted-headline-cited-tells-no-act-of-its-own",
    ),
    pytest.param(
        "Clearview AI said it remained sure of the value of regulated facial recognition "
        "services for police.",
        date(2022, 5, 9),
        set(),
        id="a-participle-that-describes-is-no-act",
    ),
    pytest.param(
        "Facial recognition use by police is highly regulated in Illinois, Clearview AI said.",
        date(2022, 5, 9),
        set(),
        id="a-degree-word-before-the-participle",
    ),
    pytest.param(
        "On November 14, the Italian Data Protection Authority (DPA) put a moratorium on "
        "facial recognition in public places. The DPA said the moratorium runs to the end of "
        "2023.",
        date(2022, 11, 15),
        {("Italian Data Protection Authority", None, "moratorium", "enacted", "2022-11-14")},
        id="an-acronym-defined-after-a-longer-name-is-that-body",
    ),
    pytest.param(
        "The Italian Data Protection Authority put a moratorium on facial recognition on "
        "November 14, and the Garante may choose to extend it if no law on the technology "
        "is enacted.",
        date(2022, 11, 15),
        {("Italian Data Protection Authority", None, "moratorium", "enacted", "2022-11-14")},
        id="an-act-that-may-come-on-a-condition",
    ),
    pytest.param(
        "TOPEKA, Kan. (KXYZ) - A federal bill to stop the TSA from using facial recognition at "
        "airports was introduced on Thursday.",
        date(2023, 12, 1),
        {("United States", None, "ban", "proposed", "2023-11-30")},
        id="a-federal-bill-under-a-hyphen-dateline-is-the-nations",
    ),
    pytest.param(
        "A bipartisan federal bill that would bar facial recognition at airport checkpoints "
        "was introduced on Thursday.",
        date(2023, 12, 1),
        {("United States", None, "ban", "proposed", "2023-11-30")},
        id="a-federal-bill-with-no-one-named",
    ),
    pytest.param(
        "On Wednesday, Congresswomen Ayanna Pressley, Yvette Clarke and Rashida Tlaib announced "
        "the reintroduction of their bill to forbid facial recognition in public housing.",
        date(2021, 7, 8),
        {("United States", None, "ban", "proposed", "2021-07-07")},
        id="announcing-a-bills-reintroduction-proposes-it",
    ),
    pytest.param(
        "News reports have confirmed Kmart and Bunnings will pause facial recognition in "
        "their shops on Monday.",
        date(2022, 7, 26),
        {("Kmart", None, "moratorium", "enacted", "2022-07-25"),
         ("Bunnings", None, "moratorium", "enacted", "2022-07-25")},
        id="two-companies-confirmed-to-act-together",
    ),
    pytest.param(
        "Greece's data protection authority on Wednesday issued a decision demanding Clearview "
        "AI stop processing the facial recognition data of people in Greece and said the "
        "company must also delete all the data it has gathered.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-13")},
        id="an-order-then-and-said-a-penalty",
    ),
    pytest.param(
        "On Wednesday the Greek DPA fined Clearview AI over its facial recognition database "
        "and ordered it to stop the collection of such data, as well as to delete what it "
        "holds.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-13")},
        id="a-nations-dpa-orders-a-stop",
    ),
    pytest.param(
        "Clearview AI fined, banned from processing facial recognition data in Greece\n"
        "The Greek privacy authority found that the company had broken European law.",
        date(2022, 7, 15),
        set(),
        id="a-company-banned-from-is-the-banned-party",
    ),
    pytest.param(
        "Clearview AI banned from selling facial recognition database access to companies\n"
        "A settlement filed in an Illinois court will prohibit the company from selling such "
        "access to private businesses.",
        date(2022, 5, 9),
        {("Clearview AI", None, "exit", "enacted", "2022-05-09")},
        id="a-company-banned-under-its-settlement-exits",
    ),
    pytest.param(
        "U.S. Sen. Jeff Merkley of Oregon today joined Sen. John Kennedy of Louisiana in "
        "introducing the Traveler Privacy Protection Act. The bill would repeal the "
        "Transportation Security Administration's authorization to use facial recognition at "
        "airports.",
        date(2023, 11, 29),
        {("United States", None, "ban", "proposed", None)},
        id="the-bill-members-of-congress-introduced-repeals-a-permission",
    ),
    pytest.param(
        "Vermont lawmakers passed a bill on Friday that repeals the state police's "
        "authorization to use facial recognition.",
        date(2020, 10, 9),
        {("Vermont", "VT", "ban", "enacted", "2020-10-09")},
        id="repealing-a-permission-bans",
    ),
    pytest.param(
        "Members of the Springfield, Mass., City Council discussed a possible ban on police "
        "use of facial recognition.",
        date(2020, 1, 16),
        {("Springfield", "MA", "ban", "proposed", None)},
        id="a-ban-discussed-is-proposed",
    ),
    pytest.param(
        "King County Delays Vote on Facial Recognition Ban",
        date(2021, 5, 6),
        {("King County", "WA", "ban", "proposed", None)},
        id="a-vote-delayed-leaves-the-ban-proposed",
    ),
    pytest.param(
        "Clearview AI broke the rules of GDPR, a European Union privacy regulation introduced "
        "in 2018, when it gathered facial recognition templates of people in Italy.",
        date(2022, 3, 9),
        set(),
        id="a-law-described-in-apposition-is-no-act",
    ),
    pytest.param(
        "Provinces order Clearview AI to stop using facial recognition without consent\n"
        "The privacy watchdogs of three provinces said the company must comply.",
        date(2021, 12, 14),
        set(),
        id="a-company-an-order-names-is-the-banned-party",
    ),
    pytest.param(
        "Worcester becomes the 8th municipality in Massachusetts to pass a ban on facial "
        "recognition.",
        date(2021, 12, 15),
        {("Worcester", "MA", "ban", "enacted", "2021-12-15")},
        id="a-numbered-rank-records-an-enactment",
    ),
    pytest.param(
        "The vote made Boston the largest city on the East Coast to pass a ban on facial "
        "recognition.",
        date(2020, 6, 25),
        {("Boston", "MA", "ban", "enacted", "2020-06-25")},
        id="a-superlative-rank-records-an-enactment",
    ),
    pytest.param(
        "New York lawmakers banned facial recognition in schools in 2020 while awaiting the "
        "results of a state study of its risks.",
        date(2023, 9, 27),
        {("New York", "NY", "moratorium", "enacted", "2020")},
        id="a-ban-while-awaiting-results-is-a-pause",
    ),
    pytest.param(
        "Amazon said in a blog post on Wednesday that it would be implementing a one-year "
        "suspension on police use of its facial recognition technology.",
        date(2020, 6, 10),
        {("Amazon", None, "moratorium", "enacted", "2020-06-10")},
        id="a-suspension-is-a-pause",
    ),
    pytest.param(
        "Brennock County Sheriff Ana Ruiz has paused her deputies' use of a facial recognition "
        "app, her office announced on Wednesday. The pause follows a Knoxville television "
        "report about searches a deputy ran in the East Tennessee county.",
        date(2021, 8, 12),
        {("Brennock County Sheriff's Office", "TN", "moratorium", "enacted", "2021-08-11")},
        id="the-act-told-follows-some-news",
    ),
    pytest.param(
        "Nanjing, the capital of China's Jiangsu province, has ordered property agents to "
        "remove facial recognition systems from their sales offices.",
        date(2020, 12, 9),
        {("Nanjing", None, "ban", "enacted", "2020-12-09")},
        id="an-order-to-remove-it-bans-it",
    ),
    pytest.param(
        "Two senators brought bills forth in Congress to ban federal use of facial "
        "recognition.",
        date(2019, 5, 17),
        {("United States", None, "ban", "proposed", None)},
        id="bills-brought-forth-are-proposals",
    ),
    pytest.param(
        "Berkeley, California, was on a path to ban facial recognition as well.",
        date(2019, 8, 2),
        {("Berkeley", "CA", "ban", "proposed", None)},
        id="on-a-path-to-ban-is-a-proposal",
    ),
    pytest.param(
        "King County, home to 2.3 million people in and around Seattle, became the first "
        "county in the country to ban facial recognition.",
        date(2021, 6, 2),
        {("King County", "WA", "ban", "enacted", "2021-06-02")},
        id="a-place-the-actor-is-home-to-acts-not",
    ),
    pytest.param(
        "The push in Massachusetts owes much to the ACLU of Massachusetts, which is "
        "advocating a statewide moratorium on government use of facial recognition.",
        date(2019, 7, 1),
        set(),
        id="advocating-a-measure-is-a-call",
    ),
    pytest.param(
        "Pittsburgh City Council has given preliminary approval to a bill that requires "
        "council approval before city police can buy facial recognition technology.",
        date(2020, 9, 17),
        {("Pittsburgh", "PA", "restriction", "proposed", None)},
        id="a-preliminary-approval-leaves-a-proposal",
    ),
    pytest.param(
        "The order requires the company to stop offering its facial recognition services in "
        "Canada.",
        date(2021, 12, 14),
        set(),
        id="the-market-a-supplier-leaves-acts-not",
    ),
    pytest.param(
        "Lawmakers voted for a ban on selling facial recognition cameras in Maine.",
        date(2021, 6, 1),
        {("Maine", "ME", "ban", "enacted", "2021-06-01")},
        id="a-ban-on-selling-in-a-state-is-the-states",
    ),
    pytest.param(
        "On October 26, a revised draft went to the Standing Committee of the 13th Hangzhou "
        "Municipal People's Congress for deliberation. The revised draft says it is forbidden "
        "to force owners to enter a residential community through face recognition.",
        date(2020, 10, 29),
        {("Hangzhou", None, "ban", "proposed", None)},
        id="a-peoples-congress-is-its-citys",
    ),
    pytest.param(
        "An opposition councillor in Montreal plans to introduce a motion that would restrict "
        "police use of facial recognition.",
        date(2020, 9, 18),
        # (undated: a proposal is dated by its filing, and this one is not filed yet)
        {("Montreal", None, "restriction", "proposed", None)},
        id="a-councillor-of-a-city-written-with-an-accent",
    ),
    pytest.param(
        "SPRINGFIELD—After months of argument, the City Council passed a moratorium on the "
        "city's use of face recognition on Monday night. The Massachusetts chapter of the ACLU "
        "had pressed for it.",
        date(2020, 2, 25),
        {("Springfield", "MA", "moratorium", "enacted", "2020-02-24")},
        id="a-dateline-with-no-space-after-its-dash",
    ),
    pytest.param(
        "Portland, Oregon, became the first city to extend a blanket ban on the use of face "
        "recognition to private businesses in September 2020.",
        date(2020, 9, 10),
        {("Portland", "OR", "ban", "enacted", "2020-09")},
        id="a-ban-extended-far-off-to-new-parties-widens",
    ),
    pytest.param(
        "Oregon's ban on facial recognition in police body cameras keeps those cameras a tool "
        "of accountability rather than an extension of existing surveillance programs.",
        None,
        {("Oregon", "OR", "ban", "enacted", None)},
        id="an-extension-of-something-else",
    ),
    pytest.param(
        "A survey found that most members of the Bundestag were clearly in favour of a ban on "
        "facial recognition in public places.",
        date(2021, 9, 15),
        set(),
        id="in-favour-of-a-ban-is-an-opinion",
    ),
    pytest.param(
        "The Cambridge City Council voted 9-0 in favor of a ban on facial recognition on "
        "Monday.",
        date(2020, 1, 14),
        {("Cambridge", "MA", "ban", "enacted", "2020-01-13")},
        id="voted-in-favor-of-a-ban-is-a-vote",
    ),
    pytest.param(
        "Amazon and other vendors of face recognition are under fire from civil rights groups "
        "to stop selling the systems to police.",
        date(2019, 5, 20),
        set(),
        id="under-fire-to-stop-is-a-demand",
    ),
    pytest.param(
        "A facial recognition firm that scraped photos from social media was fined more than "
        "7.5 million pounds by the Information Commissioner's Office. The company was also "
        "ordered to stop obtaining and using the personal data of UK residents and to delete "
        "what it holds.",
        date(2022, 5, 23),
        {("Information Commissioner's Office", None, "ban", "enacted", "2022-05-23")},
        id="a-passive-order-by-the-agency-of-the-sentence-before",
    ),
    pytest.param(
        "Rite Aid must stop using facial recognition for the next five years as part of a "
        "privacy settlement with the Federal Trade Commission.",
        date(2023, 12, 20),
        {("Federal Trade Commission", None, "moratorium", "enacted", "2023-12-20")},
        id="a-settlement-with-an-agency-is-the-agencys-term",
    ),
    pytest.param(
        "Rite Aid must stop using facial recognition for five years under a settlement with "
        "the Federal Trade Commission. After false matches, Rite Aid employees would follow "
        "customers around the store.",
        date(2023, 12, 20),
        {("Federal Trade Commission", None, "moratorium", "enacted", "2023-12-20")},
        id="following-customers-copies-no-one",
    ),
    pytest.param(
        "A facial recognition firm was fined by the United Kingdom's data protection authority "
        "on Monday. The regulator also told the company to stop gathering the data of UK "
        "residents. The penalty follows similar actions by watchdogs in France and Italy.",
        date(2022, 5, 24),
        {("Information Commissioner's Office", None, "ban", "enacted", "2022-05-24")},
        id="the-regulator-again-and-a-penalty-that-follows",
    ),
    pytest.param(
        "The Information Commissioner's Office ordered Serco Leisure to stop using facial "
        "recognition to check staff attendance. The regulator also called for seven leisure "
        "trusts to halt all use of the technology.",
        date(2024, 2, 23),
        {("Information Commissioner's Office", None, "ban", "enacted", "2024-02-23")},
        id="a-regulator-calling-for-others-to-halt",
    ),
    pytest.param(
        "SPRINGFIELD, Mass. — At a committee meeting on Wednesday night, city councilors "
        "continued their discussion of banning police use of facial recognition.",
        date(2019, 10, 17),
        {("Springfield", "MA", "ban", "proposed", None)},
        id="a-proposal-talked-over-is-not-dated-by-the-talk",
    ),
    pytest.param(
        "SPRINGFIELD, Mass. — City councilors on Wednesday filed an ordinance to ban police "
        "use of facial recognition, and began discussing it.",
        date(2019, 10, 17),
        {("Springfield", "MA", "ban", "proposed", "2019-10-16")},
        id="a-proposal-filed-is-dated-by-its-filing",
    ),
    pytest.param(
        "Police in California won't be able to use facial recognition in body cameras for three "
        "years, under a law Gov. Gavin Newsom signed on Tuesday. Assemblyman Phil Ting, who "
        "wrote the bill, said he'll reconsider extending the ban after the law sunsets.",
        date(2019, 10, 10),
        {("California", "CA", "moratorium", "enacted", "2019-10-08")},
        id="wont-be-able-to-use-under-a-law",
    ),
    pytest.param(
        "Oregon banned facial recognition on police body cameras in 2015. State Rep. Jeff "
        "Barker, who wrote the bill, said he will reconsider extending the ban next year.",
        date(2019, 10, 10),
        {("Oregon", "OR", "ban", "enacted", "2015")},
        id="reconsidering-an-extension-is-no-proposal",
    ),
    pytest.param(
        "Clearview AI — the American firm whose face recognition tool was used by Canadian "
        "police services and private businesses — will no longer offer its service in Canada, "
        "the federal privacy commissioner's office said on Monday.",
        date(2020, 7, 7),
        {("Clearview AI", None, "exit", "enacted", "2020-07-06")},
        id="a-long-aside-between-dashes-keeps-the-subject",
    ),
    pytest.param(
        "A string of wrongful arrests — including that of a Detroit man held for 30 hours in "
        "January — sparked calls for a ban on police use of facial recognition in Michigan.",
        date(2020, 6, 25),
        set(),
        id="calls-sparked-by-events-are-no-proposal",
    ),
    pytest.param(
        "The Milwaukee Police Department announced a moratorium on facial recognition on "
        "Monday.",
        date(2026, 2, 10),
        {("Milwaukee Police Department", "WI", "moratorium", "enacted", "2026-02-09")},
        id="a-police-department-announces-a-moratorium",
    ),
    pytest.param(
        "Public anger over facial recognition leads Milwaukee police to ban it, for now.",
        date(2026, 2, 10),
        {("Milwaukee Police Department", "WI", "moratorium", "enacted", "2026-02-10")},
        id="leads-the-police-to-ban-it",
    ),
    pytest.param(
        "Milwaukee's Fire and Police Commission questioned leaders of the Milwaukee Police "
        "Department (MPD) about facial recognition for hours. The next day, the MPD chief "
        "said the department would stop using facial recognition technology.",
        None,
        {("Milwaukee Police Department", "WI", "ban", "enacted", None)},
        id="a-police-acronym-spelled-out-keeps-its-town",
    ),
    pytest.param(
        "Greater Manchester Police has stopped using facial recognition cameras to scan "
        "shoppers at the Trafford Centre.",
        None,
        {("Greater Manchester Police", None, "ban", "enacted", None)},
        id="a-force-named-by-more-than-its-town",
    ),
    pytest.param(
        "The Halton Regional Police Service said it had stopped using Clearview AI's facial "
        "recognition app.",
        None,
        {("Halton Regional Police Service", None, "ban", "enacted", None)},
        id="a-force-of-a-place-the-gazetteer-lacks",
    ),
    pytest.param(
        "After withdrawing the permits of two facial recognition camera operators in March, "
        "the mayor's office in Madrid said the firms had broken the city's privacy rules.",
        date(2024, 4, 8),
        {("Madrid", None, "ban", "enacted", "2024-03")},
        id="an-opening-gerund-takes-the-main-clauses-subject",
    ),
    pytest.param(
        "In the space of four days in June 2020, IBM told Congress it was getting out of the "
        "general-purpose facial recognition business, Amazon put a one-year hold on police use "
        "of its Rekognition software, and Microsoft said it would not sell the technology to "
        "American police departments until a federal law governed it. IBM's letter came on "
        "June 8; Amazon's announcement followed two days later.",
        date(2020, 12, 28),
        {("IBM", None, "exit", "enacted", "2020-06-08"),
         ("Amazon", None, "moratorium", "enacted", "2020-06-10"),
         ("Microsoft", None, "moratorium", "enacted", "2020-06")},
        id="an-announcement-that-followed-days-later-is-dated-by-them",
    ),
    pytest.param(
        "Microsoft said on Tuesday that it has extended its pause on sales of face "
        "identification software to law enforcement through June 30, 2025.",
        date(2024, 8, 1),
        {("Microsoft", None, "extension", "enacted", "2024-07-30"),
         ("Microsoft", None, "moratorium", "enacted", None)},
        id="a-pause-on-sales-to-police-extended-through-a-date",
    ),
    pytest.param(
        "Somerville officials voted on Thursday to bar city departments from using face "
        "surveillance software.",
        date(2019, 6, 28),
        {("Somerville", "MA", "ban", "enacted", "2019-06-27")},
        id="a-towns-officials-act-for-the-town",
    ),
    pytest.param(
        "PORTLAND, Maine — Portland residents will vote on a proposal to ban the city's "
        "police and agencies from using facial recognition.",
        date(2020, 10, 13),
        {("Portland", "ME", "ban", "proposed", None)},
        id="a-towns-residents-vote-on-a-proposal",
    ),
    pytest.param(
        "Somerville officials said the state's ban on facial recognition came too late.",
        date(2021, 1, 5),
        set(),
        id="a-towns-officials-speaking-of-another-ban",
    ),
    pytest.param(
        "Italy's privacy watchdog fined Clearview AI 20 million euros on Wednesday over its "
        "face matching tool. Rights groups had filed complaints against the firm with "
        "regulators in France, Austria and Greece. In December, France's privacy watchdog "
        "ordered Clearview to erase what it held on French residents and to cease collecting "
        "more.",
        date(2022, 3, 9),
        {("CNIL", None, "ban", "enacted", "2021-12")},
        id="the-vendor-named-alone-keeps-the-topic",
    ),
    pytest.param(
        "New York Attorney General Probes Madison Square Garden's Use of Facial Recognition "
        "to Ban Lawyers",
        date(2023, 1, 25),
        set(),
        id="the-technology-as-the-means-of-a-ban-on-people",
    ),
    pytest.param(
        "PARIS - France's privacy regulator, the CNIL, has ordered Clearview AI, the face "
        "search firm that scraped billions of photos from the web, to stop gathering data on "
        "people living in France.",
        date(2021, 12, 16),
        {("CNIL", None, "ban", "enacted", "2021-12-16")},
        id="an-order-around-an-apposition",
    ),
    pytest.param(
        "The ICO has fined the face search company Clearview AI for breaking UK data "
        "protection law and has served a notice ordering the firm to stop obtaining the "
        "data of people in the UK.",
        date(2022, 5, 23),
        {("Information Commissioner's Office", None, "ban", "enacted", "2022-05-23")},
        id="a-notice-ordering-the-fined-firm-to-stop",
    ),
    pytest.param(
        "ROME - The GPDP said on Wednesday that it had barred the facial recognition firm "
        "Clearview AI from gathering any more images of Italians.",
        date(2022, 3, 9),
        {("Italian Data Protection Authority", None, "ban", "enacted", "2022-03-09")},
        id="the-italian-regulator-by-its-initials",
    ),
    pytest.param(
        "The Belgian federal police have stopped using face recognition cameras at Brussels "
        "Airport, the country's police watchdog said on Friday.",
        date(2019, 9, 21),
        {("Belgian federal police", None, "ban", "enacted", "2019-09-20")},
        id="a-nations-police-named-by-its-demonym",
    ),
    pytest.param(
        "Kmart has ended its trial of face matching cameras in its Australian stores, the "
        "retailer said on Tuesday.",
        date(2022, 7, 26),
        {("Kmart", None, "exit", "enacted", "2022-07-26")},
        id="ending-a-trial-is-leaving-it",
    ),
    pytest.param(
        "Representatives Pressley, Clarke and Tlaib introduced the No Biometric Barriers "
        "Housing Act on Thursday. There is currently no federal law on the books regulating "
        "how police or public housing use face recognition.",
        date(2019, 7, 26),
        set(),
        id="no-law-on-the-books-is-no-law",
    ),
    pytest.param(
        "A bipartisan pair of senators wants to limit federal use of face recognition. This "
        "bill accomplishes that by requiring federal law enforcement agencies to obtain a "
        "warrant before ongoing surveillance of a target.",
        date(2020, 1, 20),
        {("United States", None, "restriction", "proposed", None)},
        id="what-a-bill-does-is-proposed",
    ),
    pytest.param(
        "Voters in Bellingham, Washington, passed an initiative on Tuesday that bans city use "
        "of face recognition. The bill also bans contracts for outside face recognition "
        "services.",
        date(2021, 11, 5),
        {("Bellingham", "WA", "ban", "enacted", "2021-11-02")},
        id="a-bill-the-story-tells-passed-is-in-force",
    ),
    pytest.param(
        "Senators Cory Booker and Jeff Merkley of New Jersey and Oregon announced their bill "
        "on Wednesday, reflecting a growing movement to regulate and even ban the use of face "
        "recognition by law enforcement.",
        date(2020, 2, 14),
        set(),
        id="a-movement-to-ban-is-no-ban",
    ),
    pytest.param(
        "The organizers of a ballot initiative campaign to ban city use of face recognition in "
        "Denver did not turn in any signatures by the May 4 deadline.",
        date(2020, 5, 6),
        {("Denver", "CO", "ban", "failed", "2020-05-04")},
        id="a-ballot-campaign-that-failed-is-a-failed-ban",
    ),
    pytest.param(
        "Numerous police camera vans were deployed, and facial recognition software was used. "
        "In fact, the police controlled by Prime Minister Viktor Orban had banned this year's "
        "Pride in advance.",
        date(2025, 6, 29),
        set(),
        id="a-banned-march-is-another-thing",
    ),
    pytest.param(
        "The city of Portland, Oregon, banned facial recognition at protests and in stores in "
        "September 2020.",
        date(2020, 9, 12),
        {("Portland", "OR", "ban", "enacted", "2020-09")},
        id="the-technology-banned-at-protests-is-the-technology",
    ),
    pytest.param(
        "The Cyberspace Administration of China, the country's internet regulator, has issued "
        "draft regulations on facial recognition systems on Tuesday.",
        date(2023, 8, 10),
        {("Cyberspace Administration of China", None, "restriction", "proposed", "2023-08-08")},
        id="draft-rules-issued-are-proposed",
    ),
    pytest.param(
        "The Good Guys will stop using facial recognition cameras after a public backlash. The "
        "electronics chain said on Tuesday it was suspending the use of facial recognition in "
        "its stores, pending a ruling from the privacy regulator.",
        date(2022, 6, 29),
        {("The Good Guys", None, "moratorium", "enacted", "2022-06-28")},
        id="a-company-stops-pending-a-ruling-is-one-pause",
    ),
    pytest.param(
        "The Milwaukee County Sheriff's Office has decided against using facial recognition "
        "technology, the sheriff said on Friday.",
        date(2026, 2, 28),
        {("Milwaukee County Sheriff's Office", "WI", "ban", "enacted", "2026-02-27")},
        id="deciding-against-using-it-is-a-ban",
    ),
    pytest.param(
        "The council decided against a ban on facial recognition on Friday.",
        date(2026, 2, 28),
        set(),
        id="deciding-against-a-ban-is-none",
    ),
    pytest.param(
        "Milwaukee County's sheriff once planned to buy facial recognition from Biometrica. The "
        "vendor's system maps a face. Investigators compare the map with stored photos. They "
        "still need evidence for an arrest. Sheriff Denita Ball spoke on Friday. The Milwaukee "
        "Police Department issued a ban on such technology earlier this month after public "
        "outcry.",
        date(2026, 2, 28),
        {("Milwaukee Police Department", "WI", "ban", "enacted", "2026-02")},
        id="such-technology-refers-back-however-far",
    ),
    pytest.param(
        "The Waterloo Regional Police Service had been using Clearview AI. Police Chief Bryan "
        "Larkin ordered officers to stop using facial recognition technology.",
        date(2020, 3, 11),
        {("Waterloo Regional Police Service", None, "ban", "enacted", "2020-03-11")},
        id="a-chief-with-no-town-leads-the-force-named",
    ),
    pytest.param(
        "KITCHENER -- A review found that the Waterloo Regional Police Service's cyber crime "
        "unit had used Clearview AI until last month. The unit mostly investigates crimes "
        "against children. Officers used a free licence from a conference. Other forces have "
        "admitted using it too. Police Chief Bryan Larkin has issued a directive for police to "
        "cease all use of facial recognition technology until privacy concerns are addressed.",
        date(2020, 3, 11),
        {("Waterloo Regional Police Service", None, "moratorium", "enacted", "2020-03-11")},
        id="news-told-in-the-perfect-past-the-lead",
    ),
    pytest.param(
        "In a release Friday, a spokesperson said Milwaukee police will “voluntarily issue a "
        "moratorium on the use of any and all facial recognition technology for the "
        "department.”",
        date(2026, 2, 7),
        {("Milwaukee Police Department", "WI", "moratorium", "enacted", "2026-02-06")},
        id="a-quoted-verb-phrase-is-the-subjects-act",
    ),
    pytest.param(
        "Somerville passed a ban on facial recognition this summer. Its councilors wrote that "
        "the technology differs from cameras by “eliminating the human and judicial element "
        "behind the existing warrant system.”",
        date(2019, 10, 17),
        {("Somerville", "MA", "ban", "enacted", "2019")},
        id="a-quoted-claim-is-no-act",
    ),
    pytest.param(
        "There is, of course, a qualification: Microsoft will not sell facial recognition\n"
        "tech to police until Congress passes regulations on its use.",
        date(2020, 6, 12),
        {("Microsoft", None, "moratorium", "enacted", "2020-06-12")},
        id="a-hard-wrapped-line-goes-on",
    ),
    pytest.param(
        "A ban on police use of facial recognition takes effect in Virginia on July 1.",
        date(2021, 4, 7),
        {("Virginia", "VA", "ban", "enacted", "2021-04-07")},
        id="the-day-it-takes-effect-in-a-place-is-no-event-date",
    ),
    pytest.param(
        "A bill will be introduced to City Council on Tuesday that would bar Philadelphia "
        "police from using facial recognition.",
        date(2019, 2, 5),
        {("Philadelphia", "PA", "ban", "proposed", "2019-02-05")},
        id="a-bill-introduced-to-a-council-is-before-it",
    ),
    pytest.param(
        "The mayor urged City Council to ban facial recognition in Philadelphia.",
        date(2019, 2, 5),
        set(),
        id="a-council-urged-is-still-a-target",
    ),
    pytest.param(
        "Facebook, Google and other tech firms have demanded Clearview stop hoovering up user "
        "images for its facial recognition algorithm.",
        date(2021, 4, 6),
        set(),
        id="a-company-demanding-orders-nothing",
    ),
    pytest.param(
        "Clearview AI was found to have broken Canadian privacy law. Less than six months "
        "later, the company announced it would be pulling out of the Canadian market.",
        date(2021, 6, 10),
        {("Clearview AI", None, "exit", "enacted", "2021-06-10")},
        id="a-capitalised-stop-word-is-no-company",
    ),
    pytest.param(
        "One bill, sponsored by Rep. Charlotte Warren, was signed by Gov. Janet Mills. "
        "Warren's bill limits facial recognition use by Maine police.",
        date(2021, 7, 9),
        set(),
        id="a-sponsors-bill-is-no-town",
    ),
    pytest.param(
        "But the call to fully ban facial recognition in the U.S. shows where the progressive "
        "wing of the party stands.",
        date(2020, 6, 26),
        set(),
        id="a-call-to-ban-is-no-ban",
    ),
    pytest.param(
        "The California legislature voted Thursday to send a bill temporarily banning facial "
        "recognition in police body cameras to the governor. Oregon and New Hampshire "
        "already have similar laws in place.",
        date(2019, 9, 16),
        {("California", "CA", "moratorium", "enacted", "2019-09-12"),
         ("Oregon", "OR", "ban", "enacted", None),
         ("New Hampshire", "NH", "ban", "enacted", None)},
        id="similar-laws-copy-what-not-how-long",
    ),
    pytest.param(
        "The Good Guys will stop using facial recognition pending a ruling from the regulator.",
        date(2022, 7, 14),
        {("The Good Guys", None, "moratorium", "enacted", "2022-07-14")},
        id="pending-a-ruling-is-a-condition-not-a-status",
    ),
    pytest.param(
        "Minneapolis council members proposed a ban on police use of facial recognition on "
        "Friday. The proposal came after months of debate. Supporters packed the chamber. "
        "Several residents spoke for more than an hour. Opponents said officers need every "
        "tool they can get. The idea is not new. Boston passed a similar ordinance last June.",
        date(2021, 1, 20),
        {("Minneapolis", "MN", "ban", "proposed", "2021-01-15"),
         ("Boston", "MA", "ban", "enacted", "2020-06")},
        id="a-similar-measure-refers-to-the-topic-however-far-back",
    ),
    pytest.param(
        "Maine banned most government use of facial recognition in June 2021. In other "
        "states, such as Michigan and New York, civil rights groups have been putting "
        "pressure on legislators to pass similar bans.",
        date(2021, 7, 1),
        {("Maine", "ME", "ban", "enacted", "2021-06")},
        id="pressure-on-legislators-is-urging",
    ),
    pytest.param(
        "San Francisco banned city use of facial recognition in May 2019. The vote was 8-1. "
        "Similar bans are in place in Oakland, Berkeley and Somerville.",
        date(2019, 12, 1),
        {("San Francisco", "CA", "ban", "enacted", "2019-05"),
         ("Oakland", "CA", "ban", "enacted", None), ("Berkeley", "CA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None)},
        id="a-list-after-in-and-similar-bans-that-stand-are-undated",
    ),
    pytest.param(
        "Cadillac Fairview Corp. suspended its use of facial recognition cameras at two "
        "Calgary malls in August 2018.",
        date(2020, 10, 29),
        {("Cadillac Fairview", None, "moratorium", "enacted", "2018-08")},
        id="a-mall-owner-suspends-its-cameras",
    ),
    pytest.param(
        "JR East has suspended a plan to use facial recognition to spot former convicts at "
        "its stations, a company official said on Tuesday.",
        date(2021, 9, 22),
        {("JR East", None, "moratorium", "enacted", "2021-09-21")},
        id="a-railway-company-suspends-a-use",
    ),
    pytest.param(
        "Bunnings used facial recognition cameras in some stores in an attempt to curb theft "
        "and violence against staff.",
        date(2022, 6, 15),
        set(),
        id="to-curb-a-harm-is-no-restriction",
    ),
    pytest.param(
        "Police Scotland has put its plan to use live facial recognition on hold.",
        date(2020, 2, 11),
        {("Police Scotland", None, "moratorium", "enacted", "2020-02-11")},
        id="a-force-named-for-its-land",
    ),
    pytest.param(
        "The Provincial Court of Barcelona barred Mercadona from using facial recognition in "
        "its stores.",
        date(2021, 6, 12),
        {("Provincial Court of Barcelona", None, "ban", "enacted", "2021-06-12")},
        id="a-court-abroad-named-in-full",
    ),
    pytest.param(
        "The Court of Justice of São Paulo on Tuesday ordered the city's metro operator to "
        "suspend its use of facial recognition.",
        date(2022, 3, 23),
        {("Court of Justice of São Paulo", None, "moratorium", "enacted", "2022-03-22")},
        id="a-court-whose-name-holds-its-city",
    ),
    pytest.param(
        "Every day, millions ride the city's metro. Their faces may have been scanned by a "
        "facial recognition system in use since early 2020. In a March 23 decision, a São "
        "Paulo State court ordered the Metro company to stop using the technology.",
        date(2022, 6, 20),
        {("São Paulo State Court", None, "ban", "enacted", "2022-03-23")},
        id="a-court-named-by-its-place-and-no-year-from-since",
    ),
    pytest.param(
        "New Zealand Police say they have decided not to use Clearview's facial recognition "
        "product for the time being.",
        date(2020, 5, 13),
        {("New Zealand Police", None, "moratorium", "enacted", "2020-05-13")},
        id="decided-not-to-use-for-the-time-being",
    ),
    pytest.param(
        "The Milwaukee County Sheriff's Office has decided not to use facial recognition "
        "technology.",
        date(2026, 2, 20),
        set(),
        id="a-decision-not-to-adopt-is-no-measure",
    ),
    pytest.param(
        "Google said on Thursday that it has chosen not to offer general-purpose facial "
        "recognition APIs before working through important technology and policy questions.",
        date(2018, 12, 14),
        {("Google", None, "moratorium", "enacted", "2018-12-13")},
        id="chosen-not-to-offer-before-working-through",
    ),
    pytest.param(
        "Greater Manchester Police has been forced to stop its surveillance programme using "
        "facial recognition at the Trafford Centre.",
        date(2018, 10, 22),
        {("Greater Manchester Police", None, "ban", "enacted", "2018-10-22")},
        id="stop-its-programme-using",
    ),
    pytest.param(
        "Greece's Hellenic Data Protection Authority on Wednesday ordered Clearview AI to stop "
        "collecting images of Greeks for its facial recognition tool.",
        date(2022, 7, 15),
        {("Hellenic Data Protection Authority", None, "ban", "enacted", "2022-07-13")},
        id="a-country-s-agency-acts-not-the-country",
    ),
    pytest.param(
        "Under a bill lawmakers weighed at a Maryland House committee hearing on Tuesday, "
        "police would be barred from using facial recognition in certain circumstances.",
        date(2023, 2, 8),
        {("Maryland", "MD", "restriction", "proposed", None)},
        id="barred-in-certain-circumstances-and-a-hearing-day",
    ),
    pytest.param(
        "Defense lawyers and prosecutors both told Maryland legislators that some restrictions "
        "on facial recognition should be adopted, though they differ on how far those "
        "restrictions should go.",
        date(2023, 2, 8),
        set(),
        id="restrictions-that-should-be-adopted-are-an-opinion",
    ),
    pytest.param(
        "Portland has taken its first steps toward enacting a sweeping ban on facial "
        "recognition by city agencies and private businesses.",
        date(2019, 9, 17),
        {("Portland", "OR", "ban", "proposed", None)},
        id="steps-toward-enacting-a-ban",
    ),
    pytest.param(
        "The New York State Education Department has blocked the testing of facial "
        "recognition software in Lockport schools.",
        date(2019, 6, 28),
        {("New York State Education Department", "NY", "ban", "enacted", "2019-06-28")},
        id="blocked-the-testing-of",
    ),
    pytest.param(
        "The New York State Education Department has told Lockport to stop testing the "
        "facial recognition software.",
        date(2019, 7, 16),
        {("New York State Education Department", "NY", "ban", "enacted", "2019-07-16")},
        id="told-to-stop-testing",
    ),
    pytest.param(
        "A group of House Democrats unveiled a bill on Thursday that would put limits on "
        "police use of facial recognition across the country.",
        date(2022, 9, 30),
        {("United States", None, "restriction", "proposed", "2022-09-29")},
        id="house-caucus-is-congress",
    ),
    pytest.param(
        "In Massachusetts, House Democrats filed a bill to ban police use of facial "
        "recognition.",
        date(2020, 3, 2),
        {("Massachusetts", "MA", "ban", "proposed", "2020-03-02")},
        id="house-caucus-of-a-state",
    ),
    pytest.param(
        "Sen. Ed Markey (D-Mass.) joined Sen. Jeff Merkley (D-Ore.) on Wednesday to warn "
        "about face scans at airports. The lawmakers introduced a bill that would ban "
        "facial recognition at airport checkpoints.",
        date(2025, 5, 8),
        {("United States", None, "ban", "proposed", "2025-05-08")},
        id="the-lawmakers-are-the-members-just-named",
    ),
    pytest.param(
        "The Detroit Board of Police Commissioners on Thursday approved a policy governing "
        "the Police Department's use of facial recognition software.",
        date(2019, 9, 20),
        {("Detroit Board of Police Commissioners", "MI", "restriction", "enacted",
          "2019-09-19")},
        id="a-policy-governing-its-use",
    ),
    pytest.param(
        "Facebook disabled its photo-tagging facial recognition feature for new users in "
        "Europe in 2012 after an Irish privacy audit.",
        date(2012, 9, 21),
        {("Meta", None, "exit", "enacted", "2012")},
        id="a-company-disables-its-feature",
    ),
    pytest.param(
        "Disabled riders said the face scanners at the gates were hard to use; the transit "
        "agency kept its facial recognition pilot running.",
        date(2022, 4, 1),
        set(),
        id="disabled-people-are-no-exit",
    ),
    pytest.param(
        "Critics call facial recognition biased. Other places that have banned the "
        "technology include Jackson, Mississippi, and Portland, Maine.",
        date(2021, 6, 1),
        {("Jackson", "MS", "ban", "enacted", None), ("Portland", "ME", "ban", "enacted", None)},
        id="other-places-that-have-banned-it-include",
    ),
    pytest.param(
        "States that have restricted police use of facial recognition include Vermont and "
        "Virginia.",
        date(2021, 6, 1),
        {("Vermont", "VT", "restriction", "enacted", None),
         ("Virginia", "VA", "restriction", "enacted", None)},
        id="states-that-have-restricted-it-include",
    ),
    pytest.param(
        "Following worries about cameras in British streets, Lord Clement-Jones this week "
        "put a bill before the House of Lords that would prohibit automated facial "
        "recognition in public places.",
        date(2020, 2, 7),
        {("United Kingdom", None, "ban", "proposed", "2020-02")},
        id="a-peer-is-a-member-of-parliament",
    ),
    pytest.param(
        "The Board of Police Commissioners in Detroit voted 8-3 on Thursday in favor of a "
        "policy guiding use of facial recognition by officers.",
        date(2019, 9, 20),
        {("Detroit Board of Police Commissioners", "MI", "restriction", "enacted",
          "2019-09-19")},
        id="a-policy-guiding-its-use",
    ),
    pytest.param(
        "The Boston City Council is expected to vote this Wednesday, June 24, on whether to "
        "ban police use of facial recognition.",
        date(2020, 6, 22),
        {("Boston", "MA", "ban", "proposed", None)},
        id="vote-on-a-day-on-whether",
    ),
    pytest.param(
        "Tell the Boston City Council to ban facial recognition surveillance",
        date(2020, 6, 22),
        set(),
        id="an-imperative-demand-is-no-act",
    ),
    pytest.param(
        "Clearview AI will stop offering facial recognition in Canada. These are the most "
        "followed video accounts in Canada this week.",
        date(2020, 7, 7),
        {("Clearview AI", None, "exit", "enacted", "2020-07-07")},
        id="most-followed-is-no-follower",
    ),
    pytest.param(
        "The Royal Canadian Mounted Police said on Tuesday it will keep using Clearview AI's "
        "facial recognition app, but only \u201cin very limited and specific "
        "circumstances.\u201d",
        date(2020, 3, 11),
        {("Royal Canadian Mounted Police", None, "restriction", "enacted", "2020-03-10")},
        id="a-quoted-phrase-after-but-only",
    ),
    pytest.param(
        "Although Meta paused facial recognition on Facebook in 2021, it reinstated the "
        "technology in late 2024 to catch scam ads.",
        date(2024, 12, 1),
        {("Meta", None, "moratorium", "enacted", "2021"),
         ("Meta", None, "repeal", "enacted", "2024")},
        id="although-then-a-pronoun-subject",
    ),
    pytest.param(
        "The Orlando Police Department ended its facial recognition pilot program with "
        "Amazon in July 2019.",
        date(2019, 7, 19),
        {("Orlando Police Department", "FL", "ban", "enacted", "2019-07")},
        id="ended-a-pilot-program",
    ),
    pytest.param(
        "In January the New Jersey attorney general barred police from using Clearview AI, "
        "whose database was built from photos on sites like Facebook and YouTube.",
        date(2021, 2, 25),
        {("New Jersey Attorney General", "NJ", "ban", "enacted", "2021-01")},
        id="a-company-given-as-an-example-is-no-actor",
    ),
    pytest.param(
        "Vermont lawmakers passed a bill in October 2020 making it illegal for police to use "
        "facial recognition.",
        date(2020, 10, 9),
        {("Vermont", "VT", "ban", "enacted", "2020-10")},
        id="making-it-illegal-bans",
    ),
    pytest.param(
        "Utah lawmakers on Wednesday dropped a bill that would have regulated police use of "
        "facial recognition.",
        date(2019, 11, 22),
        {("Utah", "UT", "restriction", "failed", "2019-11-20")},
        id="dropping-a-bill-fails-it",
    ),
    pytest.param(
        "In Utah, a draft bill to regulate government use of facial recognition was unveiled "
        "and subsequently abandoned on Wednesday.",
        date(2019, 11, 22),
        {("Utah", "UT", "restriction", "failed", "2019-11-20")},
        id="unveiled-and-abandoned-is-no-exit",
    ),
    pytest.param(
        "San Francisco banned city use of facial recognition in May 2019. It was followed by "
        "Somerville, Massachusetts, and Oakland.",
        date(2019, 10, 16),
        {("San Francisco", "CA", "ban", "enacted", "2019-05"),
         ("Somerville", "MA", "ban", "enacted", None), ("Oakland", "CA", "ban", "enacted", None)},
        id="it-was-followed-by",
    ),
    pytest.param(
        "Berkeley banned city use of facial recognition this week. Alameda is also considering "
        "such a measure.",
        date(2019, 10, 16),
        {("Berkeley", "CA", "ban", "enacted", "2019-10"),
         ("Alameda", "CA", "ban", "proposed", None)},
        id="such-a-measure-is-like-the-last",
    ),
    pytest.param(
        "Google said today it will stop selling face recognition through its cloud "
        "services—that is, until it has policies against misuse.",
        date(2018, 12, 13),
        {("Google", None, "moratorium", "enacted", "2018-12-13")},
        id="a-condition-after-a-dash",
    ),
    pytest.param(
        "In 2016 Santa Clara County approved a surveillance ordinance much like San "
        "Francisco's, minus the ban on facial recognition.",
        date(2019, 7, 12),
        set(),
        id="minus-the-ban-denies-it",
    ),
    pytest.param(
        "New York City police say they will \u201creassess\u201d standards for using facial "
        "recognition after the arrest drew criticism.",
        date(2024, 3, 1),
        set(),
        id="reassessing-standards-is-no-act",
    ),
    pytest.param(
        "A bill prefiled in the New Hampshire House would ban the use of facial recognition "
        "by the state.",
        date(2019, 12, 19),
        {("New Hampshire", "NH", "ban", "proposed", "2019-12-19")},
        id="a-prefiled-bill-is-dated-by-the-page",
    ),
    pytest.param(
        "In October, California Governor Gavin Newsom signed a bill banning facial recognition "
        "on police body cameras for several years.",
        date(2019, 11, 2),
        {("California", "CA", "moratorium", "enacted", "2019-10")},
        id="for-several-years-is-a-term",
    ),
    pytest.param(
        "The Davis City Council will consider an urgency measure banning facial recognition "
        "until a full surveillance ordinance is approved.",
        date(2018, 10, 29),
        {("Davis", "CA", "moratorium", "proposed", None)},
        id="until-an-ordinance-is-approved",
    ),
    pytest.param(
        "In a decision dated 27 February 2020, the Administrative Court of Marseille banned "
        "the facial recognition gates planned for two high schools.",
        date(2020, 5, 30),
        {("Administrative Court of Marseille", None, "ban", "enacted", "2020-02-27")},
        id="a-court-of-a-city-the-ner-calls-an-organisation",
    ),
    pytest.param(
        "New Orleans city leaders are weighing a proposal to loosen restrictions on police "
        "use of facial recognition.",
        date(2025, 6, 1),
        {("New Orleans", "LA", "repeal", "proposed", None)},
        id="loosen-restrictions-is-a-repeal",
    ),
    pytest.param(
        "JR East said on Friday it is scaling back the facial recognition cameras it put in "
        "its stations before the Tokyo Olympics.",
        date(2021, 9, 24),
        {("JR East", None, "restriction", "enacted", "2021-09-24")},
        id="scaling-back-restricts",
    ),
    pytest.param(
        "A day earlier, Inc (AMZN.O) said it would put a one-year moratorium on police use of "
        "its face recognition software.",
        date(2020, 6, 11),
        {("Amazon", None, "moratorium", "enacted", "2020-06-11")},
        id="a-stock-ticker-names-the-company",
    ),
    pytest.param(
        "IBM's chief executive announced the discontinuation of the company's facial "
        "recognition products in a letter to Congress.",
        date(2020, 6, 9),
        {("IBM", None, "exit", "enacted", "2020-06-09")},
        id="a-discontinuation-is-an-exit",
    ),
    pytest.param(
        "New York's education commissioner said on Wednesday that schools may not use facial "
        "recognition. Lawmakers earlier banned the technology in schools while awaiting a "
        "state study of its risks.",
        date(2023, 9, 28),
        {("New York State Education Department", "NY", "ban", "enacted", "2023-09-27"),
         ("New York", "NY", "moratorium", "enacted", None)},
        id="banned-while-awaiting-a-study-is-a-pause-told-as-earlier",
    ),
    pytest.param(
        "The L.A. City Council is weighing a moratorium on facial recognition.",
        date(2018, 7, 31),
        {("Los Angeles", "CA", "moratorium", "proposed", None)},
        id="l-a-is-los-angeles",
    ),
    pytest.param(
        "IBM said in a letter to Congress that it is “no longer offering general purpose "
        "facial recognition or analysis software.”",
        date(2020, 6, 9),
        {("IBM", None, "exit", "enacted", "2020-06-09")},
        id="a-quote-opening-after-is-is-the-subjects-own-verb",
    ),
    pytest.param(
        "Under Vermont's new law, signed by the governor on Wednesday, police would be barred "
        "from using facial recognition unless the legislature allows it.",
        date(2020, 10, 9),
        {("Vermont", "VT", "ban", "enacted", "2020-10-07")},
        id="under-the-new-law-would-tells-what-the-law-does",
    ),
    pytest.param(
        "Under the bill, police in Vermont would be barred from using facial recognition "
        "unless the legislature allows it.",
        date(2020, 2, 20),
        {("Vermont", "VT", "ban", "proposed", None)},
        id="under-the-bill-would-tells-what-it-would-do",
    ),
    pytest.param(
        "A draft paper showed the European Commission was weighing a ban on facial "
        "recognition in public places for a period of three to five years.",
        date(2020, 1, 17),
        {("European Union", None, "moratorium", "proposed", None)},
        id="a-ban-for-a-period-of-years-is-a-pause",
    ),
    pytest.param(
        "Virginia lawmakers on Thursday approved legislation that would allow local police "
        "departments to use facial recognition technology in some cases. The legislation "
        "would repeal one of the strictest bans in the country, passed last year.",
        date(2022, 3, 11),
        {("Virginia", "VA", "repeal", "enacted", "2022-03-10"),
         ("Virginia", "VA", "ban", "enacted", "2021")},
        id="an-enactment-with-no-act-read-is-what-the-next-sentence-refers-to",
    ),
    pytest.param(
        "PORTLAND, Maine — Voters on Tuesday approved a stronger ban on facial recognition by "
        "the police and other public agencies.",
        date(2020, 11, 4),
        {("Portland", "ME", "ban", "enacted", "2020-11-03")},
        id="a-datelines-voters-are-the-towns",
    ),
    pytest.param(
        "Other cities that have passed facial recognition bans include Boston and San "
        "Francisco.",
        date(2020, 9, 10),
        {("Boston", "MA", "ban", "enacted", None),
         ("San Francisco", "CA", "ban", "enacted", None)},
        id="places-that-passed-bans-include",
    ),
    pytest.param(
        "Boston on Wednesday became the largest city on the East Coast to ban facial "
        "recognition, after San Francisco, Oakland and Somerville.",
        date(2020, 6, 25),
        {("Boston", "MA", "ban", "enacted", "2020-06-24"),
         ("San Francisco", "CA", "ban", "enacted", None),
         ("Oakland", "CA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None)},
        id="every-name-listed-after-after-is-a-precedent",
    ),
    pytest.param(
        "Boston follows San Francisco, Oakland and Somerville, which have all banned "
        "government use of facial recognition.",
        date(2020, 6, 25),
        {("Boston", "MA", "ban", "enacted", "2020-06-25"),
         ("San Francisco", "CA", "ban", "enacted", None),
         ("Oakland", "CA", "ban", "enacted", None),
         ("Somerville", "MA", "ban", "enacted", None)},
        id="a-perfect-relative-clause-recalls-an-undated-act",
    ),
    pytest.param(
        "Gov. Andrew Cuomo has banned the use of facial recognition in New York schools until "
        "July 2022. The governor announced the signing in a press release Tuesday.",
        date(2020, 12, 23),
        {("New York", "NY", "moratorium", "enacted", "2020-12-22")},
        id="a-press-release-dates-the-act-told-before",
    ),
    pytest.param(
        "Beginning in July, a near-total ban on face recognition will go into effect across "
        "Virginia for local police departments.",
        date(2021, 4, 8),
        {("Virginia", "VA", "ban", "enacted", "2021-04-08")},
        id="a-ban-that-will-go-into-effect-across-a-state-is-the-states-and-in-force",
    ),
    pytest.param(
        "Minneapolis's ordinance barring city agencies from face recognition will take effect "
        "next month.",
        date(2021, 2, 13),
        {("Minneapolis", "MN", "ban", "enacted", "2021-02-13")},
        id="will-take-effect-is-no-proposal",
    ),
    pytest.param(
        "The Portland City Council will take up a ban on face recognition in stores next week.",
        date(2020, 9, 1),
        {("Portland", "OR", "ban", "proposed", None)},
        id="will-take-up-is-still-a-proposal",
    ),
    pytest.param(
        "In the House of Lords, peers introduced a bill in February 2020 to ban live face "
        "recognition in public places.",
        date(2020, 3, 2),
        {("United Kingdom", None, "ban", "proposed", "2020-02")},
        id="the-house-of-lords-sits-in-the-united-kingdom",
    ),
    pytest.param(
        "Canadian MPs are divided on face recognition. In the House of Commons, a New "
        "Democrat introduced a bill in 2021 to ban its use by federal police.",
        date(2021, 6, 2),
        {("Canada", None, "ban", "proposed", "2021")},
        id="a-house-of-commons-in-a-canadian-story-is-canadas",
    ),
    pytest.param(
        "Italy bars face recognition in public spaces, aims to protect privacy",
        date(2022, 11, 15),
        {("Italy", None, "ban", "enacted", "2022-11-15")},
        id="an-aim-that-is-no-act-is-no-plan",
    ),
    pytest.param(
        "A Pittsburgh councilman is bringing a bill that would bar the unrestricted use of "
        "face recognition by city police.",
        date(2020, 8, 24),
        {("Pittsburgh", "PA", "restriction", "proposed", None)},
        id="barring-unrestricted-use-restricts",
    ),
    pytest.param(
        "IBM exits the face recognition business, joins calls for police reform",
        date(2020, 6, 9),
        {("IBM", None, "exit", "enacted", "2020-06-09")},
        id="a-call-for-something-else-is-no-plan-of-the-act",
    ),
    pytest.param(
        "After an outcry, the retailer Kmart said it would pause its use of face recognition "
        "in stores pending word from the privacy regulator.",
        date(2022, 6, 16),
        {("Kmart", None, "moratorium", "enacted", "2022-06-16")},
        id="a-companys-pause-pending-a-word-is-its-policy",
    ),
    pytest.param(
        "New York's City Council is weighing two bills that would bar stores and "
        "landlords from using face recognition.",
        date(2023, 5, 4),
        {("New York City", "NY", "ban", "proposed", None)},
        id="a-states-city-council-is-the-city-of-its-name",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_real_news_failure_kinds(extractor, text: str, published: date | None,
                                 expected: set[tuple]) -> None:
    assert facts(extractor.extract(text, published)) == expected


def test_a_ban_defied_is_not_the_topics(extractor) -> None:
    """"took part in the parade despite a police ban": the ban defied is of the parade,
    though the story's title names facial recognition (Budapest Pride, June 2025)."""
    title = "Facial recognition used at record Budapest Pride"
    text = ("Organizers said well over 100,000 people marched. A record number of people "
            "took part in the parade in Budapest despite a police ban.")
    assert extractor.extract(text, date(2025, 6, 29), title=title) == []


def test_a_measure_set_to_expire_is_in_force(extractor) -> None:
    """"is set to expire": what is to end is enacted, not proposed. (Its date is still
    the page's, as for the story's news; the gold would leave it undated.)"""
    text = ("California's three-year moratorium on facial recognition in police body cameras "
            "is set to expire on Jan. 1.")
    assert keys(extractor.extract(text, date(2022, 12, 20))) == {
        ("California", "CA", "moratorium", "enacted")}


def test_a_state_and_the_city_of_another_name_are_two_places(extractor) -> None:
    """"the state of Vermont and the city of Oakland": the state does not hold the city."""
    text = ("Boston's council voted on Wednesday to ban facial recognition, following similar "
            "bans by the state of Vermont and the city of Oakland.")
    assert keys(extractor.extract(text, date(2020, 6, 25))) == {
        ("Boston", "MA", "ban", "enacted"), ("Vermont", "VT", "ban", "enacted"),
        ("Oakland", "CA", "ban", "enacted")}


@pytest.mark.parametrize(("text", "published", "not_an_actor"), [
    pytest.param("MADISON, Wis. - Student Council endorses resolutions banning campus police "
                 "from using facial recognition, tabled a resolution on student wages.",
                 date(2020, 12, 2), "Student", id="a-student-council-is-no-town"),
    pytest.param("Greece's data protection authority fined facial recognition company Clearview "
                 "AI for breaking Europe's General Data Protection Regulation.",
                 date(2022, 7, 14), "General Data Protection Regulation", id="a-law-acts-not"),
    pytest.param("Florida Airport Becomes First To Ban Pajamas\nThis State's Lawmakers Push A Bill "
                 "That Would Ban Facial Recognition", date(2026, 2, 27), "Airport",
                 id="a-census-place-named-like-a-common-word"),
    pytest.param("In June, the city's police department suspended a facial recognition program "
                 "that used algorithms developed by Carnegie Mellon University, a spokeswoman "
                 "said.", date(2020, 8, 24), "Carnegie Mellon University",
                 id="a-maker-named-after-the-act"),
    pytest.param("After months of protests, the Board of Police Commissioners, a civilian body "
                 "that oversees the Detroit police, approved guidelines on Thursday that limit "
                 "the use of facial recognition.", date(2019, 9, 20),
                 "Detroit Police Department", id="what-a-body-oversees"),
    pytest.param("Labour peers and the Green MP Caroline Lucas joined a campaign on Friday that "
                 "calls for a halt to live facial recognition in Britain.", date(2023, 10, 7),
                 "Green", id="a-party-is-no-town"),
    pytest.param("Economic Affairs Interim Committee members in Montana failed on Tuesday to "
                 "advance any draft bill to regulate facial recognition technology.",
                 date(2022, 9, 14), "Committee", id="a-committee-is-no-town"),
    pytest.param("Bunnings managing director Mike Schneider confirmed an AFR report that the "
                 "company had stopped using facial recognition in its stores.",
                 date(2022, 7, 26), "AFR", id="a-newspaper-named-by-its-report"),
    pytest.param("Liberal Democrat peer and former managing partner of law firm DLA Piper, Lord "
                 "Clement-Jones, is calling for a moratorium on live facial recognition.",
                 date(2020, 2, 5), "DLA Piper", id="a-law-firm-advises"),
])
def test_names_that_never_act(extractor, text: str, published: date, not_an_actor: str) -> None:
    assert not_an_actor not in {e.actor for e in extractor.extract(text, published)}


def test_a_term_the_measure_is_locked_for_is_not_its_term(extractor) -> None:
    """"a referendum to ban it that could not be changed for five years": a ban."""
    text = ("The Portland City Council banned facial recognition in August. In November voters "
            "will decide on a referendum to ban it that could not be changed for five years.")
    assert {e.action for e in extractor.extract(text, date(2020, 8, 5))} == {"ban"}


def test_a_product_reintroduced_is_no_bill(extractor) -> None:
    """"Meta is reintroducing facial recognition": a feature back, no proposal."""
    text = ("Meta is reintroducing facial recognition to its apps, three years after it shut "
            "down Facebook's face recognition system.")
    assert "proposed" not in {e.status for e in extractor.extract(text, date(2024, 10, 22))}


def test_a_proposal_then_passed_is_two_events(extractor) -> None:
    """Councilors pursue a ban; "The City Council passed a moratorium" is its enactment,
    an event of its own, not the proposal told again."""
    text = ("Some city councilors in Springfield, Mass. are pursuing a ban on government use of "
            "facial recognition.\n\nThe City Council passed a moratorium on the city's use of "
            "the technology by a vote of 11-2 on Monday.")
    events = extractor.extract(text, date(2020, 2, 25))
    assert keys(events) == {("Springfield", "MA", "ban", "proposed"),
                            ("Springfield", "MA", "moratorium", "enacted")}
    (enacted,) = [e for e in events if e.status == "enacted"]
    assert enacted.date == "2020-02-24"


def test_a_headline_verb_inside_an_organisation_is_no_name(extractor) -> None:
    """"Board Approves Detroit Police": the NER may join a headline's words into one
    organisation; the status cue inside it says no name is there."""
    from spacy.tokens import Span

    from banwatch.extract.rules.mentions import _holds_a_status

    doc = extractor.nlp("Board Approves Detroit Police")
    assert _holds_a_status(Span(doc, 0, 4, label="ORG"))
    doc = extractor.nlp("East Japan Railway Co. has suspended it")
    assert not _holds_a_status(Span(doc, 0, 4, label="ORG"))


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Tessarine Corp. has stopped selling face search.", "Tessarine", id="corp"),
    pytest.param("Brisanta Labs Inc. has stopped selling face search.", "Brisanta Labs",
                 id="labs-inc"),
    pytest.param("Brisanta Labs has stopped selling face search.", "Brisanta Labs",
                 id="no-legal-form"),
])
def test_a_legal_form_is_no_part_of_a_companys_name(extractor, text: str, name: str) -> None:
    """The gold's canonical names drop "Inc." or "Corp."; so does an unknown company's."""
    from banwatch.extract.rules.mentions import MentionRules, _organisations

    sent = next(iter(extractor.nlp(text).sents))
    found = MentionRules._unknown_companies(sent, [], set(), _organisations(sent))
    assert [m.actors[0].name for m in found] == [name]


@pytest.mark.parametrize(("text", "published", "dates"), [
    pytest.param(
        "Alameda forbids city use of face recognition\n\nAlameda has become the newest city to "
        "forbid its departments from using face recognition. The council adopted the policy "
        "unanimously on Tuesday after a long hearing. Oakland, Berkeley and San Francisco also "
        "have banned the technology.",
        date(2019, 12, 18),
        {"Alameda": "2019-12-17", "Oakland": None, "Berkeley": None, "San Francisco": None},
        id="places-added-in-the-perfect-are-not-the-scenes-news"),
    pytest.param(
        "California lawmakers voted on Thursday to send the governor a bill that would keep face "
        "recognition out of police body cameras for three years. Beyond Oregon and New "
        "Hampshire, which have comparable laws in place, two Bay Area cities, Oakland and San "
        "Francisco, approved their own bans this summer.",
        date(2019, 9, 16),
        {"New Hampshire": None, "Oakland": "2019", "San Francisco": "2019"},
        id="a-measure-in-place-is-not-dated-by-the-clauses-other-act"),
    pytest.param(
        "Senators propose a pause on federal face recognition\n\nTwo senators have introduced a "
        "bill that would put a moratorium on federal use of face recognition until Congress "
        "writes rules for it.",
        date(2020, 2, 14),
        {"United States": "2020-02-14"},
        id="a-headline-proposal-whose-filing-the-lead-tells-is-the-storys-news"),
])
def test_which_acts_take_which_date(extractor, text: str, published: date,
                                    dates: dict[str, str | None]) -> None:
    """Stop 34's real-news date errors, in our words: background acts told beside the news
    take no date of the news, and a proposal whose filing the story tells is its news."""
    got = {e.actor: e.date for e in extractor.extract(text, published)}
    assert {actor: got.get(actor, "missing") for actor in dates} == dates

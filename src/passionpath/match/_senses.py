"""Words with two senses, read from everything the person wrote.

The text model links "board game club" to gambling dealers, "counting cranes on the marsh"
to crane operators and "school outreach" to school bus drivers: each phrase shares a word,
or most of its meaning, with the wrong work. An adviser reads the whole person instead, and
so does this: each sense below names the occupations a word's other sense leads to by
mistake, the words that show the person means the everyday sense, and the words that show
they mean the occupation's sense after all. When the first appear anywhere in what the
person wrote and the second nowhere, those occupations get no evidence from the person's
words (their interests still count, and the person can still find them by searching).

Person-level on purpose: "around a table together" says nothing by itself, but from
someone whose other answers are about board game nights it is not about casino tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True)
class Sense:
    name: str
    #: Occupations (O*NET-SOC codes, or code prefixes ending in "-" or ".") the wrong sense
    #: leads to.
    occupations: tuple[str, ...]
    #: Words that show the everyday sense (regular expressions over lower-case text).
    everyday: tuple[str, ...]
    #: Words that show the occupation's own sense: with any of them, nothing is vetoed.
    occupational: tuple[str, ...]
    #: The ambiguous word itself (a regular expression), and the words that say which
    #: sense is meant: when the person's other writing (jobs, summary, studies) shows the
    #: everyday sense, each phrase holding the word is read with the hint, so "want to go
    #: site manager" from a groundworks foreman reaches construction work, not websites.
    word: str | None = None
    hint: str = ""


_GAMBLING = (
    "39-3011",
    "39-3012",
    "39-3019",
    "39-1013",
    "43-3041",
    "11-9071",
    "33-9031",
)
#: Care of young children, which words about children elsewhere lead to by mistake.
_CHILDCARE = ("39-9011", "25-2011", "25-2012", "25-9042", "33-9094", "25-2051")
#: Words that show the person does mean young children's care and early education.
_EARLY_YEARS = (
    r"nurser(?:y|ies)",
    r"toddlers?",
    r"bab(?:y|ies)",
    r"pre-?school",
    r"under[- ]fives",
    r"childmind\w*",
    r"nann(?:y|ies)",
    r"early years",
    r"kindergarten",
)
#: Words that show a person works in a building trade.
_TRADES = (
    r"roof(?:er|ers|ing)\b",
    r"plaster\w*",
    r"bricklay\w*",
    r"joiner\w*",
    r"electrician",
    r"plumb\w*",
    r"groundwork\w*",
    r"\b(?:a|the|my) trade\b",
)
#: Words that show games played for fun.
_GAMES_PLAYED = (
    r"board ?games?",
    r"strategy games?",
    r"tabletop",
    r"video ?games?",
    r"computer games?",
    r"game (?:nights?|club|design\w*|jams?|conventions?|studio)",
    r"chess",
    r"puzzles?",
    r"role-?playing",
    r"dungeons",
    r"\brpgs?\b",
    r"gaming",
    r"esports?",
)
SENSES: tuple[Sense, ...] = (
    Sense(
        "games played for fun are not gambling",
        _GAMBLING,
        _GAMES_PLAYED,
        (
            r"casinos?",
            r"poker",
            r"blackjack",
            r"roulette",
            r"gambl\w*",
            r"\bbet(?:s|ting)?\b",
            r"wagers?",
            r"sportsbook",
            r"lottery",
        ),
    ),
    Sense(
        "a table for games is not waiting on tables",
        ("35-3031", "35-9011", "35-9021", "35-9031", "35-3023"),
        _GAMES_PLAYED,
        (
            r"restaurants?",
            r"\bcaf(?:e|é)s?\b",
            r"diners?\b",
            r"\bmenus?\b",
            r"waiting (?:on )?tables",
            r"waiter\w*|waitress\w*",
            r"hospitality",
            r"\bdining\b",
            r"\bserv(?:e|ing) (?:food|meals|customers)",
        ),
    ),
    Sense(
        "board and video games are not sport",
        ("27-2021", "27-2023"),
        (
            r"board ?games?",
            r"strategy games?",
            r"tabletop",
            r"video ?games?",
            r"computer games?",
            r"chess",
            r"puzzles?",
            r"role-?playing",
        ),
        (
            r"sports?",
            r"athlet\w*",
            r"football",
            r"soccer",
            r"basketball",
            r"tennis",
            r"rugby",
            r"baseball",
            r"hockey",
            r"referee\w*",
            r"umpir\w*",
            r"\braces?\b",
            r"matches",
            r"leagues?",
            r"\bteams? sports?",
        ),
    ),
    Sense(
        "cranes and birds",
        ("53-7021", "53-7041", "49-9096", "47-2073"),
        (
            r"birds?",
            r"birding",
            r"marsh\w*",
            r"wetlands?",
            r"migrat\w*",
            r"sightings?",
            r"wildlife",
            r"ornitholog\w*",
            r"herons?",
            r"crane counts?",
        ),
        (
            r"construction",
            r"building sites?",
            r"rigging",
            r"hoist\w*",
            r"tower cranes?",
            r"lifting",
            r"heavy (?:machinery|equipment)",
            r"loads?",
        ),
    ),
    Sense(
        "school as teaching, not transport",
        ("53-3051", "33-9091", "33-9094"),
        (
            r"teach\w*",
            r"outreach",
            r"lessons?",
            r"classrooms?",
            r"tutor\w*",
            r"curricul\w*",
            r"pupils?",
            r"science",
            r"students?",
        ),
        (
            r"bus(?:es)?\b",
            r"driv\w*",
            r"routes?",
            r"transport\w*",
            r"crossings?",
            r"traffic",
            r"vehicles?",
        ),
    ),
    Sense(
        "patient as a trait, not as someone cared for",
        ("29-", "31-"),
        (r"patience", r"\bpatient (?:with|and|,|enough)", r"(?:am|be|very|stay\w*|'m|is) patient"),
        (
            r"hospitals?",
            r"clinic\w*",
            r"nurs\w*",
            r"medic\w*",
            r"health\w*",
            r"care homes?",
            r"\bwards?\b",
            r"surgery",
            r"doctors?",
            r"dental",
            r"therap\w*",
            r"rehab\w*",
            r"physio\w*",
            r"strokes?\b",
            r"injur\w*",
            r"caring for",
            r"first aid",
            r"elderly",
            r"disabilit\w*",
        ),
    ),
    Sense(
        "drive as ambition, not driving",
        ("53-3031", "53-3032", "53-3033", "53-3051", "53-3052", "53-3053", "53-3054"),
        (r"\bdrive to\b", r"\bdriven\b", r"\bmy drive\b", r"self-driven"),
        (
            r"trucks?",
            r"\bcars?\b",
            r"roads?",
            r"\bvans?\b",
            r"deliver\w*",
            r"routes?",
            r"bus(?:es)?\b",
            r"vehicles?",
            r"licen[cs]e",
            r"\bcdl\b",
            r"driving",
            r"motorcycles?",
        ),
    ),
    Sense(
        "the bar as law, not drinks",
        ("35-3011", "35-9011"),
        (r"bar exam", r"bar association", r"\blaw\b", r"legal", r"attorneys?", r"lawyers?"),
        (r"cocktails?", r"drinks?", r"\bpubs?\b", r"beers?", r"wines?", r"mixolog\w*"),
    ),
    Sense(
        "a court for sport, not for law",
        ("23-1021", "23-1022", "23-1023", "23-2091", "43-4031", "33-3011"),
        (r"basketball", r"tennis", r"volleyball", r"badminton", r"squash", r"netball", r"padel"),
        (
            r"judges?",
            r"\blaw\b",
            r"legal",
            r"trials?",
            r"hearings?",
            r"attorneys?",
            r"lawyers?",
            r"justice",
        ),
    ),
    Sense(
        "plants that grow, not plants that run",
        ("51-80",),
        (
            r"garden\w*",
            r"\bgrow\w*",
            r"flowers?",
            r"seeds?",
            r"\bsoil\b",
            r"houseplants?",
            r"vegetables?",
            r"greenhouses?",
            r"\bherbs?\b",
            r"botan\w*",
        ),
        (
            r"power",
            r"chemical",
            r"factor(?:y|ies)",
            r"turbines?",
            r"refiner\w*",
            r"operators?",
            r"boilers?",
            r"reactors?",
            r"treatment",
            r"manufactur\w*",
            r"control rooms?",
        ),
    ),
    Sense(
        "a trade as a craft, not trading",
        ("41-3031", "13-2051", "13-2052", "13-2099", "43-4011", "13-1041.08"),
        (
            r"\b(?:a|the|my|skilled|building) trades?\b",
            r"\btrades?(?:m[ae]n|person|people)\b",
            r"apprentic\w*",
        ),
        (
            r"stocks?\b",
            r"\bshares\b",
            r"securities",
            r"invest\w*",
            r"\bmarkets?\b",
            r"brokers?",
            r"forex",
            r"crypto\w*",
            r"commodit\w*",
            r"\bimport\w*",
            r"\bexport\w*",
            r"customs",
        ),
    ),
    Sense(
        "the lads in a trade are apprentices, not children",
        (*_CHILDCARE, "25-2052"),
        (*_TRADES, r"foreman", r"on the tools", r"apprentic\w*", r"building sites?"),
        (
            r"child\w*",
            r"\bkids?\b",
            r"nursery",
            r"school",
            r"pupils?",
            r"youth",
            r"teenagers?",
            r"bab(?:y|ies)",
            r"toddlers?",
        ),
        word=r"\b(?:young )?lads?\b",
        hint="apprentices learning a trade",
    ),
    Sense(
        "a courts reporter is a journalist, not a stenographer, bailiff or judge",
        ("27-3092", "23-1023", "33-3011"),
        (
            r"newspapers?",
            r"journalis\w*",
            r"\bnews\b",
            r"newsroom",
            r"stories",
            r"bylines?",
            r"\beditors?\b",
            r"\bpress\b",
        ),
        (
            r"stenograph\w*",
            r"\bsteno\b",
            r"transcri\w*",
            r"caption\w*",
            r"shorthand",
        ),
        word=r"\bcourts? report\w*",
        hint="a journalist reporting on court cases for the news",
    ),
    Sense(
        "a watch in the fire service is a shift, not a timepiece or a guard",
        ("49-9064", "33-9032", "51-9071.06"),
        (
            r"fire ?fight\w*",
            r"fire (?:service|station|brigade|and rescue)",
            r"watch (?:commander|manager)",
            r"\bshouts\b",
            r"\bappliances?\b",
        ),
        (
            r"watches",
            r"clocks?",
            r"horolog\w*",
            r"security",
            r"guard\w*",
        ),
        word=r"\bwatch\b",
        hint="a fire and rescue service crew",
    ),
    Sense(
        "pricing a job in a trade is estimating, not working a till",
        ("41-2011", "43-3071", "41-9091"),
        (*_TRADES, r"carpent\w*", r"building (?:work|trade|firm|site)s?", r"construction"),
        (
            r"\btills?\b",
            r"checkouts?",
            r"cash registers?",
            r"\bshop\b",
            r"retail",
            r"supermarkets?",
        ),
        word=r"\b(?:pric\w*|quot(?:e|es|ing)|estimat\w*)\b",
        hint="estimating the cost of building work",
    ),
    Sense(
        "mentoring young people at risk is youth work, not childcare",
        _CHILDCARE,
        (
            r"at[- ]risk",
            r"youth (?:project|club|work\w*|centre|center|offend\w*)",
            r"exclu(?:sion|ded)",
            r"groom(?:ed|ing)",
            r"\bdealing\b",
            r"\bgangs?\b",
            r"offend\w*",
            r"prison",
            r"probation",
            r"\bcare leavers?\b",
        ),
        _EARLY_YEARS,
        word=r"\b(?:young (?:lads|people|men|women|ones)|lads|kids?|teenagers?|boys|girls)\b",
        hint="youth work with young people at risk",
    ),
    Sense(
        "children at a club learn a sport or a craft, not childcare",
        _CHILDCARE,
        (
            r"sailing",
            r"\bsail\w*",
            r"swimming",
            r"riding school",
            r"climbing",
            r"martial arts?",
            r"karate",
            r"judo",
            r"\b(?:at|the|our|my) club\b",
            r"\bcoach\w*",
            r"instructor",
        ),
        _EARLY_YEARS,
        word=r"\b(?:kids?|child(?:ren)?|youngsters?|juniors?)\b",
        hint="instructing learners at a club",
    ),
    Sense(
        "a team at work is colleagues, not a sports side or team assembly",
        ("27-2021", "27-2022", "27-2023", "51-2092"),
        (
            r"(?:develop|manag|lead|run|organi[sz]|supervis|train|motivat)\w*\s+"
            r"(?:(?:my|our|the|a|small|large|new|\d+-(?:person|strong))\s+)*(?:teams?|staff)\b",
            r"\b\d+-person teams?\b",
            r"\bteam leadership\b",
            r"\bteam of \d+",
            r"\bteam (?:leader|lead|manager|members?)\b",
        ),
        (
            r"sports?\b",
            r"football",
            r"soccer",
            r"rugby",
            r"netball",
            r"hockey",
            r"athlet\w*",
            r"\bleagues?\b",
            r"coach\w*",
            r"\bmatch(?:es)?\b",
            r"team assembl\w*",
            r"assembly line",
        ),
    ),
    Sense(
        "fostering a rescue animal is not foster care for children",
        ("21-1021", "39-9011"),
        (
            r"foster\w* (?:a |the |scared |rescue )*"
            r"(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|animals?)",
            r"(?:dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|animals?) foster\w*",
            r"animal rescue",
            r"\brescue (?:dogs?|cats?|animals?|centres?|centers?|shelters?)",
            r"\bfor a rescue\b",
        ),
        (
            r"foster (?:child\w*|kids?|famil\w*|parent\w*|carers?)",
            r"social work\w*",
            r"looked[- ]after",
            r"child protection",
        ),
    ),
    Sense(
        "vets after military service are veterans, not veterinarians",
        ("29-1131", "29-2056", "31-9096"),
        (
            r"veterans?",
            r"\barmy\b",
            r"military",
            r"deploy\w*",
            r"\bsoldiers?\b",
            r"marines?\b",
            r"\bgi bill\b",
            r"wounded",
            r"\bnavy\b",
            r"air force",
        ),
        (
            r"animals?",
            r"\bpets?\b",
            r"\bdogs?\b",
            r"\bcats?\b",
            r"horses?",
            r"livestock",
            r"veterinar\w*",
            r"\bvet (?:nurse|tech\w*|clinic|practice|school|surgery)",
        ),
        word=r"\bvets?\b",
        hint="military veterans",
    ),
    Sense(
        "pressure on a person is stress, not gas or steam",
        ("53-7071", "47-2011", "51-6021", "51-8092", "51-8093", "51-8021", "51-9193"),
        (
            r"under pressure",
            r"pressure (?:situations?|of (?:the )?(?:job|work|calls?|deadlines?))",
            r"high[- ]pressure (?:situations?|environments?|jobs?|roles?|work)",
            r"(?:time|work|deadline) pressures?",
        ),
        (
            r"pressure (?:vessels?|gauges?|washers?|systems?|valves?|testing)",
            r"\bgas\b",
            r"compressors?",
            r"hydraulic\w*",
            r"boilers?",
            r"\bsteam\b",
            r"pipelines?",
        ),
    ),
    Sense(
        "mines in a soldier's words are landmines, not mining",
        ("17-2151", "47-5022", "47-5041", "47-5043", "47-5044", "47-5049", "47-5081"),
        (
            r"landmines?",
            r"\buxo\b",
            r"\bieds?\b",
            r"ordnance",
            r"mine clearance",
            r"demining",
            r"\beod\b",
            r"minefields?",
        ),
        (
            r"\bcoal\b",
            r"quarr\w*",
            r"\bores?\b",
            r"mining (?:engineer\w*|company|industry)",
            r"underground mines?",
            r"\bminers?\b",
        ),
        word=r"\bmines?\b",
        hint="landmines and unexploded ordnance",
    ),
    Sense(
        "training people at work is staff training, not fitness or sport",
        ("39-9031", "29-9091", "27-2021", "27-2022", "27-2023"),
        (
            r"train\w* (?:and sign off )?(?:the |our |my |all )?(?:new )?"
            r"(?:starters?|hires?|rookies|recruits|staff|colleagues|employees|dispatchers|"
            r"call[- ]takers|cashiers|agents|operators|techs?|technicians|soldiers)\b",
            r"training officer",
            r"onboard\w*",
            r"\bnew (?:starters?|hires?)\b",
        ),
        (
            r"fitness",
            r"\bgym\b",
            r"personal train\w*",
            r"\bsports?\b",
            r"athlet\w*",
            r"football",
            r"workouts?",
            r"exercis\w*",
            r"coach\w*",
        ),
        word=r"\btrain\w*",
        hint="training new staff at work",
    ),
    Sense(
        "a school office is office work, not teaching or childcare",
        (*_CHILDCARE, "25-2021", "25-2022", "25-2031", "25-9043", "19-3034", "11-9032"),
        (r"school office", r"school (?:secretary|receptionist|admin\w*|bursar)"),
        (
            r"teach\w*",
            r"classrooms?",
            r"pupils?",
            r"lessons?",
            r"tutor\w*",
            r"child\w*",
            r"\bkids?\b",
        ),
        word=r"\bschool office\b",
        hint="secretary and receptionist in a school's office",
    ),
    Sense(
        "a site is a building site, not a website",
        ("15-1254", "15-1255", "15-1299.01"),
        (
            r"groundwork\w*",
            r"building sites?",
            r"construction",
            r"site (?:manager|management|agent|supervisor|foreman|safety)",
            r"foreman",
            r"scaffold\w*",
            r"bricklay\w*",
            r"footings",
            r"concrete",
            r"new[- ]build",
            r"plant hire",
            r"\bcscs\b",
            r"\bs[ms]sts\b",
        ),
        (
            r"web ?sites?",
            r"\bweb\b",
            r"\bhtml\b",
            r"\bcss\b",
            r"javascript",
            r"wordpress",
            r"\bonline\b",
            r"\bseo\b",
            r"front[- ]?end",
        ),
        word="\\bsites?\\b",
        hint="on a building site, construction",
    ),
    Sense(
        "a plot of land, not a story's",
        ("27-3043", "27-4032", "27-3041", "27-2012"),
        (
            r"setting[- ]out",
            r"groundwork\w*",
            r"surveying",
            r"allotments?",
            r"vegetable",
            r"\bplots? of land",
            r"building plots?",
        ),
        (
            r"novels?",
            r"stor(?:y|ies)",
            r"fiction",
            r"screenplay\w*",
            r"scripts?",
            r"\bbooks?\b",
            r"\bfilms?\b",
            r"writing",
        ),
        word="\\bplots?\\b",
        hint="a building plot of land",
    ),
)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{w})" for w in words))


#: Distinct texts whose cue bits are remembered (a population repeats its phrases).
CUE_MEMORY = 1 << 16


@lru_cache(maxsize=CUE_MEMORY)
def _text_cues(text: str) -> int:
    lower = text.lower()
    bits = 0
    for i, sense in enumerate(SENSES):
        if _pattern(sense.everyday).search(lower):
            bits |= 1 << (2 * i)
        if _pattern(sense.occupational).search(lower):
            bits |= 1 << (2 * i + 1)
    return bits


def cue_bits(texts: Iterable[str]) -> NDArray[np.int64]:
    """(texts,) bit patterns: bit 2i says text shows sense i's everyday words, bit 2i+1 its
    occupational words. A person's pattern is the OR of their texts' patterns."""
    return np.asarray([_text_cues(t) for t in texts], dtype=np.int64)


def vetoed_senses(bits: NDArray[np.int64]) -> NDArray[np.bool_]:
    """(..., senses): the senses a person's bit pattern vetoes: everyday words present,
    occupational words absent."""
    bits = np.asarray(bits, dtype=np.int64)[..., None]
    shifts = 2 * np.arange(len(SENSES), dtype=np.int64)
    everyday = (bits >> shifts) & 1
    occupational = (bits >> (shifts + 1)) & 1
    return (everyday == 1) & (occupational == 0)


def sense_masks(codes: Sequence[str]) -> NDArray[np.bool_]:
    """(senses, occupations): which occupations each sense's veto covers."""
    masks = np.zeros((len(SENSES), len(codes)), dtype=bool)
    for i, sense in enumerate(SENSES):
        masks[i] = [code.startswith(sense.occupations) for code in codes]  # any prefix
    return masks


def person_veto(texts: Iterable[str], masks: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """(occupations,): where one person's words give no evidence, read from all of them."""
    bits = np.bitwise_or.reduce(cue_bits(texts), initial=0)
    chosen = vetoed_senses(np.asarray(bits))
    return np.asarray(masks[chosen].any(axis=0))


def sense_hints(phrases: Sequence[str], context: Sequence[str]) -> list[str]:
    """For each phrase, the words that say which sense its two-sense word has ("" for
    none): a sense's hint when the person's other writing (``context``: jobs, summary,
    studies, skills) shows the everyday sense and nothing they wrote shows the occupational
    one. Only that other writing chooses: a phrase alone ("site manager") is read as it
    stands."""
    shown = np.bitwise_or.reduce(cue_bits(context), initial=0)
    everywhere = np.bitwise_or.reduce(cue_bits([*phrases, *context]), initial=0)
    chosen = [
        sense
        for i, sense in enumerate(SENSES)
        if sense.word is not None and (shown >> (2 * i)) & 1 and not (everywhere >> (2 * i + 1)) & 1
    ]
    return [
        "; ".join(s.hint for s in chosen if re.search(str(s.word), phrase, re.IGNORECASE))
        for phrase in phrases
    ]


def hinted(phrases: Sequence[str], context: Sequence[str]) -> list[str]:
    """``phrases`` as the text model should read them: each with its ``sense_hints``."""
    hints = sense_hints(phrases, context)
    return [f"{p} ({h})" if h else p for p, h in zip(phrases, hints, strict=True)]

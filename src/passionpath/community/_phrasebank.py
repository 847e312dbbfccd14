"""The team's own phrase bank: topics people gather around, each with ways people write
about them. Study groups bucket interests by these topics; the synthetic population writes
its passions from them (and from occupations' own words)."""

from __future__ import annotations

#: topic -> phrases, in words of our own.
TOPICS: dict[str, tuple[str, ...]] = {
    "coding": (
        "writing python code",
        "building small web apps",
        "automating boring tasks with scripts",
        "contributing to open source",
        "solving programming puzzles",
    ),
    "debating": (
        "debating club",
        "arguing both sides of a motion",
        "public speaking competitions",
        "model united nations",
        "persuasive speeches",
    ),
    "photography": (
        "food photography",
        "street photography",
        "editing photos late at night",
        "taking portraits of friends",
        "film cameras and darkroom printing",
    ),
    "baking": (
        "sourdough baking",
        "baking bread at weekends",
        "decorating birthday cakes",
        "making pastry from scratch",
        "running a bake sale",
    ),
    "sustainability": (
        "reducing waste at home",
        "community composting",
        "repairing things instead of buying new",
        "climate action campaigns",
        "growing vegetables on an allotment",
    ),
    "astronomy": (
        "stargazing with a telescope",
        "photographing the night sky",
        "reading about black holes",
        "tracking satellites",
        "astronomy club nights",
    ),
    "music": (
        "playing guitar in a band",
        "producing electronic music",
        "singing in a choir",
        "teaching kids piano",
        "mixing live sound at gigs",
    ),
    "writing": (
        "writing short stories",
        "keeping a blog",
        "poetry nights",
        "editing the school newspaper",
        "writing fan fiction",
    ),
    "gardening": (
        "tending a vegetable patch",
        "houseplants and propagation",
        "designing small gardens",
        "volunteering at the community garden",
    ),
    "cooking": (
        "cooking for big family dinners",
        "trying recipes from other countries",
        "fermenting kimchi and pickles",
        "planning healthy meals",
    ),
    "caring": (
        "looking after my grandmother",
        "volunteering at a care home",
        "listening to friends in trouble",
        "helping people feel at ease",
    ),
    "teaching": (
        "tutoring younger students",
        "explaining maths to friends",
        "coaching a junior team",
        "running workshops",
    ),
    "sport": (
        "coaching youth football",
        "running marathons",
        "climbing at the bouldering gym",
        "organising five-a-side matches",
    ),
    "fitness": (
        "strength training",
        "designing workout plans for friends",
        "yoga every morning",
        "tracking my runs and heart rate",
    ),
    "design": (
        "sketching app screens",
        "designing posters for events",
        "making things easier to use",
        "typography and layout",
    ),
    "drawing": (
        "drawing comics",
        "watercolour painting",
        "sketching people on the train",
        "digital illustration",
    ),
    "crafts": (
        "knitting and crochet",
        "woodworking in the shed",
        "sewing my own clothes",
        "pottery classes",
    ),
    "repair": (
        "fixing bikes",
        "taking apart old electronics",
        "repairing cars with my dad",
        "restoring old furniture",
    ),
    "building": (
        "building furniture",
        "renovating the house",
        "bricklaying and plastering",
        "building a treehouse",
    ),
    "robotics": (
        "building robots",
        "arduino projects",
        "soldering circuits",
        "3d printing parts",
    ),
    "data": (
        "making charts from spreadsheets",
        "analysing football statistics",
        "finding patterns in data",
        "tracking my spending in a spreadsheet",
    ),
    "money": (
        "managing my own budget",
        "reading about investing",
        "helping friends with their taxes",
        "running the club accounts",
    ),
    "business": (
        "selling things online",
        "running a market stall",
        "starting a small business",
        "negotiating deals",
    ),
    "animals": (
        "volunteering at an animal shelter",
        "training my dog",
        "birdwatching",
        "caring for horses",
    ),
    "nature": (
        "hiking in the hills",
        "identifying wild plants",
        "camping and bushcraft",
        "wildlife surveys",
    ),
    "science": (
        "doing chemistry experiments at home",
        "reading about how the brain works",
        "science fairs",
        "watching lectures about physics",
    ),
    "health": (
        "first aid volunteering",
        "learning how the body works",
        "supporting people with mental health",
        "helping at the blood donation drive",
    ),
    "languages": (
        "learning japanese",
        "translating for my family",
        "language exchange meetups",
        "reading novels in spanish",
    ),
    "history": (
        "visiting museums",
        "researching my family tree",
        "reading about ancient rome",
        "local history walks",
    ),
    "games": (
        "designing board games",
        "running tabletop role-playing games",
        "making video game mods",
        "speedrunning",
    ),
    "film": (
        "making short films",
        "editing videos for youtube",
        "film club",
        "writing screenplays",
    ),
    "theatre": (
        "acting in school plays",
        "stage management",
        "improv comedy",
        "building theatre sets",
    ),
    "fashion": (
        "styling outfits for friends",
        "upcycling old clothes",
        "following fashion shows",
        "sewing costumes",
    ),
    "travel": (
        "planning trips for friends",
        "backpacking on a budget",
        "learning about other cultures",
        "guiding visitors around my city",
    ),
    "community": (
        "organising neighbourhood events",
        "volunteering at the food bank",
        "mentoring young people",
        "running a youth club",
    ),
    "law": (
        "reading about court cases",
        "helping people fill in official forms",
        "campaigning for fairer rules",
        "mock trials",
    ),
}

#: Passions written about skills people work on (for study groups around a shared gap).
SKILL_GAPS = (
    "Programming",
    "Mathematics",
    "Writing",
    "Speaking",
    "Critical Thinking",
    "Active Listening",
    "Systems Analysis",
    "Judgment and Decision Making",
    "Time Management",
    "Negotiation",
    "Instructing",
    "Complex Problem Solving",
    "Science",
    "Reading Comprehension",
    "Service Orientation",
    "Persuasion",
    "Coordination",
    "Monitoring",
)

#: Cities for synthetic people (and "remote").
CITIES = (
    "Leeds",
    "Manchester",
    "Glasgow",
    "Cardiff",
    "Bristol",
    "London",
    "Birmingham",
    "Dublin",
    "Toronto",
    "Chicago",
    "Austin",
    "Melbourne",
    "Auckland",
    "Cape Town",
    "Berlin",
    "Lyon",
)

#: Availability lines for synthetic people.
AVAILABILITY = (
    "weekday evenings",
    "weekends",
    "Saturday mornings",
    "lunchtimes",
    "one evening a week",
    "twice a month",
    "flexible",
)

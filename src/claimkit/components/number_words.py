"""The words claimkit_numbers decides by: what harms, what counts troops, what is no claim.

Lemmas and word forms only, so that the rules in `numbers` and `casualty_outcome` read as rules.
"""

from __future__ import annotations

# Verbs whose object (or passive subject) is the victim: "killed 42 civilians", "42 were killed".
HARM_VERBS: dict[str, str] = {
    "kill": "killed",
    "murder": "killed",
    "massacre": "killed",
    "slaughter": "killed",
    "slay": "killed",
    "execute": "killed",
    "behead": "killed",
    "wound": "wounded",
    "injure": "injured",
    "hurt": "injured",
    "maim": "injured",
    "shoot": "casualties",
    "trample": "casualties",
    "crush": "casualties",
}
# Verbs whose subject is the victim: "12 civilians died".
DYING_VERBS: dict[str, str] = {"die": "dead", "perish": "dead", "drown": "dead", "disappear": "missing"}
# Words that state the outcome after the counted noun or as its complement: "12 dead", "are missing".
OUTCOME_WORDS: dict[str, str] = {
    "killed": "killed",
    "slain": "killed",
    "dead": "dead",
    "died": "dead",
    "wounded": "wounded",
    "injured": "injured",
    "hurt": "injured",
    "missing": "missing",
}
# Words that add a part to a casualty count: "among them 11 children".
INCLUSION_WORDS = frozenset({"including", "among", "incl."})
# Dependencies of an outcome word that completes a verb and its object: "leaving 19 officers dead",
# "found three men dead".
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp"})
SUBJECT_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp", "attr"})
# Counted nouns that are themselves the outcome: "3,000 casualties", "12 deaths".
OUTCOME_NOUNS: dict[str, str] = {
    "casualty": "casualties",
    "victim": "casualties",
    "death": "dead",
    "fatality": "dead",
    "dead": "dead",
    "toll": "dead",
    "injury": "injured",
    "wounded": "wounded",
    "injured": "injured",
    "corpse": "dead",
}
# "61 bodies were recovered": bodies are the dead when nothing describes them as something else
# ("three regulatory bodies"), or when they are recovered, found or buried.
BODY_NOUN = "body"
RECOVERY_VERBS = frozenset(
    {
        "recover", "find", "retrieve", "pull", "wash", "exhume", "identify", "bury", "discover", "repatriate",
        "collect",
    }
)
# Patients counted by the injury that brought them in: "640 road-crash patients", "120 burn patients";
# "214 measles patients" are ill, not injured.
PATIENT_NOUNS = frozenset({"patient"})
INJURY_CAUSES = frozenset(
    {
        "crash", "road-crash", "accident", "collision", "burn", "burns", "gunshot", "trauma", "blast", "stab",
        "stabbing", "shooting", "shrapnel", "landmine", "mine",
    }
)
TROOP_NOUNS = frozenset(
    {
        "troop", "soldier", "serviceman", "servicemen", "servicewoman", "peacekeeper",
        "reservist", "conscript", "marine", "paratrooper", "commando", "fighter", "combatant",
        "militant", "insurgent", "guerrilla", "militiaman", "militiamen", "mercenary", "rebel",
        "brigade", "battalion", "regiment", "platoon", "corps", "squadron", "contingent", "garrison",
        "army",
    }
)
# Troop nouns only without a civilian modifier: "security personnel", "labour force", "sales division".
AMBIGUOUS_TROOP_NOUNS = frozenset({"personnel", "force", "division"})
# Modifiers that say how many or what status, not what trade: "14,200 regular personnel", "an
# additional 600 personnel", "9,800 uniformed personnel" stay military.
NEUTRAL_MODIFIERS = frozenset(
    {
        "additional", "extra", "more", "new", "regular", "uniformed", "active", "active-duty", "serving",
        "full-time", "foreign", "international", "total", "deployed", "available", "combined", "other",
        "fresh", "further", "standing", "permanent",
    }
)
# Military units: a single one ("at least one battalion") is still a troop number.
MILITARY_UNITS = frozenset(
    {
        "brigade", "battalion", "regiment", "platoon", "corps", "squadron", "division", "contingent", "garrison",
        "company",
    }
)
# Nouns that name troops only with a military modifier: "its army reserve", "two navy units".
MILITARY_MODIFIED_NOUNS = frozenset({"reserve", "unit"})
# Warships are naval units ("two frigates at sea"), except when they are goods bought or sold
# ("buy two more frigates", "a deal for four submarines"). Aircraft, tanks and launchers are equipment.
WARSHIP_NOUNS = frozenset(
    {"frigate", "destroyer", "corvette", "warship", "submarine", "cruiser", "minesweeper", "gunboat"}
)
# Ships and boats are naval units when their clause is about a navy: "the navy's frigate fleet fell from
# eleven ships to five"; a coast guard's "23 patrol boats" are not military.
VESSEL_NOUNS = frozenset({"ship", "vessel", "boat"})
NAVAL_WORDS = frozenset({"navy", "naval"})
TRADE_VERBS = frozenset(
    {
        "buy", "purchase", "order", "acquire", "procure", "sell", "export", "import", "lease", "build", "deliver",
        "supply",
    }
)
TRADE_NOUNS = frozenset(
    {"deal", "purchase", "order", "contract", "sale", "acquisition", "delivery", "export", "import"}
)
# Modifiers that make people or staff military: "1,200 military police", "army officers".
MILITARY_MODIFIERS = frozenset(
    {
        "military", "army", "naval", "navy", "paramilitary", "marine", "armed", "peacekeeping", "combat",
        "defence", "defense", "rapid", "reaction", "strike", "expeditionary", "airborne", "infantry",
    }
)
PEOPLE_NOUNS = frozenset(
    {
        "people", "person", "civilian", "man", "woman", "child", "resident", "citizen", "inhabitant",
        "villager", "pilgrim", "worker", "student", "refugee", "migrant", "passenger", "officer",
        "policeman", "journalist", "volunteer", "member", "national", "hostage", "prisoner",
        "police", "adviser", "advisor", "instructor", "staff", "engineer", "specialist", "contractor",
        "boy", "girl", "baby", "infant", "teenager", "adult", "pedestrian", "cyclist", "motorcyclist", "driver",
        "rider", "patient", "protester", "demonstrator", "bystander", "miner", "farmer", "fisherman",
        "fishermen", "sailor", "crewman", "crewmen", "employee", "tourist", "visitor", "shopper", "detainee",
        "inmate", "survivor", "victim", "family", "parent", "voter", "doctor", "nurse", "teacher", "pupil",
        "operative", "guard", "pilot", "asylum-seeker", "settler",
    }
)
# Family members of one person ("whose husband and two sons", "her three daughters"): a detail of a
# life, not a figure to check.
KIN_NOUNS = frozenset(
    {
        "son", "daughter", "brother", "sister", "husband", "wife", "child", "grandchild", "grandson",
        "granddaughter", "nephew", "niece", "cousin", "parent", "sibling", "uncle", "aunt",
    }
)
# Nouns a small count of which only structures the author's argument: "two choices".
ARGUMENT_NOUNS = frozenset(
    {
        "choice", "reason", "option", "goal", "aim", "objective", "point", "question", "way", "thing",
        "lesson", "issue", "problem", "factor", "step", "scenario", "possibility", "alternative",
        "approach", "strategy", "path", "pathway", "avenue", "argument", "principle", "pillar",
        "priority", "conclusion", "observation", "takeaway", "consideration", "dimension", "aspect",
        "element", "kind", "type", "sort", "sense", "side", "camp", "outcome", "track", "dilemma",
        "challenge", "lens", "narrative", "theme", "trend", "idea", "concern", "tier", "level", "front",
        "direction", "stage", "phase", "part", "answer", "explanation", "motive", "fear",
        "assumption", "premise", "caveat", "hypothesis", "myth", "mistake", "truth", "fact", "word", "thought",
        "misconception", "flaw", "test", "criterion", "reading", "interpretation", "worry",
    }
)
ARGUMENT_COUNT_MAX = 12
# Time zones after a number make it a clock time: "06.00 GMT", "9 ET".
TIME_ZONES = frozenset(
    {"gmt", "utc", "bst", "cet", "cest", "eet", "eest", "msk", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
     "pdt", "et", "pt", "ct", "jst", "ist", "aest", "aedt"}
)
# A number that counts these is a duration or a time: the dates component's work.
TIME_UNITS = frozenset(
    {
        "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year",
        "decade", "century", "millennium", "a.m.", "p.m.", "am", "pm", "o'clock", "yr",
    }
)
MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
        "sep.", "sept.", "oct.", "nov.", "dec.",
    }
)
# Words before a number that make it a name or a reference: "Article 5", "Flight 200".
NAME_WORDS = frozenset(
    {
        "article", "resolution", "chapter", "section", "paragraph", "clause", "no.", "no", "nos.",
        "number", "#", "flight", "route", "highway", "room", "gate", "page", "p.", "pp.", "vol.",
        "volume", "item", "model", "version", "series", "platform", "grade", "code", "amendment",
        "protocol", "rank", "ranked", "level", "category", "phase", "stage", "line", "size",
    }
)
# Nouns whose plural is the singular: "100 aircraft" is a count, "the 717 jet" a model.
INVARIANT_PLURALS = frozenset(
    {"aircraft", "personnel", "staff", "people", "police", "sheep", "fish", "cattle", "livestock",
     "infantry", "artillery", "military", "equipment", "offspring", "crew", "series", "species"}
)
# Determiners that make a small spelled count a reference back: "the two countries".
ANAPHORIC_WORDS = frozenset({"the", "these", "those", "both"})
ANAPHORIC_COUNT_MAX = 10
# Words before a fraction that make it a part of time: "the second half of 2020".
FRACTION_OF_TIME_WORDS = frozenset({"first", "second", "last", "latter", "other", "the"})
# Quantifiers tagged only when the people they count were killed or hurt: "many more wounded".
VAGUE_QUANTIFIERS = frozenset({"many", "several", "numerous", "countless"})
# Heads of "from X to Y" that make it a change, not a range: "rose from 14% to 17%".
CHANGE_WORDS = frozenset(
    {
        "rise", "increase", "grow", "climb", "jump", "soar", "surge", "swell", "fall", "drop",
        "decline", "decrease", "shrink", "plunge", "slip", "slide", "dip", "cut", "reduce", "raise",
        "lower", "expand", "double", "triple", "go", "change", "move", "improve", "up", "down",
    }
)
# Qualifiers that are also prepositions: after a noun or one of these verbs they belong to it
# ("control over 20 percent", "talked about 20 soldiers"), not to the number.
PREPOSITION_QUALIFIERS = frozenset({"over", "under", "about", "around", "above", "below"})
PREPOSITION_VERBS = frozenset(
    {
        "talk", "speak", "think", "know", "learn", "hear", "read", "write", "worry", "care", "argue",
        "fight", "quarrel", "dispute", "disagree", "negotiate", "rule", "preside", "prevail", "agree",
        "ask", "complain", "joke", "lie", "bring", "wrangle", "clash", "battle", "tower",
    }
)
# Words, verbs or (mis-tagged) nouns, whose object is an amount of their subject: "Maluvia's armed forces
# number around 24,000", "the army grew to 30,000"; a qualifier after them qualifies the number.
AMOUNT_VERBS = CHANGE_WORDS | frozenset({"number", "total", "stand", "reach", "exceed", "top", "hit", "be"})
# Verbs of amount the tagger often reads as nouns: "armed forces number around 24,000".
AMOUNT_NOUN_VERBS = frozenset({"number", "numbers", "total", "totals"})
# Nouns of the size of a group, whose "of" names the group: "double the size of its army reserve".
SIZE_NOUNS = frozenset({"size", "strength", "number", "headcount", "total", "ranks"})
# Words before a number without a noun that compare it with a figure just given, which it counts too:
# "from four divisions to two", "against a goal of 4,000", "up from about 500", "compared with 31,000".
COMPARISON_WORDS = frozenset({"to", "from", "against", "versus", "vs", "vs.", "than", "compared", "compare"})
# How many words ("a goal of", "an authorised strength of") may stand between that word and the number.
COMPARISON_REACH = 5
# Dependencies by which a number or its unit modifies the noun after it.
PRENOMINAL_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod", "npadvmod", "advmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# How far the span may reach past the counted noun to take in the outcome ("were killed").
OUTCOME_REACH = 4
NOUN_REACH = 6
# Temperature scales written as one letter after the digits.
GLUED_SCALE_LETTERS = frozenset({"C", "F"})
# "-strong": "a 5,000-strong force".
STRENGTH_WORD = "strong"
# Groups whose strength ("a 3,000-strong force") is a troop number; a "200-strong crowd" is not.
STRENGTH_UNITS = frozenset({"force", "unit", "division", "contingent", "army", "brigade", "battalion", "militia"})

"""The words the speaker rules read: pronouns, role and title words, the nouns that name bodies,
documents and staff, and the gender words. Kept apart from `speakers` and the modules it draws
on so that the rules read as code and the lists can grow without touching them."""

from __future__ import annotations

import re

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
BODY_POSSESSIVES = {"its", "their"}
BODY_PRONOUNS = BODY_POSSESSIVES | {"it", "they"}  # as the subject of a speech verb: "“…,” it said"
AUTHOR_PRONOUNS = {"i", "we", "me", "us"}
# Words that head place or thing names the small model sometimes tags PERSON.
NOT_PERSON_HEADS = {
    "corridor", "road", "street", "river", "court", "university", "republic", "council", "committee",
    "ministry", "region", "province", "city", "war", "agreement", "treaty", "press", "policy", "office",
    "house", "party", "union", "army", "forces", "bank", "fund", "group", "news", "times", "post",
    "agency", "company", "association", "federation", "commission", "authority", "institute", "foundation",
    "holdings", "airlines", "airways", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "plc", "llc", "gmbh",
}
# Common nouns (lemmas) that name a body: "its" and "their" go back to them, and a name set
# beside one ("The union, Dockers United,") is a body, not a person.
ORG_NOUNS = {
    "union", "company", "firm", "agency", "ministry", "directorate", "inspectorate", "government", "association",
    "federation", "council", "committee", "commission", "party", "group", "authority", "court", "tribunal", "bank",
    "fund", "army", "navy", "police", "militia", "institute", "organisation", "organization", "charity",
    "coalition", "alliance", "board", "department", "office", "league", "club", "corporation", "regulator",
    "watchdog", "manufacturer", "maker", "insurer", "lender", "broadcaster", "newspaper", "consortium",
    "cooperative", "administration", "parliament", "foundation", "university", "operator", "carrier", "airline",
    "utility", "conglomerate", "network", "movement", "embassy", "secretariat", "giant", "retailer", "shipper",
    "observatory", "monitor", "panel", "taskforce", "chamber", "centre", "center", "think-tank",
    "media", "medium", "press", "outlet", "channel", "station", "magazine", "website", "mission", "delegation",
}
# Nouns (lemmas) for what a body has and a person does not: "a Maersk Line vessel", "Vitol's staff".
ORG_MEMBER_NOUNS = {
    "employee", "staff", "workforce", "shareholder", "headquarters", "subsidiary", "plant", "factory",
    "fleet", "vessel", "terminal", "ceo",
}
# Nouns (lemmas) for what a person is: set beside a name ("Ana Ruiz, the union's general
# secretary,") they mark it as a person's, and they are the roles "its president" looks up.
PERSON_ROLE_NOUNS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "director",
    "chairman", "chairwoman", "chair", "executive", "officer", "official", "head", "leader", "chief",
    "mayor", "governor", "ambassador", "envoy", "judge", "justice", "mediator", "negotiator", "commissioner",
    "manager", "founder", "analyst", "economist", "historian", "researcher", "scientist", "professor",
    "lawyer", "attorney", "prosecutor", "activist", "member", "author", "journalist", "reporter", "editor",
    "adviser", "advisor", "aide", "general", "colonel", "commander", "senator", "lawmaker", "legislator",
    "diplomat", "deputy", "candidate", "chancellor", "king", "queen", "prince", "princess", "pope",
    "bishop", "priest", "imam", "rabbi", "mother", "father", "wife", "husband", "son", "daughter",
    "resident", "worker", "dockworker", "farmer", "doctor", "nurse", "engineer", "pilot", "captain",
    "owner", "treasurer", "expert", "teacher", "student", "organiser", "organizer", "campaigner", "critic",
    "veteran", "survivor", "witness", "boss", "partner", "representative", "secretary-general",
}
SPOKESPERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"}
# Unnamed staff who write or speak in a body's name: "the directorate's inspectors wrote" is the directorate.
STAFF_NOUNS = {"staff", "inspector", "official", "auditor", "investigator", "examiner"}
# Entity labels that mark a name as a body or place; against PERSON they decide by majority.
THING_LABELS = {"ORG", "GPE", "FAC", "LOC", "NORP", "PRODUCT"}
BODY_LABELS = {"ORG", "GPE", "FAC"}
HONORIFIC_TITLE_WORDS = {
    "president", "prime", "minister", "foreign", "defense", "defence", "secretary", "general", "gen.",
    "dr.", "dr", "professor", "prof.", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "sen.", "senator",
    "rep.", "representative", "judge", "justice", "king", "queen", "pope", "chancellor", "governor",
    "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chief", "deputy",
    "colonel", "col.", "lt.", "captain", "capt.", "admiral", "commander", "sheikh", "sir", "lord", "dame",
    "former", "late", "state", "vice", "acting", "head", "leader", "chairman", "chairwoman", "ceo",
}
# Role nouns that also stand before a name as its title ("Climate Commissioner Ingrid
# Halloran", "Chief Executive Pieter Van Damme"); no first name is spelled like one of them.
ROLE_TITLE_WORDS = {
    "commissioner", "director", "executive", "officer", "chair", "chairperson", "manager", "coach",
    "inspector", "superintendent", "sergeant", "lieutenant", "detective", "constable", "councillor",
    "councilor", "councilman", "councilwoman", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "ombudsman", "economist", "analyst", "attorney", "prosecutor", "archbishop", "bishop", "cardinal", "rabbi",
    "imam", "reverend", "rev.", "premier", "treasurer", "auditor", "comptroller", "magistrate", "sheriff",
    "adviser", "advisor", "secretary-general", "president-elect", "vice-president", "mep", "mp",
    "parliamentarian", "lawmaker", "legislator",
}
TITLE_WORDS = HONORIFIC_TITLE_WORDS | ROLE_TITLE_WORDS
# Title words that mark the name right after them as a person's; "General Motors" or "Prime
# Minister" alone say nothing.
PERSON_TITLES = (HONORIFIC_TITLE_WORDS - {
    "general", "state", "former", "late", "vice", "acting", "foreign", "defense", "defence", "prime", "head",
    "chief", "deputy", "leader",
}) | {"commissioner", "inspector", "detective", "sergeant", "councillor", "congressman", "congresswoman",
      "parliamentarian", "lawmaker", "legislator"}
# Words for the role a person holds, as a title or set beside the name: what "the minister" looks up.
ROLE_WORDS = PERSON_ROLE_NOUNS | ROLE_TITLE_WORDS | {
    "minister", "secretary", "governor", "mayor", "chairman", "chairwoman", "senator", "ambassador", "ceo",
}
# Words no body's name holds: "Apple CEO Steve Jobs" is a person, not a longer name of Apple.
PERSON_WORDS = TITLE_WORDS | ROLE_WORDS
# Gender the article shows for a name: a title before it, a noun set beside it.
FEMALE_TITLES = {"ms.", "ms", "mrs.", "mrs", "miss", "madam", "dame", "lady"}
MALE_TITLES = {"mr.", "mr", "sir", "lord"}
FEMALE_NOUNS = {
    "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "assemblywoman", "mother",
    "wife", "daughter", "sister", "queen", "princess", "widow", "grandmother", "woman", "girl", "actress",
}
MALE_NOUNS = {
    "spokesman", "chairman", "businessman", "congressman", "councilman", "assemblyman", "father", "husband",
    "son", "brother", "king", "prince", "widower", "grandfather", "man", "boy",
}
PRONOUN_GENDER = {
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "he": "male", "him": "male", "his": "male", "himself": "male",
}
# Determiners of a noun phrase that names one body or person the article has named before.
DEFINITE_WORDS = {"the", "this", "that"}
# "the company" and "the firm" name the company the article is about, not a ministry or a union.
COMPANY_NOUNS = {"company", "firm"}
REGULATOR_NOUNS = {"regulator", "watchdog"}
# Head words of body names that are not companies ("the Ministry of Agriculture", "the Dairy
# Farmers' Union"), and of those that regulate ("the Nuclear Safety Directorate").
PUBLIC_BODY_HEADS = {
    "ministry", "government", "department", "agency", "commission", "council", "committee", "authority",
    "directorate", "inspectorate", "office", "parliament", "assembly", "senate", "congress", "court", "tribunal",
    "police", "army", "navy", "force", "forces", "union", "party", "league", "federation", "association",
    "university", "college", "school", "institute", "foundation", "charity", "cross", "crescent", "nations",
    "organisation", "organization", "alliance", "coalition", "movement", "church", "embassy", "secretariat",
    "mission", "programme", "program", "service", "board", "regulator", "watchdog", "ombudsman", "cabinet",
    "administration", "municipality", "presidency", "chamber",
}
REGULATOR_HEADS = {
    "regulator", "watchdog", "authority", "commission", "directorate", "inspectorate", "office", "agency",
    "board", "ombudsman", "executive",
}
BODY_NAME_HEADS = ORG_NOUNS | REGULATOR_HEADS  # last words of proper names that name a body
# Head words of events the model tags ORG: "Apple Worldwide Developers Conference" is not a longer name of Apple.
EVENT_HEADS = {
    "conference", "summit", "expo", "exhibition", "festival", "awards", "games", "cup", "championship",
    "championships", "show", "forum", "convention", "fair", "tournament", "olympics", "week",
}
# Words that open an unnamed source's description: "one official", "another diplomat", "two engineers".
INDEFINITE_WORDS = {"a", "an", "one", "another", "two", "three", "four", "five", "several", "some", "many", "most", "few"}
# A clause that says why a source is unnamed is no part of its description.
ANONYMITY_CLAUSE = re.compile(
    r"\b(?:named|identified|identify|anonymity|anonymously|authori[sz]ed|on condition|not allowed|publicly|"
    r"on the record|on background)\b",
    re.IGNORECASE,
)
# Prepositions that continue a body's proper name: "the Office for the Coordination of Humanitarian Affairs".
NAME_PREPOSITIONS = {"of", "for", "on"}
NAME_LINK_WORDS = NAME_PREPOSITIONS | {"the", "and", "&"}
MAX_PRONOUN_LOOKBACK_CHARS = 1500
MAX_ANTECEDENT_SENTENCES = 4  # "its" and "their" look back over this many sentences, theirs included
DOCUMENT_NOUNS = {
    "report", "study", "statement", "survey", "analysis", "investigation", "poll", "letter", "review", "assessment",
    "document", "filing", "audit", "inquiry", "evaluation", "judgment", "judgement", "ruling", "verdict",
    "indictment", "annex", "census", "paper", "polling", "research", "modelling", "modeling", "finding",
    "agreement", "treaty", "charter", "constitution", "accord", "contract", "protocol", "resolution", "memo",
}
# Numbers without a name of their own: "figures the agency released" speak only through who released them.
DATA_NOUNS = {"figure", "data", "statistic", "number", "estimate", "record", "count", "result"}
# People whose findings are reported: "Researchers found that …", like a body's.
RESEARCH_ROLE_NOUNS = {
    "researcher", "scientist", "investigator", "auditor", "inspector", "analyst", "economist", "expert",
    "epidemiologist", "pollster", "statistician", "academic",
}
# Verbs by which a body makes a text or figures its own: "testimony gathered by Open Harbour", "figures
# the agency released". "A leaked annex seen by the newspaper" was only read by it.
AUTHORSHIP_VERBS = {
    "write", "publish", "issue", "release", "compile", "gather", "collect", "produce", "prepare", "conduct",
    "carry", "commission", "draft", "author", "present", "submit", "file", "run",
}
# Modifiers that point back without narrowing: "the same audit office" is the audit office named before.
ANAPHORIC_MODIFIERS = {"same", "aforementioned", "very", "said"}
# Texts that speak: "an email from …", "a posting on …" are named as written, not described like a source.
TEXT_NOUNS = DOCUMENT_NOUNS | {
    "email", "e-mail", "posting", "post", "release", "note", "message", "tweet", "article", "book",
    "website", "blog", "video", "transcript", "minutes", "notice",
}
QUOTE_MARKS = set("\"“”«»")
# Parts of a document that speak for it: "the relevant article of the agreement reads" is the agreement.
DOCUMENT_PART_NOUNS = {
    "article", "clause", "section", "paragraph", "chapter", "annex", "provision", "page", "passage", "sentence",
    "line", "preamble", "finding",
}
# Nouns that, after "the", stand for a body or document the article named before.
DEFINITE_BODY_NOUNS = ORG_NOUNS | DOCUMENT_NOUNS | REGULATOR_NOUNS
RELATIVE_TAGS = {"WDT", "WP"}  # "which", "who", "that" opening a relative clause
# Passive verbs of perception whose subject is the one heard or seen speaking: "X is heard ordering …".
PERCEPTION_VERBS = {"hear", "see", "record", "film", "overhear", "quote", "catch"}
ACRONYM_LENGTH = (2, 6)  # letters of an abbreviation that may stand for a body's name ("WHO", "UNHCR")
DEPARTMENT_WORDS = {"department", "ministry"}
# Posts held with a body or a person, named by the phrase after "to": "envoy to the alliance".
POSTS_TO = {"envoy", "ambassador", "adviser", "advisor", "representative", "delegate", "emissary", "aide", "counsel"}  # "the VA" is the Department of Veterans Affairs
MAX_PART_STEPS = 3  # from a part ("a sentence") up to the verb of the text that holds it
# Prepositions that give examples, not who a source is: "other sites such as Gawker.com".
EXAMPLE_PREPOSITIONS = {"as", "like", "including"}
# People who may suggest, confirm or indicate something without a role: "sources indicate that …".
PEOPLE_NOUNS = {
    "source", "observer", "commentator", "insider", "people", "person", "man", "woman", "group", "citizen",
    "voter", "parent", "patient", "customer", "user", "passenger", "refugee", "protester", "victim", "family",
    "girl", "boy", "child", "teenager", "neighbour", "neighbor", "friend", "colleague", "relative", "shopkeeper",
    "driver", "conductor", "official", "employee", "officer", "soldier", "migrant", "villager",
}

"""claimkit_speech: reported speech spans, speakers and cues, with rows that must match nothing."""

from __future__ import annotations

import pytest

# (text, [(content, speaker, cue)])
CASES = [
    ("The envoy claimed that the road was open.", [("that the road was open", "the envoy", "claimed")]),
    (
        "The ministry said that 40 soldiers had been killed in the attack.",
        [("that 40 soldiers had been killed in the attack", "the ministry", "said")],
    ),
    (
        "Officials told reporters that the convoy had reached the city.",
        [("that the convoy had reached the city", "Officials", "told")],
    ),
    (
        "Russia intervened and declared it would deploy a military contingent until at least 2025.",
        [("it would deploy a military contingent until at least 2025", "Russia", "declared")],
    ),
    (
        "Luis Moreno Ocampo wrote a report. He argues that the blockade deprives the region of food.",
        [("that the blockade deprives the region of food", "Luis Moreno Ocampo", "argues")],
    ),
    (
        "According to the United Nations, more than 100,000 people have fled the region.",
        [("more than 100,000 people have fled the region", "the United Nations", "according to")],
    ),
    (
        "The union represents 4,000 dockers. Its president said that the strike would go on.",
        [("that the strike would go on", "the president of the union", "said")],
    ),
    (
        "Aliyev rejects this approach, asserting that the issue falls within its internal affairs.",
        [("that the issue falls within its internal affairs", "Aliyev", "asserting")],
    ),
    (
        "The ministry issued a statement on Monday. It said that the road to the city was open.",
        [("that the road to the city was open", "the ministry", "said")],
    ),
    # media and people described by a common noun report too
    (
        "Western media has indicated that Iran could provide up to 300 drones.",
        [("that Iran could provide up to 300 drones", "Western media", "indicated")],
    ),
    (
        "The girl had revealed that the experiences at home were not suitable to share.",
        [("that the experiences at home were not suitable to share", "the girl", "revealed")],
    ),
    # an attribution set off inside a sentence, before the clause it reports
    (
        "Kate White leads the team. Looking forward, she said, MSF will reinforce some of its programs.",
        [("MSF will reinforce some of its programs", "Kate White", "said")],
    ),
    ("Meanwhile, hospitals are warning there’s a risk of more closures.",
     [("there’s a risk of more closures", "hospitals", "warning")]),
    # results speak through what they are the results of
    (
        "The results of the National Iodine Nutrition Study revealed that children are borderline iodine deficient.",
        [("that children are borderline iodine deficient", "the National Iodine Nutrition Study", "revealed")],
    ),
    (
        "The U.S. Agency for International Development predicts that as many as 1 million more could die.",
        [("that as many as 1 million more could die", "the U.S. Agency for International Development", "predicts")],
    ),
    # a document without a name is described as written, but not by when it appeared or who saw it
    (
        "Almost 25% of U.S. healthcare spending is wasteful, according to research published in JAMA.",
        [("Almost 25% of U.S. healthcare spending is wasteful", "research published in JAMA", "according to")],
    ),
    (
        "The reserve exists only on paper, according to a parliamentary report published in January.",
        [("The reserve exists only on paper", "a parliamentary report", "according to")],
    ),
    # a short form takes a longer name only when the longer one adds no place to it
    (
        "The Texas Supreme Court upheld the ban. Later the Supreme Court said that it would hear the case.",
        [("that it would hear the case", "the Supreme Court", "said")],
    ),
    (
        "In February 2026, a UN fact-finding mission concluded that the killings bore the hallmarks of genocide.",
        [("that the killings bore the hallmarks of genocide", "a UN fact-finding mission", "concluded")],
    ),
    (
        "Albanian supporters of Thaçi have protested that the sentencing was unjust.",
        [("that the sentencing was unjust", "Albanian supporters of Thaçi", "protested")],
    ),
    # "said that A and that B" where the parser missed the second "that"; a second report of the same reporter
    (
        "Kasperowicz said that the recent changes have not compromised care and that wait times are getting better.",
        [("that the recent changes have not compromised care", "Kasperowicz", "said"),
         ("that wait times are getting better", "Kasperowicz", "said")],
    ),
    (
        "Officials in the Texas region reported that 90 people had turned down job offers and noted that low "
        "morale was causing problems.",
        [("that 90 people had turned down job offers", "Officials in the Texas region", "reported"),
         ("that low morale was causing problems", "Officials in the Texas region", "noted")],
    ),
    (
        "Manchester City has said it is disappointed by the decision, stating that it is innocent of the accusations.",
        [("it is disappointed by the decision", "Manchester City", "said"),
         ("that it is innocent of the accusations", "Manchester City", "stating")],
    ),
    # the author's gloss and sum-up stay out
    (
        "The agency said it could not discuss the case without a privacy waiver, which Martinez declined to sign.",
        [("it could not discuss the case without a privacy waiver", "the agency", "said")],
    ),
    (
        "Ebright said the article represented scientific misconduct, a characterization that Garry rejected.",
        [("the article represented scientific misconduct", "Ebright", "said")],
    ),
    # "that" read as a determiner or an object by the parser still opens the clause
    (
        "Gregory Koblentz, a professor in Virginia, said during the two-hour hearing that debate continues in the "
        "scientific community.",
        [("that debate continues in the scientific community", "Gregory Koblentz", "said")],
    ),
    (
        "A human resources official reported in an internal warning system that the area was having trouble hiring.",
        [("that the area was having trouble hiring", "a human resources official", "reported")],
    ),
    ("Internal records show that there is a two-month wait.",
     [("that there is a two-month wait", "Internal records", "show")]),
    # a title before a name the model does not know makes it a person's
    (
        "NPP Parliamentarian Samanmalee Gunasinghe spoke in the debate. She said that the strategy was people focused.",
        [("that the strategy was people focused", "Samanmalee Gunasinghe", "said")],
    ),
    # "according to X" in the middle: the clause it modifies, after it
    (
        "By noon, according to the police report, the crowd had already left the square.",
        [("the crowd had already left the square", "the police report", "according to")],
    ),
    (
        "The river rose two metres overnight, and according to the water authority, three villages were cut off.",
        [("three villages were cut off", "the water authority", "according to")],
    ),
    (
        "The department, according to the audit, had ignored three warnings about the bridge.",
        [
            (
                "The department, according to the audit, had ignored three warnings about the bridge",
                "the audit",
                "according to",
            )
        ],
    ),
    (
        "Forty people died in the fire, according to the fire service.",
        [("Forty people died in the fire", "the fire service", "according to")],
    ),
    # other reporting verbs and forms: "answered that", a longer object or adverbials before
    # "that", content before or around the attribution
    (
        "Rahimi answered that the border would stay open until the end of the month.",
        [("that the border would stay open until the end of the month", "Rahimi", "answered")],
    ),
    (
        'The agency estimated last year, in a study titled "Counting the Cost", that flooding would cost '
        "farmers 2 billion dollars.",
        [("that flooding would cost farmers 2 billion dollars", "the agency", "estimated")],
    ),
    (
        "The governor told a press conference in Lagos that the refinery would reopen in May.",
        [("that the refinery would reopen in May", "the governor", "told")],
    ),
    (
        'The minister told a summit in Nairobi that Africa was "paying for a crisis it did not cause."',
        [('that Africa was "paying for a crisis it did not cause."', "the minister", "told")],
    ),
    (
        "The governor told a meeting of farmers in Leeds on Monday that the subsidy would be cut.",
        [("that the subsidy would be cut", "the governor", "told")],
    ),
    (
        "Food prices have doubled since January, the charity Oxfam said on Friday.",
        [("Food prices have doubled since January", "Oxfam", "said")],
    ),
    (
        "Most of the new jobs, the report says, will be in the service sector.",
        [("Most of the new jobs, the report says, will be in the service sector", "the report", "says")],
    ),
    # one clause the parser cut in two, or whose second verb it hung on the reporting verb
    (
        "Another engineer said the parts the factory was promised have not arrived.",
        [("the parts the factory was promised have not arrived", "another engineer", "said")],
    ),
    (
        "The chair told reporters that the council had heard of the leak “only last week” and had acted "
        "“within hours.”",
        [
            (
                "that the council had heard of the leak “only last week” and had acted “within hours.”",
                "the chair",
                "told",
            )
        ],
    ),
    # two "that" clauses, the first without its "that" and the second hung deep inside it
    (
        "In a statement, Health Minister Sara Lind said the decision left patients “less safe tonight than they were "
        "this morning” and that the government would introduce a new bill “within weeks.”",
        [
            ("the decision left patients “less safe tonight than they were this morning”", "Sara Lind", "said"),
            ("that the government would introduce a new bill “within weeks.”", "Sara Lind", "said"),
        ],
    ),
    (
        "The mayor told a council session on Friday that the tunnel would open in June and that its tolls "
        'would stay "as low as we can keep them."',
        [
            ("that the tunnel would open in June", "the mayor", "told"),
            ('that its tolls would stay "as low as we can keep them."', "the mayor", "told"),
        ],
    ),
    # a wh-word that opens an adverbial clause or a subject does not make a question
    (
        "The mayor said when the bridge reopens, buses will return to the old route.",
        [("when the bridge reopens, buses will return to the old route", "the mayor", "said")],
    ),
    (
        "The paper noted what began as a local protest had grown into a national strike.",
        [("what began as a local protest had grown into a national strike", "the paper", "noted")],
    ),
    # institutions and research report what they found; a person who finds a locked door does not
    (
        "The inspectorate found that two of the five reactors had no working backup pumps.",
        [("that two of the five reactors had no working backup pumps", "the inspectorate", "found")],
    ),
    (
        "A survey by the chamber of commerce found that most shops had cut their hours.",
        [("that most shops had cut their hours", "the chamber of commerce", "found")],
    ),
    (
        "Researchers showed that the vaccine cut hospital stays by half.",
        [("that the vaccine cut hospital stays by half", "Researchers", "showed")],
    ),
    ("The court ruled that the election law was unconstitutional.", [("that the election law was unconstitutional", "the court", "ruled")]),
    ("Engineers point out that the dam was never designed for such floods.", [("that the dam was never designed for such floods", "Engineers", "point out")]),
    ("She found that the door was locked.", []),
    ("The recount suggests that the margin was far smaller.", []),
    ("The commission found the system flawed.", []),
    ("The minister declared the outbreak over.", []),
    ("It is fair to say that the plan has failed.", []),
    # the author's comment after the clause stays out of it
    (
        "The governor said the bridge would reopen in May, a claim the engineers dismissed as fantasy.",
        [("the bridge would reopen in May", "the governor", "said")],
    ),
    (
        "The agency said in a statement that 300 homes were flooded, almost all in the valley, and that 12 schools "
        "had closed.",
        [
            ("that 300 homes were flooded, almost all in the valley", "the agency", "said"),
            ("that 12 schools had closed", "the agency", "said"),
        ],
    ),
    (
        "The government, which told the council that the plant was safe, has since closed it.",
        [("that the plant was safe", "the government", "told")],
    ),
    # rows that must match nothing: verbs that report nothing, questions, split quotes
    ("The minister cannot say who approved the contract.", []),
    ("She did not say that the plant would close.", []),
    ("The report told investors only what they already knew.", []),
    ('"If the rain holds off," she added, "the harvest will be fine."', []),
    ("In reply to the question, she answered, “The talks will resume next week in Geneva.”", []),
    (
        "A letter from the lawyers urges the board to settle quickly: ''I would offer a modest sum and close "
        "the matter before the hearing,” it said.",
        [],
    ),
    (
        "The trust, which has 40,000 members, argued in a letter to the mayor that dredging would destroy the reef.",
        [("that dredging would destroy the reef", "the trust", "argued")],
    ),
    (  # the clause before the attribution: the comma hung on the clause, a partial quote ending
        # it, a subject the parser missed; of a report of a report, the inner one
        "Seven civilians were killed in the shelling, a source at the medical center said.",
        [("Seven civilians were killed in the shelling", "a source at the medical center", "said")],
    ),
    (
        'Self-triage is "a very difficult thing," Mehrotra said.',
        [('Self-triage is "a very difficult thing,"', "Mehrotra", "said")],
    ),
    (
        "Demanding schedules, which keep doctors from their patients, can contribute to diagnostic errors, said "
        "Karen Spencer, a professor.",
        [("Demanding schedules, which keep doctors from their patients, can contribute to diagnostic errors",
          "Karen Spencer", "said")],
    ),
    (
        "The World Food Program says the “roots of the hunger problem are twofold: access and funding,” explained "
        "my colleagues Diana Zeyneb Alhindawi and Kathryn Smith.",
        [("the “roots of the hunger problem are twofold: access and funding,”", "the World Food Program", "says")],
    ),
    (  # a contrasting second report, or another source's, ends the first clause
        "The president acknowledged that the problems were legitimate but insisted progress had been made.",
        [("that the problems were legitimate", "the president", "acknowledged")],
    ),
    (
        "She said the plan was sound, while critics said it would fail.",
        [("the plan was sound", None, "said"), ("it would fail", "critics", "said")],
    ),
    (
        "Senator Ann Lane claimed the tax cuts would pay for themselves even as the Congressional Budget Office "
        "estimated that they would add $250 billion to the deficit.",
        [("the tax cuts would pay for themselves", "Ann Lane", "claimed"),
         ("that they would add $250 billion to the deficit", "the Congressional Budget Office", "estimated")],
    ),
    (  # a clause the parser read as nouns under its "that"
        "The study found that rates of misdiagnosis range from 1.5% of heart attacks to 17.5% of strokes and 22.5% "
        "of lung cancers.",
        [("that rates of misdiagnosis range from 1.5% of heart attacks to 17.5% of strokes and 22.5% of lung cancers",
          "the study", "found")],
    ),
    (  # but not a verb that reports nothing, nor words inside a quote
        "Smith said that the company grew rapidly while its rivals found the market harder.",
        [("that the company grew rapidly while its rivals found the market harder", "Smith", "said")],
    ),
    (
        "He said the officer saw the crash but told no one about it.",
        [("the officer saw the crash but told no one about it", None, "said")],
    ),
    (
        "The minister said that the reform was “stalled but insisted on by the unions” in the end.",
        [("that the reform was “stalled but insisted on by the unions” in the end", "the minister", "said")],
    ),
    (  # a sentence read as a noun and a participle before "according to" is still a clause
        "More than 6,000 families left on Thursday alone, according to Falluja Mayor Issa al-Issawi.",
        [("More than 6,000 families left on Thursday alone", "Issa al-Issawi", "according to")],
    ),
    (  # verbs of disclosure report
        "Officials divulged Thursday that the government had allowed two visits.",
        [("that the government had allowed two visits", "Officials", "divulged")],
    ),
    (  # a short quote inside the clause leaves it reported speech
        "He said “the plan” would fail because the money had run out long ago.",
        [("“the plan” would fail because the money had run out long ago", None, "said")],
    ),
    (
        "In February, the office told reporters that payments would start in March; they did not.",
        [("that payments would start in March", "the office", "told")],
    ),
    # rows that must match nothing: the author's own view, no clause, a wholly quoted clause
    ("The minister signed the letter that the union had sent in May.", []),
    ("It says a lot about the government that nobody came.", []),
    ("I believe that the deal will fail.", []),
    ("We argue that the deal will fail.", []),
    ("The council refrained from making any statements on the events.", []),
    ("He said, “The road is open.”", []),
    ("Don't panic about the markets, the minister said.", []),  # an order, not a report
    ("Should be finished by Friday, a spokesman said.", []),
    # a clause that is mostly a direct quote it opens on is that quote's claim alone
    ("“We must pay attention to what is written” in that law, Azzouz said.", []),
    ("“Now it’s hard to see what could persuade the Palestinians” to hold up on their plans, Indyk said.", []),
    ("Both strategies will yield counterproductive outcomes.", []),
    # results with no maker are the author's reading of evidence
    ("Still, the 2020 results show that Harris can make up even more ground with these groups.", []),
    ("Sunday’s results suggest his allies will hold close to a quarter of the Chamber.", []),
    ("The results of Pennsylvania show that Biden won the state.", []),
    ("She argued in the letter that the committee sent to the board.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_reported_speech_table(extract, text, expected):
    found = [
        (c.text, c.value.speaker, c.value.cue) for c in extract(text).claims if c.type == "reported_speech"
    ]
    assert found == expected


def test_karabakh_reported_speech(karabakh):
    speech = {c.text[:40]: c.value.speaker for c in karabakh.claims if c.type == "reported_speech"}
    assert speech.get("that the Lachin Corridor blockade depriv") == "Luis Moreno Ocampo"
    assert speech.get("that the issue falls squarely within its") == "Ilhan Aliyev"
    assert all(not text.startswith("—") for text in speech)

"""claimkit_dates on the real spaCy pipeline: spans, TIMEX3 values, and what is no date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from claimkit.components.base import claims
from claimkit.components.dates import find_dates
from claimkit.pipeline import DEFAULT_MODEL
from claimkit.schema import DateValue

KARABAKH = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "karabakh-oped.txt"
PUBLISHED = dt.date(2023, 8, 10)  # a Thursday


@pytest.fixture(scope="module")
def dates_nlp():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimkit_dates")
    return nlp


def date_claims(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.claimkit_published = published
    doc = nlp(doc)
    return [span for span in claims(doc) if span.label_ == "date"]


def found(nlp, text, published=None):
    return [(s.text, s._.claimkit_value["value"], s._.claimkit_value["kind"], s._.claimkit_value["mod"])
            for s in date_claims(nlp, text, published)]


# text, publication date, span, TIMEX3 value, kind, mod
FOUND = [
    # the forms of the karabakh op-ed
    ("This term gained significance during the surge of nationalism in the late 1980s.", None,
     "the late 1980s", "198", "date", "END"),
    ("Following the peace talks conducted between 1994 and 2018, Azerbaijan proposed autonomy.", None,
     "between 1994 and 2018", "1994/2018", "date", None),
    ("Emissions rose over 2000–2050 by a third in the model.", None, "2000–2050", "2000/2050", "date", None),
    ("The 2014–2018 protests changed the country.", None, "2014–2018", "2014/2018", "date", None),
    ("The talks ran between 1994 and 2018 (prior to his becoming prime minister in May of that year).", None,
     "May of that year", "2018-05", "date", None),
    ("Following a meeting with his counterparts on July 25, Lavrov remarked:", None,
     "July 25", "XXXX-07-25", "date", None),
    ("Following a meeting with his counterparts on July 25, Lavrov remarked:", PUBLISHED,
     "July 25", "2023-07-25", "date", None),
    ("Azerbaijan took action through the 40-day war in 2020.", None, "40-day", "P40D", "duration", None),
    ("Russia declared it would deploy a military contingent until at least 2025.", None,
     "at least 2025", "2025", "date", "ON_OR_AFTER"),
    ("Despite negotiations spanning three decades, a lasting solution remains elusive.", None,
     "three decades", "P3DE", "duration", None),
    ("In recent weeks, for the first time, Moscow has called on them to engage.", None,
     "recent weeks", "PAST_REF", "date", None),
    ("They remain reluctant to acknowledge their defeat in the 2020 conflict.", None, "2020", "2020", "date", None),
    ("In November 2020, Moscow facilitated a trilateral ceasefire agreement.", None,
     "November 2020", "2020-11", "date", None),
    ("the ethnic cleansing of the residents in 1993—facilitated by Armenia and Russia.", None,
     "1993", "1993", "date", None),
    # full dates in every order
    ("On August 5, 2019, Pashinyan visited Karabakh.", None, "August 5, 2019", "2019-08-05", "date", None),
    ("On 5 August 2019 the minister visited the city.", None, "5 August 2019", "2019-08-05", "date", None),
    ("The figures were published on 2019-08-05 by the ministry.", None, "2019-08-05", "2019-08-05", "date", None),
    ("The flight took place on Friday, July 21, 2017 in Washington.", None,
     "Friday, July 21, 2017", "2017-07-21", "date", None),
    ("The date matches its design, written 7/8/07 in the American format.", None,
     "7/8/07", "2007-07-08", "date", None),
    ("He was born on the 5th of August 1950 in Baku.", None, "the 5th of August 1950", "1950-08-05", "date", None),
    ("He met them on the fifth of August.", PUBLISHED, "the fifth of August", "2023-08-05", "date", None),
    ("August the 5th was chosen for the vote.", PUBLISHED, "August the 5th", "2023-08-05", "date", None),
    ("The deal was signed in august 2019.", None, "august 2019", "2019-08", "date", None),
    # months, seasons, quarters, decades, centuries
    ("The dam will open in summer 2023.", None, "summer 2023", "2023-SU", "date", None),
    ("Growth returned in the early 2000s.", None, "the early 2000s", "200", "date", "START"),
    ("Inflation peaked in the mid-1990s.", None, "the mid-1990s", "199", "date", "MID"),
    ("The reforms of the mid-1990s failed.", None, "the mid-1990s", "199", "date", "MID"),
    ("The operating system is to be released in mid-2011.", None, "mid-2011", "2011", "date", "MID"),
    ("The crisis began in late 2006.", None, "late 2006", "2006", "date", "END"),
    ("Apple reported a loss in the first quarter of 2009.", None, "the first quarter of 2009", "2009-Q1", "date", None),
    ("Revenue rose in Q3 2019.", None, "Q3 2019", "2019-Q3", "date", None),
    ("He wrote on the culture of the 20th century.", None, "the 20th century", "19", "date", None),
    ("Sales fell in January.", dt.date(2009, 2, 3), "January", "2009-01", "date", None),
    ("The plant closed in December.", dt.date(2010, 1, 25), "December", "2009-12", "date", None),
    ("It may rain in May.", None, "May", "XXXX-05", "date", None),
    ("Prices rose 5% in the summer of 2008.", None, "the summer of 2008", "2008-SU", "date", None),
    # a season without a year: the one the tense points to from publication
    ("Sales fell in the summer.", dt.date(2009, 4, 1), "the summer", "2008-SU", "date", None),
    ("Sales will rise in the summer.", dt.date(2009, 4, 1), "the summer", "2009-SU", "date", None),
    ("Sales rose in the spring.", dt.date(2009, 4, 1), "the spring", "2009-SP", "date", None),
    ("Sales fell in summer.", dt.date(2009, 4, 1), "summer", "2008-SU", "date", None),
    ("The ceasefire must hold until spring.", dt.date(2009, 4, 1), "spring", "2009-SP", "date", None),
    ("Talks resumed in early spring.", dt.date(2009, 4, 1), "early spring", "2009-SP", "date", "START"),
    # ranges
    ("The war was fought from 2001 to 2021.", None, "from 2001 to 2021", "2001/2021", "date", None),
    ("The talks (1994–2018) produced nothing.", None, "1994–2018", "1994/2018", "date", None),
    ("Her term, 1994–98, was short.", None, "1994–98", "1994/1998", "date", None),
    ("Outside a deep downturn like 2008-9, this is rare.", None, "2008-9", "2008/2009", "date", None),
    ("Drone attacks between 1 and 3 January 2026 killed civilians.", None, "between 1 and 3 January 2026",
     "2026-01-01/2026-01-03", "date", None),
    ("Talks ran from 12 to 14 May 2019 in Geneva.", None, "from 12 to 14 May 2019", "2019-05-12/2019-05-14", "date", None),
    ("Attacks between January 1 and 3, 2026 killed civilians.", None, "between January 1 and 3, 2026",
     "2026-01-01/2026-01-03", "date", None),
    ("The exhibit runs January 23 - March 9 2014.", None, "January 23 - March 9 2014", "2014-01-23/2014-03-09",
     "date", None),
    ("The survey ran between July 2003 and December 2004.", None, "between July 2003 and December 2004",
     "2003-07/2004-12", "date", None),
    # lengths the text leaves open
    ("The war lasted many years.", None, "many years", "PXY", "duration", None),
    ("It has been a few years since the war.", None, "a few years", "PXY", "duration", None),
    ("Decades of neglect left the city poor.", None, "Decades", "PXDE", "duration", None),
    ("The plan had been decades in the making.", None, "decades", "PXDE", "duration", None),
    ("The process would take between 60 and 90 days.", None, "between 60 and 90 days", "P60D/P90D", "duration", None),
    # relative to the publication date
    ("Sales fell last month.", PUBLISHED, "last month", "2023-07", "date", None),
    ("Sales fell last month.", None, "last month", "PAST_REF", "date", None),
    ("The company lost money last year.", PUBLISHED, "last year", "2022", "date", None),
    ("The minister resigned yesterday.", PUBLISHED, "yesterday", "2023-08-09", "date", None),
    ("The minister resigned yesterday.", None, "yesterday", "PAST_REF", "date", None),
    ("The treaty was signed two years ago.", PUBLISHED, "two years ago", "2021", "date", None),
    ("IE6 shipped nearly a decade ago.", PUBLISHED, "nearly a decade ago", "2013", "date", "AFTER"),
    ("The minister announced on Tuesday that talks had failed.", PUBLISHED, "Tuesday", "2023-08-08", "date", None),
    ("The court will rule on Tuesday.", PUBLISHED, "Tuesday", "2023-08-15", "date", None),
    ("We went back next Tuesday night.", PUBLISHED, "next Tuesday night", "2023-08-15TNI", "time", None),
    ("They voted last Thursday.", PUBLISHED, "last Thursday", "2023-08-03", "date", None),
    ("The ministers met this week.", PUBLISHED, "this week", "2023-W32", "date", None),
    ("Car sales rebounded in the last week of March.", dt.date(2009, 4, 1), "the last week of March", "2009-W13",
     "date", None),
    ("Yesterday, at this year's conference, he spoke.", PUBLISHED, "Yesterday", "2023-08-09", "date", None),
    ("A deal is expected next year.", PUBLISHED, "next year", "2024", "date", None),
    ("Profits will grow by the end of this year.", PUBLISHED, "the end of this year", "2023", "date", "END"),
    ("By the end of the month, 100,000 people had fled.", PUBLISHED, "the end of the month", "2023-08", "date", "END"),
    ("Talks resume in the middle of the week.", PUBLISHED, "the middle of the week", "2023-W32", "date", "MID"),
    ("Growth was weak in the past decade.", PUBLISHED, "the past decade", "P1DE", "duration", None),
    ("The rebels attacked last summer.", PUBLISHED, "last summer", "2022-SU", "date", None),
    # anaphora
    ("The war ended in 1994. Later that year, the talks began.", None, "Later that year", "1994", "date", None),
    ("Elections were held in 2015. The following year, the president resigned.", None,
     "The following year", "2016", "date", None),
    ("In the spring of 1992 the siege intensified; by the autumn, it was over.", PUBLISHED,
     "the autumn", "1992-FA", "date", None),
    ("Sales rose 43% in February compared to the same period last year.", dt.date(2010, 3, 3),
     "the same period last year", "2009-02", "date", None),
    # durations and sets
    ("She has been with the company for 33 years.", None, "33 years", "P33Y", "duration", None),
    ("The delay is almost two and a half years.", None, "almost two and a half years", "P2.5Y", "duration", "LESS_THAN"),
    ("The plan covers the next six months.", None, "the next six months", "P6M", "duration", None),
    ("They signed a 27-year contract.", None, "27-year", "P27Y", "duration", None),
    ("They settled a decades-long dispute.", None, "decades-long", "PXDE", "duration", None),
    ("Ships now wait an average of nine days to unload.", None, "nine days", "P9D", "duration", None),
    ("The market has fallen for five straight days.", None, "five straight days", "P5D", "duration", None),
    ("The plan will be announced within days.", None, "days", "PXD", "duration", None),
    ("An official said late Sunday that talks had failed.", PUBLISHED, "late Sunday", "2023-08-06", "date", "END"),
    ("Stocks slid in the late Monday session.", PUBLISHED, "late Monday", "2023-08-07", "date", "END"),
    ("Stocks fell for a third straight day.", PUBLISHED, "a third straight day", "P3D", "duration", None),
    ("The index rose for the sixth month in a row.", PUBLISHED, "the sixth month in a row", "P6M", "duration", None),
    ("In the past five trading sessions the index lost 8%.", PUBLISHED, "the past five trading sessions", "P5D",
     "duration", None),
    ("Refunds arrive within ten business days.", PUBLISHED, "ten business days", "P10D", "duration", None),
    ("The market lost 1,000 points within minutes.", PUBLISHED, "minutes", "PTXM", "duration", None),
    ("Earlier in the day, the Hang Seng dropped 3%.", PUBLISHED, "the day", "2023-08-10", "date", None),
    ("On March 3 the index fell. Later in the day it recovered.", PUBLISHED, "the day", "2023-03-03", "date", None),
    ("The Dow ended the week 4% lower.", PUBLISHED, "the week", "2023-W32", "date", None),
    ("Third-quarter profit fell 20% from the year-ago quarter.", PUBLISHED, "the year-ago quarter", "2022-Q3", "date", None),
    ("The bank reports at month-end.", PUBLISHED, "month-end", "2023-08", "date", "END"),
    ("Talks have stalled for the past year and a half.", PUBLISHED, "the past year and a half", "P1.5Y", "duration",
     None),
    ("The repairs took a month and a half.", PUBLISHED, "a month and a half", "P1.5M", "duration", None),
    ("The file is dated 2019/05/12.", PUBLISHED, "2019/05/12", "2019-05-12", "date", None),
    ("In the 2019/20 season 300 people died.", PUBLISHED, "2019/20", "2019/2020", "date", None),
    ("The 1999/00 season was short.", PUBLISHED, "1999/00", "1999/2000", "date", None),
    ("Unemployment fell to 3.5% in the three months to March.", PUBLISHED, "the three months to March",
     "2023-01/2023-03", "date", None),
    ("It expects to sell 6.5 million cars in the 12 months through next March.", dt.date(2009, 5, 8),
     "the 12 months through next March", "2009-04/2010-03", "date", None),
    ("Revenue rose 6% in the three months ended September 28.", dt.date(2024, 10, 31),
     "the three months ended September 28", "2024-07/2024-09", "date", None),
    ("He left a year and a half ago.", dt.date(2023, 3, 10), "a year and a half ago", "2021", "date", None),
    ("He quit last month and a half dozen aides followed.", PUBLISHED, "last month", "2023-07", "date", None),
    ("In 2008 the economy shrank. The last three months of that year were the worst.", PUBLISHED,
     "The last three months of that year", "2008-10/2008-12", "date", None),
    ("The summit opened on March 3. Later in the week, talks collapsed.", PUBLISHED, "the week", "2023-W09", "date",
     None),
    ("Profit fell from the year-ago quarter.", PUBLISHED, "the year-ago quarter", "2022", "date", None),
    ("In the past one could buy a house.", PUBLISHED, "the past", "PAST_REF", "date", None),
    ("In 2014 protests erupted across the country.", PUBLISHED, "2014", "2014", "date", None),
    ("The President told you in '92 he would cut it.", PUBLISHED, "'92", "1992", "date", None),
    ("Before the ’94 elections, nothing was done.", PUBLISHED, "’94", "1994", "date", None),
    ("In '17, it implodes by itself.", dt.date(2016, 10, 9), "'17", "2017", "date", None),
    ("In '08 the market crashed.", None, "'08", "2008", "date", None),
    ("He called me the other day about it.", PUBLISHED, "the other day", "PAST_REF", "date", None),
    ("He answered the question a week or so ago.", PUBLISHED, "a week or so ago", "2023-W31", "date", "APPROX"),
    ("It all happened a long time ago.", PUBLISHED, "a long time ago", "PAST_REF", "date", None),
    ("Prices fell as long ago as 1990.", PUBLISHED, "1990", "1990", "date", None),
    ("This fiscal year ends in ten days.", PUBLISHED, "This fiscal year", "FY2023", "date", None),
    ("The deficit last fiscal year was $29 billion.", PUBLISHED, "last fiscal year", "FY2022", "date", None),
    ("The deficit last fiscal year was $29 billion.", None, "last fiscal year", "PAST_REF", "date", None),
    ("He had no plan until 1300 days into his term.", PUBLISHED, "1300 days", "P1300D", "duration", None),
    ("DOW DROPS TO 5-1/2-YEAR LOW", PUBLISHED, "5-1/2-YEAR", "P5.5Y", "duration", None),
    ("Its lowest close in 5 1/2 years.", PUBLISHED, "5 1/2 years", "P5.5Y", "duration", None),
    ("HSBC plumbs decade low", PUBLISHED, "decade", "P1DE", "duration", None),
    ("It was below the low registered last October 28.", PUBLISHED, "last October 28", "2022-10-28", "date", None),
    ("Output should resume by the end of today.", PUBLISHED, "the end of today", "2023-08-10", "date", "END"),
    ("If the Dow were to finish the month at Monday's levels, it would be the worst month.", PUBLISHED, "Monday",
     "2023-08-07", "date", None),
    ("The index was up 198 points at 5.20pm NZT.", PUBLISHED, "5.20pm NZT", "2023-08-10T17:20", "time", None),
    ("The Dow has fallen 25% year-to-date.", PUBLISHED, "year-to-date", "2023", "date", None),
    ("The company made $227.6 million in the 12 months to the end of April.", dt.date(2010, 5, 28),
     "the 12 months to the end of April", "2009-05/2010-04", "date", None),
    ("The statement was issued shortly after 4:30 p.m. Eastern time.", PUBLISHED, "4:30 p.m. Eastern time",
     "2023-08-10T16:30", "time", None),
    ("It was worth 83.9 US cents just before 5:00pm (AEST).", PUBLISHED, "5:00pm (AEST)", "2023-08-10T17:00", "time", None),
    ("The plane landed at 6:40 p.m. (GMT +8).", PUBLISHED, "6:40 p.m. (GMT +8)", "2023-08-10T18:40", "time", None),
    ("The yen rose at midday (0300 GMT).", PUBLISHED, "midday (0300 GMT)", "2023-08-10T12:00", "time", None),
    ("The dollar fell from Thursday's 5 pm quote.", PUBLISHED, "Thursday's 5 pm", "2023-08-10T17:00", "time", None),
    ("The NSE posted gains to end the week at 5,088.7 points.", PUBLISHED, "the week", "2023-W32", "date", None),
    ("The FTSE rose 4.6 percent over the week.", PUBLISHED, "the week", "2023-W32", "date", None),
    ("It has been a shock absorber for more than a quarter of a century.", PUBLISHED,
     "more than a quarter of a century", "P25Y", "duration", "MORE_THAN"),
    ("The truce lasted half a century.", PUBLISHED, "half a century", "P50Y", "duration", None),
    ("The revolt against the French happened a century ago.", PUBLISHED, "a century ago", "19", "date", None),
    ("Activists spent decades in prison.", PUBLISHED, "decades", "PXDE", "duration", None),
    ("Over two years, the plan failed.", PUBLISHED, "two years", "P2Y", "duration", None),
    ("Critics point to the events of May and June 1968.", PUBLISHED, "May and June 1968", "1968-05/1968-06", "date",
     None),
    ("It happened in May or September 1968.", PUBLISHED, "May", "1968-05", "date", None),
    ("The students were “redoing” May 68.", PUBLISHED, "May 68", "1968-05", "date", None),
    ("In the future, prices may rise.", PUBLISHED, "the future", "FUTURE_REF", "date", None),
    # a double hyphen stands for a dash
    ("Powell visited Darfur at the end of June--for three hours.", dt.date(2004, 7, 23), "the end of June", "2004-06",
     "date", "END"),
    ("The exodus--currently at 100,000 a month--goes on.", PUBLISHED, "currently", "PRESENT_REF", "date", None),
    ("Jordan has been strict since the November 2005 bombings of several hotels.", PUBLISHED, "November 2005",
     "2005-11", "date", None),
    ("Days before, the U.S. said 19 insurgents were killed.", PUBLISHED, "Days before", "PXD", "duration", None),
    ("The capture of El-Fasher between late October and the end of December 2025 killed thousands.",
     dt.date(2026, 10, 6), "between late October and the end of December 2025", "2025-10/2025-12", "date", None),
    ("The slump continued for a second day.", PUBLISHED, "a second day", "P2D", "duration", None),
    ("The currency declined for a sixth day, its longest losing streak since April.", PUBLISHED, "a sixth day", "P6D",
     "duration", None),
    ("Japan posted a trade surplus for an 11th straight month.", PUBLISHED, "an 11th straight month", "P11M",
     "duration", None),
    ("Australia met the benchmark for recession - two consecutive quarters of falling output.", PUBLISHED,
     "two consecutive quarters", "P2Q", "duration", None),
    ("There are three rate reviews before mid-year.", PUBLISHED, "mid-year", "2023", "date", "MID"),
    ("The dollar could fall below 76 yen within a week or so.", PUBLISHED, "a week or so", "P1W", "duration", "APPROX"),
    ("Spot gold was at $1,004.30 at 2:24 pm EDT (1824 GMT).", PUBLISHED, "2:24 pm EDT (1824 GMT)", "2023-08-10T14:24",
     "time", None),
    ("As of September 30, reserves were up 1.22 tonnes from the previous business day.", dt.date(2009, 10, 5),
     "the previous business day", "2009-09-29", "date", None),
    ("Gold rose to $1,004, up from the previous session's $998.", dt.date(2009, 10, 5), "the previous session",
     "2009-10-02", "date", None),
    ("Inflation rose 5 per cent over the four quarters to September.", dt.date(2008, 10, 7),
     "the four quarters to September", "2007-10/2008-09", "date", None),
    ("Manufacturers expect the yen to average 90 in the year ending March 31.", dt.date(2010, 1, 28),
     "the year ending March 31", "2009-04/2010-03", "date", None),
    ("Shipments rose 12.1 percent in December from a year earlier.", dt.date(2010, 1, 28), "a year earlier", "2008-12",
     "date", None),
    # rows that keep the rules above to their cases
    ("The ceasefire begins at midnight (2200 GMT) on Sunday.", PUBLISHED, "midnight (2200 GMT) on Sunday",
     "2023-08-13T24:00", "time", None),
    ("In May 60 protesters were arrested.", PUBLISHED, "May", "2023-05", "date", None),
    ("By March 1500 troops had arrived.", PUBLISHED, "March", "2023-03", "date", None),
    ("Thousands will attend Saturday's rally.", PUBLISHED, "Saturday", "2023-08-12", "date", None),
    ("It happened half a century ago.", PUBLISHED, "half a century ago", "1973", "date", None),
    ("Life expectancy has risen over the past 20 years.", PUBLISHED, "the past 20 years", "P20Y", "duration", None),
    ("The firm dropped the plan long ago, assuming it would fail.", PUBLISHED, "long ago", "PAST_REF", "date", None),
    ("It was the worst result for a Democrat in over 50 years.", PUBLISHED, "over 50 years", "P50Y", "duration",
     "MORE_THAN"),
    ("The country was fractured by over a decade of war.", PUBLISHED, "over a decade", "P1DE", "duration", "MORE_THAN"),
    ("China's economy grew 10.2% in 1st Qtr.", dt.date(2006, 4, 16), "1st Qtr", "2006-Q1", "date", None),
    ("Growth was 10.2 percent, compared with 9.9 percent in the fourth quarter.", dt.date(2006, 4, 16),
     "the fourth quarter", "2005-Q4", "date", None),
    ("The plan means closures during the fourth quarter.", dt.date(2006, 8, 19), "the fourth quarter", "2006-Q4",
     "date", None),
    ("Growth was 9.6 percent from the year earlier period and from the year-earlier quarter.", dt.date(2010, 5, 28),
     "the year-earlier quarter", "2009", "date", None),
    ("Since the late sixties, we've had a deficit.", PUBLISHED, "the late sixties", "196", "date", "END"),
    ("By the mid-seventies prices had doubled.", PUBLISHED, "the mid-seventies", "197", "date", "MID"),
    ("The dispute goes back hundreds of years.", PUBLISHED, "hundreds of years", "PXY", "duration", None),
    ("Days later, the bank collapsed.", PUBLISHED, "Days later", "PXD", "duration", None),
    ("Pay was settled weeks ago.", PUBLISHED, "weeks ago", "PAST_REF", "date", None),
    ("The index closed at 4 p.m. ET.", PUBLISHED, "4 p.m. ET", "2023-08-10T16:00", "time", None),
    ("At 11:30 a.m. Eastern, the index was flat.", PUBLISHED, "11:30 a.m. Eastern", "2023-08-10T11:30", "time", None),
    ("November 9, 2022 at 6:00 a.m. ET\n\nOn Monday, parliament approved the deal.", dt.date(2022, 11, 9), "Monday", "2022-11-07",
     "date", None),
    ("Sales fell 37% in the first four months of this year.", PUBLISHED, "the first four months of this year",
     "2023-01/2023-04", "date", None),
    ("Prices rose in the last three months of 2008.", PUBLISHED, "the last three months of 2008", "2008-10/2008-12",
     "date", None),
    ("On March 3 the index fell.\n\nLater in the day it recovered.", PUBLISHED, "the day", "2023-03-03", "date", None),
    ("On March 3 the index fell.\n\nIt rose.\n\nEarlier in the day it was worse.", PUBLISHED, "the day", "2023-08-10",
     "date", None),
    ("For the January-March quarter, the carmaker lost money.", dt.date(2009, 5, 8), "the January-March quarter",
     "2009-Q1", "date", None),
    ("The Dow has fallen since its record close on October 9 last year.", dt.date(2008, 6, 2), "October 9 last year",
     "2007-10-09", "date", None),
    ("The next meeting is on January 30 and 31.", dt.date(2001, 1, 3), "January 30 and 31", "2001-01-30/2001-01-31",
     "date", None),
    ("The euro fell at about 1:30 p.m. Eastern time.", PUBLISHED, "about 1:30 p.m. Eastern time", "2023-08-10T13:30",
     "time", "APPROX"),
    ("The river broke its banks on January 14 and 15. Two weeks later, aid came.", dt.date(2024, 3, 3),
     "Two weeks later", "2024-W05", "date", None),
    ("In February, his office said payments would start by the end of the month.", dt.date(2024, 3, 3),
     "the end of the month", "2024-02", "date", "END"),
    ("Unemployment rose to 5.9 percent in June from 5.8 percent the month before.", PUBLISHED, "the month before",
     "2023-05", "date", None),
    ("Earnings rose in June, 0.3 percent more than in the previous month.", PUBLISHED, "the previous month", "2023-05",
     "date", None),
    ("The economy grew 1.8 percent in the third quarter from the previous quarter.", PUBLISHED, "the previous quarter",
     "2023-Q2", "date", None),
    ("The deal was struck late Sunday night.", PUBLISHED, "late Sunday night", "2023-08-06TNI", "time", "END"),
    ("The selling intensified in late afternoon.", PUBLISHED, "late afternoon", "2023-08-10TAF", "time", "END"),
    ("The market rallied in the early morning.", PUBLISHED, "the early morning", "2023-08-10TMO", "time", "START"),
    ("The bank held an emergency meeting over the weekend.", PUBLISHED, "the weekend", "2023-W31-WE", "date", None),
    ("The engine stalled for a second.", None, "a second", "PT1S", "duration", None),
    ("The lights went out a second later.", None, "a second later", "PT1S", "duration", None),
    ("China's economy grew 6.9 percent in the third quarter from a year earlier.", dt.date(2015, 10, 19),
     "a year earlier", "2014-Q3", "date", None),
    ("The tour reached Paris on November 8. Three days later, it left for Toulouse.", dt.date(2005, 11, 20),
     "Three days later", "2005-11-11", "date", None),
    ("Profit fell to 1.2 billion yen from 2.3 billion a year earlier.", dt.date(2009, 5, 8), "a year earlier", "2008",
     "date", None),
    ("The Fed, which meets on Tuesday, said on Sunday that it stood ready.", dt.date(2008, 9, 14), "Tuesday",
     "2008-09-16", "date", None),
    ("It was the longest winning streak since August.", dt.date(2021, 7, 2), "August", "2020-08", "date", None),
    ("The request results from the ruling of the Supreme Court on July 8.", dt.date(2015, 8, 2), "July 8",
     "2015-07-08", "date", None),
    ("He paused for a second or two.", None, "a second", "PT1S", "duration", None),
    ("Home prices have declined for 24 consecutive months.", None, "24 consecutive months", "P24M", "duration", None),
    ("The talks broke down on Monday. The previous day, rebels shelled the town.", PUBLISHED,
     "The previous day", "2023-08-06", "date", None),
    ("He was arrested last week and charged the following day.", PUBLISHED, "the following day", "XXXX-XX-XX", "date",
     None),
    ("He left the day after, without a word.", PUBLISHED, "the day after", "XXXX-XX-XX", "date", None),
    ("Talks began on Monday. The day after the election, protesters gathered.", PUBLISHED, "The day after the election", "XXXX-XX-XX",
     "date", None),
    ("Talks collapsed at the September 11 meeting.", PUBLISHED, "September 11", "2022-09-11", "date", None),
    ("The commission met every spring without fail.", None, "every spring", "XXXX-SP", "set", None),
    ("The report is published annually.", None, "annually", "P1Y", "set", None),
    # frequency adjectives are sets, as TimeML tags them
    ("The company publishes an annual report.", None, "annual", "P1Y", "set", None),
    ("It was the third straight weekly decline.", None, "weekly", "P1W", "set", None),
    # clock times
    ("The plane took off at 18:00 UTC on Tuesday.", PUBLISHED, "18:00 UTC on Tuesday", "2023-08-08T18:00Z", "time", None),
    ("The rally began at 3 p.m. yesterday.", PUBLISHED, "3 p.m. yesterday", "2023-08-09T15:00", "time", None),
    ("The rally began at 3 p.m. and ended at dusk.", PUBLISHED, "3 p.m.", "2023-08-10T15:00", "time", None),
    ("The strike began Friday morning.", PUBLISHED, "Friday morning", "2023-08-04TMO", "time", None),
    ("The rally began at 5.30pm.", PUBLISHED, "5.30pm", "2023-08-10T17:30", "time", None),
    ("The rally began at 3 p.m. on Tuesday.", PUBLISHED, "3 p.m. on Tuesday", "2023-08-08T15:00", "time", None),
    ("The explosion happened at 10:30 a.m. local time (0830 GMT) on Tuesday.", PUBLISHED, "10:30 a.m. local time",
     "2023-08-08T10:30", "time", None),
    ("The polls closed at 22:30 on Sunday, and with long queues the last ballot was cast at 2:30 the next day.",
     PUBLISHED, "2:30", "2023-08-07T02:30", "time", None),
    ("After the polls closed at 22:30, with long queues outside, the last ballot was cast at 2:30 the next day.",
     PUBLISHED, "22:30", "2023-08-10T22:30", "time", None),
    ("The expo opened on Friday and ran throughout the weekend.", PUBLISHED, "the weekend", "2023-W31-WE", "date", None),
    ("On Monday, officials said the rebels had advanced over the weekend.", PUBLISHED, "the weekend", "2023-W31-WE",
     "date", None),
    ("The talks began on Tuesday. Protesters gathered over the weekend, police said.", PUBLISHED, "the weekend",
     "2023-W31-WE", "date", None),
    # a year that dates a plural noun, not a count of it
    ("Emissions must fall to 10% of 2000 levels by 2030, the report said.", None, "2000", "2000", "date", None),
    ("Emissions are still 5 percent below 1990 levels.", None, "1990", "1990", "date", None),
    ("Traffic on the bridge has now exceeded 2019 levels.", None, "2019", "2019", "date", None),
    ("Tourist arrivals topped 2019 figures for the first time.", None, "2019", "2019", "date", None),
    ("The 2019 figures showed a sharp rise in arrests.", None, "2019", "2019", "date", None),
    ("Lawmakers cut defence spending in the 2022 budget.", None, "2022", "2022", "date", None),
    ("Oil output has fallen 30 percent from its 2015 peak.", None, "2015", "2015", "date", None),
    # days that history or the calendar named
    ("Stocks suffered their worst fall since Black Monday.", PUBLISHED, "Black Monday", "1987-10-19", "date", None),
    ("The Dow lost 508 points on Black Monday in 1929.", PUBLISHED, "Black Monday", "1929-10-28", "date", None),
    ("Sterling left the ERM on Black Wednesday.", PUBLISHED, "Black Wednesday", "1992-09-16", "date", None),
    ("Since 9/11, airport security has tightened.", PUBLISHED, "9/11", "2001-09-11", "date", None),
    ("The September 11 attacks changed the region.", PUBLISHED, "September 11", "2001-09-11", "date", None),
    ("On D-Day, Allied troops landed in Normandy.", None, "D-Day", "1944-06-06", "date", None),
    ("Retailers expect record sales on Black Friday.", PUBLISHED, "Black Friday", "2023-11-24", "date", None),
    ("Voters go to the polls on Election Day.", PUBLISHED, "Election Day", "2023-11-07", "date", None),
    ("The store stayed shut on Thanksgiving 2019.", None, "Thanksgiving 2019", "2019-11-28", "date", None),
    ("The ceasefire broke down on Easter Sunday.", PUBLISHED, "Easter Sunday", "2023-04-09", "date", None),
    ("The protest ended on Good Friday 2024.", None, "Good Friday 2024", "2024-03-29", "date", None),
    ("Ministers met on Boxing Day.", dt.date(2024, 1, 3), "Boxing Day", "2023-12-26", "date", None),
    # a stretch of time ahead, the end of a decade, fiscal years
    ("Analysts expect more losses in the coming months.", PUBLISHED, "the coming months", "PXM", "duration", None),
    ("Some pockets need to be cleared in the coming hours.", PUBLISHED, "the coming hours", "PTXH", "duration", None),
    ("Talks will resume in coming weeks.", PUBLISHED, "coming weeks", "PXW", "duration", None),
    ("The region faces drought in the years ahead.", PUBLISHED, "the years ahead", "PXY", "duration", None),
    ("Prices will stay high for the foreseeable future.", PUBLISHED, "the foreseeable future", "FUTURE_REF", "date", None),
    ("The plant will close by the end of the decade.", PUBLISHED, "the end of the decade", "202", "date", "END"),
    ("The plant closed at the end of the century.", None, "the end of the century", "XX", "date", "END"),
    ("Revenue rose 8 percent in fiscal 2008.", None, "fiscal 2008", "FY2008", "date", None),
    ("The company expects a loss in FY09.", None, "FY09", "FY2009", "date", None),
    ("Profits doubled in the 2010 financial year.", None, "the 2010 financial year", "FY2010", "date", None),
    ("Ford posted a profit for the last year of US$2.7 billion.", PUBLISHED, "the last year", "2022", "date", None),
    # the tense of a participle or a modal, and a month with last/next
    ("She set out her objections in a letter on July 25:", PUBLISHED, "July 25", "2023-07-25", "date", None),
    ("Resolution 88, adopted in December, changed nothing.", dt.date(2024, 3, 14), "December", "2023-12", "date", None),
    ("The sale should be completed in February.", dt.date(2023, 10, 2), "February", "2024-02", "date", None),
    ("Prices rose sharply last November.", dt.date(2024, 3, 14), "last November", "2023-11", "date", None),
    ("The vote is due next March.", dt.date(2024, 3, 14), "next March", "2025-03", "date", None),
    ("Output grew 4 percent in the third quarter.", dt.date(2024, 3, 14), "the third quarter", "2023-Q3", "date", None),
    # a period of another year, a time on a named day, a move as precise as its unit
    ("From January to June, 900 people crossed, against 400 in the same period of 2023.", dt.date(2024, 8, 1),
     "the same period of 2023", "2023-01/2023-06", "date", None),
    ("Guns fell silent at 6 a.m. on November 9, 2023.", None, "6 a.m. on November 9, 2023", "2023-11-09T06:00", "time",
     None),
    ("On the night of July 28, a fishing boat sank.", PUBLISHED, "the night of July 28", "2023-07-28TNI", "time", None),
    ("The truce began on November 9, 2023. Four months later, it collapsed.", None, "Four months later", "2024-03",
     "date", None),
    ("Sanctions came in February 2022. Three years later, they still bite.", None, "Three years later", "2025", "date",
     None),
    ("Attacks rose between January and August this year.", dt.date(2023, 10, 2), "between January and August this year",
     "2023-01/2023-08", "date", None),
    ("Rainfall like September's is now far more likely.", dt.date(2023, 12, 4), "September", "2023-09", "date", None),
    ("The board must report before Hale is sworn in on January 6.", dt.date(2024, 11, 18), "January 6", "2025-01-06",
     "date", None),
    ("The truce's first anniversary falls in November.", dt.date(2024, 3, 14), "November", "2024-11", "date", None),
]


@pytest.mark.parametrize("text, published, span, value, kind, mod", FOUND)
def test_finds_the_date_with_its_timex3_value(dates_nlp, text, published, span, value, kind, mod):
    assert (span, value, kind, mod) in found(dates_nlp, text, published)


# text that must yield no date claim at all
NOTHING = [
    "The airline ordered five Boeing 737 aircraft.",
    "Moscow sent 1,960 peacekeeping troops.",
    "The Karabakh conflict has emerged as the second-most-significant conflict involving Russia.",
    "Forces occupied approximately 20 percent of Azerbaijani territory.",
    "Some 2000 protesters marched through the capital.",
    "They sent over 1500–2000 troops to the border.",
    "They sent 1500–2000 troops to the border.",
    "It may rain, and they march on.",
    "The boy, aged 55, is the father of a 5-year-old girl.",
    "He is 55 years old.",
    "Belgium scored twice in the second half.",
    "The novel was illustrated by Johnnie Christmas.",
    "Flight 2020 landed safely.",
    "He read “A Torn Country: Erdoğan’s Turkey and the Elections of 2023,” last night.",
    "About a quarter of its dealers will close.",
    "The Sunday Times reported the story.",
    "He spoke of a year of hope.",
    "UN Security Council Resolution 1244 still governs Kosovo.",
    "Some 2000 were killed, according to the ministry.",
    "Officials said some 2000 were killed in the fighting.",
    "Police said 2000 protesters gathered outside parliament.",
    "The ship carried 2000 tonnes of grain to Odesa.",
    "The 2,400-strong battalion crossed the river after the G20 summit and COVID-19.",
    "The army has 3,000 tanks and 2,400 aircraft.",
    "He was paid by the month.",
    "Stocks have fallen in seven of the past eight sessions.",
    "Sales grew 4% year over year and 1% month-on-month.",
    "Call the 24/7 hotline.",
    "Month-end closing procedures are slow.",
    "She is in her late eighties.",
    "Afghans have among the lowest life expectancies in the world at just 44.5 years.",
    "He scored '10 out of 10' and unveiled its '10-point plan'.",
    "The well has reached a depth of 1505m.",
    "The Russell 2000 gained.",
    "Project 2025's agenda and Saudi Vision 2030 were discussed.",
    "Christmas decorations and poverty in Colombo",
    "The children painted Easter eggs.",
    "Three quarters of a million homes received notices.",
    "The future of our nation is at stake, and the parallels with the past are clear.",
    "Apple released iLife '11 software.",
    "He is 5'10\" tall.",
    "After 1500 protesters were arrested, the square emptied.",
    "Parliament holds two sessions a year.",
    "She started the day care centre in a church hall.",
    "She won a second term.",
    "He wrote for The Weekly Standard and Entertainment Weekly.",
    "Staff were paid in days off.",
    "It was a black Monday for the markets.",
    "Theresa May's government fell.",
    "Turnout on election day in Ghana was high.",
    "The fy of the tree is unknown.",
    "They walked in winter coats.",
    "He bathed in spring water.",
    "He is 70 years of age.",
    "It has been a good year for sales.",
    # a rate is part of the quantity it qualifies, not a date to check
    "The country imports 15 tankers a year.",
    "Rents reached €1,450 a month, and fees €20 per day.",
    "The state could see more than 450 deaths a year before the law takes effect.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_finds_no_date(dates_nlp, text):
    found_here = [(t, v) for t, v, *_ in found(dates_nlp, text)]
    if "last night" in text:  # the title's year is out; the relative date after it is a date
        assert found_here == [("last night", "PAST_REF")]
    else:
        assert found_here == []


# the lead's reading of the karabakh op-ed: every date of the article body (page furniture aside)
KARABAKH_DATES = [
    ("1993", "1993", None), ("three decades", "P3DE", None), ("between 1994 and 2018", "1994/2018", None),
    ("May of that year", "2018-05", None), ("2020", "2020", None), ("August 5, 2019", "2019-08-05", None),
    ("the late 1980s", "198", "END"), ("November 2020", "2020-11", None), ("2020", "2020", None),
    ("1991", "1991", None), ("40-day", "P40D", None), ("2020", "2020", None), ("at least 2025", "2025", "ON_OR_AFTER"),
    ("recent weeks", "PAST_REF", None), ("July 25", "XXXX-07-25", None),
]


def test_every_date_of_the_karabakh_oped(dates_nlp):
    text = KARABAKH.read_text(encoding="utf-8")
    body_start, body_end = text.index("The Karabakh conflict"), text.index("Should they persist in this")
    spans = [s for s in date_claims(dates_nlp, text) if body_start <= s.start_char < body_end]
    assert [(s.text, s._.claimkit_value["value"], s._.claimkit_value["mod"]) for s in spans] == KARABAKH_DATES
    assert spans[3]._.claimkit_cue == "between 1994 and 2018"  # "May of that year" says what it hangs on
    assert all(text[s.start_char : s.end_char] == s.text for s in spans)


def test_the_title_of_a_work_in_the_author_bio_gives_no_date(dates_nlp):
    text = KARABAKH.read_text(encoding="utf-8")
    title = text.index("“A Torn Country")
    assert not [s for s in date_claims(dates_nlp, text) if title <= s.start_char < title + 80]


def test_values_validate_as_records(dates_nlp):
    text = "Between 1994 and 2018, talks failed; on July 25 at 3 p.m. they met for three decades' worth of grievances."
    for span in date_claims(dates_nlp, text, PUBLISHED):
        DateValue(**span._.claimkit_value)
        assert span._.claimkit_tagger == "claimkit_dates" and span._.claimkit_pattern


def test_works_without_tagger_parser_or_ner():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("The talks ran between 1994 and 2018 and resumed on August 5, 2019.")
    values = [f.value["value"] for f in find_dates(doc)]
    assert values == ["1994/2018", "2019-08-05"]


def test_vague_references_can_be_turned_off():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimkit_dates", config={"vague_references": False})
    assert found(nlp, "The store currently sells music and recently began selling films.") == []
    assert found(nlp, "In recent weeks, Moscow changed course.") == [("recent weeks", "PAST_REF", "date", None)]


def test_another_components_claims_are_kept(dates_nlp):
    doc = dates_nlp.make_doc("In November 2020, Moscow sent 1,960 troops.")
    doc = dates_nlp(doc)
    assert [s.text for s in claims(doc)] == ["November 2020"]
    doc = dates_nlp(doc)  # a second run adds nothing twice
    assert [s.text for s in claims(doc)] == ["November 2020"]


def test_importing_or_running_the_component_does_not_import_dateparser():
    code = (
        "import sys, spacy, claimkit.components.dates as d; "
        "d.find_dates(spacy.blank('en')('Last month, on July 25 and two years ago.')); "
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_date_line_anchors_no_relative_date():
    import claimkit

    article = claimkit.extract("Flood Aid Delayed\n\nMarch 3, 2024\n\nTwo weeks later, the aid had still not come.")
    assert article.article.published == dt.date(2024, 3, 3)
    assert [(c.text, c.value.value, c.value.kind) for c in article.claims if c.type == "date"] == [
        ("Two weeks later", "P2W", "duration")
    ]

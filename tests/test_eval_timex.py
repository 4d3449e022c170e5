"""When two TIMEX3 values name the same thing."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.eval.timex import period, same_timex

D = dt.date

PERIODS = [
    ("2019", (D(2019, 1, 1), D(2019, 12, 31))),
    ("198", (D(1980, 1, 1), D(1989, 12, 31))),
    ("19", (D(1900, 1, 1), D(1999, 12, 31))),
    ("2020-02", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2019-08-05", (D(2019, 8, 5), D(2019, 8, 5))),
    ("2017-W28", (D(2017, 7, 10), D(2017, 7, 16))),
    ("2015-W38-WE", (D(2015, 9, 19), D(2015, 9, 20))),
    ("2009-Q3", (D(2009, 7, 1), D(2009, 9, 30))),
    ("2010-H2", (D(2010, 7, 1), D(2010, 12, 31))),
    ("2022-SU", (D(2022, 6, 1), D(2022, 8, 31))),
    ("2022-WI", (D(2022, 12, 1), D(2023, 2, 28))),
    ("1994/2018", (D(1994, 1, 1), D(2018, 12, 31))),
    ("P3Y", None),
    ("PAST_REF", None),
    ("XXXX-07-25", None),
    ("2019-13", None),
    ("2009-06-01T12:00", None),
]


@pytest.mark.parametrize("value,expected", PERIODS)
def test_period_table(value, expected):
    assert period(value) == expected


SAME = [
    ("2017-W28", "2017-07-10/2017-07-16", True),
    ("198", "1980-01-01/1989-12-31", True),
    ("2022-SU", "2022-06-01/2022-08-31", True),
    ("2017", "2017-01-01/2017-12-31", True),
    ("P3DE", "P3DE", True),
    ("P3DE", "P30Y", True),  # three decades are thirty years
    ("P30Y", "P3DE", True),
    ("P2CE", "P200Y", True),
    ("P1DE", "P1Y", False),
    ("PXDE", "PXY", False),
    ("PAST_REF", "2019", False),
    ("2019-08", "2019-08-05", False),
    ("2010-09-04T22:30", "2010-09-04T22:30", True),
    ("2010-09-04", "2010-09-04T22:30", False),
    ("2015-09-17TNI", "2015-09-17", True),  # "Thursday night" against a gold "Thursday"
    ("2015-09-17", "2015-09-17TNI", False),  # but not the other way round
    ("2015-09-18TNI", "2015-09-17", False),
    (None, "2019", False),
    (None, None, True),
]


@pytest.mark.parametrize("predicted,gold,expected", SAME)
def test_same_timex_table(predicted, gold, expected):
    assert same_timex(predicted, gold) is expected

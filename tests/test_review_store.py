"""The review store on a real SQLite file: migrations, the append-only history, merges."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from test_review_fixtures import CEASEFIRE_CLAIMS, CEASEFIRE_TEXT, build_article, ceasefire_article, claim_of, store_with

from claimkit.review.store import (
    SCHEMA_VERSION,
    NewVerdict,
    ReviewStore,
    StoreError,
    UnknownArticle,
    UnknownClaim,
)


def test_a_new_store_is_created_at_the_latest_schema_version(tmp_path):
    store = ReviewStore(tmp_path / "new" / "review.db")
    assert store.path.is_file()
    assert store.schema_version() == SCHEMA_VERSION
    ReviewStore(store.path)  # opening again applies nothing twice
    with sqlite3.connect(store.path) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_a_store_from_a_newer_claimkit_is_refused(tmp_path):
    path = tmp_path / "review.db"
    ReviewStore(path)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, '2030-01-01')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="upgrade claimkit"):
        ReviewStore(path)


@pytest.mark.parametrize(
    "content, create, message",
    [
        (None, False, "no review store at"),
        (b"this is not a database, just some text " * 40, True, "is not a claimkit review store"),
    ],
)
def test_a_missing_or_foreign_file_is_a_clear_error(tmp_path, content, create, message):
    path = tmp_path / "review.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        ReviewStore(path, create=create)


def test_verdicts_are_append_only_and_the_latest_is_current(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    claim = claim_of(record, "nearly 3,000 soldiers killed")
    first = store.add_verdict(record.article.id, claim.id, NewVerdict("disputed", "B. Checker", "ministry says 2,906"), origin="test")
    second = store.add_verdict(
        record.article.id, claim.id, NewVerdict("sourced", "A. Reviewer", evidence=("https://example.org/mod",)), origin="test"
    )
    assert first.previous is None and second.previous == first.verdict
    state = store.claim(record.article.id, claim.id)
    assert [v.status for v in state.history] == ["disputed", "sourced"]
    assert state.status == "sourced" and state.latest.evidence == ("https://example.org/mod",)
    assert state.latest_by("B. Checker").note == "ministry says 2,906"
    with sqlite3.connect(store.path) as conn:
        for statement in ("UPDATE verdicts SET status = 'opinion'", "DELETE FROM verdicts", "DELETE FROM claims"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only|kept"):
                conn.execute(statement)
    assert [v.status for v in store.claim(record.article.id, claim.id).history] == ["disputed", "sourced"]


@pytest.mark.parametrize(
    "status, reviewer, error",
    [
        ("true", "A. Reviewer", "unknown status"),
        ("sourced", "  ", "needs a reviewer"),
        ("sourced", "", "needs a reviewer"),
    ],
)
def test_a_bad_verdict_is_refused(tmp_path, status, reviewer, error):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    with pytest.raises(StoreError, match=error):
        store.add_verdict(record.article.id, record.claims[0].id, NewVerdict(status, reviewer), origin="test")
    assert store.verdicts() == []


def test_unknown_claims_and_articles_are_refused(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    with pytest.raises(UnknownClaim):
        store.add_verdict(record.article.id, "0000000000000000", NewVerdict("sourced", "A"), origin="test")
    with pytest.raises(UnknownArticle):
        store.article("no-such-article")


def test_verdicts_with_an_earlier_review_time_do_not_become_current(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    claim_id = record.claims[0].id
    store.add_verdict(record.article.id, claim_id, NewVerdict("sourced", "A"), origin="test")
    old = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    store.add_verdict(record.article.id, claim_id, NewVerdict("disputed", "B", reviewed_at=old), origin="test")
    state = store.claim(record.article.id, claim_id)
    assert state.status == "sourced"
    assert [v.reviewer for v in state.history] == ["B", "A"]


@pytest.mark.parametrize(
    "query, article, found",
    [
        ("full", None, True),
        ("prefix", None, True),
        ("0000", None, False),
        ("full", "other-article", False),
    ],
)
def test_resolve_claim_by_id_or_unique_prefix(tmp_path, query, article, found):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    claim_id = record.claims[2].id
    asked = {"full": claim_id, "prefix": claim_id[:10], "0000": "0000"}[query]
    if found:
        assert store.resolve_claim(asked, article) == (record.article.id, claim_id)
    else:
        with pytest.raises(UnknownClaim):
            store.resolve_claim(asked, article)


def test_a_claim_id_in_two_articles_needs_the_article(tmp_path):
    first = ceasefire_article(source="a.txt")
    second = ceasefire_article(source="b.txt")
    store = store_with(tmp_path, first, second)
    with pytest.raises(StoreError, match="--article"):
        store.resolve_claim(first.claims[0].id)
    assert store.resolve_claim(first.claims[0].id, second.article.id) == (second.article.id, first.claims[0].id)


EDITS = [
    # (what the edit does, old text, new text, claims that disappear, claims that are new)
    ("unrelated sentence edited", "The crowd cheered.", "The crowd cheered loudly for an hour.", [], []),
    (
        "casualty sentence rewritten",
        "The Second Karabakh War left nearly 3,000 soldiers killed.",
        "The Second Karabakh War left nearly 3,000 soldiers killed and many wounded.",
        ["nearly 3,000 soldiers killed"],
        ["nearly 3,000 soldiers killed"],
    ),
    (
        "reported speech removed",
        " The envoy claimed that the road was open.",
        "",
        ["that the road was open"],
        [],
    ),
]


@pytest.mark.parametrize("label, old, new, gone, added", EDITS, ids=[e[0] for e in EDITS])
def test_reimporting_an_edited_article_keeps_every_verdict(tmp_path, label, old, new, gone, added):
    before = ceasefire_article()
    store = store_with(tmp_path, before)
    article_id = before.article.id
    for claim in before.claims:
        store.add_verdict(article_id, claim.id, NewVerdict("sourced", "A. Reviewer", note=claim.text), origin="test")
    edited_text = CEASEFIRE_TEXT.replace(old, new)
    after = build_article(edited_text, [c for c in CEASEFIRE_CLAIMS if c[1] in edited_text])

    result = store.merge_article(after, "ceasefire.json")

    assert (result.new, result.stale) == (len(added), len(gone))
    assert result.kept == len(after.claims) - len(added)
    states = {s.claim_id: s for s in store.claims(article_id)}
    assert set(states) == {c.id for c in before.claims} | {c.id for c in after.claims}
    for claim in before.claims:
        state = states[claim.id]
        assert [(v.status, v.note) for v in state.history] == [("sourced", claim.text)]
        assert state.stale == (claim.id not in {c.id for c in after.claims})
    for claim in after.claims:
        if claim.id not in {c.id for c in before.claims}:
            assert states[claim.id].status == "unreviewed" and states[claim.id].history == []
    assert store.article(article_id).record.article.text == edited_text


def test_a_stale_claim_that_comes_back_is_live_again_with_its_verdicts(tmp_path):
    before = ceasefire_article()
    store = store_with(tmp_path, before)
    claim = claim_of(before, "that the road was open")
    store.add_verdict(before.article.id, claim.id, NewVerdict("opinion", "A"), origin="test")
    shorter = CEASEFIRE_TEXT.replace(" The envoy claimed that the road was open.", "")
    store.merge_article(build_article(shorter, [c for c in CEASEFIRE_CLAIMS if c[1] in shorter]), "ceasefire.json")
    assert store.claim(before.article.id, claim.id).stale
    result = store.merge_article(before, "ceasefire.json")
    state = store.claim(before.article.id, claim.id)
    assert result.revived == 1 and not state.stale and state.status == "opinion"


def test_merging_the_same_record_twice_changes_nothing(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    store.add_verdict(record.article.id, record.claims[0].id, NewVerdict("sourced", "A"), origin="test")
    before = [(s.claim_id, s.stale, len(s.history)) for s in store.claims()]
    result = store.merge_article(record, "ceasefire.json")
    assert (result.new, result.kept, result.stale, result.verdicts_added) == (0, len(record.claims), 0, 0)
    assert [(s.claim_id, s.stale, len(s.history)) for s in store.claims()] == before

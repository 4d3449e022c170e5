"""A real re-run: extract the op-ed, review it, edit one paragraph, extract again, re-import.

Verdicts on unchanged claims are kept, claims the edit removed are kept as stale with
their verdicts, and claims the edit created arrive unreviewed.
"""

from __future__ import annotations

import json

import claimkit
from test_review_fixtures import write_record

from claimkit.review.export import export_records
from claimkit.review.importer import import_records
from claimkit.review.store import NewVerdict, ReviewStore

EDIT = ("they can lead a normal life", "they can live a normal and peaceful life")
STATUSES = ("sourced", "disputed", "opinion")


def paragraph_bounds(text: str, inside: str) -> tuple[int, int]:
    at = text.index(inside)
    start = text.rfind("\n\n", 0, at) + 2
    end = text.find("\n\n", at)
    return start, end if end != -1 else len(text)


def test_rerun_after_editing_one_paragraph_keeps_every_verdict(tmp_path, nlp, karabakh_text):
    assert karabakh_text.count(EDIT[0]) == 1
    edited_text = karabakh_text.replace(*EDIT)
    first = claimkit.extract(karabakh_text, nlp=nlp, source="karabakh-oped.txt")
    second = claimkit.extract(edited_text, nlp=nlp, source="karabakh-oped.txt")
    assert first.article.id == second.article.id

    folder = tmp_path / "annotated"
    store = ReviewStore(tmp_path / "claimkit.db")
    write_record(folder, "karabakh-oped.json", first)
    assert not import_records(store, folder).errors
    article_id = first.article.id
    for i, claim in enumerate(first.claims):
        store.add_verdict(article_id, claim.id, NewVerdict(STATUSES[i % 3], "A. Reviewer", note=f"checked {i}"), origin="test")

    write_record(folder, "karabakh-oped.json", second)
    report = import_records(store, folder)
    assert not report.errors

    old_start, old_end = paragraph_bounds(karabakh_text, EDIT[0])
    new_start, new_end = paragraph_bounds(edited_text, EDIT[1])
    first_ids, second_ids = {c.id for c in first.claims}, {c.id for c in second.claims}
    gone = [c for c in first.claims if c.id not in second_ids]
    added = [c for c in second.claims if c.id not in first_ids]
    untouched = [c for c in first.claims if not old_start <= c.start < old_end]
    assert gone and added, "the edit must remove a claim and create one"
    assert all(old_start <= c.start < old_end for c in gone)
    assert all(new_start <= c.start < new_end for c in added)
    assert {c.id for c in untouched} <= second_ids, "claims outside the edited paragraph keep their ids"
    (_, result) = report.merged[0]
    assert (result.kept, result.new, result.stale) == (len(first.claims) - len(gone), len(added), len(gone))

    states = {s.claim_id: s for s in store.claims(article_id)}
    for i, claim in enumerate(first.claims):
        state = states[claim.id]
        assert [(v.status, v.note) for v in state.history] == [(STATUSES[i % 3], f"checked {i}")]
        assert state.stale == (claim in gone)
    for claim in added:
        assert states[claim.id].status == "unreviewed" and states[claim.id].history == []

    out = tmp_path / "exported"
    export_records(store, out)
    exported = json.loads((out / "karabakh-oped.json").read_text(encoding="utf-8"))
    assert exported["article"]["text"] == edited_text
    reviews = {c["id"]: c["review"]["status"] for c in exported["claims"]}
    assert reviews == {c.id: states[c.id].status for c in second.claims}

"""Exports out of the review store, and the round trip export → import that loses nothing."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest
from test_review_fixtures import CEASEFIRE_CLAIMS, CEASEFIRE_TEXT, build_article, ceasefire_article, claim_of, write_record

from claimkit.review.export import (
    CLAIMREVIEW_FILE,
    CSV_FILE,
    LABEL_STUDIO_CONFIG_FILE,
    LABEL_STUDIO_TASKS_FILE,
    PRODIGY_FILE,
    export_claimreview,
    export_csv,
    export_label_studio,
    export_prodigy,
    export_records,
)
from claimkit.review.importer import import_records, read_records
from claimkit.review.store import NewVerdict, ReviewStore
from claimkit.schema import CLAIM_TYPES

DAM_TEXT = (
    "The Dam Nobody Needed\n\n"
    "The dam displaced about 12,000 residents in 2018, the ministry said. Officials claimed that the "
    "reservoir would irrigate 40,000 hectares.\n"
)
DAM_CLAIMS = (
    ("quantity", "about 12,000 residents", {"value": 12000, "qualifier": "approximately", "subject": "residents"}),
    ("date", "2018", {"value": "2018", "kind": "date", "mod": None}),
    ("reported_speech", "that the reservoir would irrigate 40,000 hectares",
     {"speaker": "Officials", "cue": "claimed", "kind": "indirect"}),
    ("quantity", "40,000 hectares", {"value": 40000, "qualifier": "exact", "unit": "ha", "subject": "hectares"}),
)

VERDICTS = [
    # (article, claim text, status, reviewer, note, evidence)
    ("ceasefire", "nearly 3,000 soldiers killed", "disputed", "B. Checker", "=HYPERLINK(\"http://x\")", ()),
    ("ceasefire", "nearly 3,000 soldiers killed", "sourced", "A. Reviewer", "MoD list, 2,906 named",
     ("https://example.org/mod", "Interview, 2021")),
    ("ceasefire", "Artsakh is Armenia, and there is no room for debate", "sourced", "A. Reviewer", None,
     ("https://example.org/rally-video",)),
    ("ceasefire", "that the road was open", "opinion", "B. Checker", "a judgment", ()),
    ("dam", "about 12,000 residents", "disputed", "A. Reviewer", "census says 9,400", ("https://example.org/census",)),
    ("dam", "2018", "unreviewed", "A. Reviewer", None, ()),
]


@pytest.fixture
def folder(tmp_path):
    """Two imported articles, a re-run that made one claim stale, and verdicts by two reviewers."""
    ceasefire, dam = ceasefire_article(source="data/raw/ceasefire.txt"), build_article(DAM_TEXT, DAM_CLAIMS, source="data/raw/dam.txt")
    records = {"ceasefire": ceasefire, "dam": dam}
    annotated = tmp_path / "annotated"
    write_record(annotated, "ceasefire.json", ceasefire)
    write_record(annotated, "dam.json", dam)
    store = ReviewStore(tmp_path / "review.db")
    assert not import_records(store, annotated).errors
    for article, text, status, reviewer, note, evidence in VERDICTS:
        record = records[article]
        store.add_verdict(record.article.id, claim_of(record, text).id, NewVerdict(status, reviewer, note, evidence), origin="test")
    store.add_verdict(ceasefire.article.id, claim_of(ceasefire, "November 2020").id, NewVerdict("sourced", "B. Checker"), origin="test")
    rerun = build_article(CEASEFIRE_TEXT, [c for c in CEASEFIRE_CLAIMS if c[1] != "November 2020"], source="data/raw/ceasefire.txt")
    write_record(annotated, "ceasefire.json", rerun)
    assert not import_records(store, annotated).errors
    return {"store": store, "records": {"ceasefire": rerun, "dam": dam}, "stale": claim_of(ceasefire, "November 2020"), "tmp": tmp_path}


def histories(store: ReviewStore, live_only: bool = True) -> dict:
    return {
        (s.article_id, s.claim_id): [(v.status, v.reviewer, v.note, v.evidence, v.reviewed_at) for v in s.history]
        for s in store.claims()
        if not (live_only and s.stale)
    }


def test_records_round_trip_through_a_fresh_store_without_loss(folder):
    store, out = folder["store"], folder["tmp"] / "exported"
    written = export_records(store, out)
    assert sorted(p.name for p in written) == ["ceasefire.json", "dam.json"]
    fresh = ReviewStore(folder["tmp"] / "fresh.db")
    report = import_records(fresh, out)
    assert not report.errors
    assert sum(result.verdicts_added for _, result in report.merged) == len(store.verdicts()) - 1  # all but the stale claim's
    assert histories(fresh) == histories(store)
    again = import_records(store, out)
    assert [result.verdicts_added for _, result in again.merged] == [0, 0]
    stale = store.claim(folder["records"]["ceasefire"].article.id, folder["stale"].id)
    assert stale.stale and [(v.status, v.reviewer) for v in stale.history] == [("sourced", "B. Checker")]


def test_exported_records_keep_the_contract_with_reviews_filled(folder):
    store, out = folder["store"], folder["tmp"] / "exported"
    export_records(store, out)
    data = json.loads((out / "ceasefire.json").read_text(encoding="utf-8"))
    claims = {c["text"]: c for c in data["claims"]}
    casualty = claims["nearly 3,000 soldiers killed"]
    assert casualty["review"]["status"] == "sourced" and casualty["review"]["reviewer"] == "A. Reviewer"
    assert casualty["review"]["evidence"] == ["https://example.org/mod", "Interview, 2021"]
    assert [h["status"] for h in casualty["review_history"]] == ["disputed", "sourced"]
    assert claims["1,960 Russian peacekeeping troops"]["review"]["status"] == "unreviewed"
    assert claims["1,960 Russian peacekeeping troops"]["review_history"] == []
    (item,) = read_records(out / "ceasefire.json")
    original = folder["records"]["ceasefire"]
    assert item.record.model_dump(exclude={"claims"}) == original.model_dump(exclude={"claims"})
    assert [c.model_dump(exclude={"review"}) for c in item.record.claims] == [c.model_dump(exclude={"review"}) for c in original.claims]


def test_csv_has_one_row_per_claim_and_is_safe_in_a_spreadsheet(folder):
    (path,) = export_csv(folder["store"], folder["tmp"] / "out")
    assert path.name == CSV_FILE
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    store_claims = folder["store"].claims()
    assert len(rows) == len(store_claims)
    by_text = {row["text"]: row for row in rows}
    casualty = by_text["nearly 3,000 soldiers killed"]
    assert (casualty["status"], casualty["reviewer"], casualty["verdicts"]) == ("sourced", "A. Reviewer", "2")
    assert casualty["value"] == "nearly 3,000 soldiers killed"
    assert casualty["evidence"] == "https://example.org/mod Interview, 2021"
    assert by_text["November 2020"]["stale"] == "yes"
    assert [r["stale"] for r in rows].count("yes") == 1
    assert by_text["that the road was open"]["note"] == "a judgment"
    notes = [row["note"] for row in rows]
    assert not any(note.startswith(("=", "+", "-", "@")) for note in notes)
    disputed_history = [v.note for s in store_claims for v in s.history if v.reviewer == "B. Checker" and v.status == "disputed"]
    assert disputed_history == ['=HYPERLINK("http://x")']


def test_label_studio_tasks_carry_spans_and_status_choices(folder):
    tasks_path, config_path = export_label_studio(folder["store"], folder["tmp"] / "ls")
    assert (tasks_path.name, config_path.name) == (LABEL_STUDIO_TASKS_FILE, LABEL_STUDIO_CONFIG_FILE)
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert len(tasks) == 2
    for task in tasks:
        text = task["data"]["text"]
        (prediction,) = task["predictions"]
        for result in prediction["result"]:
            value = result["value"]
            assert result["to_name"] == "text" and value["end"] > value["start"]
            if result["type"] == "textarea":
                assert all(isinstance(line, str) for line in value["text"])
            else:
                assert text[value["start"] : value["end"]] == value["text"]
    dam = next(t for t in tasks if t["data"]["text"] == DAM_TEXT)
    results = dam["predictions"][0]["result"]
    assert sorted(r["value"]["labels"][0] for r in results if r["type"] == "labels") == sorted(c[0] for c in DAM_CLAIMS)
    choices = [r for r in results if r["type"] == "choices"]
    assert [(c["value"]["text"], c["value"]["choices"]) for c in choices] == [("about 12,000 residents", ["disputed"])]
    config = ET.fromstring(config_path.read_text(encoding="utf-8"))
    assert [label.get("value") for label in config.iter("Label")] == list(CLAIM_TYPES)
    assert config.find("Choices").get("perRegion") == "true"


def test_prodigy_tasks_have_text_spans_meta_and_stable_hashes(folder, tmp_path):
    (path,) = export_prodigy(folder["store"], tmp_path / "p1")
    (again,) = export_prodigy(folder["store"], tmp_path / "p2")
    assert path.name == PRODIGY_FILE
    assert path.read_text(encoding="utf-8") == again.read_text(encoding="utf-8")
    tasks = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(tasks) == 2
    for task in tasks:
        assert set(task) == {"text", "spans", "meta", "_input_hash", "_task_hash"}
        assert all(-(2**31) <= task[key] < 2**31 for key in ("_input_hash", "_task_hash"))
        for span in task["spans"]:
            assert task["text"][span["start"] : span["end"]] == span["text"]
            assert span["label"] in CLAIM_TYPES
    assert len({t["_input_hash"] for t in tasks}) == 2 and len({t["_task_hash"] for t in tasks}) == 2
    dam = next(t for t in tasks if t["meta"]["file"] == "dam.json")
    assert {s["text"]: s["status"] for s in dam["spans"]}["about 12,000 residents"] == "disputed"


def test_claimreview_lists_only_live_sourced_and_disputed_claims(folder):
    (path,) = export_claimreview(folder["store"], folder["tmp"] / "cr")
    assert path.name == CLAIMREVIEW_FILE
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = {r["about"]["name"]: r for r in document["@graph"]}
    assert set(reviews) == {
        "nearly 3,000 soldiers killed", "Artsakh is Armenia, and there is no room for debate",
        "about 12,000 residents",
    }
    casualty = reviews["nearly 3,000 soldiers killed"]
    assert casualty["@type"] == "ClaimReview"
    assert casualty["reviewRating"] == {"@type": "Rating", "alternateName": "Sourced", "ratingExplanation": "MoD list, 2,906 named"}
    assert casualty["author"] == {"@type": "Person", "name": "A. Reviewer"}
    assert casualty["claimReviewed"] == "The Second Karabakh War left nearly 3,000 soldiers killed."
    assert casualty["citation"] == ["https://example.org/mod", "Interview, 2021"]
    quote = reviews["Artsakh is Armenia, and there is no room for debate"]
    assert quote["itemReviewed"]["author"] == {"@type": "Person", "name": "Nikol Pashinyan"}
    assert reviews["about 12,000 residents"]["reviewRating"]["alternateName"] == "Disputed"


def test_exports_replace_files_atomically_and_leave_no_temporary_files(folder):
    out = folder["tmp"] / "exported"
    out.mkdir()
    (out / "ceasefire.json").write_text("old content", encoding="utf-8")
    export_records(folder["store"], out)
    export_csv(folder["store"], out)
    assert sorted(p.name for p in out.iterdir()) == sorted([CSV_FILE, "ceasefire.json", "dam.json"])
    assert json.loads((out / "ceasefire.json").read_text(encoding="utf-8"))["schema_version"] == "1"


BAD_FILES = [
    ("broken.json", '{"article": ', "not JSON"),
    ("gold.json", '{"article": "../x.txt", "text": null, "claims": []}', "not a valid claimkit record"),
    ("list.json", "[1, 2]", "not a claimkit record"),
    ("notes.json", '{"title": "hello"}', "not a claimkit record"),
]


@pytest.mark.parametrize("name, content, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_reported_and_the_rest_is_imported(tmp_path, name, content, message):
    folder = tmp_path / "annotated"
    write_record(folder, "ceasefire.json", ceasefire_article())
    (folder / name).write_text(content, encoding="utf-8")
    store = ReviewStore(tmp_path / "review.db")
    report = import_records(store, folder)
    assert [n for n, _ in report.merged] == ["ceasefire.json"]
    (error,) = report.errors
    assert name in error and message in error and "\n" not in error


def test_a_record_whose_offsets_do_not_match_its_text_is_refused(tmp_path):
    data = json.loads(ceasefire_article().model_dump_json())
    data["claims"][0]["start"] += 1
    data["claims"][0]["end"] += 1
    path = tmp_path / "shifted.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = import_records(ReviewStore(tmp_path / "review.db"), path)
    assert report.merged == [] and "shifted.json" in report.errors[0]


def test_jsonl_files_import_one_article_per_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    records = [ceasefire_article(source="a/one.txt"), build_article(DAM_TEXT, DAM_CLAIMS, source="b/two.txt")]
    path.write_text("".join(r.model_dump_json() + "\n" for r in records) + "\n", encoding="utf-8")
    report = import_records(ReviewStore(tmp_path / "review.db"), path)
    assert not report.errors
    assert [name for name, _ in report.merged] == ["one.json", "two.json"]

"""The review web app over HTTP: a real server, a real SQLite file, real clients."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from test_review_fixtures import build_article, ceasefire_article, claim_of, store_with

from claimkit.review.app import create_app, running_server
from claimkit.review.store import NewVerdict

HOSTILE_TEXT = (
    'Headline <script>alert("title")</script>\n\n'
    "The minister said, “<script>alert('xss')</script> is not a plan.” Critics wrote \" onmouseover=\"alert(1)\" x=\" "
    "in 2020.\n\n"
    "The envoy claimed that </textarea><img src=x onerror=alert(2)> was the plan.\n"
)
HOSTILE_CLAIMS = (
    ("quote", "<script>alert('xss')</script> is not a plan",
     {"speaker": '<b onmouseover="alert(3)">Minister</b>', "cue": 'said"><script>alert(4)</script>', "kind": "direct"}),
    ("date", "2020", {"value": "2020", "kind": "date", "mod": None}),
    ("reported_speech", "that </textarea><img src=x onerror=alert(2)> was the plan",
     {"speaker": "The envoy", "cue": "claimed", "kind": "indirect"}),
)
# Markup that must never reach the page unescaped.
RAW_PAYLOADS = ("<script>alert", "<img", "<b ", 'onmouseover="', "</textarea><img", '"><script>')


def csrf_token(page: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', page).group(1)


@pytest.fixture
def served(tmp_path):
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    with running_server(create_app(store.path, reviewer="A. Reviewer")) as url:
        with httpx.Client(base_url=url, timeout=20) as client:
            page = client.get(f"/articles/{record.article.id}")
            yield {"client": client, "store": store, "record": record, "page": page, "token": csrf_token(page.text)}


def post(served, claim_id, status="sourced", *, token=None, **fields):
    body = {"article_id": served["record"].article.id, "claim_id": claim_id, "status": status,
            "reviewer": "A. Reviewer", **fields}
    headers = {"X-CSRF-Token": served["token"] if token is None else token}
    return served["client"].post("/api/verdicts", json=body, headers=headers)


def test_the_page_highlights_every_claim_with_its_value_and_cue(served):
    page, record = served["page"], served["record"]
    assert page.status_code == 200
    html = page.text
    for claim in record.claims:
        assert re.search(rf'<mark class="claim t-{claim.type} [^"]*" data-claims="{claim.id}">', html), claim.text
        assert f'<li class="claim-item t-{claim.type}" data-id="{claim.id}"' in html
    assert '<span class="value">nearly 3,000 soldiers killed</span>' in html
    assert '<span class="value">2019-08-05</span>' in html
    assert '<span class="value">— Nikol Pashinyan</span> <span class="cue">cue: proclaimed</span>' in html
    assert '<span data-count="reviewed">0</span> / <span data-count="total">7</span>' in html


def test_one_article_redirects_to_its_page_and_several_are_listed(tmp_path):
    store = store_with(tmp_path, ceasefire_article(source="a.txt"))
    with running_server(create_app(store.path)) as url:
        answer = httpx.get(url + "/", follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].endswith(f"/articles/{store.article_ids()[0]}")
        store.merge_article(ceasefire_article(source="b.txt"), "b.json")
        listing = httpx.get(url + "/")
        assert listing.status_code == 200 and listing.text.count('<a href="http://127.0.0.1') == 2


FILTERS = [
    # (query, claim texts listed)
    ("", None),
    ("?type=date", ["August 5, 2019", "November 2020"]),
    ("?status=disputed", ["nearly 3,000 soldiers killed"]),
    ("?status=unreviewed&type=date", ["November 2020"]),
    ("?reviewer=B.+Checker", ["nearly 3,000 soldiers killed"]),
    ("?type=troop_number&status=sourced", []),
    ("?reviewer=Nobody", []),
]


@pytest.mark.parametrize("query, listed", FILTERS)
def test_filters_by_type_status_and_reviewer(served, query, listed):
    record = served["record"]
    post(served, claim_of(record, "August 5, 2019").id, "sourced")
    post(served, claim_of(record, "nearly 3,000 soldiers killed").id, "disputed", reviewer="B. Checker")
    html = served["client"].get(f"/articles/{record.article.id}{query}").text
    shown = re.findall(r'<li class="claim-item [^"]+" data-id="([0-9a-f]+)"', html)
    expected = [c.id for c in record.claims] if listed is None else [claim_of(record, t).id for t in listed]
    assert shown == expected
    assert ("No claim matches these filters." in html) == (listed == [])
    assert html.count("<mark ") == len(record.claims)


def test_a_verdict_is_stored_and_comes_back(served):
    record, store = served["record"], served["store"]
    claim = claim_of(record, "nearly 3,000 soldiers killed")
    answer = post(served, claim.id, "disputed", note="MoD lists 2,906", evidence=["https://example.org/mod"])
    assert answer.status_code == 200
    data = answer.json()
    assert data["claim"]["status"] == "disputed" and data["claim"]["evidence"] == ["https://example.org/mod"]
    assert data["progress"]["reviewed"] == 1 and data["progress"]["disputed"] == 1 and data["conflict"] is False
    (verdict,) = store.claim(record.article.id, claim.id).history
    assert (verdict.status, verdict.reviewer, verdict.note, verdict.origin) == ("disputed", "A. Reviewer", "MoD lists 2,906", "page")
    listed = served["client"].get(f"/api/articles/{record.article.id}/claims").json()
    assert {c["id"]: c["status"] for c in listed["claims"]}[claim.id] == "disputed"


REFUSED = [
    # (label, how the request is spoiled, expected status code, words of the error)
    ("no token", {"token": ""}, 403, "CSRF"),
    ("wrong token", {"token": "x" * 43}, 403, "CSRF"),
    ("unknown status", {"status": "true"}, 400, "status must be one of"),
    ("no reviewer", {"reviewer": "  "}, 400, "reviewer"),
    ("unknown claim", {"claim_id": "0000000000000000"}, 404, "unknown claim"),
    ("evidence not a list", {"evidence": "https://example.org"}, 400, "evidence"),
    ("empty evidence item", {"evidence": [" "]}, 400, "evidence"),
    ("note too long", {"note": "x" * 10_001}, 400, "note"),
    ("seen not an id", {"seen": "latest"}, 400, "seen"),
]


@pytest.mark.parametrize("label, spoil, code, words", REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_verdict_requests_are_refused_and_store_nothing(served, label, spoil, code, words):
    claim_id = spoil.pop("claim_id", served["record"].claims[0].id)
    status = spoil.pop("status", "sourced")
    answer = post(served, claim_id, status, **spoil)
    assert answer.status_code == code
    assert words in answer.json()["error"]
    assert served["store"].verdicts() == []


@pytest.mark.parametrize(
    "content, content_type, code",
    [
        ("not json", "application/json", 400),
        ('{"status": "sourced"}', "text/plain", 415),
        ("[1, 2]", "application/json", 400),
        ('{"note": "' + "x" * 70_000 + '"}', "application/json", 413),
    ],
)
def test_malformed_bodies_are_refused(served, content, content_type, code):
    answer = served["client"].post(
        "/api/verdicts", content=content, headers={"Content-Type": content_type, "X-CSRF-Token": served["token"]}
    )
    assert answer.status_code == code
    assert served["store"].verdicts() == []


def test_a_verdict_cannot_be_posted_with_get_or_from_another_host(served):
    assert served["client"].get("/api/verdicts").status_code == 405
    answer = served["client"].get("/", headers={"Host": "attacker.example"})
    assert answer.status_code == 400


@pytest.mark.parametrize(
    "path, code",
    [
        ("/static/review.css", 200),
        ("/static/review.js", 200),
        ("/static/../store.py", 404),
        ("/static/%2e%2e/store.py", 404),
        ("/static/..%2fstore.py", 404),
        ("/static/%2e%2e%2f%2e%2e%2fschema.py", 404),
        ("/static//etc/passwd", 404),
        ("/templates/article.html", 404),
        ("/claimkit.db", 404),
    ],
)
def test_only_files_inside_the_static_folder_are_served(served, path, code):
    with socket.create_connection(served["client"].base_url.netloc.decode().split(":")) as connection:
        # A raw request, so that no client library normalizes the path first.
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        response = b""
        while chunk := connection.recv(65536):
            response += chunk
    assert response.split(b" ", 2)[1] == str(code).encode()


def test_pages_carry_security_headers(served):
    headers = served["page"].headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_hostile_article_text_renders_as_text(tmp_path):
    record = build_article(HOSTILE_TEXT, HOSTILE_CLAIMS, source="hostile.txt")
    store = store_with(tmp_path, record)
    store.add_verdict(
        record.article.id,
        record.claims[0].id,
        NewVerdict("disputed", '"><script>alert(7)</script>', "<img src=x onerror=alert(5)>", ("javascript:alert(6)",)),
        origin="test",
    )
    with running_server(create_app(store.path, reviewer='"><script>alert(8)</script>')) as url:
        html = httpx.get(f"{url}/articles/{record.article.id}").text
    for payload in RAW_PAYLOADS:
        assert payload not in html, payload
    assert html.count("<script") == 2  # the claims' JSON data and review.js, nothing else
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; is not a plan" in html
    assert "that &lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt; was the plan" in html
    assert "&#34; onmouseover=&#34;alert(1)&#34;" in html
    assert "<title>Headline &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; · claimkit review</title>" in html
    data = re.search(r'<script type="application/json" id="claims-data">(.*?)</script>', html, re.S).group(1)
    claims = json.loads(data)
    assert claims[record.claims[0].id]["text"] == "<script>alert('xss')</script> is not a plan"
    assert claims[record.claims[0].id]["history"][0]["note"] == "<img src=x onerror=alert(5)>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def command_line_server(tmp_path):
    """`claimkit review serve` in its own process, on its own port, over the same store."""
    record = ceasefire_article()
    store = store_with(tmp_path, record)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimkit.review.cli import review_app; review_app()",
         "serve", "--db", str(store.path), "--port", str(port), "--reviewer", "B. Checker"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"review serve did not start: {process.communicate()[1]}")
                time.sleep(0.2)
        yield {"url": url, "store": store, "record": record}
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_two_reviewers_posting_at_once_never_lose_a_verdict(command_line_server):
    """One reviewer on the command-line server, one on a second server over the same file."""
    store, record = command_line_server["store"], command_line_server["record"]
    claim_id = claim_of(record, "nearly 3,000 soldiers killed").id
    rounds = 15
    barrier = threading.Barrier(2)
    answers: dict[str, list[int]] = {}

    def review(url: str, reviewer: str, status: str) -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            token = csrf_token(client.get(f"/articles/{record.article.id}").text)
            barrier.wait()
            answers[reviewer] = [
                client.post(
                    "/api/verdicts",
                    json={"article_id": record.article.id, "claim_id": claim_id, "status": status,
                          "reviewer": reviewer, "note": f"round {i}"},
                    headers={"X-CSRF-Token": token},
                ).status_code
                for i in range(rounds)
            ]

    with running_server(create_app(store.path)) as second_url:
        threads = [
            threading.Thread(target=review, args=(command_line_server["url"], "B. Checker", "disputed")),
            threading.Thread(target=review, args=(second_url, "A. Reviewer", "sourced")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

    assert answers == {"B. Checker": [200] * rounds, "A. Reviewer": [200] * rounds}
    history = store.claim(record.article.id, claim_id).history
    assert len(history) == 2 * rounds
    for reviewer in ("A. Reviewer", "B. Checker"):
        assert [v.note for v in history if v.reviewer == reviewer] == [f"round {i}" for i in range(rounds)]


def test_a_verdict_written_over_another_reviewers_is_flagged_and_both_are_kept(served):
    record, store = served["record"], served["store"]
    claim = claim_of(record, "1,960 Russian peacekeeping troops")
    first = post(served, claim.id, "sourced").json()
    seen = first["claim"]["latest"]
    post(served, claim.id, "disputed", reviewer="B. Checker", seen=seen)
    late = post(served, claim.id, "opinion", seen=seen).json()
    assert late["conflict"] is True and late["previous"]["reviewer"] == "B. Checker"
    in_turn = post(served, claim.id, "sourced", seen=late["claim"]["latest"]).json()
    assert in_turn["conflict"] is False
    assert [v.status for v in store.claim(record.article.id, claim.id).history] == ["sourced", "disputed", "opinion", "sourced"]

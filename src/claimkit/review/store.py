"""The review store: one SQLite file with articles, claims and an append-only verdict history.

A claim is keyed by (article id, claim id). Its current verdict is its latest entry in
`verdicts` (by review time, then by insertion order); verdicts are never updated or
deleted, and SQLite triggers refuse any attempt. A claim that a re-run no longer finds is
kept and marked stale, with its verdicts. Every call opens its own short connection, so
several threads or processes can write at once: WAL journal, `BEGIN IMMEDIATE` and a busy
timeout serialize the writers, and no write is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from claimkit.errors import StoreError, UnknownArticle, UnknownClaim
from claimkit.schema import REVIEW_STATUSES, Article

DEFAULT_DB = Path("claimkit.db")
BUSY_TIMEOUT_MS = 30_000

# Each entry migrates the store from the previous version; append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        article_id  TEXT PRIMARY KEY,
        file_name   TEXT NOT NULL,
        record      TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE claims (
        article_id  TEXT NOT NULL REFERENCES articles(article_id),
        claim_id    TEXT NOT NULL,
        type        TEXT NOT NULL,
        text        TEXT NOT NULL,
        sentence    TEXT NOT NULL,
        position    INTEGER NOT NULL,
        claim       TEXT NOT NULL,
        stale       INTEGER NOT NULL DEFAULT 0,
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        PRIMARY KEY (article_id, claim_id)
    );
    CREATE TABLE verdicts (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id  TEXT NOT NULL,
        claim_id    TEXT NOT NULL,
        status      TEXT NOT NULL,
        reviewer    TEXT NOT NULL,
        note        TEXT,
        evidence    TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        origin      TEXT NOT NULL,
        FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, claim_id)
    );
    CREATE INDEX verdicts_by_claim ON verdicts(article_id, claim_id, reviewed_at, id);
    CREATE TRIGGER verdicts_are_never_updated BEFORE UPDATE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
    CREATE TRIGGER verdicts_are_never_deleted BEFORE DELETE ON verdicts
        BEGIN SELECT RAISE(ABORT, 'verdicts are append-only'); END;
    CREATE TRIGGER claims_are_never_deleted BEFORE DELETE ON claims
        BEGIN SELECT RAISE(ABORT, 'claims are kept; mark them stale'); END;
    CREATE TRIGGER articles_are_never_deleted BEFORE DELETE ON articles
        BEGIN SELECT RAISE(ABORT, 'articles are kept'); END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    """UTC, fixed width, so that text order is time order inside SQLite."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Verdict:
    """One entry of a claim's history: who said what about it, when, why, and from where."""

    id: int
    article_id: str
    claim_id: str
    status: str
    reviewer: str
    note: str | None
    evidence: tuple[str, ...]
    reviewed_at: dt.datetime
    origin: str

    def as_review(self) -> dict[str, Any]:
        """The verdict as the record contract's `review` object."""
        return {
            "status": self.status,
            "reviewer": self.reviewer,
            "note": self.note,
            "evidence": list(self.evidence),
            "reviewed_at": self.reviewed_at.isoformat(),
        }


@dataclass(frozen=True)
class NewVerdict:
    """A verdict about to be recorded; `reviewed_at` defaults to the moment it is stored."""

    status: str
    reviewer: str
    note: str | None = None
    evidence: tuple[str, ...] = ()
    reviewed_at: dt.datetime | None = None


@dataclass(frozen=True)
class Recorded:
    """A verdict just stored, and the verdict that was current when it was written."""

    verdict: Verdict
    previous: Verdict | None


@dataclass
class ClaimState:
    """A claim as the store knows it: the record's claim, whether it is stale, its history."""

    article_id: str
    claim_id: str
    type: str
    text: str
    sentence: str
    claim: dict[str, Any]
    stale: bool
    history: list[Verdict] = field(default_factory=list)

    @property
    def latest(self) -> Verdict | None:
        return self.history[-1] if self.history else None

    def latest_by(self, reviewer: str) -> Verdict | None:
        """This reviewer's own latest verdict: what a new verdict of theirs builds on."""
        own = [verdict for verdict in self.history if verdict.reviewer == reviewer.strip()]
        return own[-1] if own else None

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else "unreviewed"

    @property
    def reviewers(self) -> list[str]:
        return sorted({v.reviewer for v in self.history})


@dataclass
class StoredArticle:
    """The latest imported record of an article and the file name it came from."""

    article_id: str
    file_name: str
    record: Article
    imported_at: dt.datetime


@dataclass
class MergeResult:
    """What one import did to one article's claims."""

    article_id: str
    new: int = 0
    kept: int = 0
    stale: int = 0
    revived: int = 0
    verdicts_added: int = 0


class ReviewStore:
    """The SQLite review store at `path`, created and migrated on first use."""

    def __init__(self, path: Path | str = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"no review store at {self.path}; run `claimkit review import FOLDER` first")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a review store file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # connections -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open review store {self.path}: {error}") from None
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            conn.execute("BEGIN")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"review store {self.path} cannot be read: {error}") from None
        finally:
            conn.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; it takes the write lock up front so readers never deadlock it."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def _migrate(self) -> None:
        try:
            conn = self._connect()
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
                if current > SCHEMA_VERSION:
                    conn.execute("ROLLBACK")
                    raise StoreError(
                        f"review store {self.path} has schema version {current}; "
                        f"this claimkit knows up to {SCHEMA_VERSION}: upgrade claimkit"
                    )
                for version in range(current + 1, SCHEMA_VERSION + 1):
                    for statement in _statements(MIGRATIONS[version - 1]):
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                        (version, timestamp(utc_now())),
                    )
                conn.execute("COMMIT")
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a claimkit review store: {error}") from None

    def schema_version(self) -> int:
        with self._reading() as conn:
            return conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    # import ------------------------------------------------------------------------

    def merge_article(
        self,
        record: Article,
        file_name: str,
        verdicts: dict[str, list[NewVerdict]] | None = None,
    ) -> MergeResult:
        """Make `record` the article's current version, keeping every verdict.

        Claims whose id is still there keep their history; claims missing from the record
        are marked stale (and kept); new claims arrive unreviewed. `verdicts` (claim id →
        verdicts carried by the record itself) are added unless the store already has them,
        so importing the same files twice changes nothing.
        """
        now = timestamp(utc_now())
        article_id = record.article.id
        result = MergeResult(article_id)
        record_json = record.model_dump_json()
        with self._writing() as conn:
            conn.execute(
                "INSERT INTO articles (article_id, file_name, record, sha256, imported_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET file_name = excluded.file_name, record = excluded.record, "
                "sha256 = excluded.sha256, imported_at = excluded.imported_at",
                (article_id, file_name, record_json, record.article.sha256, now),
            )
            known = {
                row["claim_id"]: bool(row["stale"])
                for row in conn.execute("SELECT claim_id, stale FROM claims WHERE article_id = ?", (article_id,))
            }
            present: set[str] = set()
            for position, claim in enumerate(record.claims):
                present.add(claim.id)
                claim_json = json.dumps(claim.model_dump(mode="json", exclude={"review"}), ensure_ascii=False)
                sentence = record.sentences[claim.sentence]
                sentence_text = record.article.text[sentence.start : sentence.end]
                if claim.id in known:
                    result.kept += 1
                    result.revived += known[claim.id]
                    conn.execute(
                        "UPDATE claims SET type = ?, text = ?, sentence = ?, position = ?, claim = ?, stale = 0, "
                        "last_seen = ? WHERE article_id = ? AND claim_id = ?",
                        (claim.type, claim.text, sentence_text, position, claim_json, now, article_id, claim.id),
                    )
                else:
                    result.new += 1
                    conn.execute(
                        "INSERT INTO claims (article_id, claim_id, type, text, sentence, position, claim, stale, "
                        "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        (article_id, claim.id, claim.type, claim.text, sentence_text, position, claim_json, now, now),
                    )
            for claim_id, was_stale in known.items():
                if claim_id not in present:
                    result.stale += 1
                    if not was_stale:
                        conn.execute(
                            "UPDATE claims SET stale = 1 WHERE article_id = ? AND claim_id = ?", (article_id, claim_id)
                        )
            for claim_id, entries in (verdicts or {}).items():
                for entry in entries:
                    if _add_verdict_once(conn, article_id, claim_id, entry, origin=f"import:{file_name}"):
                        result.verdicts_added += 1
        return result

    # verdicts ----------------------------------------------------------------------

    def add_verdict(self, article_id: str, claim_id: str, verdict: NewVerdict, *, origin: str) -> Recorded:
        """Append a verdict to a claim's history; say which verdict was current just before."""
        check_verdict(verdict)
        with self._writing() as conn:
            if not _claim_exists(conn, article_id, claim_id):
                raise UnknownClaim(f"unknown claim {claim_id} in article {article_id}")
            before = conn.execute(
                "SELECT * FROM verdicts WHERE article_id = ? AND claim_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
                (article_id, claim_id),
            ).fetchone()
            verdict_id = _insert_verdict(conn, article_id, claim_id, verdict, origin)
            row = conn.execute("SELECT * FROM verdicts WHERE id = ?", (verdict_id,)).fetchone()
        return Recorded(_verdict(row), _verdict(before) if before else None)

    def resolve_claim(self, claim_id: str, article_id: str | None = None) -> tuple[str, str]:
        """(article id, claim id) for a claim id, which may be a unique prefix."""
        with self._reading() as conn:
            query = "SELECT article_id, claim_id FROM claims WHERE (claim_id = ? OR claim_id LIKE ? ESCAPE '\\')"
            params: list[Any] = [claim_id, _like_prefix(claim_id)]
            if article_id is not None:
                query += " AND article_id = ?"
                params.append(article_id)
            rows = conn.execute(query, params).fetchall()
        exact = [r for r in rows if r["claim_id"] == claim_id]
        matches = exact or rows
        if not matches:
            where = f" in article {article_id}" if article_id else ""
            raise UnknownClaim(f"unknown claim id {claim_id}{where}")
        if len(matches) > 1:
            articles = sorted({r["article_id"] for r in matches})
            raise StoreError(
                f"claim id {claim_id} matches {len(matches)} claims (articles: {', '.join(articles)}); "
                "give more of the id or --article"
            )
        return matches[0]["article_id"], matches[0]["claim_id"]

    # reading -----------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        with self._reading() as conn:
            return [r[0] for r in conn.execute("SELECT article_id FROM articles ORDER BY file_name, article_id")]

    def article(self, article_id: str) -> StoredArticle:
        with self._reading() as conn:
            row = conn.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            raise UnknownArticle(f"unknown article {article_id}")
        return StoredArticle(
            article_id=row["article_id"],
            file_name=row["file_name"],
            record=Article.model_validate_json(row["record"]),
            imported_at=dt.datetime.fromisoformat(row["imported_at"]),
        )

    def claims(self, article_id: str | None = None) -> list[ClaimState]:
        """Every claim with its full history: live ones in record order, then stale ones."""
        with self._reading() as conn:
            where, params = ("WHERE article_id = ?", (article_id,)) if article_id else ("", ())
            rows = conn.execute(
                f"SELECT * FROM claims {where} ORDER BY article_id, stale, position, claim_id", params
            ).fetchall()
            history = _histories(conn, article_id)
        return [
            ClaimState(
                article_id=r["article_id"],
                claim_id=r["claim_id"],
                type=r["type"],
                text=r["text"],
                sentence=r["sentence"],
                claim=json.loads(r["claim"]),
                stale=bool(r["stale"]),
                history=history.get((r["article_id"], r["claim_id"]), []),
            )
            for r in rows
        ]

    def claim(self, article_id: str, claim_id: str) -> ClaimState:
        for state in self.claims(article_id):
            if state.claim_id == claim_id:
                return state
        raise UnknownClaim(f"unknown claim {claim_id} in article {article_id}")

    def verdicts(self) -> list[Verdict]:
        """The whole history, oldest first."""
        with self._reading() as conn:
            rows = conn.execute("SELECT * FROM verdicts ORDER BY reviewed_at, id").fetchall()
        return [_verdict(r) for r in rows]


def check_verdict(verdict: NewVerdict) -> None:
    if verdict.status not in REVIEW_STATUSES:
        raise StoreError(f"unknown status {verdict.status!r}; use one of {', '.join(REVIEW_STATUSES)}")
    if not verdict.reviewer or not verdict.reviewer.strip():
        raise StoreError("a verdict needs a reviewer name")


def _statements(script: str) -> Iterable[str]:
    """Split a migration into statements; a trigger body keeps its inner semicolons."""
    statement = ""
    for line in script.strip().splitlines():
        statement += line + "\n"
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _claim_exists(conn: sqlite3.Connection, article_id: str, claim_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM claims WHERE article_id = ? AND claim_id = ?", (article_id, claim_id))
    return row.fetchone() is not None


def _insert_verdict(
    conn: sqlite3.Connection, article_id: str, claim_id: str, verdict: NewVerdict, origin: str
) -> int:
    now = utc_now()
    cursor = conn.execute(
        "INSERT INTO verdicts (article_id, claim_id, status, reviewer, note, evidence, reviewed_at, recorded_at, "
        "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            claim_id,
            verdict.status,
            verdict.reviewer.strip(),
            verdict.note or None,
            json.dumps(list(verdict.evidence), ensure_ascii=False),
            timestamp(verdict.reviewed_at or now),
            timestamp(now),
            origin,
        ),
    )
    return int(cursor.lastrowid)


def _add_verdict_once(
    conn: sqlite3.Connection, article_id: str, claim_id: str, verdict: NewVerdict, origin: str
) -> bool:
    """Add a verdict carried by a record unless the claim's history already holds it."""
    check_verdict(verdict)
    query = (
        "SELECT 1 FROM verdicts WHERE article_id = ? AND claim_id = ? AND status = ? AND reviewer = ? "
        "AND note IS ? AND evidence = ?"
    )
    params: list[Any] = [
        article_id,
        claim_id,
        verdict.status,
        verdict.reviewer.strip(),
        verdict.note or None,
        json.dumps(list(verdict.evidence), ensure_ascii=False),
    ]
    if verdict.reviewed_at is not None:
        query += " AND reviewed_at = ?"
        params.append(timestamp(verdict.reviewed_at))
    if conn.execute(query, params).fetchone():
        return False
    _insert_verdict(conn, article_id, claim_id, verdict, origin)
    return True


def _histories(conn: sqlite3.Connection, article_id: str | None) -> dict[tuple[str, str], list[Verdict]]:
    where, params = ("WHERE article_id = ?", (article_id,)) if article_id else ("", ())
    rows = conn.execute(f"SELECT * FROM verdicts {where} ORDER BY reviewed_at, id", params).fetchall()
    history: dict[tuple[str, str], list[Verdict]] = {}
    for row in rows:
        history.setdefault((row["article_id"], row["claim_id"]), []).append(_verdict(row))
    return history


def _verdict(row: sqlite3.Row) -> Verdict:
    return Verdict(
        id=row["id"],
        article_id=row["article_id"],
        claim_id=row["claim_id"],
        status=row["status"],
        reviewer=row["reviewer"],
        note=row["note"],
        evidence=tuple(json.loads(row["evidence"])),
        reviewed_at=dt.datetime.fromisoformat(row["reviewed_at"]),
        origin=row["origin"],
    )

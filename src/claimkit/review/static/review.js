// The review page: keyboard navigation and verdicts. Article text only ever enters the
// page through textContent, never as HTML.
(function () {
  "use strict";
  const dataElement = document.getElementById("claims-data");
  if (!dataElement) return;

  const claims = JSON.parse(dataElement.textContent);
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const articleId = document.getElementById("article-text").dataset.articleId;
  const reviewerInput = document.getElementById("reviewer");
  const items = Array.from(document.querySelectorAll("li.claim-item"));
  const marks = Array.from(document.querySelectorAll("mark.claim"));
  const noteInput = document.getElementById("note");
  const evidenceInput = document.getElementById("evidence-input");
  const message = document.getElementById("message");
  const STATUS_KEYS = { s: "sourced", d: "disputed", o: "opinion", u: "unreviewed" };
  const REVIEWER_KEY = "claimkit-reviewer";
  let current = -1;
  let pending = Promise.resolve();

  if (!reviewerInput.value) reviewerInput.value = localStorage.getItem(REVIEWER_KEY) || "";
  reviewerInput.addEventListener("change", () => {
    localStorage.setItem(REVIEWER_KEY, reviewerInput.value.trim());
    const claim = currentClaim();
    if (claim) showDetail(claim);
  });

  function currentClaim() {
    return current >= 0 ? claims[items[current].dataset.id] : null;
  }

  // A reviewer's note and evidence are their own: a new verdict builds on their last one.
  function ownLatest(claim) {
    const reviewer = reviewerInput.value.trim();
    const own = claim.history.filter((verdict) => verdict.reviewer === reviewer);
    return own.length ? own[own.length - 1] : null;
  }

  function marksOf(id) {
    return marks.filter((mark) => mark.dataset.claims.split(" ").includes(id));
  }

  function select(index) {
    if (!items.length) return;
    index = Math.max(0, Math.min(items.length - 1, index));
    if (current >= 0) {
      items[current].classList.remove("current");
      marksOf(items[current].dataset.id).forEach((mark) => mark.classList.remove("current"));
    }
    current = index;
    const item = items[current];
    item.classList.add("current");
    item.scrollIntoView({ block: "nearest" });
    const claimMarks = marksOf(item.dataset.id);
    claimMarks.forEach((mark) => mark.classList.add("current"));
    if (claimMarks.length) claimMarks[0].scrollIntoView({ block: "center", behavior: "instant" });
    showDetail(claims[item.dataset.id]);
  }

  function text(id, value) {
    document.getElementById(id).textContent = value == null || value === "" ? "—" : String(value);
  }

  function safeLink(reference) {
    let url = null;
    try { url = new URL(reference); } catch (error) { url = null; }
    if (url && (url.protocol === "http:" || url.protocol === "https:")) {
      const link = document.createElement("a");
      link.href = url.href;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      link.textContent = reference;
      return link;
    }
    const span = document.createElement("span");
    span.textContent = reference;
    return span;
  }

  function showDetail(claim) {
    document.getElementById("detail").hidden = false;
    text("detail-type", claim.type.replace(/_/g, " "));
    const status = document.getElementById("detail-status");
    status.textContent = claim.status + (claim.reviewer ? " by " + claim.reviewer : "") + (claim.stale ? " · stale" : "");
    status.className = "status s-" + claim.status;
    text("detail-text", claim.text);
    text("detail-value", claim.value);
    text("detail-cue", claim.cue);
    text("detail-found", claim.tagger + " · " + claim.pattern);
    text("detail-sentence", claim.sentence);
    const own = ownLatest(claim);
    const evidence = own ? own.evidence : [];
    noteInput.value = own && own.note ? own.note : "";
    const evidenceList = document.getElementById("evidence-list");
    evidenceList.replaceChildren();
    evidence.forEach((reference, position) => {
      const entry = document.createElement("li");
      entry.append(safeLink(reference));
      const remove = document.createElement("button");
      remove.type = "button";
      remove.title = "remove";
      remove.textContent = "×";
      remove.addEventListener("click", () => save({ evidence: evidence.filter((_, i) => i !== position) }));
      entry.append(" ", remove);
      evidenceList.append(entry);
    });
    const history = document.getElementById("history");
    history.replaceChildren();
    claim.history.slice().reverse().forEach((verdict) => {
      const entry = document.createElement("li");
      let line = verdict.reviewed_at.replace("T", " ").slice(0, 16) + " " + verdict.reviewer + ": " + verdict.status;
      if (verdict.note) line += " — " + verdict.note;
      if (verdict.evidence.length) line += " [" + verdict.evidence.length + " evidence]";
      entry.textContent = line;
      history.append(entry);
    });
    if (!claim.history.length) {
      const entry = document.createElement("li");
      entry.textContent = "not reviewed yet";
      history.append(entry);
    }
  }

  function showClaim(claim) {
    claims[claim.id] = claim;
    const item = items.find((candidate) => candidate.dataset.id === claim.id);
    if (item) {
      const status = item.querySelector(".status");
      status.textContent = claim.status;
      status.className = "status s-" + claim.status;
      let by = item.querySelector(".by");
      if (!by) {
        by = document.createElement("span");
        by.className = "by muted";
        item.querySelector(".item-head").append(" ", by);
      }
      by.textContent = claim.reviewer || "";
    }
    marksOf(claim.id).forEach((mark) => {
      if (mark.dataset.claims.split(" ")[0] !== claim.id) return;
      mark.classList.remove("s-unreviewed", "s-sourced", "s-disputed", "s-opinion");
      mark.classList.add("s-" + claim.status);
    });
    const shown = currentClaim();
    if (shown && shown.id === claim.id) showDetail(claim);
  }

  function showProgress(progress) {
    document.querySelectorAll("#progress [data-count]").forEach((counter) => {
      counter.textContent = progress[counter.dataset.count];
    });
  }

  function say(text) {
    message.textContent = text;
  }

  // Saves run one after another, so each one knows the verdict the previous one wrote.
  function save(changes) {
    const claim = currentClaim();
    if (!claim) return pending;
    pending = pending.then(() => send(claim.id, changes));
    return pending;
  }

  async function send(claimId, changes) {
    const claim = claims[claimId];
    const reviewer = reviewerInput.value.trim();
    if (!reviewer) {
      say("Enter your name as reviewer first.");
      reviewerInput.focus();
      return;
    }
    const own = ownLatest(claim);
    const verdict = {
      article_id: articleId,
      claim_id: claimId,
      status: changes.status || claim.status,
      note: "note" in changes ? changes.note : own ? own.note : null,
      evidence: changes.evidence || (own ? own.evidence : []),
      reviewer: reviewer,
      seen: claim.latest,
    };
    let response;
    try {
      response = await fetch("/api/verdicts", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken },
        body: JSON.stringify(verdict),
        credentials: "same-origin",
      });
    } catch (error) {
      say("Not saved: the review server cannot be reached.");
      return;
    }
    const answer = await response.json().catch(() => ({ error: "unexpected answer from the server" }));
    if (!response.ok) {
      say("Not saved: " + answer.error);
      return;
    }
    showClaim(answer.claim);
    showProgress(answer.progress);
    if (answer.conflict && answer.previous && answer.previous.reviewer !== reviewer) {
      say(answer.previous.reviewer + " marked this claim " + answer.previous.status +
          " meanwhile; both verdicts are kept in its history.");
    } else {
      say("Saved: " + answer.claim.status + ".");
    }
  }

  noteInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      save({ note: noteInput.value.trim() || null });
      noteInput.blur();
    } else if (event.key === "Escape") {
      const claim = currentClaim();
      const own = claim ? ownLatest(claim) : null;
      noteInput.value = own && own.note ? own.note : "";
      noteInput.blur();
    }
  });

  evidenceInput.addEventListener("keydown", (event) => {
    const claim = currentClaim();
    if (event.key === "Enter") {
      event.preventDefault();
      const reference = evidenceInput.value.trim();
      if (claim && reference) {
        const own = ownLatest(claim);
        save({ evidence: (own ? own.evidence : []).concat([reference]) });
      }
      evidenceInput.value = "";
      evidenceInput.blur();
    } else if (event.key === "Escape") {
      evidenceInput.value = "";
      evidenceInput.blur();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select")) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const key = event.key;
    if (key === "j") select(current + 1);
    else if (key === "k") select(current < 0 ? 0 : current - 1);
    else if (key in STATUS_KEYS) { if (current < 0) select(0); save({ status: STATUS_KEYS[key] }); }
    else if (key === "n" && current >= 0) noteInput.focus();
    else if (key === "e" && current >= 0) evidenceInput.focus();
    else return;
    event.preventDefault();
  });

  items.forEach((item, index) => item.addEventListener("click", () => select(index)));
  marks.forEach((mark) => mark.addEventListener("click", () => {
    const index = items.findIndex((item) => item.dataset.id === mark.dataset.claims.split(" ")[0]);
    if (index >= 0) select(index);
  }));
  document.querySelectorAll("#filters select").forEach((field) => {
    field.addEventListener("change", () => field.form.submit());
  });
})();

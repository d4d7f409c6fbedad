"use strict";
const $ = (id) => document.getElementById(id);
let mode = "fields";
let profileId = null;


function renderQuestions(list) {
  const box = $("questions");
  box.textContent = "";
  for (const [id, text, why] of list) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox"; input.name = "q"; input.value = id;
    const span = document.createElement("span");
    span.textContent = text;
    if (why) { const s = document.createElement("small"); s.textContent = why; span.appendChild(s); }
    label.append(input, span);
    box.appendChild(label);
  }
}
fetch("/api/v1/check/questions").then((r) => r.json())
  .then((d) => renderQuestions(d.questions.map((q) => [q.id, q.text, q.why])));

document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => {
  mode = b.dataset.tab;
  document.querySelectorAll(".tabs button").forEach((x) => x.classList.toggle("on", x === b));
  $("tab-fields").hidden = mode !== "fields";
  $("tab-paste").hidden = mode !== "paste";
  $("tab-json").hidden = mode !== "json";
}));

function readPhoto() {
  const file = $("f-photo").files[0];
  if (!file) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(new Error("cannot read the photo"));
    r.readAsDataURL(file);
  });
}

function profileFromForm() {
  if (mode === "json") return { profile: JSON.parse($("f-json").value) };
  if (mode === "paste") return { profile_text: $("f-paste").value };
  const p = {};
  for (const k of ["name", "headline", "employer", "title", "about"]) {
    const v = $("f-" + k).value.trim(); if (v) p[k] = v;
  }
  const id = $("f-id").value.trim().replace(/[?#].*$/, "").split("/").filter(Boolean).pop();
  if (id) p.id = id;
  return { profile: p };
}

function meFromForm() {
  const role = $("f-me-role").value.trim(), sector = $("f-me-sector").value;
  const clearance = $("f-me-clearance").checked;
  if (!role && !sector && !clearance) return null;
  return { role, sector, clearance };
}

function fill(list, items) {
  list.textContent = "";
  for (const t of items) { const li = document.createElement("li"); li.textContent = t; list.appendChild(li); }
}

$("check-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("check-error").hidden = true;
  let body;
  try {
    const answers = {};
    document.querySelectorAll("input[name=q]").forEach((q) => { answers[q.value] = q.checked; });
    const messages = $("f-messages").value.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
    body = Object.assign(profileFromForm(),
      { messages, answers: answers, me: meFromForm(), photo: await readPhoto() });
  } catch (e) {
    $("check-error").textContent = "That is not valid JSON: " + e.message;
    $("check-error").hidden = false; return;
  }
  $("check-btn").disabled = true;
  try {
    const res = await fetch("/api/v1/check", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json();
    if (!res.ok) throw new Error(data.detail || res.statusText);
    showResult(data);
  } catch (e) {
    $("check-error").textContent = String(e.message || e); $("check-error").hidden = false;
  } finally { $("check-btn").disabled = false; }
});

function reportedId() {
  if (mode === "json") {
    try { const p = JSON.parse($("f-json").value); return p.id || p.publicIdentifier || null; }
    catch (e) { return null; }
  }
  const id = $("f-id").value.trim().replace(/[?#].*$/, "").split("/").filter(Boolean).pop();
  return id || null;
}

function showResult(data) {
  $("placeholder").hidden = true; $("answer").hidden = false;
  const badge = $("risk");
  badge.textContent = data.risk; badge.className = "badge " + data.risk;
  fill($("reasons"), data.reasons.length ? data.reasons
    : ["Nothing we can see stands out. Trust your own judgement too."]);
  fill($("advice"), data.advice);
  profileId = reportedId();
  $("report-btn").disabled = !profileId;
  $("report-status").textContent = "";
  $("report-note").textContent = !profileId
    ? "Give the profile's id or link above to report it."
    : memberToken
      ? "Your report goes to the platform's review team. It helps even if you are not sure."
      : "You are not signed in through the platform, so your report is passed on as unverified " +
        "information: report from the platform while signed in for it to count fully.";
}

// The platform hands a signed-in member's token in the URL fragment (never sent to a server).
const fragment = new URLSearchParams(location.hash.slice(1));
const memberToken = fragment.get("member_token");
if (memberToken) history.replaceState(null, "", location.pathname + location.search);

$("report-btn").addEventListener("click", async () => {
  $("report-btn").disabled = true;
  const headers = { "Content-Type": "application/json" };
  if (memberToken) headers["X-Member-Token"] = memberToken;
  const res = await fetch("/api/v1/member/reports", { method: "POST", headers,
    body: JSON.stringify({ reported: profileId, reason: "suspicious_approach",
      text: "Reported from the profile checker." }) });
  const data = await res.json();
  $("report-status").className = res.ok ? "ok" : "err";
  $("report-status").textContent = !res.ok ? (data.detail || "The report could not be filed.")
    : data.verified
      ? "Report received. Do not accept the invitation; remove the connection if you accepted it."
      : "Received as unverified information. Do not accept the invitation; remove the " +
        "connection if you accepted it.";
  if (!res.ok) $("report-btn").disabled = false;
});

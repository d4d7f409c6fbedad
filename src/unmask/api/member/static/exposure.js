"use strict";
const $ = (id) => document.getElementById(id);
$("ex-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const box = $("ex-result");
  box.textContent = "";
  const text = $("ex-json").value;
  let body;
  if (/^\s*[{[]/.test(text)) {
    try { body = { profile: JSON.parse(text) }; } catch (e) {
      box.className = "err"; box.textContent = "That is not valid JSON: " + e.message; return;
    }
  } else {
    body = { profile_text: text };
  }
  const res = await fetch("/api/v1/exposure", { method: "POST",
    headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) { box.className = "err"; box.textContent = data.detail || "Error"; return; }
  box.className = "";
  const head = document.createElement("p");
  head.innerHTML = 'Exposure: <span class="badge ' + data.level + '"></span> score ';
  head.querySelector(".badge").textContent = data.level;
  head.append(String(data.score) + " / 100");
  box.appendChild(head);
  if (!data.items.length) {
    const p = document.createElement("p"); p.textContent = "Nothing on your profile stands out.";
    box.appendChild(p);
  }
  for (const item of data.items) {
    const div = document.createElement("div"); div.className = "item";
    const b = document.createElement("b"); b.textContent = item.title;
    const seen = document.createElement("div"); seen.className = "note"; seen.textContent = item.seen;
    const advice = document.createElement("div"); advice.textContent = item.advice;
    div.append(b, seen, advice); box.appendChild(div);
  }
});

"use strict";
const $ = (id) => document.getElementById(id);

async function sha1Hex(text) {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0"))
    .join("").toUpperCase();
}

// A rough local estimate only (the full zxcvbn estimator runs in `unmask passwords check`).
function estimate(pw) {
  let pool = 0;
  if (/[a-z]/.test(pw)) pool += 26;
  if (/[A-Z]/.test(pw)) pool += 26;
  if (/[0-9]/.test(pw)) pool += 10;
  if (/[^A-Za-z0-9]/.test(pw)) pool += 33;
  let bits = pw.length * Math.log2(Math.max(pool, 1));
  if (/(.)\1\1/.test(pw) || /^(?:[a-z]+|\d+)$/i.test(pw)) bits *= 0.6;
  const level = bits < 28 ? 0 : bits < 40 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  const words = ["very weak", "weak", "fair", "strong", "very strong"];
  const colours = ["#b3261e", "#d0582b", "#b26a00", "#4f8a3a", "#2e7d4f"];
  return { level, text: words[level], colour: colours[level] };
}

$("pw").addEventListener("input", () => {
  const pw = $("pw").value;
  const e = estimate(pw);
  $("meter").style.width = pw ? (20 + e.level * 20) + "%" : "0";
  $("meter").style.background = e.colour;
  $("strength").textContent = pw ? "Estimated strength: " + e.text +
    ". Long passphrases of unrelated words are strongest." : "";
});

$("pw-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const pw = $("pw").value;
  if (!pw) return;
  const hash = await sha1Hex(pw);
  const prefix = hash.slice(0, 5), suffix = hash.slice(5);
  const res = await fetch("/api/v1/passwords/range/" + prefix);
  const out = $("pw-result");
  if (!res.ok) { out.className = "err"; out.textContent = "The check is unavailable right now."; return; }
  const lines = (await res.text()).split("\n");
  const hit = lines.map((l) => l.split(":")).find((p) => p[0] === suffix);
  const count = hit ? Number(hit[1]) : 0, common = hit ? hit[2] === "1" : false;
  if (count > 0 || common) {
    out.className = "err";
    out.textContent = (count > 0 ? "This password appears " + count.toLocaleString() +
      " time(s) in breached data. " : "") + (common ? "It is on a list of common passwords. " : "") +
      "Do not use it; change it wherever you use it.";
  } else {
    out.className = "ok";
    out.textContent = "Not found in the breached or common passwords known here. " +
      "That does not make it strong: use a long, unique passphrase.";
  }
});

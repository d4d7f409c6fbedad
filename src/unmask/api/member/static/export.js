"use strict";
(() => {
  const $ = (id) => document.getElementById(id);

  function upload(format) {
    const files = $("f-export").files;
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    return fetch("/api/v1/member/export" + (format ? "?format=" + format : ""),
      { method: "POST", body: form });
  }

  function cell(tr, build) { const td = document.createElement("td"); build(td); tr.appendChild(td); }
  function list(td, items) {
    const ul = document.createElement("ul");
    for (const t of items) { const li = document.createElement("li"); li.textContent = t; ul.appendChild(li); }
    td.appendChild(ul);
  }

  function show(data) {
    const c = data.risk_counts;
    $("export-summary").textContent = `${data.contacts} connections; ${data.people_who_wrote} ` +
      `people wrote to you: ${c.high} high risk, ${c.medium} medium, ${c.low} low.`;
    const rows = $("export-rows"); rows.textContent = "";
    const flagged = data.approaches.filter((a) => a.risk !== "low");
    for (const a of flagged) {
      const tr = document.createElement("tr");
      cell(tr, (td) => { const b = document.createElement("span");
        b.className = "badge " + a.risk; b.textContent = a.risk; td.appendChild(b); });
      cell(tr, (td) => {
        td.append(a.name);
        for (const t of [[a.position, a.company].filter(Boolean).join(" at "),
          a.connected ? "a connection" + (a.connected_on ? " since " + a.connected_on : "")
            : a.invited_you ? "invited you" : "not a connection"]) {
          if (t) { const s = document.createElement("small"); s.textContent = t; td.appendChild(s); }
        }
      });
      cell(tr, (td) => list(td, a.reasons));
      cell(tr, (td) => list(td, a.actions));
      rows.appendChild(tr);
    }
    if (!flagged.length) {
      const tr = document.createElement("tr");
      cell(tr, (td) => { td.colSpan = 4; td.textContent = "Nothing in your export stands out."; });
      rows.appendChild(tr);
    }
    const rest = data.approaches.filter((a) => a.risk === "low").map((a) => a.name);
    $("export-rest").textContent = rest.length
      ? "Nothing stands out in what these people sent: " + rest.join(", ") + "." : "";
    $("export-result").hidden = false;
  }

  $("export-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    $("export-error").hidden = true;
    if (!$("f-export").files.length) {
      $("export-error").textContent = "Choose your export's .zip or CSV files first.";
      $("export-error").hidden = false; return;
    }
    $("export-btn").disabled = true;
    try {
      const res = await upload("");
      const data = await res.json();
      if (!res.ok) throw new Error(data.detail || res.statusText);
      show(data);
    } catch (e) {
      $("export-error").textContent = String(e.message || e); $("export-error").hidden = false;
    } finally { $("export-btn").disabled = false; }
  });

  $("export-save").addEventListener("click", async () => {
    const res = await upload("html");
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url; a.download = "my-network.html"; a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
})();

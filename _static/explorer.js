/* The explorer (notebooks/explorer.html): filters, a timeline that brushes days, a map of places, event cards
 * and the figures view, all from the JSON in <script id="kx-data"> (its fields: kharkiv/explorer_schema.py).
 * The pure logic (address, criteria, matching, grouping, CSV, citations) is in explorer-core.js (window.kxCore);
 * this file draws the page in parts: texts, controls, timeline, map, cards, list, and the start that joins them.
 * Every text from the data goes in with textContent, never as markup. The project's own code, no library. */
(function () {
  "use strict";
  const core = window.kxCore;
  const SVGNS = "http://www.w3.org/2000/svg", PAGE = 20, MAX_DOTS = 400;
  const NF = new Intl.NumberFormat("en-GB");  // one formatter: toLocaleString builds one per call (slow at 100x)
  const num = (v) => NF.format(v);

  // --- DOM helpers -----------------------------------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") n.textContent = v;
      else if (k === "cls") n.className = v;
      else n.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) n.append(k);
    return n;
  }
  function sv(tag, attrs, text) {
    const n = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  const link = (href, text, cls) => el("a", { href, cls, text });
  const onKey = (node, fn) => node.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fn(); } });

  // --- texts: inline, or (large data) in chunk files loaded when a card, a search or a download needs them ----
  function textStore(D, onLoad) {
    const CH = D.chunks || null, loaded = { events: new Set(), figures: new Set() }, pending = new Map();
    if (CH) for (const [kind, cols] of Object.entries(CH.columns)) for (const c of cols) D[kind][c] = new Array(D[kind].id.length).fill(null);
    window.kxTextChunk = (kind, k, cols) => {
      const at = k * CH.size;
      for (const [c, vals] of Object.entries(cols)) vals.forEach((v, j) => { D[kind][c][at + j] = v; });
      loaded[kind].add(k);
      onLoad();
    };
    const load = (kind, k) => {
      if (!CH || loaded[kind].has(k)) return Promise.resolve();
      const key = `${kind}-${k}`;
      if (!pending.has(key)) pending.set(key, new Promise((ok, fail) => {
        const tag = document.createElement("script");
        tag.src = `${CH.url}kx-text-${kind}-${k}.js`;
        tag.onload = () => ok(); tag.onerror = () => fail(new Error(`could not load ${tag.src}`));
        document.head.append(tag);
      }));
      return pending.get(key);
    };
    const chunksOf = (rows) => [...new Set(rows.map((i) => Math.floor(i / CH.size)))];
    return {
      ready: (kind, rows) => !CH || chunksOf(rows).every((k) => loaded[kind].has(k)),
      need: (kind, rows) => (CH ? Promise.all(chunksOf(rows).map((k) => load(kind, k))) : Promise.resolve()),
      allLoaded: () => !CH || (loaded.events.size === CH.events && loaded.figures.size === CH.figures),
      loadAll: () => (CH ? Promise.all([...Array(CH.events).keys()].map((k) => load("events", k))
        .concat([...Array(CH.figures).keys()].map((k) => load("figures", k)))) : Promise.resolve()),
    };
  }

  // --- controls: a filter takes several values (each shown as a button that removes it); dates as the book writes them
  function buildControls(X) {
    const { D } = X, P = D.places, C = D.claimants, S = D.sources, K = D.codes;
    const form = el("form", { cls: "kx-controls", "aria-label": "Filters", role: "search" });
    const used = new Set([...D.events.place, ...D.figures.place]);
    const byName = (a, b) => a[1].localeCompare(b[1]);
    const options = {
      type: K.type, sub: K.sub, verif: K.verif, weapon: K.weapon, target: K.target, measure: K.measure,
      subject: K.subject, side: [...new Set(C.side.filter(Boolean))].sort(),
      phase: D.phases.id.map((id, i) => [id, D.phases.name[i]]),
      place: P.id.map((id, i) => [id, P.name[i], i]).filter((p) => used.has(p[2]) || P.within.includes(p[2])).sort(byName),
      claimant: C.id.map((id, i) => [id, C.name[i]]).sort(byName),
      source: S.id.map((id, i) => [id, `${S.title[i]} (${S.publisher[i]})`]),
    };
    const names = {};
    const fields = {};
    for (const [k, label, ev, fig] of core.FILTERS) {
      const id = `kx-f-${k}`, s = el("select", { id, name: k });
      const all = el("option", { value: "", text: "all" });
      s.append(all);
      names[k] = new Map();
      for (const o of options[k]) {
        const [v, t] = Array.isArray(o) ? o : [o, o];
        names[k].set(v, t);
        s.append(el("option", { value: v, text: t }));
      }
      const chips = el("ul", { cls: "kx-chips", "aria-label": `${label}: chosen` });
      s.addEventListener("change", () => {
        if (!s.value) return;
        X.set(k, [...new Set([...(X.state[k] || []), s.value])]);
      });
      fields[k] = { s, all, chips, label };
      form.append(el("div", { cls: `kx-field${ev ? " kx-ev" : ""}${fig ? " kx-fig" : ""}` }, el("label", { for: id, text: label }), s, chips));
    }
    const dates = {}, example = core.dayLabel(D, D.events.d0.length ? D.events.d0[0] : D.first);
    for (const [k, label] of [["from", "From"], ["to", "To"]]) {
      const i = el("input", { type: "text", id: `kx-f-${k}`, name: k, inputmode: "text", autocomplete: "off",
        placeholder: "day month year", "aria-describedby": "kx-date-hint" });
      const apply = () => {
        const d = core.parseDay(D, i.value);
        if (!i.value.trim()) { if (X.state[k]) X.set(k, ""); }
        else if (d === null) X.notice(`“${i.value}” is not a day the explorer can read: type it as the book writes dates, e.g. ${example}.`);
        else {
          if (X.state[k] !== core.isoOf(D, d)) X.set(k, core.isoOf(D, d));  // a change on leaving the field redraws nothing
          i.value = core.dayLabel(D, d);  // read back as the book writes it
        }
      };
      i.addEventListener("change", apply);
      i.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); apply(); } });
      dates[k] = i;
      form.append(el("div", { cls: "kx-field kx-ev kx-fig kx-date" }, el("label", { for: i.id, text: label }), i));
    }
    form.append(el("p", { id: "kx-date-hint", cls: "kx-hint", text: `Dates as the book writes them, e.g. ${example}.` }));
    const q = el("input", { type: "search", id: "kx-f-q", name: "q", placeholder: "words, names, ids, numbers" });
    let qTimer = null;
    q.addEventListener("input", () => { clearTimeout(qTimer); qTimer = setTimeout(() => X.set("q", q.value), 120); });
    form.append(el("div", { cls: "kx-field kx-text kx-ev kx-fig" }, el("label", { for: q.id, text: "Text" }), q));
    const conflict = el("input", { type: "checkbox", id: "kx-f-conflict", name: "conflict" });
    conflict.addEventListener("change", () => X.set("conflict", conflict.checked ? "1" : ""));
    form.append(el("div", { cls: "kx-field kx-check kx-fig" }, conflict, el("label", { for: conflict.id, text: "only conflicting reports" })));
    const reset = el("button", { type: "button", cls: "kx-button", text: "Clear all filters" });
    reset.addEventListener("click", () => X.replace({ view: X.state.view }));
    form.append(el("div", { cls: "kx-field kx-reset kx-ev kx-fig" }, reset));
    form.addEventListener("submit", (e) => e.preventDefault());

    function sync() {
      const st = X.state;
      for (const [k, f] of Object.entries(fields)) {
        const chosen = st[k] || [];
        f.s.value = "";
        f.all.textContent = chosen.length ? "add another…" : "all";
        f.chips.replaceChildren(...chosen.map((v) => {
          const t = names[k].get(v) || v;
          const b = el("button", { type: "button", cls: "kx-chip", "aria-label": `Remove ${t} from ${f.label}`, text: `${t} ✕` });
          b.addEventListener("click", () => X.set(k, chosen.filter((x) => x !== v)));
          return el("li", {}, b);
        }));
      }
      for (const [k, i] of Object.entries(dates)) if (document.activeElement !== i || !i.value) i.value = st[k] ? core.dayLabel(D, core.dayOf(D, st[k])) : "";
      if (document.activeElement !== q) q.value = st.q || "";
      conflict.checked = !!st.conflict;
    }
    return { form, sync };
  }

  // --- timeline: rows per day; drag across it to choose days ------------------------------------------------
  function buildTimeline(X) {
    const { D } = X;
    const last = D.first + D.days.iso.length - 1, first = D.first;
    let TW = 1000;
    const TH = 130, PAD = 8, BAR_H = 86;
    const tx = (d) => PAD + ((d - first) / (last - first + 1)) * (TW - 2 * PAD);
    const tday = (x) => Math.max(first, Math.min(last, first + Math.floor(((x - PAD) / (TW - 2 * PAD)) * (last - first + 1))));
    const svg = sv("svg", { class: "kx-timeline", role: "img", "aria-labelledby": "kx-tl-title" });
    const title = sv("title", { id: "kx-tl-title" }, "Events per day. Drag across the timeline to choose days, or type the dates in From and To.");
    const bars = sv("g", {}), brush = sv("rect", { class: "kx-brush", y: 0, height: BAR_H, width: 0 });
    const phaseG = sv("g", { class: "kx-phases" }), months = sv("g", { class: "kx-months" });
    svg.append(title, bars, phaseG, months, brush);

    function drawAxis(width) {
      TW = Math.max(320, width || 1000);
      svg.setAttribute("viewBox", `0 0 ${TW} ${TH}`);
      phaseG.replaceChildren();
      D.phases.id.forEach((_, i) => {
        const x0 = tx(D.phases.d0[i]), x1 = tx(D.phases.d1[i] + 1), name = D.phases.name[i];
        const r = sv("rect", { x: x0, y: BAR_H + 4, width: Math.max(0, x1 - x0 - 1), height: 14, class: `kx-phase kx-phase-${i % 2}` });
        r.append(sv("title", {}, `${name}: ${core.when(D, D.phases.d0[i], D.phases.d1[i])}`));
        phaseG.append(r);
        const room = Math.floor((x1 - x0 - 6) / 6.2);  // characters that fit at 11 px
        if (room >= 4) phaseG.append(sv("text", { x: x0 + 3, y: BAR_H + 15, class: "kx-phase-label" }, name.length <= room ? name : name.slice(0, room - 1) + "…"));
      });
      months.replaceChildren();
      const step = TW < 600 ? 2 : 1;
      let m = 0;
      D.days.label.forEach((label, k) => {
        const parts = label.split(" ");
        if (parts[0] !== "1" && k !== 0) return;
        const x = tx(first + k);
        months.append(sv("line", { x1: x, x2: x, y1: BAR_H + 20, y2: TH - 2 }));
        if (m++ % step === 0) months.append(sv("text", { x: x + 2, y: TH - 4 }, parts[1].slice(0, 3)));
      });
    }

    let drag = null;
    const svgX = (e) => { const r = svg.getBoundingClientRect(); return ((e.clientX - r.left) / r.width) * TW; };
    const showBrush = (a, b) => { brush.setAttribute("x", tx(a)); brush.setAttribute("width", Math.max(0, tx(b + 1) - tx(a))); };
    svg.addEventListener("pointerdown", (e) => { drag = svgX(e); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", (e) => {
      if (drag === null) return;
      const a = tday(Math.min(drag, svgX(e))), b = tday(Math.max(drag, svgX(e)));
      showBrush(a, b);  // snaps to whole days as it moves
    });
    svg.addEventListener("pointerup", (e) => {
      if (drag === null) return;
      const x = svgX(e), a = Math.min(x, drag), b = Math.max(x, drag);
      drag = null;
      if (b - a < 3) X.assign({ from: "", to: "" });
      else X.assign({ from: core.isoOf(D, tday(a)), to: core.isoOf(D, tday(b)) });
    });

    function render(rowsBeforeDates, width) {
      drawAxis(width);
      const figs = X.state.view === "figures", counts = new Map();
      for (const i of rowsBeforeDates) {
        const d = figs ? (D.figures.p1[i] ?? D.figures.p0[i]) : D.events.d0[i];
        if (d !== null) counts.set(d, (counts.get(d) || 0) + 1);
      }
      const max = Math.max(1, ...counts.values());
      const from = core.dayOf(D, X.state.from), to = core.dayOf(D, X.state.to);
      const what = figs ? "figures" : "events";
      title.textContent = `${figs ? "Figures" : "Events"} per day. Drag across the timeline to choose days, or type the dates in From and To.`;
      bars.replaceChildren();
      for (const [d, n] of counts) {
        const h = (n / max) * (BAR_H - 14), on = (from === null || d >= from) && (to === null || d <= to);
        const r = sv("rect", { x: tx(d), width: Math.max(1, tx(d + 1) - tx(d) - 0.3), y: BAR_H - h, height: h, class: on ? "kx-bar" : "kx-bar kx-off" });
        r.append(sv("title", {}, `${core.dayLabel(D, d)}: ${n} ${what}`));
        bars.append(r);
      }
      bars.append(sv("text", { x: PAD, y: 10, class: "kx-ylab" }, `${what} per day (highest: ${max})`));
      if (from !== null || to !== null) showBrush(Math.max(first, from ?? first), Math.min(last, to ?? last));
      else brush.setAttribute("width", 0);
    }
    return { svg, render };
  }

  // --- map: the region or the city; places as circles, labelled where labels fit, all named in a line below ---
  function buildMap(X) {
    const { D } = X, P = D.places;
    const svg = document.getElementById("kx-map");
    const dotsG = document.getElementById("kx-dots"), labelsG = document.getElementById("kx-labels");
    const furniture = document.getElementById("kx-furniture");
    let view = "region";
    const buttons = el("div", { cls: "kx-mapviews", role: "group", "aria-label": "Map extent" });
    for (const [v, t] of [["region", "Region"], ["city", "Kharkiv city"]]) {
      const b = el("button", { type: "button", cls: "kx-button", "data-view": v, text: t });
      b.addEventListener("click", () => { view = v; X.update(false); });
      buttons.append(b);
    }
    const note = el("p", { cls: "kx-mapnote" }), named = el("p", { cls: "kx-mapnote kx-placelist" });
    const key = el("p", { cls: "kx-mapnote", text: "A circle's area grows with the number of events or figures at the place; a dashed circle marks a position known only approximately. Shaded: built-up areas. Press a circle to keep that place only." });

    // greedy label placement: a label is drawn beside its point only where its measured box overlaps no other
    // label, no dot and not the edge; every place drawn is also named in the line under the map
    function placeLabels(items, u, vb) {
      const pad = 1.5 * u;
      const boxes = items.map((it) => ({ x0: it.x - it.r, y0: it.y - it.r, x1: it.x + it.r, y1: it.y + it.r }));
      const free = (b) => b.x0 >= vb[0] && b.x1 <= vb[0] + vb[2] && b.y0 >= vb[1] && b.y1 <= vb[1] + vb[3] &&
        boxes.every((o) => o.self || b.x1 + pad < o.x0 || b.x0 - pad > o.x1 || b.y1 + pad < o.y0 || b.y0 - pad > o.y1);
      items.forEach((it, k) => {
        const t = sv("text", { class: `kx-label${it.cls ? " " + it.cls : ""}`, "font-size": 12 * u }, it.text);
        labelsG.append(t);
        const g = it.r + 2 * u;
        boxes[k].self = true;  // its own dot does not block it
        for (const [x, y, anchor] of [[it.x + g, it.y + 4 * u, "start"], [it.x - g, it.y + 4 * u, "end"],
          [it.x, it.y - g - 1 * u, "middle"], [it.x, it.y + g + 10 * u, "middle"]]) {
          t.setAttribute("x", x); t.setAttribute("y", y); t.setAttribute("text-anchor", anchor);
          const r = t.getBBox(), b = { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height };
          if (free(b)) { boxes[k].self = false; boxes.push(b); return; }
        }
        boxes[k].self = false;
        t.remove();
      });
    }

    function render(rows, width) {
      const vb = D.frame[view], u = vb[2] / Math.max(300, width || 600), figs = X.state.view === "figures";
      const T = figs ? D.figures : D.events, what = figs ? "figures" : "events";
      svg.setAttribute("viewBox", vb.join(" "));
      svg.classList.toggle("kx-map-city", view === "city");
      buttons.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", b.dataset.view === view));
      const per = new Map();
      let unplaced = 0;
      for (const i of rows) {
        const p = T.place[i];
        if (p < 0 || P.x[p] === null) { unplaced++; continue; }
        per.set(p, (per.get(p) || 0) + 1);
      }
      const chosen = new Set(X.state.place || []);
      const inView = ([p]) => P.x[p] >= vb[0] && P.x[p] <= vb[0] + vb[2] && P.y[p] >= vb[1] && P.y[p] <= vb[1] + vb[3];
      // beyond MAX_DOTS places the map draws those with the most rows and says how many it leaves out
      const ranked = [...per.entries()].sort((a, b) => b[1] - a[1]), left = ranked.length - MAX_DOTS;
      const drawn = ranked.slice(0, MAX_DOTS);
      dotsG.replaceChildren();
      for (const [p, n] of drawn) {
        const pid = P.id[p], approx = P.precision[p] === "approximate", on = chosen.has(pid);
        const c = sv("circle", { cx: P.x[p], cy: P.y[p], r: (3 + 2.2 * Math.sqrt(n)) * u,
          class: `kx-dot${on ? " kx-chosen" : ""}${approx ? " kx-approx" : ""}`, tabindex: 0, role: "button",
          "aria-label": `${P.name[p]}: ${n}; ${on ? "chosen, press to show every place" : "press to show only this place"}` });
        c.append(sv("title", {}, `${P.name[p]}: ${n}${approx ? " (approximate position)" : ""}`));
        const pick = () => X.set("place", on ? [] : [pid]);
        c.addEventListener("click", pick);
        onKey(c, pick);
        dotsG.append(c);
      }
      labelsG.replaceChildren();
      const items = [];
      if (view === "region") {
        for (const i of D.labelled) items.push({ x: P.x[i], y: P.y[i], r: 1.6 * u, text: P.name[i], town: true });
      } else {
        P.id.forEach((_, i) => {
          if (P.kind[i] === "district" && P.within[i] === D.city && P.x[i] !== null) items.push({ x: P.x[i], y: P.y[i], r: 1.6 * u, text: P.name[i].replace(/ district$/i, ""), cls: "kx-district", town: true });
        });
        for (const [p, n] of drawn.filter(inView)) items.push({ x: P.x[p], y: P.y[p], r: (3 + 2.2 * Math.sqrt(n)) * u, text: `${P.name[p]} ${n}` });
      }
      for (const it of items) if (it.town) labelsG.append(sv("circle", { cx: it.x, cy: it.y, r: 1.6 * u, class: "kx-town" }));
      placeLabels(items, u, vb);
      furniture.replaceChildren();
      const km = view === "region" ? 50 : 5, x0 = vb[0] + vb[2] - km - 14 * u, y0 = vb[1] + vb[3] - 14 * u;
      const nx = vb[0] + 20 * u, ny = vb[1] + 40 * u;
      furniture.append(sv("rect", { x: x0, y: y0 - 3 * u, width: km, height: 3 * u, class: "kx-scale" }),
        sv("text", { x: x0, y: y0 - 6 * u, "font-size": 11 * u, class: "kx-label" }, `${km} km`),
        sv("path", { d: `M${nx},${ny - 22 * u}L${nx + 6 * u},${ny - 6 * u}L${nx},${ny - 10 * u}L${nx - 6 * u},${ny - 6 * u}Z`, class: "kx-north" }),
        sv("text", { x: nx, y: ny + 6 * u, "font-size": 12 * u, "text-anchor": "middle", class: "kx-label" }, "N"));
      const parts = [];
      const n = per.get(D.city) || 0;
      if (view === "city" && n) {
        parts.push(`${num(n)} ${n === 1 ? what.slice(0, -1) : what} of those shown ${n === 1 ? "is" : "are"} known only as “${P.name[D.city]}”, not by district or landmark: ${n === 1 ? "it is" : "they are"} drawn as one mark on the city centre.`);
      }
      if (left > 0) parts.push(`The map draws the ${num(MAX_DOTS)} places with the most ${what}; ${num(left)} more places are not drawn (they are in the list).`);
      if (unplaced) parts.push(`${num(unplaced)} of the ${num(rows.length)} ${what} shown have no place that can be mapped (a landmark without coordinates, or only the region).`);
      note.textContent = parts.join(" ");
      const listed = view === "city" ? drawn.filter(inView) : [];
      named.textContent = listed.length ? `On this map: ${listed.slice(0, 40).map(([p, n]) => `${P.name[p]} ${num(n)}`).join(" · ")}${listed.length > 40 ? ` · and ${num(listed.length - 40)} more` : ""}.` : "";
    }
    return { box: document.querySelector("#kx-app .kx-mapbox"), buttons, key, note, named, render };
  }

  // --- cards ---------------------------------------------------------------------------------------------
  function citeBox(X, id, what) {
    const c = core.citation(X.D, id, what);
    const box = el("details", { cls: "kx-cite" }, el("summary", { text: "Cite this" }));
    for (const [label, text] of [["Short", c.short], ["Full", c.full]]) {
      const out = el("span", { cls: "kx-cite-text", text });
      const copy = el("button", { type: "button", cls: "kx-button", text: `Copy the ${label.toLowerCase()} citation` });
      copy.addEventListener("click", () => {
        const done = () => { copy.textContent = "Copied"; };
        const select = () => { const r = document.createRange(); r.selectNodeContents(out); getSelection().removeAllRanges(); getSelection().addRange(r); copy.textContent = "Selected: copy it with Ctrl+C"; };
        if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, select); else select();
      });
      box.append(el("p", {}, el("strong", { text: `${label}: ` }), out, " ", copy));
    }
    return box;
  }

  /** "Title (publisher), citing CNN, 2 March 2022" as nodes: each citation a link to its bibliography entry
   *  where it has one (payload citing: pieces from Python), as text and href, never as markup. */
  function sourceNodes(D, s, outlet) {
    const out = [`${D.sources.title[s]} (${D.sources.publisher[s]})`];
    if (!outlet) return out;
    out.push(", citing ");
    for (const [text, href] of D.citing[outlet] || [[outlet, ""]]) out.push(href ? link(href, text, "kharkiv-cite-ref") : text);
    return out;
  }
  function figureTable(X, rows) {
    const { D } = X, F = D.figures, C = D.claimants, code = X.code;
    const t = el("table", { cls: "kx-figtable" });
    t.append(el("thead", {}, el("tr", {}, ...["Figure", "Counted", "Reported by", "Verification", "Evidence"].map((h) => el("th", { scope: "col", text: h })))));
    const tb = el("tbody");
    for (const j of rows) {
      const side = core.sideOf(D, F.claimant[j]);
      tb.append(el("tr", { id: F.id[j], cls: X.state.focus === F.id[j] ? "kx-focus" : null, tabindex: "-1" },
        el("td", {}, el("strong", { text: F.text[j] }), el("br"), link(`#${F.id[j]}`, F.id[j], "kx-id")),
        el("td", { text: `${code("measure", F.measure[j])}, ${code("subject", F.subject[j])}${F.unit_name[j] ? ` (${F.unit_name[j]})` : ""}` }),
        el("td", { text: `${F.claimant[j] >= 0 ? C.who[F.claimant[j]] : ""}${side ? ` (${side})` : ""}` }),
        el("td", { text: code("verif", F.verif[j]) }),
        // one child: a phone's card layout (kharkiv-cards.js) puts each child of a cell in a grid cell of its own
        el("td", {}, el("div", {}, el("q", { text: F.evidence[j] }), el("span", { cls: "kx-src" }, " ", ...sourceNodes(D, F.source[j], F.outlet[j]))))));
    }
    t.append(tb);
    return el("div", { cls: "kx-tablewrap" }, t);
  }

  const DPREC = { day: "dated to the day", range: "dated to a range of days", month: "dated to the month" };
  const LPREC = { 1: "the place itself", 2: "near it or part of it", 3: "only the wider region is known" };
  function eventCard(X, i) {
    const { D } = X, E = D.events, P = D.places, code = X.code;
    const id = E.id[i], place = E.place[i] >= 0 ? P.name[E.place[i]] : "place not stated", date = core.when(D, E.d0[i], E.d1[i]);
    const side = core.sideOf(D, E.claimant[i]), dp = code("dprec", E.dprec[i]);
    const card = el("article", { id, cls: `kx-card${X.state.focus === id ? " kx-focus" : ""}`, tabindex: "-1", "aria-labelledby": `${id}-h` });
    card.append(el("h3", { id: `${id}-h` }, el("span", { cls: "kx-date", text: date }), " · ", el("span", { text: place })));
    card.append(el("p", { cls: "kx-meta", text: [`${DPREC[dp] || dp}${E.dinf[i] ? ", inferred" : ""}${E.dnote[i] ? ` (${E.dnote[i]})` : ""}`,
      `placed: ${LPREC[E.lprec[i]] || ""}`, `${code("type", E.type[i])}: ${code("sub", E.sub[i])}`,
      E.phase[i] >= 0 ? D.phases.name[E.phase[i]] : "", code("weapon", E.weapon[i]),
      code("target", E.target[i]) ? `target: ${code("target", E.target[i])}` : ""].filter(Boolean).join(" · ") }));
    card.append(el("p", { cls: "kx-summary", text: E.summary[i] }));
    card.append(el("p", { cls: "kx-who" }, side || E.claimant[i] < 0 ? "Reported by " : "Reported: ",
      el("strong", { text: E.claimant[i] >= 0 ? D.claimants.who[E.claimant[i]] : "" }), side ? ` (${side} side)` : "", " · ",
      el("span", { cls: `kx-verif kx-v-${code("verif", E.verif[i])}`, text: code("verif", E.verif[i]) })));
    if (E.actors[i]) card.append(el("p", { cls: "kx-meta", text: `Actors: ${E.actors[i]}` }));
    const ul = el("ul", { cls: "kx-cites" });
    for (const [s, ev, outlet, weak] of E.cites[i] || []) {
      ul.append(el("li", {}, el("blockquote", {}, el("p", { text: ev })),
        el("p", { cls: "kx-src" }, ...sourceNodes(D, s, outlet), weak >= 0 ? `; marked “${code("weak", weak)}” in the source` : null)));
    }
    card.append(el("h4", { text: (E.cites[i] || []).length > 1 ? `${E.cites[i].length} sources` : "Source" }), ul);
    const figs = X.figsOf.get(id);
    if (figs) card.append(el("h4", { text: figs.length > 1 ? `${figs.length} figures reported` : "Figure reported" }), figureTable(X, figs));
    if (E.notes[i]) card.append(el("p", { cls: "kx-notes", text: `Coding note: ${E.notes[i]}` }));
    const foot = el("p", { cls: "kx-links" }, link(`#${id}`, `Link to this event (${id})`));
    if (D.chronology) foot.append(" · ", link(`${D.chronology}#${id}`, "in the chronology"));
    card.append(foot, citeBox(X, id, `${date}, ${place}`));
    return card;
  }

  function figureGroup(X, g) {
    const { D } = X, F = D.figures, code = X.code, i = g.rows[0], ev = F.event[i];
    const box = el("section", { cls: `kx-card kx-group${g.conflict ? " kx-conflict" : ""}`, tabindex: "-1" });
    const date = core.when(D, F.p0[i] ?? F.p1[i], F.p1[i]), place = F.place[i] >= 0 ? D.places.name[F.place[i]] : "";
    const what = `${code("measure", F.measure[i])}, ${code("subject", F.subject[i])}`;
    box.append(el("h3", {}, el("span", { cls: "kx-date", text: date }), place ? ` · ${place}` : "", ` · ${what}`));
    if (g.conflict) box.append(el("p", { cls: "kx-flag", text: `${g.rows.length} reports that differ, side by side` }));
    if (ev && X.eIndex.has(ev)) box.append(el("p", { cls: "kx-meta" }, "Event: ", link(`#${ev}`, ev, "kx-id"), ` ${D.events.summary[X.eIndex.get(ev)]}`));
    box.append(figureTable(X, g.rows));
    for (const j of g.rows) box.append(citeBox(X, F.id[j], `${F.text[j]} ${what}; ${date}${place ? `, ${place}` : ""}`));
    return box;
  }

  // --- the list: cards (or figure groups) of the rows, then the longer periods that overlap the chosen days ---
  function buildList(X) {
    const list = el("div", { id: "kx-list", cls: "kx-list", role: "tabpanel", tabindex: "-1", "aria-labelledby": "kx-tab-events" });
    const more = el("button", { type: "button", cls: "kx-button kx-more", text: "Show more" });
    let shown = PAGE, token = 0;
    more.addEventListener("click", () => { shown += PAGE; render(false); });
    const figs = () => X.state.view === "figures";
    // the rows drawn now: a page of the matches, then (if asked for) the overlapping periods
    function sections() {
      const m = X.match, out = [];
      let room = shown;
      for (const [rows, head] of [[m.rows, null], [X.state.overlap ? m.overlap : [], `Longer periods that overlap these days (${num(m.overlap.length)})`]]) {
        if (!rows.length) continue;
        const items = figs() ? core.groupFigures(X.D, rows) : rows;
        out.push({ head, items: items.slice(0, Math.max(0, room)), all: items.length });
        room -= items.length;
      }
      return out;
    }
    function render(scroll) {
      const me = ++token, parts = sections();
      const ev = [], fi = [];
      for (const p of parts) for (const it of p.items) {
        if (figs()) { fi.push(...it.rows); for (const j of it.rows) if (X.eIndex.has(X.D.figures.event[j])) ev.push(X.eIndex.get(X.D.figures.event[j])); }
        else { ev.push(it); fi.push(...(X.figsOf.get(X.D.events.id[it]) || [])); }
      }
      if (!X.texts.ready("events", ev) || !X.texts.ready("figures", fi)) {
        list.replaceChildren(el("p", { cls: "kx-empty", text: "Loading the texts…" }));
        Promise.all([X.texts.need("events", ev), X.texts.need("figures", fi)]).then(() => { if (me === token) render(scroll); },
          (e) => list.replaceChildren(el("p", { cls: "kx-empty", text: String(e.message) })));
        return;
      }
      list.replaceChildren();
      let total = 0, drawn = 0;
      for (const p of parts) {
        if (p.head) list.append(el("h3", { cls: "kx-overlap-head", text: p.head }));
        for (const it of p.items) list.append(figs() ? figureGroup(X, it) : eventCard(X, it));
        total += p.all; drawn += p.items.length;
      }
      more.hidden = drawn >= total;
      if (!total) list.append(el("p", { cls: "kx-empty", text: "Nothing matches these filters." }));
      if (scroll && X.state.focus) {
        const target = document.getElementById(X.state.focus);
        if (target) { target.scrollIntoView({ block: "start" }); target.focus({ preventScroll: true }); }
      }
    }
    return { list, more, render, reset: () => { shown = PAGE; } };
  }

  // --- downloads: the rows shown, as CSV, beside the full downloads ------------------------------------------
  function buildDownloads(X) {
    const button = el("button", { type: "button", cls: "kx-button", id: "kx-download" });
    const box = el("p", { cls: "kx-downloads" }, button, " · ", link(X.D.downloads, "the full dataset (Downloads)"));
    button.addEventListener("click", async () => {
      await X.texts.loadAll();  // the summaries and excerpts, at scale in text files
      const figs = X.state.view === "figures", rows = X.shownRows();
      const text = core.toCSV(figs ? core.figureRecords(X.D, rows) : core.eventRecords(X.D, rows));
      const a = el("a", { href: URL.createObjectURL(new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" })),
        download: `kharkiv-${figs ? "figures" : "events"}-filtered.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    });
    const sync = () => {
      const n = X.shownRows().length, what = X.state.view === "figures" ? "figures" : "events";
      button.textContent = `Download the ${num(n)} ${n === 1 ? what.slice(0, -1) : what} shown (CSV)`;
      button.disabled = !n;
    };
    return { box, sync };
  }

  // --- the start: state, matching, and every part drawn from them ------------------------------------------
  function start() {
    const t0 = performance.now();
    const root = document.getElementById("kx-explorer"), dataEl = document.getElementById("kx-data");
    if (!root || !dataEl) return;
    const D = JSON.parse(dataEl.textContent);
    const X = { D, state: { view: "events" }, match: { rows: [], overlap: [], undated: [] } };
    let hayE = null, hayF = null;
    X.texts = textStore(D, () => { hayE = hayF = null; });
    X.code = (k, i) => (i === null || i < 0 ? "" : D.codes[k][i]);
    X.eIndex = new Map(D.events.id.map((id, i) => [id, i]));
    X.figsOf = new Map();
    D.figures.event.forEach((ev, i) => { if (ev) (X.figsOf.get(ev) || X.figsOf.set(ev, []).get(ev)).push(i); });
    const inside = core.placesWithin(D.places), fPhase = core.figurePhases(D);
    X.shownRows = () => X.match.rows.concat(X.state.overlap ? X.match.overlap : []);

    const notice = el("p", { cls: "kx-notice", role: "status", hidden: true });
    X.notice = (text) => { notice.textContent = text || ""; notice.hidden = !text; };
    const controls = buildControls(X), timeline = buildTimeline(X), map = buildMap(X), list = buildList(X), dl = buildDownloads(X);
    X.set = (k, v) => X.assign({ [k]: v });
    X.assign = (changes) => {
      X.state = { ...X.state, ...changes };
      if (!("view" in changes)) delete X.state.focus;
      X.notice("");
      list.reset();
      X.update(false);
    };
    X.replace = (s) => { X.state = { view: "events", ...s }; list.reset(); X.update(false); };

    const tabs = el("div", { cls: "kx-tabs", role: "tablist", "aria-label": "What to list" });
    const tabE = el("button", { type: "button", role: "tab", id: "kx-tab-events", "aria-controls": "kx-list" });
    const tabF = el("button", { type: "button", role: "tab", id: "kx-tab-figures", "aria-controls": "kx-list" });
    tabE.addEventListener("click", () => X.set("view", "events"));
    tabF.addEventListener("click", () => X.set("view", "figures"));
    tabs.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") { (X.state.view === "figures" ? tabE : tabF).click(); (X.state.view === "figures" ? tabF : tabE).focus(); }
    });
    tabs.append(tabE, tabF);
    const status = el("p", { cls: "kx-status", id: "kx-status", "aria-live": "polite" });
    // their buttons stay the same elements across redraws, so a click that starts as a field's change redraws lands
    const overlapText = el("span"), overlapButton = el("button", { type: "button", cls: "kx-button" });
    overlapButton.addEventListener("click", () => X.set("overlap", X.state.overlap ? "" : "1"));
    const overlapBar = el("p", { cls: "kx-idsbar kx-overlapbar", hidden: true }, overlapText, overlapButton);
    const idsText = el("span"), everything = el("button", { type: "button", cls: "kx-button", text: "Show everything" });
    everything.addEventListener("click", () => { const s = { ...X.state }; delete s.ids; delete s.focus; X.replace(s); });
    const idsBar = el("p", { cls: "kx-idsbar", hidden: true }, idsText, everything);

    X.update = (scroll) => {
      const widths = { map: document.getElementById("kx-map").clientWidth, timeline: timeline.svg.parentNode ? timeline.svg.parentNode.clientWidth : 0 };
      const figs = X.state.view === "figures", st = X.state;
      root.classList.toggle("kx-view-figures", figs);
      const waiting = st.q && !X.texts.allLoaded();
      // a text search reads every summary and excerpt: fetch them all once, then answer again
      if (waiting) X.texts.loadAll().then(() => X.update(scroll));
      const c = core.criteria(D, st, inside);
      if (c.q.length && !hayE) { hayE = D.events.id.map((id, i) => core.eventText(D, i, X.figsOf.get(id))); hayF = D.figures.id.map((_, i) => core.figureText(D, i)); }
      const mE = core.matchEvents(D, c, hayE), mF = core.matchFigures(D, c, hayF, fPhase);
      X.match = figs ? mF : mE;
      const nE = D.events.id.length, nF = D.figures.id.length, what = figs ? "figures" : "events";
      tabE.textContent = `Events (${num(mE.rows.length)} of ${num(nE)})`;
      tabF.textContent = `Figures (${num(mF.rows.length)} of ${num(nF)})`;
      tabE.setAttribute("aria-selected", !figs); tabF.setAttribute("aria-selected", figs);
      tabE.tabIndex = figs ? -1 : 0; tabF.tabIndex = figs ? 0 : -1;
      list.list.setAttribute("aria-labelledby", figs ? "kx-tab-figures" : "kx-tab-events");
      const dates = c.from !== null || c.to !== null;
      status.textContent = `${num(X.match.rows.length)} of ${num(figs ? nF : nE)} ${what} shown${dates ? `, ${figs ? "their periods" : "their dates"} within ${core.when(D, c.from ?? D.first, c.to ?? D.first + D.days.iso.length - 1)}` : ""}`;
      if (waiting) status.textContent += " so far: loading the texts to search…";
      status.dataset.count = X.match.rows.length;
      const nO = X.match.overlap.length;
      overlapBar.hidden = !nO;
      overlapText.textContent = `${num(nO)} longer ${nO === 1 ? "period" : "periods"} ${nO === 1 ? "overlaps" : "overlap"} these days without lying within them${st.overlap ? ", listed after them" : ""}. `;
      overlapButton.textContent = st.overlap ? "Hide them" : "List them after";
      idsBar.hidden = !st.ids;
      if (st.ids) idsText.textContent = `Showing the ${st.ids.length === 1 ? "row" : `${num(st.ids.length)} rows`} linked to (${st.ids.join(", ")}). `;
      controls.sync();
      timeline.render(X.match.undated, widths.timeline);
      map.render(X.shownRows(), widths.map);
      list.render(scroll);
      dl.sync();
      const h = core.writeHash(st);
      if (h !== location.hash && !(h === "" && !location.hash)) history.replaceState(null, "", h || location.pathname + location.search);
      window.kxExplorer.count = { events: mE.rows.length, figures: mF.rows.length, shown: X.match.rows.length };
      window.kxExplorer.overlap = { events: mE.overlap.length, figures: mF.overlap.length };
    };

    window.kxExplorer = { count: {}, state: () => ({ ...X.state }), set: (s) => X.replace(s) };
    const app = document.getElementById("kx-app");
    const top = el("div", { cls: "kx-top" },
      el("div", { cls: "kx-mapcol" }, map.box, map.buttons, map.key, map.note, map.named),
      el("div", { cls: "kx-side" }, el("details", { cls: "kx-filters", open: window.innerWidth > 800 },
        el("summary", { text: "Filters" }), controls.form)));
    app.replaceChildren(notice, top, el("div", { cls: "kx-tlbox" }, timeline.svg), tabs, status, overlapBar, idsBar, dl.box, list.list, list.more);
    document.getElementById("kx-nojs").remove();  // its ids now belong to the cards the script draws
    app.hidden = false;
    const isEvent = (x) => X.eIndex.has(x);
    const fromHash = () => {
      const { state, notices } = core.parseHash(location.hash, isEvent);
      X.state = { view: "events", ...state };
      list.reset();
      X.update(true);
      X.notice(notices.join(" "));
    };
    fromHash();
    window.addEventListener("hashchange", () => {
      if (core.writeHash(core.parseHash(location.hash, isEvent).state) === core.writeHash(X.state)) return;
      fromHash();
    });
    let rz = null;
    window.addEventListener("resize", () => { clearTimeout(rz); rz = setTimeout(() => X.update(false), 150); });
    window.kxExplorer.readyAt = performance.now();
    window.kxExplorer.startMs = window.kxExplorer.readyAt - t0;
    root.dataset.ready = "1";
  }

  // The theme loads scripts in <head>: start once the page (and its data) is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* The explorer (notebooks/explorer.html): filters, a timeline that brushes, a map of places, event cards and
 * the figures view, all from the JSON in <script id="kx-data">. The project's own code, no library.
 * Every text from the data goes in with textContent, never as markup. The filter state lives in the URL hash:
 * #e0028 opens an event, #n0017 a figure, #ids=e0028,n0017 a set, #type=Battles&from=2022-03-01 a view. */
function kxExplorerStart() {
  "use strict";
  const t0 = performance.now();
  const root = document.getElementById("kx-explorer");
  const dataEl = document.getElementById("kx-data");
  if (!root || !dataEl) return;
  const D = JSON.parse(dataEl.textContent);
  const E = D.events, F = D.figures, K = D.codes, P = D.places, C = D.claimants, S = D.sources;
  const nE = E.id.length, nF = F.id.length;
  // --- texts: inline, or (large data) in chunk files loaded when a card or a text search needs them ---------
  const CH = D.chunks || null;
  const loaded = { events: new Set(), figures: new Set() }, pending = new Map();
  if (CH) for (const [kind, cols] of Object.entries(CH.columns)) {
    const T = kind === "events" ? E : F;
    for (const c of cols) T[c] = new Array(T.id.length).fill(null);
  }
  window.kxTextChunk = (kind, k, cols) => {
    const T = kind === "events" ? E : F, at = k * CH.size;
    for (const [c, vals] of Object.entries(cols)) vals.forEach((v, j) => { T[c][at + j] = v; });
    loaded[kind].add(k);
    haystackE = haystackF = null;
  };
  const loadChunk = (kind, k) => {
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
  const need = (kind, rows) => Promise.all([...new Set(rows.map((i) => Math.floor(i / (CH ? CH.size : 1))))].map((k) => loadChunk(kind, k)));
  const allLoaded = () => !CH || (loaded.events.size === CH.events && loaded.figures.size === CH.figures);
  const loadAll = () => Promise.all([...Array(CH.events).keys()].map((k) => loadChunk("events", k))
    .concat([...Array(CH.figures).keys()].map((k) => loadChunk("figures", k))));
  let haystackE = null, haystackF = null;
  const BASE = Date.parse(D.base + "T00:00:00Z");
  const MAX_DOTS = 400;
  const DAY = 86400000, PAGE = 20, SVGNS = "http://www.w3.org/2000/svg";
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  // Filters in the order they appear in the URL; `ev`/`fig` say which view each applies to.
  const FILTERS = [
    ["type", "Event type", true, false], ["sub", "Sub-type", true, false], ["phase", "Phase", true, true],
    ["place", "Place", true, true], ["claimant", "Reported by", true, true], ["side", "Side", true, true],
    ["verif", "Verification", true, true], ["weapon", "Weapon", true, false], ["target", "Target", true, false],
    ["source", "Source document", true, true], ["measure", "Measure", false, true],
    ["subject", "Who or what was counted", false, true],
  ];
  const KEYS = ["view"].concat(FILTERS.map((f) => f[0]), ["from", "to", "q", "conflict", "ids"]);

  // --- helpers ------------------------------------------------------------------------------------------
  const el = (tag, attrs, ...kids) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") n.textContent = v;
      else if (k === "cls") n.className = v;
      else n.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) n.append(k);
    return n;
  };
  const sv = (tag, attrs) => {
    const n = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    return n;
  };
  const iso = (d) => new Date(BASE + d * DAY).toISOString().slice(0, 10);
  const dayOf = (s) => (s ? Math.round((Date.parse(s + "T00:00:00Z") - BASE) / DAY) : null);
  const human = (d) => {
    if (d === null || d === undefined) return "";
    const t = new Date(BASE + d * DAY);
    return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
  };
  const span = (a, b) => (a === b || b === null ? human(a) : `${human(a)} to ${human(b)}`);
  const code = (k, i) => (i === null || i < 0 ? "" : K[k][i]);
  const UNNAMED = "not attributed: the source names no one";
  const who = (i) => (i < 0 ? "" : C[i][3] === "unattributed" ? UNNAMED : [C[i][1], C[i][2]].filter(Boolean).join(", "));
  const side = (i) => (i < 0 || C[i][3] === "unattributed" ? "" : C[i][3]);
  const NF = new Intl.NumberFormat("en-GB");  // one formatter: toLocaleString builds one per call (slow at 100x)
  const num = (v) => NF.format(v);
  // the unit of a figure of one, as kharkiv.explorer.one gives it: "1 person", "1 tank"
  const ONE = { people: "person", miles: "mile" };
  const one = (u) => ONE[u] || (u.endsWith("s") ? u.slice(0, -1) : u);
  const fvalue = (i) => {
    const v = F.value[i], h = F.high[i], q = code("qual", F.qual[i]), u = code("unit", F.unit[i]);
    if (v === null) return q;
    const n = h === null ? num(v) : `${num(v)} to ${num(h)}`;
    return `${q === "exact" || q === "range" ? "" : q + " "}${n} ${v === 1 && h === null ? one(u) : u}`.trim();
  };
  const idNum = (s) => { const m = /^(\D*)(\d+)/.exec(s); return m ? [m[1], +m[2]] : [s, 0]; };
  const byId = (a, b) => { const x = idNum(a), y = idNum(b); return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]; };
  const eIndex = new Map(E.id.map((id, i) => [id, i]));
  const fIndex = new Map(F.id.map((id, i) => [id, i]));
  const figsOf = new Map();
  F.event.forEach((ev, i) => { if (ev) (figsOf.get(ev) || figsOf.set(ev, []).get(ev)).push(i); });
  // places inside a place (districts and landmarks of the city) count for it
  const inside = P.map((p, i) => new Set([i]));
  const pIndex = new Map(P.map((p, i) => [p[0], i]));
  P.forEach((q, j) => { if (pIndex.has(q[3])) inside[pIndex.get(q[3])].add(j); });
  const phaseOf = (d) => D.phases.findIndex((p) => d !== null && d >= p[2] && d <= p[3]);
  const fPhase = F.p1.map((d, i) => phaseOf(d === null ? F.p0[i] : d));

  // --- state <-> URL ------------------------------------------------------------------------------------
  let state = {};
  const readHash = () => {
    const h = decodeURIComponent(location.hash.slice(1));
    const s = {};
    if (!h) return s;
    if (!h.includes("=")) { s.ids = [h]; s.focus = h; s.view = h[0] === "n" ? "figures" : "events"; return s; }
    const p = new URLSearchParams(location.hash.slice(1));
    for (const k of KEYS) if (p.get(k)) s[k] = p.get(k);
    if (s.ids) s.ids = s.ids.split(",").filter(Boolean);
    if (s.ids && !s.view) s.view = s.ids.some((x) => eIndex.has(x)) ? "events" : "figures";
    if (s.ids && s.ids.length === 1) s.focus = s.ids[0];
    return s;
  };
  const writeHash = () => {
    const p = [];
    const only = state.ids && state.ids.length === 1 && Object.keys(state).every((k) => ["ids", "focus", "view"].includes(k));
    if (only && state.view === (state.ids[0][0] === "n" ? "figures" : "events")) {
      if (location.hash !== `#${state.ids[0]}`) history.replaceState(null, "", `#${state.ids[0]}`);
      return;
    }
    for (const k of KEYS) {
      const v = k === "ids" ? (state.ids || []).join(",") : state[k];
      if (v && !(k === "view" && v === "events" && !state.ids)) p.push(`${k}=${encodeURIComponent(v).replace(/%2C/g, ",")}`);
    }
    const h = p.length ? "#" + p.join("&") : "";
    if (h !== location.hash) history.replaceState(null, "", h || location.pathname + location.search);
  };

  // --- filtering ----------------------------------------------------------------------------------------
  const hayE = () => haystackE || (haystackE = E.id.map((id, i) => [id, E.summary[i], E.notes[i], E.actors[i],
    E.place[i] >= 0 ? P[E.place[i]][1] : "", who(E.claimant[i]), ...(E.cites[i] || []).map((c) => `${c[1]} ${c[2]} ${S[c[0]][1]}`),
    ...(figsOf.get(id) || []).map((j) => `${F.id[j]} ${F.value[j] ?? ""} ${F.high[j] ?? ""} ${who(F.claimant[j])}`)]
    .join(" ").toLowerCase()));
  const hayF = () => haystackF || (haystackF = F.id.map((id, i) => [id, F.event[i], F.value[i] ?? "", F.high[i] ?? "",
    fvalue(i), F.evidence[i], F.outlet[i], F.notes[i], F.unit_name[i], who(F.claimant[i]),
    F.place[i] >= 0 ? P[F.place[i]][1] : ""].join(" ").toLowerCase()));
  const want = (k) => (state[k] === undefined || state[k] === "" ? null : state[k]);
  const indexOf = (list, v) => list.indexOf(v);

  function criteria() {
    const c = {};
    for (const [k] of FILTERS) c[k] = want(k);
    const codeIx = (k, v) => (v === null ? null : indexOf(K[k], v));
    return {
      type: codeIx("type", c.type), sub: codeIx("sub", c.sub), verif: codeIx("verif", c.verif),
      weapon: codeIx("weapon", c.weapon), target: codeIx("target", c.target),
      measure: codeIx("measure", c.measure), subject: codeIx("subject", c.subject),
      phase: c.phase === null ? null : D.phases.findIndex((p) => p[0] === c.phase),
      place: c.place === null ? null : inside[P.findIndex((p) => p[0] === c.place)] || new Set(),
      claimant: c.claimant === null ? null : C.findIndex((x) => x[0] === c.claimant),
      side: c.side, source: c.source === null ? null : S.findIndex((x) => x[0] === c.source),
      from: dayOf(want("from")), to: dayOf(want("to")),
      q: (want("q") || "").toLowerCase().trim().split(/\s+/).filter(Boolean),
      ids: state.ids ? new Set(state.ids) : null, conflict: !!want("conflict"),
    };
  }

  // One pass gives the rows that match (all) and those that match every filter but the dates (for the timeline).
  function matchEvents() {
    const c = criteria(), all = [], undated = [];
    const hay = c.q.length ? hayE() : null;
    for (let i = 0; i < nE; i++) {
      if (c.ids && !c.ids.has(E.id[i])) continue;
      if (c.type !== null && E.type[i] !== c.type) continue;
      if (c.sub !== null && E.sub[i] !== c.sub) continue;
      if (c.verif !== null && E.verif[i] !== c.verif) continue;
      if (c.weapon !== null && E.weapon[i] !== c.weapon) continue;
      if (c.target !== null && E.target[i] !== c.target) continue;
      if (c.phase !== null && E.phase[i] !== c.phase) continue;
      if (c.place !== null && !c.place.has(E.place[i])) continue;
      if (c.claimant !== null && E.claimant[i] !== c.claimant) continue;
      if (c.side !== null && side(E.claimant[i]) !== c.side) continue;
      if (c.source !== null && !E.csrc[i].includes(c.source)) continue;
      if (hay && !c.q.every((w) => hay[i].includes(w))) continue;
      undated.push(i);
      // an event is in a date range when its dates overlap it
      if (c.from !== null && E.d1[i] < c.from) continue;
      if (c.to !== null && E.d0[i] > c.to) continue;
      all.push(i);
    }
    return { all, undated };
  }

  function matchFigures() {
    const c = criteria(), all = [], undated = [];
    const hay = c.q.length ? hayF() : null;
    for (let i = 0; i < nF; i++) {
      if (c.ids && !c.ids.has(F.id[i])) continue;
      if (c.measure !== null && F.measure[i] !== c.measure) continue;
      if (c.subject !== null && F.subject[i] !== c.subject) continue;
      if (c.verif !== null && F.verif[i] !== c.verif) continue;
      if (c.phase !== null && fPhase[i] !== c.phase) continue;
      if (c.place !== null && !c.place.has(F.place[i])) continue;
      if (c.claimant !== null && F.claimant[i] !== c.claimant) continue;
      if (c.side !== null && side(F.claimant[i]) !== c.side) continue;
      if (c.source !== null && F.source[i] !== c.source) continue;
      if (hay && !c.q.every((w) => hay[i].includes(w))) continue;
      undated.push(i);
      const a = F.p0[i] ?? F.p1[i], b = F.p1[i] ?? F.p0[i];
      if (c.from !== null && (b === null || b < c.from)) continue;
      if (c.to !== null && (a === null || a > c.to)) continue;
      all.push(i);
    }
    if (!c.conflict) return { all, undated };
    const keep = (rows) => groupFigures(rows).filter((g) => g.conflict).flatMap((g) => g.rows);
    return { all: keep(all), undated: keep(undated) };
  }

  // Reports of one attack (the same event) or of one day and place, on the same measure and subject.
  let groupCache = [null, null];
  function groupFigures(rows) {
    if (groupCache[0] === rows) return groupCache[1];
    const map = new Map();
    for (const i of rows) {
      const where = F.event[i] || `${F.p0[i]}|${F.p1[i]}|${F.place[i]}`;
      const key = `${where}|${F.measure[i]}|${F.subject[i]}`;
      (map.get(key) || map.set(key, []).get(key)).push(i);
    }
    const said = (i) => `${F.value[i]}|${F.high[i]}|${F.qual[i]}|${F.unit[i]}`;
    const groups = [...map.values()].map((g) => ({
      rows: g, conflict: g.length > 1 && (new Set(g.map((i) => F.claimant[i])).size > 1 || new Set(g.map(said)).size > 1),
    }));
    groupCache = [rows, groups];
    return groups;
  }

  // --- the page ---------------------------------------------------------------------------------------
  const app = document.getElementById("kx-app");
  const nojs = document.getElementById("kx-nojs");
  const controls = el("form", { cls: "kx-controls", "aria-label": "Filters", role: "search" });
  const selects = {};
  const usedPlaces = new Set([...E.place, ...F.place]);
  const options = {
    type: K.type, sub: K.sub, verif: K.verif, weapon: K.weapon, target: K.target, measure: K.measure,
    subject: K.subject, side: [...new Set(C.map((c) => c[3]).filter(Boolean))].sort(),
    phase: D.phases.map((p) => [p[0], p[1]]),
    place: P.map((p, i) => [p[0], p[1], i]).filter((p) => usedPlaces.has(p[2]))
      .sort((a, b) => a[1].localeCompare(b[1])).map((p) => [p[0], p[1]]),
    claimant: C.map((c) => [c[0], c[1]]).sort((a, b) => a[1].localeCompare(b[1])),
    source: S.map((s) => [s[0], `${s[1]} (${s[2]})`]),
  };
  for (const [k, label, ev, fig] of FILTERS) {
    const id = `kx-f-${k}`;
    const s = el("select", { id, name: k });
    s.append(el("option", { value: "", text: "all" }));
    for (const o of options[k]) {
      const [v, t] = Array.isArray(o) ? o : [o, o];
      s.append(el("option", { value: v, text: t }));
    }
    s.addEventListener("change", () => set(k, s.value));
    selects[k] = s;
    controls.append(el("div", { cls: `kx-field${ev ? " kx-ev" : ""}${fig ? " kx-fig" : ""}` },
      el("label", { for: id, text: label }), s));
  }
  const dateInput = (k, label) => {
    const i = el("input", { type: "date", id: `kx-f-${k}`, name: k, min: iso(0), max: iso(Math.max(...E.d1, ...F.p1.filter((x) => x !== null))) });
    i.addEventListener("change", () => set(k, i.value));
    selects[k] = i;
    controls.append(el("div", { cls: "kx-field kx-ev kx-fig" }, el("label", { for: i.id, text: label }), i));
  };
  dateInput("from", "From");
  dateInput("to", "To");
  const q = el("input", { type: "search", id: "kx-f-q", name: "q", placeholder: "words, names, ids, numbers" });
  let qTimer = null;
  q.addEventListener("input", () => { clearTimeout(qTimer); qTimer = setTimeout(() => set("q", q.value), 120); });
  selects.q = q;
  controls.append(el("div", { cls: "kx-field kx-text kx-ev kx-fig" }, el("label", { for: q.id, text: "Text" }), q));
  const conflict = el("input", { type: "checkbox", id: "kx-f-conflict", name: "conflict" });
  conflict.addEventListener("change", () => set("conflict", conflict.checked ? "1" : ""));
  controls.append(el("div", { cls: "kx-field kx-check kx-fig" }, conflict,
    el("label", { for: conflict.id, text: "only conflicting reports" })));
  const reset = el("button", { type: "button", cls: "kx-button", text: "Clear all filters" });
  reset.addEventListener("click", () => { state = { view: state.view }; update(); });
  controls.append(el("div", { cls: "kx-field kx-reset kx-ev kx-fig" }, reset));
  controls.addEventListener("submit", (e) => e.preventDefault());

  const tabs = el("div", { cls: "kx-tabs", role: "tablist", "aria-label": "What to list" });
  const tabE = el("button", { type: "button", role: "tab", id: "kx-tab-events", "aria-controls": "kx-list" });
  const tabF = el("button", { type: "button", role: "tab", id: "kx-tab-figures", "aria-controls": "kx-list" });
  tabE.addEventListener("click", () => set("view", "events"));
  tabF.addEventListener("click", () => set("view", "figures"));
  tabs.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") { (state.view === "figures" ? tabE : tabF).click(); (state.view === "figures" ? tabF : tabE).focus(); }
  });
  tabs.append(tabE, tabF);
  const status = el("p", { cls: "kx-status", id: "kx-status", "aria-live": "polite" });
  const idsBar = el("p", { cls: "kx-idsbar", hidden: true });
  const list = el("div", { id: "kx-list", cls: "kx-list", role: "tabpanel", tabindex: "-1" });
  const more = el("button", { type: "button", cls: "kx-button kx-more", text: "Show more" });
  let shown = PAGE;
  more.addEventListener("click", () => { shown += PAGE; renderList(false); });

  // --- timeline ---------------------------------------------------------------------------------------
  const lastDay = Math.max(...E.d1, ...F.p1.filter((x) => x !== null));
  // The timeline is drawn at the width it is shown (1 unit = 1 CSS px), so its text stays legible on a phone.
  let TW = 1000;
  const TH = 130, PAD = 8, BAR_H = 86;
  const tx = (d) => PAD + (d / (lastDay + 1)) * (TW - 2 * PAD);
  const tday = (x) => Math.max(0, Math.min(lastDay, Math.floor(((x - PAD) / (TW - 2 * PAD)) * (lastDay + 1))));
  const timeline = sv("svg", { class: "kx-timeline", role: "img", "aria-labelledby": "kx-tl-title" });
  const tlTitle = sv("title", { id: "kx-tl-title" });
  tlTitle.textContent = "Events per week. Drag across the timeline to filter by date, or use the From and To fields.";
  const bars = sv("g", {}), brush = sv("rect", { class: "kx-brush", y: 0, height: BAR_H, width: 0 });
  const phaseG = sv("g", { class: "kx-phases" }), months = sv("g", { class: "kx-months" });
  timeline.append(tlTitle, bars, phaseG, months, brush);
  function drawAxis() {
    TW = Math.max(320, widths.timeline || 1000);
    timeline.setAttribute("viewBox", `0 0 ${TW} ${TH}`);
    phaseG.replaceChildren();
    D.phases.forEach((p, i) => {
      const x0 = tx(p[2]), x1 = tx(p[3] + 1);
      const r = sv("rect", { x: x0, y: BAR_H + 4, width: Math.max(0, x1 - x0 - 1), height: 14, class: `kx-phase kx-phase-${i % 2}` });
      const tt = sv("title", {});
      tt.textContent = `${p[1]}: ${human(p[2])} to ${human(p[3])}`;
      r.append(tt);
      phaseG.append(r);
      const room = Math.floor((x1 - x0 - 6) / 6.2);  // characters that fit at 11 px
      if (room >= 4) {
        const t = sv("text", { x: x0 + 3, y: BAR_H + 15, class: "kx-phase-label" });
        t.textContent = p[1].length <= room ? p[1] : p[1].slice(0, room - 1) + "…";
        phaseG.append(t);
      }
    });
    months.replaceChildren();
    const step = TW < 600 ? 2 : 1;
    let m = 0;
    for (let d = 0; d <= lastDay; d++) {
      const t = new Date(BASE + d * DAY);
      if (t.getUTCDate() === 1 || d === 0) {
        const x = tx(d);
        months.append(sv("line", { x1: x, x2: x, y1: BAR_H + 20, y2: TH - 2 }));
        if (m++ % step === 0) {
          const lab = sv("text", { x: x + 2, y: TH - 4 });
          lab.textContent = MONTHS[t.getUTCMonth()].slice(0, 3);
          months.append(lab);
        }
      }
    }
  }
  let drag = null;
  const svgX = (e) => { const r = timeline.getBoundingClientRect(); return ((e.clientX - r.left) / r.width) * TW; };
  timeline.addEventListener("pointerdown", (e) => { drag = svgX(e); timeline.setPointerCapture(e.pointerId); });
  timeline.addEventListener("pointermove", (e) => {
    if (drag === null) return;
    const x = svgX(e);
    brush.setAttribute("x", Math.min(x, drag)); brush.setAttribute("width", Math.abs(x - drag));
  });
  timeline.addEventListener("pointerup", (e) => {
    if (drag === null) return;
    const x = svgX(e), a = Math.min(x, drag), b = Math.max(x, drag);
    drag = null;
    if (b - a < 3) { state.from = ""; state.to = ""; } else { state.from = iso(tday(a)); state.to = iso(tday(b)); }
    shown = PAGE; update();
  });

  function renderTimeline(rowsNoDates) {
    drawAxis();
    const week = 7, counts = new Map();
    for (const i of rowsNoDates) {
      const d = state.view === "figures" ? (F.p1[i] ?? F.p0[i]) : E.d0[i];
      if (d === null) continue;
      const w = Math.floor(d / week);
      counts.set(w, (counts.get(w) || 0) + 1);
    }
    const max = Math.max(1, ...counts.values());
    bars.replaceChildren();
    const from = dayOf(want("from")), to = dayOf(want("to"));
    for (const [w, n] of counts) {
      const d0 = w * week, x0 = tx(d0), x1 = tx(Math.min(lastDay + 1, d0 + week));
      const h = (n / max) * (BAR_H - 14);
      const on = (from === null || d0 + week - 1 >= from) && (to === null || d0 <= to);
      const r = sv("rect", { x: x0 + 0.5, width: Math.max(1, x1 - x0 - 1), y: BAR_H - h, height: h, class: on ? "kx-bar" : "kx-bar kx-off" });
      const t = sv("title", {});
      t.textContent = `Week of ${human(d0)}: ${n}`;
      r.append(t);
      bars.append(r);
    }
    const ylab = sv("text", { x: PAD, y: 10, class: "kx-ylab" });
    ylab.textContent = `${state.view === "figures" ? "figures" : "events"} per week (highest: ${max})`;
    bars.append(ylab);
    if (from !== null || to !== null) {
      const a = tx(from ?? 0), b = tx((to ?? lastDay) + 1);
      brush.setAttribute("x", a); brush.setAttribute("width", Math.max(0, b - a));
    } else brush.setAttribute("width", 0);
  }

  // --- map --------------------------------------------------------------------------------------------
  const svgMap = document.getElementById("kx-map");
  const dotsG = document.getElementById("kx-dots"), labelsG = document.getElementById("kx-labels");
  const furniture = document.getElementById("kx-furniture");
  let mapView = "region";
  const mapButtons = el("div", { cls: "kx-mapviews", role: "group", "aria-label": "Map extent" });
  for (const [v, t] of [["region", "Region"], ["city", "Kharkiv city"]]) {
    const b = el("button", { type: "button", cls: "kx-button", "data-view": v, text: t });
    b.addEventListener("click", () => { mapView = v; renderMap(lastRows); });
    mapButtons.append(b);
  }
  const mapNote = el("p", { cls: "kx-mapnote" });
  const mapKey = el("p", { cls: "kx-mapnote", text: "A circle's area grows with the number of events at the place; a dashed circle marks a position known only approximately. Press a circle to keep that place only." });
  const unit = () => { const vb = D.frame[mapView]; return vb[2] / Math.max(300, widths.map || 600); };
  // read the widths once, before anything is redrawn, so a filter costs one layout and not three
  const widths = { map: 0, timeline: 0 };
  const measure = () => { widths.map = svgMap.clientWidth; widths.timeline = timeline.parentNode ? timeline.parentNode.clientWidth : 0; };

  function renderMap(rows) {
    const vb = D.frame[mapView], u = unit();
    svgMap.setAttribute("viewBox", vb.join(" "));
    mapButtons.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", b.dataset.view === mapView));
    const per = new Map();
    let unplaced = 0;
    for (const i of rows) {
      const p = state.view === "figures" ? F.place[i] : E.place[i];
      if (p < 0 || P[p][4] === null) { unplaced++; continue; }
      per.set(p, (per.get(p) || 0) + 1);
    }
    dotsG.replaceChildren();
    const chosen = want("place");
    // beyond MAX_DOTS places the map draws those with the most rows and says how many it leaves out
    const ranked = [...per.entries()].sort((a, b) => b[1] - a[1]), left = ranked.length - MAX_DOTS;
    ranked.slice(0, MAX_DOTS).forEach(([p, n]) => {
      const [pid, name, , , x, y, prec] = P[p];
      const c = sv("circle", { cx: x, cy: y, r: (3 + 2.2 * Math.sqrt(n)) * u, class: `kx-dot${pid === chosen ? " kx-chosen" : ""}${prec === "approximate" ? " kx-approx" : ""}`,
        tabindex: 0, role: "button", "aria-label": `${name}: ${n}; ${pid === chosen ? "shown alone, press to show every place" : "press to show only this place"}` });
      const t = sv("title", {});
      t.textContent = `${name}: ${n}${prec === "approximate" ? " (approximate position)" : ""}`;
      c.append(t);
      const pick = () => set("place", pid === chosen ? "" : pid);
      c.addEventListener("click", pick);
      c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
      dotsG.append(c);
    });
    labelsG.replaceChildren();
    const lab = mapView === "region" ? D.labelled : P.map((p, i) => (p[2] === "district" && p[3] === "kharkiv" && p[4] !== null ? i : -1)).filter((i) => i >= 0);
    for (const i of lab) {
      const t = sv("text", { x: P[i][4] + 5 * u, y: P[i][5] - 4 * u, class: "kx-label", "font-size": 12 * u });
      t.textContent = P[i][1].replace(/ district$/i, "");
      labelsG.append(sv("circle", { cx: P[i][4], cy: P[i][5], r: 1.6 * u, class: "kx-town" }), t);
    }
    furniture.replaceChildren();
    const km = mapView === "region" ? 50 : 5, x0 = vb[0] + vb[2] - km - 14 * u, y0 = vb[1] + vb[3] - 14 * u;
    furniture.append(sv("rect", { x: x0, y: y0 - 3 * u, width: km, height: 3 * u, class: "kx-scale" }));
    const st = sv("text", { x: x0, y: y0 - 6 * u, "font-size": 11 * u, class: "kx-label" });
    st.textContent = `${km} km`;
    const nx = vb[0] + 20 * u, ny = vb[1] + 40 * u;
    const arrow = sv("path", { d: `M${nx},${ny - 22 * u}L${nx + 6 * u},${ny - 6 * u}L${nx},${ny - 10 * u}L${nx - 6 * u},${ny - 6 * u}Z`, class: "kx-north" });
    const nt = sv("text", { x: nx, y: ny + 6 * u, "font-size": 12 * u, "text-anchor": "middle", class: "kx-label" });
    nt.textContent = "N";
    furniture.append(st, arrow, nt);
    const what = state.view === "figures" ? "figures" : "events";
    mapNote.textContent = (left > 0 ? `The map draws the ${num(MAX_DOTS)} places with the most ${state.view === "figures" ? "figures" : "events"}; ${num(left)} more places are not drawn (their rows are in the list). ` : "") + (unplaced ? `${num(unplaced)} of the ${num(rows.length)} ${what} shown have no place that can be mapped (a landmark without coordinates, or only the region).` : "");
  }

  // --- cards ------------------------------------------------------------------------------------------
  const link = (href, text, cls) => el("a", { href, cls, text });
  function citeList(i) {
    const ul = el("ul", { cls: "kx-cites" });
    for (const [s, ev, outlet, weak] of E.cites[i]) {
      ul.append(el("li", {}, el("blockquote", {}, el("p", { text: ev })),
        el("p", { cls: "kx-src", text: `${S[s][1]} (${S[s][2]})${outlet ? `, citing ${outlet}` : ""}${weak >= 0 ? `; marked “${code("weak", weak)}” in the source` : ""}` })));
    }
    return ul;
  }
  function figureTable(rows, withEvent) {
    const t = el("table", { cls: "kx-figtable" });
    t.append(el("thead", {}, el("tr", {}, ...["Figure", "Counted", "Reported by", "Verification", "Evidence"].map((h) => el("th", { scope: "col", text: h })))));
    const tb = el("tbody");
    for (const j of rows) {
      const ev = F.event[j];
      tb.append(el("tr", { id: F.id[j], cls: state.focus === F.id[j] ? "kx-focus" : null, tabindex: "-1" },
        el("td", {}, el("strong", { text: fvalue(j) }), el("br"), link(`#${F.id[j]}`, F.id[j], "kx-id")),
        el("td", { text: `${code("measure", F.measure[j])}, ${code("subject", F.subject[j])}${F.unit_name[j] ? ` (${F.unit_name[j]})` : ""}` }),
        el("td", { text: `${who(F.claimant[j])}${side(F.claimant[j]) ? ` (${side(F.claimant[j])})` : ""}` }),
        el("td", { text: code("verif", F.verif[j]) }),
        el("td", {}, el("q", { text: F.evidence[j] }), el("span", { cls: "kx-src", text: ` ${S[F.source[j]][1]} (${S[F.source[j]][2]})${F.outlet[j] ? `, citing ${F.outlet[j]}` : ""}` }),
          withEvent && ev ? el("span", {}, " · event ", link(`#${ev}`, ev, "kx-id")) : null)));
    }
    t.append(tb);
    return el("div", { cls: "kx-tablewrap" }, t);
  }
  const DPREC = { day: "dated to the day", range: "dated to a range of days", month: "dated to the month" };
  function eventCard(i) {
    const id = E.id[i], p = E.place[i] >= 0 ? P[E.place[i]] : null;
    const prec = { 1: "the place itself", 2: "near it or part of it", 3: "only the wider region is known" }[E.lprec[i]] || "";
    const card = el("article", { id, cls: `kx-card${state.focus === id ? " kx-focus" : ""}`, tabindex: "-1", "aria-labelledby": `${id}-h` });
    card.append(el("h3", { id: `${id}-h` }, el("span", { cls: "kx-date", text: span(E.d0[i], E.d1[i]) }), " · ",
      el("span", { text: p ? p[1] : "place not stated" })));
    card.append(el("p", { cls: "kx-meta", text: [`${DPREC[code("dprec", E.dprec[i])] || code("dprec", E.dprec[i])}${E.dinf && E.dinf[i] ? ", inferred" : ""}${E.dnote[i] ? ` (${E.dnote[i]})` : ""}`,
      `placed: ${prec}`, `${code("type", E.type[i])}: ${code("sub", E.sub[i])}`,
      E.phase[i] >= 0 ? D.phases[E.phase[i]][1] : "", code("weapon", E.weapon[i]), code("target", E.target[i]) ? `target: ${code("target", E.target[i])}` : ""].filter(Boolean).join(" · ") }));
    card.append(el("p", { cls: "kx-summary", text: E.summary[i] }));
    card.append(el("p", { cls: "kx-who" }, side(E.claimant[i]) || E.claimant[i] < 0 ? "Reported by " : "Reported: ", el("strong", { text: who(E.claimant[i]) }),
      side(E.claimant[i]) ? ` (${side(E.claimant[i])} side)` : "", " · ", el("span", { cls: `kx-verif kx-v-${code("verif", E.verif[i])}`, text: code("verif", E.verif[i]) })));
    if (E.actors[i]) card.append(el("p", { cls: "kx-meta", text: `Actors: ${E.actors[i]}` }));
    card.append(el("h4", { text: (E.cites[i] || []).length > 1 ? `${E.cites[i].length} sources` : "Source" }), citeList(i));
    const figs = figsOf.get(id);
    if (figs) card.append(el("h4", { text: figs.length > 1 ? `${figs.length} figures reported` : "Figure reported" }), figureTable(figs, false));
    if (E.notes[i]) card.append(el("p", { cls: "kx-notes", text: `Coding note: ${E.notes[i]}` }));
    const foot = el("p", { cls: "kx-links" }, link(`#${id}`, `Link to this event (${id})`));
    if (D.chronology) foot.append(" · ", link(`${D.chronology}#${id}`, "in the chronology"));
    card.append(foot);
    return card;
  }
  function figureGroup(g) {
    const i = g.rows[0], ev = F.event[i];
    const box = el("section", { cls: `kx-card kx-group${g.conflict ? " kx-conflict" : ""}`, tabindex: "-1" });
    const when = span(F.p0[i] ?? F.p1[i], F.p1[i]);
    const place = F.place[i] >= 0 ? P[F.place[i]][1] : "";
    box.append(el("h3", {}, el("span", { cls: "kx-date", text: when }), place ? ` · ${place}` : "", ` · ${code("measure", F.measure[i])}, ${code("subject", F.subject[i])}`));
    if (g.conflict) box.append(el("p", { cls: "kx-flag", text: `${g.rows.length} reports that differ, side by side` }));
    if (ev && eIndex.has(ev)) box.append(el("p", { cls: "kx-meta" }, "Event: ", link(`#${ev}`, ev, "kx-id"), ` ${E.summary[eIndex.get(ev)]}`));
    box.append(figureTable(g.rows, false));
    return box;
  }

  let lastRows = [], listToken = 0;
  function renderList(scroll) {
    const rows = lastRows, token = ++listToken;
    if (CH) {
      // the texts of the cards about to be drawn (and of the events their figures belong to)
      const ev = [], fi = [];
      if (state.view === "figures") {
        for (const g of groupFigures(rows).slice(0, shown)) {
          fi.push(...g.rows);
          for (const j of g.rows) if (eIndex.has(F.event[j])) ev.push(eIndex.get(F.event[j]));
        }
      } else for (const i of rows.slice(0, shown)) { ev.push(i); fi.push(...(figsOf.get(E.id[i]) || [])); }
      const ready = ev.every((i) => loaded.events.has(Math.floor(i / CH.size))) && fi.every((j) => loaded.figures.has(Math.floor(j / CH.size)));
      if (!ready) {
        list.replaceChildren(el("p", { cls: "kx-empty", text: "Loading the texts…" }));
        Promise.all([need("events", ev), need("figures", fi)]).then(() => { if (token === listToken) renderList(scroll); },
          (e) => list.replaceChildren(el("p", { cls: "kx-empty", text: String(e.message) })));
        return;
      }
    }
    list.replaceChildren();
    if (state.view === "figures") {
      const groups = groupFigures(rows);
      let n = 0;
      for (const g of groups) { if (n >= shown) break; list.append(figureGroup(g)); n += 1; }
      more.hidden = groups.length <= shown;
    } else {
      for (const i of rows.slice(0, shown)) list.append(eventCard(i));
      more.hidden = rows.length <= shown;
    }
    if (!rows.length) list.append(el("p", { cls: "kx-empty", text: "Nothing matches these filters." }));
    if (scroll && state.focus) {
      const target = document.getElementById(state.focus);
      if (target) { target.scrollIntoView({ block: "start" }); target.focus({ preventScroll: true }); }
    }
  }

  // --- update -----------------------------------------------------------------------------------------
  function set(k, v) {
    state[k] = v;
    if (k !== "view") { delete state.focus; }
    shown = PAGE;
    update();
  }
  function update(scroll) {
    measure();
    const figs = state.view === "figures";
    root.classList.toggle("kx-view-figures", figs);
    for (const [k, s] of Object.entries(selects)) s.value = k === "ids" ? "" : state[k] || "";
    conflict.checked = !!state.conflict;
    const waiting = want("q") && !allLoaded();
    // a text search reads every summary and excerpt: fetch them all once, then answer again
    if (waiting) loadAll().then(() => update(scroll));
    const mE = matchEvents(), mF = matchFigures(), ev = mE.all, fi = mF.all;
    lastRows = figs ? fi : ev;
    tabE.textContent = `Events (${num(ev.length)} of ${num(nE)})`;
    tabF.textContent = `Figures (${num(fi.length)} of ${num(nF)})`;
    tabE.setAttribute("aria-selected", !figs); tabF.setAttribute("aria-selected", figs);
    tabE.tabIndex = figs ? -1 : 0; tabF.tabIndex = figs ? 0 : -1;
    status.textContent = figs ? `${num(fi.length)} of ${num(nF)} figures shown` : `${num(ev.length)} of ${num(nE)} events shown`;
    if (waiting) status.textContent += " so far: loading the texts to search…";
    status.dataset.count = lastRows.length;
    idsBar.hidden = !state.ids;
    if (state.ids) {
      const all = el("button", { type: "button", cls: "kx-button", text: "Show everything" });
      all.addEventListener("click", () => { delete state.ids; delete state.focus; update(); });
      idsBar.replaceChildren(`Showing the ${state.ids.length === 1 ? "row" : `${state.ids.length} rows`} linked to (${state.ids.join(", ")}). `, all);
    }
    renderTimeline(figs ? mF.undated : mE.undated);
    renderMap(lastRows);
    renderList(scroll);
    writeHash();
    window.kxExplorer.count = { events: ev.length, figures: fi.length, shown: lastRows.length };
  }

  window.kxExplorer = { count: {}, state: () => ({ ...state }), set: (s) => { state = { ...s }; shown = PAGE; update(); } };
  const top = el("div", { cls: "kx-top" },
    el("div", { cls: "kx-mapcol" }, document.querySelector("#kx-app .kx-mapbox"), mapButtons, mapKey, mapNote),
    el("div", { cls: "kx-side" }, el("details", { cls: "kx-filters", open: window.innerWidth > 800 },
      el("summary", { text: "Filters" }), controls)));
  app.replaceChildren(top, el("div", { cls: "kx-tlbox" }, timeline), tabs, status, idsBar, list, more);
  nojs.remove();  // its ids now belong to the cards the script draws
  app.hidden = false;
  state = readHash();
  if (!state.view) state.view = "events";
  update(true);
  window.addEventListener("hashchange", () => {
    const s = readHash();
    if (JSON.stringify(s) === JSON.stringify(state)) return;
    state = s; if (!state.view) state.view = "events"; shown = PAGE; update(true);
  });
  let rz = null;
  window.addEventListener("resize", () => { clearTimeout(rz); rz = setTimeout(() => update(false), 150); });
  window.kxExplorer.readyAt = performance.now();
  window.kxExplorer.startMs = window.kxExplorer.readyAt - t0;
  root.dataset.ready = "1";
}
// The theme loads scripts in <head>: start once the page (and its data) is parsed.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", kxExplorerStart);
else kxExplorerStart();

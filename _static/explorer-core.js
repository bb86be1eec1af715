/* The explorer's pure functions, on one global namespace (window.kxCore): reading and writing the address,
 * filter criteria, matching, grouping, dates, CSV and citations. No DOM here, so tests call each one directly
 * in the browser. A classic script, not a module: the book must open from file://, where modules are blocked.
 * The payload's tables and fields are named in kharkiv/explorer_schema.py; the aliases below keep to it:
 * D the payload, E events, F figures, P places, C claimants, S sources, PH phases, K codes. */
(function (root) {
  "use strict";
  const DAY = 86400000;
  // [address key, label, applies to events, applies to figures]; every filter takes several values
  const FILTERS = [
    ["type", "Event type", true, false], ["sub", "Sub-type", true, false], ["phase", "Phase", true, true],
    ["place", "Place", true, true], ["claimant", "Reported by", true, true], ["side", "Side", true, true],
    ["verif", "Verification", true, true], ["weapon", "Weapon", true, false], ["target", "Target", true, false],
    ["source", "Source document", true, true], ["measure", "Measure", false, true],
    ["subject", "Who or what was counted", false, true],
  ];
  const LISTS = FILTERS.map((f) => f[0]).concat(["ids"]);
  const KEYS = ["view"].concat(FILTERS.map((f) => f[0]), ["from", "to", "overlap", "q", "conflict", "ids"]);
  const CODED = ["type", "sub", "verif", "weapon", "target", "measure", "subject"];
  const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"];

  // --- text -------------------------------------------------------------------------------------------
  /** Search text: one Unicode normalisation (NFC) and lower case, applied to the query and the data alike. */
  const fold = (s) => String(s ?? "").normalize("NFC").toLowerCase();

  // --- days ---------------------------------------------------------------------------------------------
  /** "2022-02-28" if it names a real day, else null ("2022-13-45", "2022-02-30"). */
  function isoDay(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s ?? ""));
    if (!m) return null;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[0] : null;
  }
  const dayOf = (D, iso) => (isoDay(iso) ? Math.round((Date.parse(iso + "T00:00:00Z") - Date.parse(D.base + "T00:00:00Z")) / DAY) : null);
  const isoOf = (D, d) => D.days.iso[d - D.first] ?? new Date(Date.parse(D.base + "T00:00:00Z") + d * DAY).toISOString().slice(0, 10);
  /** A day as the book writes it ("28 February 2022"), from the labels Python wrote. */
  const dayLabel = (D, d) => (d === null || d === undefined ? "" : D.days.label[d - D.first] ?? isoOf(D, d));
  const when = (D, a, b) => (a === b || b === null || b === undefined ? dayLabel(D, a) : a === null ? dayLabel(D, b) : `${dayLabel(D, a)} to ${dayLabel(D, b)}`);
  /** The day a reader typed: "28 February 2022", "28 Feb 2022", "28/02/2022" or "2022-02-28"; null if none. */
  function parseDay(D, text) {
    const t = fold(text).trim().replace(/,/g, " ").replace(/\s+/g, " ");
    if (!t) return null;
    if (isoDay(t)) return dayOf(D, t);
    let m = /^(\d{1,2}) ([a-z]{3,}) (\d{4})$/.exec(t);
    if (m) {
      const month = MONTHS.findIndex((name) => name.startsWith(m[2]));
      return month < 0 ? null : fromParts(D, +m[3], month + 1, +m[1]);
    }
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    return m ? fromParts(D, +m[3], +m[2], +m[1]) : null;
  }
  const pad = (n) => String(n).padStart(2, "0");
  const fromParts = (D, y, mo, d) => dayOf(D, `${y}-${pad(mo)}-${pad(d)}`);

  // --- the address ---------------------------------------------------------------------------------------
  const decode = (raw) => decodeURIComponent(raw.replace(/\+/g, " "));  // throws URIError on a bad % escape
  const idView = (id) => (String(id)[0] === "n" ? "figures" : "events");

  /** The state an address holds, and notices for what it could not use. #e0028 opens an event, #n0017 a figure,
   *  #ids=e0028,n0017 a set, #type=Battles,Shelling&from=2022-03-01 a view (a value with a comma is %2C). A
   *  malformed % escape gives the unfiltered view; a date that is not a day is dropped. Never throws. */
  function parseHash(hash, isEvent) {
    const h = String(hash || "").replace(/^#/, "");
    const notices = [];
    if (!h) return { state: {}, notices };
    let s = {};
    try {
      if (!h.includes("=")) {
        const id = decode(h);
        return { state: { ids: [id], focus: id, view: idView(id) }, notices };
      }
      for (const part of h.split("&")) {
        const eq = part.indexOf("=");
        if (eq < 0) continue;
        const k = decode(part.slice(0, eq)), raw = part.slice(eq + 1);
        if (!KEYS.includes(k)) continue;
        if (LISTS.includes(k)) {
          const vs = raw.split(",").map(decode).filter(Boolean);
          if (vs.length) s[k] = vs;
        } else if (raw) s[k] = decode(raw);
      }
    } catch (e) {
      if (!(e instanceof URIError)) throw e;
      return { state: {}, notices: ["This address has a malformed % sign, so it could not be read: everything is shown."] };
    }
    for (const k of ["from", "to"]) {
      if (s[k] !== undefined && !isoDay(s[k])) {
        notices.push(`“${s[k]}” in the address is not a day, so the ${k === "from" ? "From" : "To"} date is not set.`);
        delete s[k];
      }
    }
    if (s.view !== undefined && s.view !== "events" && s.view !== "figures") delete s.view;
    if (s.ids && !s.view) s.view = s.ids.some(isEvent || ((x) => idView(x) === "events")) ? "events" : "figures";
    if (s.ids && s.ids.length === 1) s.focus = s.ids[0];
    return { state: s, notices };
  }

  const empty = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length);
  /** The address for a state: "#e0028" for one row alone, else key=value pairs in KEYS order. */
  function writeHash(state) {
    const keys = Object.keys(state).filter((k) => !empty(state[k]));
    if (state.ids && state.ids.length === 1 && keys.every((k) => ["ids", "focus", "view"].includes(k)) &&
        (state.view || "events") === idView(state.ids[0])) return "#" + encodeURIComponent(state.ids[0]);
    const p = [];
    for (const k of KEYS) {
      const v = state[k];
      if (empty(v) || (k === "view" && v === "events" && !state.ids)) continue;
      p.push(`${k}=${Array.isArray(v) ? v.map(encodeURIComponent).join(",") : encodeURIComponent(v)}`);
    }
    return p.length ? "#" + p.join("&") : "";
  }

  // --- criteria and matching -------------------------------------------------------------------------------
  /** For each place, itself and every place within it, at any depth (places.within). */
  function placesWithin(P) {
    const inside = P.id.map((_, i) => new Set([i]));
    P.id.forEach((_, j) => {
      for (let up = P.within[j], n = 0; up >= 0 && n < P.id.length; up = P.within[up], n++) inside[up].add(j);
    });
    return inside;
  }
  // a value not in the data matches nothing (-2: never a row's code); one value may be given without a list
  const rowsOf = (ids, values) => new Set([].concat(values).map((v) => ids.indexOf(v)).map((i) => (i < 0 ? -2 : i)));

  /** What a state asks for, as sets of rows and codes: a filter with several values keeps a row matching any. */
  function criteria(D, state, inside) {
    const c = { ids: empty(state.ids) ? null : new Set([].concat(state.ids)) };
    for (const k of CODED) c[k] = empty(state[k]) ? null : rowsOf(D.codes[k], state[k]);
    c.phase = empty(state.phase) ? null : rowsOf(D.phases.id, state.phase);
    c.claimant = empty(state.claimant) ? null : rowsOf(D.claimants.id, state.claimant);
    c.source = empty(state.source) ? null : rowsOf(D.sources.id, state.source);
    c.side = empty(state.side) ? null : new Set([].concat(state.side));
    c.place = null;
    if (!empty(state.place)) {
      inside = inside || placesWithin(D.places);
      c.place = new Set();
      for (const p of rowsOf(D.places.id, state.place)) if (p >= 0) for (const j of inside[p]) c.place.add(j);
    }
    c.from = dayOf(D, state.from);
    c.to = dayOf(D, state.to);
    c.q = fold(state.q).trim().split(/\s+/).filter(Boolean);
    c.conflict = !empty(state.conflict);
    return c;
  }

  const sideOf = (D, i) => (i < 0 || D.claimants.side[i] === "unattributed" ? "" : D.claimants.side[i]);
  const phaseAt = (D, d) => (d === null ? -1 : D.phases.id.findIndex((_, k) => d >= D.phases.d0[k] && d <= D.phases.d1[k]));
  /** The phase of each figure: the one its period ends in. */
  const figurePhases = (D) => D.figures.p1.map((d, i) => phaseAt(D, d ?? D.figures.p0[i]));

  /** Where a row's dates [a, b] stand against the chosen days: "in" (within them), "overlap" (a longer period
   *  that only overlaps them) or "out". */
  function dated(c, a, b) {
    if (c.from === null && c.to === null) return "in";
    if (a === null || b === null) return "out";
    if ((c.from === null || a >= c.from) && (c.to === null || b <= c.to)) return "in";
    return (c.from === null || b >= c.from) && (c.to === null || a <= c.to) ? "overlap" : "out";
  }

  // Each view reads only its own filters (FILTERS says which): a figure filter leaves the events as they are.
  /** Events matching c: `rows` within the chosen days, `overlap` the longer periods that only overlap them,
   *  `undated` every match before the dates (for the timeline). hay[i]: folded text of event i (for c.q). */
  function matchEvents(D, c, hay) {
    const E = D.events, out = { rows: [], overlap: [], undated: [] };
    for (let i = 0; i < E.id.length; i++) {
      if (c.ids && !c.ids.has(E.id[i])) continue;
      if (c.type && !c.type.has(E.type[i])) continue;
      if (c.sub && !c.sub.has(E.sub[i])) continue;
      if (c.verif && !c.verif.has(E.verif[i])) continue;
      if (c.weapon && !c.weapon.has(E.weapon[i])) continue;
      if (c.target && !c.target.has(E.target[i])) continue;
      if (c.phase && !c.phase.has(E.phase[i])) continue;
      if (c.place && !c.place.has(E.place[i])) continue;
      if (c.claimant && !c.claimant.has(E.claimant[i])) continue;
      if (c.side && !c.side.has(sideOf(D, E.claimant[i]))) continue;
      if (c.source && !E.csrc[i].some((s) => c.source.has(s))) continue;
      if (c.q.length && !c.q.every((w) => hay[i].includes(w))) continue;
      out.undated.push(i);
      const where = dated(c, E.d0[i], E.d1[i] ?? E.d0[i]);
      if (where === "in") out.rows.push(i);
      else if (where === "overlap") out.overlap.push(i);
    }
    return out;
  }

  /** Figures matching c, as matchEvents; with c.conflict only the groups whose reports differ. */
  function matchFigures(D, c, hay, phases) {
    const F = D.figures, out = { rows: [], overlap: [], undated: [] };
    for (let i = 0; i < F.id.length; i++) {
      if (c.ids && !c.ids.has(F.id[i])) continue;
      if (c.measure && !c.measure.has(F.measure[i])) continue;
      if (c.subject && !c.subject.has(F.subject[i])) continue;
      if (c.verif && !c.verif.has(F.verif[i])) continue;
      if (c.phase && !c.phase.has(phases[i])) continue;
      if (c.place && !c.place.has(F.place[i])) continue;
      if (c.claimant && !c.claimant.has(F.claimant[i])) continue;
      if (c.side && !c.side.has(sideOf(D, F.claimant[i]))) continue;
      if (c.source && !c.source.has(F.source[i])) continue;
      if (c.q.length && !c.q.every((w) => hay[i].includes(w))) continue;
      out.undated.push(i);
      const where = dated(c, F.p0[i] ?? F.p1[i], F.p1[i] ?? F.p0[i]);
      if (where === "in") out.rows.push(i);
      else if (where === "overlap") out.overlap.push(i);
    }
    if (!c.conflict) return out;
    // which reports conflict is the book's one rule, computed in Python (figures.conflict), never here
    const keep = (rows) => rows.filter((i) => F.conflict[i]);
    return { rows: keep(out.rows), overlap: keep(out.overlap), undated: keep(out.undated) };
  }

  /** Reports shown together: those of the same count (figures.same, the book's rule in Python), else those of
   *  one attack (the same event) or of one period and place, on the same measure and subject. A group conflicts
   *  when its reports do by the book's rule (figures.conflict); a headline, a named person or a part of a toll
   *  never does. */
  function groupFigures(D, rows) {
    const F = D.figures, map = new Map();
    for (const i of rows) {
      const where = F.event[i] || `${F.p0[i]}|${F.p1[i]}|${F.place[i]}`;
      const key = F.same[i] >= 0 ? `same ${F.same[i]}` : `${where}|${F.measure[i]}|${F.subject[i]}`;
      (map.get(key) || map.set(key, []).get(key)).push(i);
    }
    return [...map.values()].map((g) => ({ rows: g, conflict: g.some((i) => F.conflict[i] === 1) }));
  }

  /** The folded text a search looks in: an event with its place, claimant, excerpts and figures. */
  function eventText(D, i, figs) {
    const E = D.events, F = D.figures, P = D.places, S = D.sources;
    return fold([E.id[i], E.summary[i], E.notes[i], E.actors[i], E.place[i] >= 0 ? P.name[E.place[i]] : "",
      E.claimant[i] >= 0 ? D.claimants.who[E.claimant[i]] : "",
      ...(E.cites[i] || []).map((c) => `${c[1]} ${c[2]} ${S.title[c[0]]}`),
      ...(figs || []).map((j) => `${F.id[j]} ${F.value[j] ?? ""} ${F.high[j] ?? ""} ${F.text[j]}`)].join(" "));
  }
  function figureText(D, i) {
    const F = D.figures, P = D.places;
    return fold([F.id[i], F.event[i], F.value[i] ?? "", F.high[i] ?? "", F.text[i], F.evidence[i], F.outlet[i],
      F.notes[i], F.unit_name[i], F.claimant[i] >= 0 ? D.claimants.who[F.claimant[i]] : "",
      F.place[i] >= 0 ? P.name[F.place[i]] : ""].join(" "));
  }

  // --- downloads and citations ------------------------------------------------------------------------------
  const cell = (v) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
  };
  /** RFC 4180 CSV (CRLF line ends) of a header and rows. */
  const toCSV = (records) => records.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  const code = (D, k, i) => (i === null || i === undefined || i < 0 ? "" : D.codes[k][i]);
  const iso = (D, d) => (d === null || d === undefined ? "" : isoOf(D, d));

  /** The rows of a view as the columns of the full download (views.events, views.statements), for CSV. */
  function eventRecords(D, rows) {
    const E = D.events, P = D.places, C = D.claimants, S = D.sources;
    const head = ["event_id", "start_date", "end_date", "date_precision", "event_type", "sub_event_type", "place_id",
      "place", "phase_id", "claimant_id", "claimant", "claimant_side", "verification", "weapon", "target", "summary",
      "source_ids"];
    return [head, ...rows.map((i) => [E.id[i], iso(D, E.d0[i]), iso(D, E.d1[i]), code(D, "dprec", E.dprec[i]),
      code(D, "type", E.type[i]), code(D, "sub", E.sub[i]), E.place[i] >= 0 ? P.id[E.place[i]] : "",
      E.place[i] >= 0 ? P.name[E.place[i]] : "", E.phase[i] >= 0 ? D.phases.id[E.phase[i]] : "",
      E.claimant[i] >= 0 ? C.id[E.claimant[i]] : "", E.claimant[i] >= 0 ? C.name[E.claimant[i]] : "",
      E.claimant[i] >= 0 ? C.side[E.claimant[i]] : "", code(D, "verif", E.verif[i]), code(D, "weapon", E.weapon[i]),
      code(D, "target", E.target[i]), E.summary[i], E.csrc[i].map((s) => S.id[s]).join(";")])];
  }
  function figureRecords(D, rows) {
    const F = D.figures, P = D.places, C = D.claimants, S = D.sources;
    const head = ["statement_id", "event_id", "claim_date", "period_start", "period_end", "place_id", "place", "measure",
      "subject", "unit_name", "value", "value_high", "qualifier", "unit", "figure", "claimant_id", "claimant",
      "claimant_side", "verification", "source_id", "evidence", "cited_outlet"];
    return [head, ...rows.map((i) => [F.id[i], F.event[i], iso(D, F.claim[i]), iso(D, F.p0[i]), iso(D, F.p1[i]),
      F.place[i] >= 0 ? P.id[F.place[i]] : "", F.place[i] >= 0 ? P.name[F.place[i]] : "",
      code(D, "measure", F.measure[i]), code(D, "subject", F.subject[i]), F.unit_name[i], F.value[i], F.high[i],
      code(D, "qual", F.qual[i]), code(D, "unit", F.unit[i]), F.text[i], F.claimant[i] >= 0 ? C.id[F.claimant[i]] : "",
      F.claimant[i] >= 0 ? C.name[F.claimant[i]] : "", F.claimant[i] >= 0 ? C.side[F.claimant[i]] : "",
      code(D, "verif", F.verif[i]), F.source[i] >= 0 ? S.id[F.source[i]] : "", F.evidence[i], F.outlet[i]])];
  }

  /** A citation of one event or figure, short and full, with the book's version, date and permalink. */
  function citation(D, id, what) {
    const c = D.cite, url = `${c.base}${c.page}#${encodeURIComponent(id)}`;
    const book = c.title.split(":")[0];
    const kind = idView(id) === "figures" ? "Figure" : "Event";
    return {
      url,
      short: `“${kind} ${id}”, ${book}, version ${c.version} (${c.date}), ${url}`,
      full: `${c.authors}. “${kind} ${id}: ${what}”. In ${c.title}, version ${c.version}, released ${c.date}. ${url}`,
    };
  }

  root.kxCore = {
    FILTERS, KEYS, LISTS, fold, isoDay, dayOf, isoOf, dayLabel, when, parseDay, parseHash, writeHash, idView,
    placesWithin, criteria, sideOf, figurePhases, dated, matchEvents, matchFigures, groupFigures, eventText,
    figureText, toCSV, eventRecords, figureRecords, citation,
  };
})(window);

/*
 * app.js - the page of `entente serve`.  Draws the alignment network as
 * SVG with d3 (selection and zoom) at the positions the server's Graphviz
 * layout gives (no layout runs in the browser: the picture is placed
 * before it is first painted; docs/web.md has why d3 and not a canvas
 * library), re-draws the ties as of the date on the slider, and shows a
 * tie's sources and events with their evidence, a state's allies,
 * adversaries and treaties, and the answers of the scenario and Security
 * Council forms.  Every answer comes from the JSON API, which answers as
 * the CLI does.  Text from the API goes in with textContent; the only HTML
 * taken from it is the evidence sentence, which the server escapes and
 * marks.
 */
'use strict';

(function () {
  const CAMP = ['#f4a261', '#8ecae6', '#90be6d', '#e9c46a', '#cdb4db', '#bc8a5f',
    '#a8dadc', '#ffafcc'];
  const NO_CAMP = '#e2e2e2';
  const POS = '#2b6cb0', NEG = '#c53030';
  const $ = (id) => document.getElementById(id);
  const state = { svg: null, asOf: null, latest: null, positions: new Map(), ties: new Map(),
    months: [], ready: false, paintMs: null, loads: 0 };
  window.entente = state;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function signed(w) {
    return (w > 0 ? '+' : '') + Number(w).toFixed(2);
  }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {}))
      if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const url = '/api/' + path + (q.toString() ? '?' + q : '');
    const r = await fetch(url);
    let body = null;
    try { body = await r.json(); } catch (e) { body = { error: 'not JSON: ' + url }; }
    if (!r.ok) throw new Error(body && body.error ? body.error : r.status + ' ' + url);
    return body;
  }

  function status(text) { $('status').textContent = text; }

  function campColour(c) {
    return c === undefined || c === null || c < 0 ? NO_CAMP : CAMP[c % CAMP.length];
  }

  const NS = 'http://www.w3.org/2000/svg';
  const R = 16;   /* node radius, in layout points */

  function tieId(a, b) { return [a, b].sort().join('-'); }

  /* where a state without a place in the first layout goes: a ring */
  function placeNew(i, n) {
    const xs = [...state.positions.values()];
    const cx = xs.reduce((s, p) => s + p.x, 0) / Math.max(1, xs.length);
    const cy = xs.reduce((s, p) => s + p.y, 0) / Math.max(1, xs.length);
    const r = Math.max(...xs.map((p) => Math.hypot(p.x - cx, p.y - cy)), 200) + 60;
    const t = (2 * Math.PI * i) / Math.max(1, n);
    return { x: cx + r * Math.cos(t), y: cy + r * Math.sin(t) };
  }

  function showCamps(net) {
    const box = $('camps');
    box.textContent = '';
    const camps = new Map();
    for (const n of net.nodes) {
      const c = n.camp === undefined ? -1 : n.camp;
      if (!camps.has(c)) camps.set(c, []);
      camps.get(c).push(n.id);
    }
    for (const c of [...camps.keys()].sort((a, b) => a - b)) {
      const p = el('p');
      const sw = el('span', null, 'swatch');
      sw.style.background = campColour(c);
      p.append(sw, el('b', c < 0 ? 'between camps: ' : 'camp ' + (c + 1) + ': '),
        camps.get(c).join(' '));
      box.append(p);
    }
  }

  /* The ties, drawn under the states: one SVG line each. */
  function drawTies(net) {
    const ties = state.tiesLayer;
    ties.selectAll('line').remove();
    state.ties = new Map();
    const data = net.edges.filter((e) => state.positions.has(e.a) && state.positions.has(e.b))
      .map((e) => ({ id: tieId(e.a, e.b), a: [e.a, e.b].sort()[0], b: [e.a, e.b].sort()[1],
        w: e.weight }));
    for (const d of data) state.ties.set(d.id, d);
    ties.selectAll('line').data(data).join('line')
      .attr('class', (d) => 'tie ' + (d.w > 0 ? 'pos' : 'neg'))
      .attr('data-id', (d) => d.id)
      .attr('x1', (d) => state.positions.get(d.a).x).attr('y1', (d) => state.positions.get(d.a).y)
      .attr('x2', (d) => state.positions.get(d.b).x).attr('y2', (d) => state.positions.get(d.b).y)
      .attr('stroke', (d) => (d.w > 0 ? POS : NEG))
      .attr('stroke-width', (d) => (0.6 + 3.5 * Math.abs(d.w)).toFixed(2))
      .attr('stroke-dasharray', (d) => (d.w > 0 ? null : '7 4'));
  }

  /* The states: a circle and its code, filled with the camp's colour. */
  function drawStates(net) {
    const present = new Map(net.nodes.map((n) => [n.id, n]));
    const fresh = net.nodes.filter((n) => !state.positions.has(n.id));
    fresh.forEach((n, i) => state.positions.set(n.id, placeNew(i, fresh.length)));
    const data = [...state.positions.keys()].map((id) => ({ id,
      camp: present.has(id) ? present.get(id).camp : undefined, present: present.has(id),
      name: present.has(id) ? present.get(id).name : id }));
    const g = state.statesLayer.selectAll('g.state').data(data, (d) => d.id).join((enter) => {
      const e = enter.append('g').attr('class', 'state')
        .attr('transform', (d) => `translate(${state.positions.get(d.id).x},${state.positions.get(d.id).y})`)
        .on('click', (ev, d) => { ev.stopPropagation(); select(ev.currentTarget); showState(d.id); });
      e.append('circle').attr('r', R).attr('stroke', '#555');
      e.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').text((d) => d.id);
      e.append('title');
      return e;
    });
    g.attr('data-id', (d) => d.id).classed('absent', (d) => !d.present);
    g.select('circle').attr('fill', (d) => campColour(d.camp));
    g.select('title').text((d) => d.name + (d.camp === -1 ? ' (between camps)' : ''));
  }

  /* A click on the picture (not on a state) picks the nearest tie within
   * 8 pixels: thin and dashed lines are easy to click that way, and the
   * 5,000 lines need no hit areas of their own.  O(ties) per click. */
  function pickTie(ev) {
    const [px, py] = d3.pointer(ev, state.tiesLayer.node());
    const k = d3.zoomTransform(state.svg.node()).k;
    let best = null, bestD = 8 / k;
    for (const t of state.ties.values()) {
      const p = state.positions.get(t.a), q = state.positions.get(t.b);
      const dx = q.x - p.x, dy = q.y - p.y, len2 = dx * dx + dy * dy || 1;
      const u = Math.max(0, Math.min(1, ((px - p.x) * dx + (py - p.y) * dy) / len2));
      const d = Math.hypot(px - p.x - u * dx, py - p.y - u * dy);
      if (d < bestD) { bestD = d; best = t; }
    }
    if (!best) return;
    const line = state.tiesLayer.select(`line[data-id="${best.id}"]`).raise();
    select(line.node());
    showTie(best);
  }

  function select(node) {
    state.svg.selectAll('.selected').classed('selected', false);
    d3.select(node).classed('selected', true);
  }

  /* Fit the whole network, or zoom on one state or tie; returns the
   * element's point on the screen. */
  function focus(id, scale) {
    const box = $('net').getBoundingClientRect();
    let x, y;
    if (id && state.ties.has(id)) {
      const t = state.ties.get(id), p = state.positions.get(t.a), q = state.positions.get(t.b);
      x = (p.x + q.x) / 2; y = (p.y + q.y) / 2;
    } else if (id && state.positions.has(id)) {
      ({ x, y } = state.positions.get(id));
    }
    let t;
    if (x === undefined) {
      const ps = [...state.positions.values()];
      const x0 = Math.min(...ps.map((p) => p.x)) - 2 * R, x1 = Math.max(...ps.map((p) => p.x)) + 2 * R;
      const y0 = Math.min(...ps.map((p) => p.y)) - 2 * R, y1 = Math.max(...ps.map((p) => p.y)) + 2 * R;
      const k = Math.min(box.width / (x1 - x0), box.height / (y1 - y0));
      t = d3.zoomIdentity.translate((box.width - k * (x0 + x1)) / 2, (box.height - k * (y0 + y1)) / 2).scale(k);
    } else {
      const k = scale || 2;
      t = d3.zoomIdentity.translate(box.width / 2 - k * x, box.height / 2 - k * y).scale(k);
    }
    state.svg.call(state.zoom.transform, t);
    return x === undefined ? null : { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }

  function draw(net) {
    const t0 = performance.now();
    for (const n of net.nodes)
      state.positions.set(n.id, { x: n.x, y: -n.y });   /* Graphviz's y grows upwards */
    const svg = d3.select('#net').append('svg').attr('xmlns', NS)
      .attr('width', '100%').attr('height', '100%');
    const world = svg.append('g');
    state.svg = svg;
    state.tiesLayer = world.append('g').attr('class', 'ties');
    state.statesLayer = world.append('g').attr('class', 'states');
    state.zoom = d3.zoom().scaleExtent([0.05, 20]).on('zoom', (ev) => world.attr('transform', ev.transform));
    svg.call(state.zoom).on('dblclick.zoom', null);
    svg.on('click', (ev) => pickTie(ev));
    drawTies(net);
    drawStates(net);
    focus();
    showCamps(net);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      state.paintMs = performance.now() - t0;
      state.ready = true;
      document.body.dataset.ready = '1';
    }));
  }

  function redraw(net) {
    drawStates(net);
    drawTies(net);
    showCamps(net);
  }

  /* what the browser test and the benchmark read */
  state.nodes = () => [...state.positions.keys()].filter((id) =>
    !state.statesLayer.select(`g.state[data-id="${id}"]`).classed('absent'));
  state.edgeCount = () => state.ties.size;
  state.tie = (id) => (state.ties.has(id) ? state.ties.get(id).w : undefined);
  state.focus = focus;

  async function load(asOf) {
    const mine = ++state.loads;
    status('loading ' + (asOf || '') + '…');
    try {
      const net = await api('network', { as_of: asOf });
      if (mine !== state.loads) return;       /* a later date was asked */
      state.asOf = net.as_of;
      redraw(net);
      status(net.nodes.length + ' states, ' + net.edges.length + ' ties');
      $('date-label').textContent = net.as_of;
      document.body.dataset.asOf = net.as_of;
    } catch (e) {
      status(e.message);
    }
  }

  function setupSlider(latest) {
    const [y, m] = latest.split('-').map(Number);
    const months = [];
    for (let yy = 2000, mm = 1; yy < y || (yy === y && mm <= m); mm === 12 ? (yy++, mm = 1) : mm++)
      months.push(yy + '-' + String(mm).padStart(2, '0') + '-01');
    months[months.length - 1] = latest;
    state.months = months;
    const s = $('date');
    s.min = 0;
    s.max = months.length - 1;
    s.value = months.length - 1;
    let timer = null;
    const go = () => { clearTimeout(timer); timer = null; load(months[s.value]); };
    s.addEventListener('input', () => {
      $('date-label').textContent = months[s.value];
      clearTimeout(timer);
      timer = setTimeout(go, 250);
    });
    s.addEventListener('change', go);
  }

  function details(title) {
    $('details').hidden = false;
    $('details-title').textContent = title;
    const body = $('details-body');
    body.textContent = '';
    return body;
  }

  async function showTie(tie) {
    const a = tie.a, b = tie.b;
    const body = details(a + ' – ' + b + ': tie ' + signed(tie.w) + ' on ' + state.asOf);
    body.dataset.tie = a + '-' + b;
    const why = el('div');
    const evs = el('div');
    evs.id = 'tie-events';
    body.append(el('h3', 'Where the tie comes from'), why, el('h3', 'Events'), evs);
    try {
      const x = await api('explain', { a, b, as_of: state.asOf });
      const ul = el('ul');
      for (const it of x.items.filter((i) => i.applies && i.kind !== 'event').slice(0, 8)) {
        const li = el('li', (it.kind || '') + ' ' + signed(it.weight) + ': ' + (it.note || ''));
        if (it.source) {
          li.append(' ');
          li.append(el('small', it.source));
        }
        ul.append(li);
      }
      if (!ul.children.length) ul.append(el('li', 'no treaty or baseline line applies', 'muted'));
      why.append(ul);
    } catch (e) { why.append(el('p', e.message, 'error')); }
    try {
      const r = await api('events', { dyad: a + '-' + b, asserted: 1, newest: 1, limit: 20,
        until: state.asOf });
      if (!r.events.length) evs.append(el('p', 'no events in the store for this pair', 'muted'));
      for (const e of r.events) {
        const div = el('div', null, 'event');
        div.append(el('b', e.date + ' ' + e.source + ' → ' + e.target + ' ' + e.code + ' '));
        const sent = el('div', null, 'ev');
        div.append(sent, el('small', e.id));
        evs.append(div);
        api('evidence/' + encodeURIComponent(e.id)).then((x) => {
          sent.innerHTML = x.html;   /* escaped and marked by the server */
        }).catch((err) => sent.append(el('span', err.message, 'error')));
      }
    } catch (e) { evs.append(el('p', e.message, 'muted')); }
  }

  async function showState(id) {
    const body = details(id);
    try {
      const p = await api('position', { state: id, as_of: state.asOf });
      const allies = p.partners.filter((x) => x.tie > 0).sort((x, y) => y.tie - x.tie);
      const foes = p.partners.filter((x) => x.tie < 0).sort((x, y) => x.tie - y.tie);
      $('details-title').textContent = id + (p.between ? ' (between camps)' : ', camp ' + (p.bloc + 1));
      for (const [title, list, cls] of [['Allies', allies, 'pos'], ['Adversaries', foes, 'neg']]) {
        body.append(el('h3', title));
        const ul = el('ul');
        ul.className = title.toLowerCase();
        for (const x of list.slice(0, 12)) ul.append(el('li', x.state + ' ' + signed(x.tie), cls));
        if (!list.length) ul.append(el('li', 'none among the major partners', 'muted'));
        body.append(ul);
      }
    } catch (e) { body.append(el('p', e.message, 'error')); }
    try {
      const t = await api('treaties', { state: id, as_of: state.asOf });
      body.append(el('h3', 'Treaties in force'));
      const ul = el('ul');
      ul.className = 'treaties';
      for (const x of t.treaties.filter((x) => x.in_force_on_date))
        ul.append(el('li', x.name + ' (' + x.id + ')'));
      if (!ul.children.length) ul.append(el('li', 'none in the built-in set', 'muted'));
      body.append(ul);
    } catch (e) { body.append(el('p', e.message, 'error')); }
  }

  async function scenario(ev) {
    ev.preventDefault();
    const out = $('scenario-answer');
    out.textContent = 'thinking…';
    try {
      const s = await api('scenario', { attacker: $('attacker').value.trim(),
        target: $('target').value.trim(), as_of: state.asOf });
      out.textContent = '';
      out.append(el('p', 'If ' + s.attacker + ' attacks ' + s.target + ' on ' + s.as_of + ':'));
      const ul = el('ul');
      for (const o of s.obliged.filter((o) => o.round === 0).slice(0, 12))
        ul.append(el('li', o.state + ' bound to the ' + o.side + "'s side by " + o.treaty +
          ' art. ' + o.article + ' (binding ' + o.binding + ', credibility ' + o.credibility + ')'));
      if (!ul.children.length) ul.append(el('li', 'nobody is bound by treaty', 'muted'));
      out.append(el('b', 'Bound by treaty'), ul);
      out.append(el('p', 'Attacker\'s coalition: ' + s.coalitions.attacker.join(' ')));
      out.append(el('p', 'Target\'s coalition: ' + s.coalitions.target.join(' ')));
      out.append(el('p', s.note, 'muted'));
    } catch (e) { out.textContent = ''; out.append(el('p', e.message, 'error')); }
  }

  async function unsc(ev) {
    ev.preventDefault();
    const out = $('unsc-answer');
    out.textContent = 'counting…';
    try {
      const u = await api('unsc', { target: $('unsc-target').value.trim(),
        topic: $('unsc-topic').value, as_of: state.asOf });
      out.textContent = '';
      out.append(el('p', 'A ' + u.topic + ' draft on ' + u.target + ': ' + u.outcome +
        ' (' + u.tally.yes + ' yes, ' + u.tally.no + ' no, ' + u.tally.abstain + ' abstain)' +
        (u.vetoes.length ? '; vetoed by ' + u.vetoes.join(', ') : '')));
      const ul = el('ul');
      for (const m of u.members) ul.append(el('li', m + ': ' + u.votes[m] + ' — ' + (u.reasons[m] || '')));
      out.append(ul);
    } catch (e) { out.textContent = ''; out.append(el('p', e.message, 'error')); }
  }

  async function start() {
    status('loading…');
    try {
      const net = await api('network', { layout: 1 });
      state.asOf = state.latest = net.as_of;
      $('date-label').textContent = net.as_of;
      document.body.dataset.asOf = net.as_of;
      draw(net);
      setupSlider(net.as_of);
      status(net.nodes.length + ' states, ' + net.edges.length + ' ties');
    } catch (e) {
      status(e.message);
    }
    $('scenario-form').addEventListener('submit', scenario);
    $('unsc-form').addEventListener('submit', unsc);
  }

  start();
})();

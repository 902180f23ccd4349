/*
 * app.js - the page of `entente serve`.  Draws the alignment network with
 * cytoscape.js at the positions the server's Graphviz layout gives (no
 * layout runs in the browser: the picture is placed before it is first
 * painted), re-draws the ties as of the date on the slider, and shows a
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
  const state = { cy: null, asOf: null, latest: null, positions: new Map(),
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

  function edgeElements(net) {
    return net.edges.map((e) => {
      const [a, b] = [e.a, e.b].sort();
      return { group: 'edges', data: { id: a + '-' + b, source: a, target: b,
        w: e.weight, aw: Math.abs(e.weight), colour: e.weight > 0 ? POS : NEG,
        line: e.weight > 0 ? 'solid' : 'dashed' } };
    });
  }

  /* where a state without a place in the first layout goes: a ring */
  function placeNew(id, i, n) {
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

  function draw(net) {
    const t0 = performance.now();
    const nodes = net.nodes.map((n) => {
      const p = { x: n.x, y: -n.y };   /* Graphviz's y grows upwards */
      state.positions.set(n.id, p);
      return { group: 'nodes', data: { id: n.id, name: n.name, colour: campColour(n.camp) },
        position: p };
    });
    state.cy = cytoscape({
      container: $('net'),
      elements: nodes.concat(edgeElements(net)),
      layout: { name: 'preset' },
      minZoom: 0.05, maxZoom: 5,
      textureOnViewport: true, hideEdgesOnViewport: net.edges.length > 2000,
      style: [
        { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(id)',
          'font-size': 9, width: 22, height: 22, 'text-valign': 'center',
          'border-width': 1, 'border-color': '#555' } },
        { selector: 'node.absent', style: { opacity: 0.2 } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
        { selector: 'edge', style: { 'curve-style': 'haystack', 'line-color': 'data(colour)',
          'line-style': 'data(line)', width: 'mapData(aw, 0, 1, 0.5, 5)', opacity: 0.75 } },
        { selector: 'edge:selected', style: { opacity: 1, width: 7 } },
      ],
    });
    state.cy.on('tap', 'edge', (ev) => showTie(ev.target));
    state.cy.on('tap', 'node', (ev) => showState(ev.target.id()));
    state.cy.one('render', () => {
      requestAnimationFrame(() => {
        state.paintMs = performance.now() - t0;
        state.ready = true;
        document.body.dataset.ready = '1';
      });
    });
    showCamps(net);
  }

  function redraw(net) {
    const cy = state.cy;
    const present = new Set(net.nodes.map((n) => n.id));
    const fresh = net.nodes.filter((n) => !cy.getElementById(n.id).length);
    cy.batch(() => {
      cy.edges().remove();
      fresh.forEach((n, i) => {
        const p = placeNew(n.id, i, fresh.length);
        state.positions.set(n.id, p);
        cy.add({ group: 'nodes', data: { id: n.id, name: n.name }, position: p });
      });
      for (const n of net.nodes)
        cy.getElementById(n.id).data('colour', campColour(n.camp));
      cy.nodes().forEach((n) => n.toggleClass('absent', !present.has(n.id())));
      cy.add(edgeElements(net));
    });
    showCamps(net);
  }

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

  async function showTie(edge) {
    const a = edge.data('source'), b = edge.data('target');
    const body = details(a + ' – ' + b + ': tie ' + signed(edge.data('w')) + ' on ' + state.asOf);
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

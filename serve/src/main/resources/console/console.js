// The listener console: one listener's Daily list, Private FM with feedback buttons that post real events, and their
// live activity. Plain browser JavaScript against the service's own API; nothing is fetched from elsewhere.
'use strict';

const $ = (id) => document.getElementById(id);
/** The service leaves empty lists out of its answers. */
const list = (x) => x || [];
const TOKEN_KEY = 'melograph.console.token';
const ACTIVITY_EVERY_MS = 2000;
const NAMES_PER_REQUEST = 20; // GET /items takes at most 20 ids
const LABEL_COLOURS = { Song: '#4a6cd4', Artist: '#d4664a', Album: '#8a5fc4', Person: '#c49a2f', Genre: '#2f9c6b',
  Tag: '#5aa0a8', Playlist: '#b24f8e', User: '#6b7280', Video: '#333', Mlog: '#333' };

const state = { listener: null, fm: null, fmPlayedAt: null, activityTimer: null, names: new Map() };

// ---- HTTP -------------------------------------------------------------------------------------------------------

async function api(method, path, body) {
  // a listener's data is theirs: every call carries the apps' token, reads included
  const token = $('token').value.trim();
  if (!token) {
    throw new Error('Enter the events token (MELOGRAPH_EVENTS_TOKEN, or the admin token) in the field at the top.');
  }
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + token };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const errors = json && json._embedded && json._embedded.errors;
    const message = errors && errors.length ? errors.map((e) => e.message).join('; ') : json && json.message;
    const err = new Error(`${method} ${path}: ${res.status} ${message || res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return json;
}

const userPath = (suffix) => '/users/' + encodeURIComponent(state.listener) + suffix;

function status(message, ok) {
  $('status').textContent = message || '';
  $('status').className = ok ? 'ok' : '';
}

// ---- small DOM helpers ------------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** A reason's *starred* names as emphasis; everything else as text (never as HTML). */
function reasonNode(reason) {
  const p = el('div', { class: 'reason', 'data-testid': 'reason' });
  String(reason || '').split(/\*([^*]+)\*/).forEach((part, i) => p.append(i % 2 ? el('em', {}, part) : part));
  return p;
}

function tags(pick) {
  const span = el('span', { class: 'tags' });
  span.append(pick.familiar ? el('span', { class: 'tag familiar', 'data-testid': 'marker' }, 'familiar')
    : el('span', { class: 'tag discovery', 'data-testid': 'marker' }, 'discovery'));
  if (pick.longTail) span.append(el('span', { class: 'tag longtail', 'data-testid': 'long-tail' }, 'long tail'));
  for (const c of list(pick.channels)) span.append(el('span', { class: 'tag', 'data-testid': 'channel' }, c));
  return span;
}

// ---- graph paths ------------------------------------------------------------------------------------------------

/** Resolves names and labels of node ids not seen yet, 20 ids a request; a path without names still shows its ids. */
async function resolveNames(ids) {
  const missing = [...new Set(ids)].filter((id) => !state.names.has(id));
  try {
    for (let i = 0; i < missing.length; i += NAMES_PER_REQUEST) {
      const chunk = missing.slice(i, i + NAMES_PER_REQUEST);
      // commas separate ids; encodeURIComponent turns a comma inside an id into %2C
      const answer = await api('GET', '/items?ids=' + chunk.map(encodeURIComponent).join(','));
      for (const n of list(answer.items)) state.names.set(n.id, n);
      for (const id of list(answer.unknown)) state.names.set(id, { id, name: id, label: '?' });
    }
  } catch (e) {
    status('Path names: ' + e.message);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The path seed → … → item drawn small: a dot a node, its label's colour, its name below. */
function pathSvg(path) {
  const step = 130;
  const width = Math.max(1, path.length - 1) * step + 130;
  const root = svg('svg', { class: 'path', viewBox: `0 0 ${width} 30`, width, 'data-testid': 'path' });
  path.forEach((id, i) => {
    const x = 65 + i * step;
    if (i > 0) root.append(svg('line', { x1: x - step + 6, y1: 8, x2: x - 6, y2: 8 }));
    const node = state.names.get(id) || { name: id, label: '?' };
    const g = svg('g', { 'data-label': node.label });
    g.append(svg('title', {}, `${node.label}: ${node.name}`));
    g.append(svg('circle', { cx: x, cy: 8, r: 5, fill: LABEL_COLOURS[node.label] || '#999' }));
    const name = node.name.length > 24 ? node.name.slice(0, 23) + '…' : node.name;
    g.append(svg('text', { x, y: 26, 'text-anchor': 'middle' }, name));
    root.append(g);
  });
  return root;
}

function pickNode(pick, tag, testid) {
  return el(tag, { 'data-testid': testid, 'data-id': pick.id },
    el('span', { class: 'title', 'data-testid': 'title' }, pick.name), ' ',
    el('span', { class: 'artists' }, list(pick.artists).join(', ')), ' ', tags(pick),
    reasonNode(pick.reason), list(pick.path).length ? pathSvg(pick.path) : null);
}

// ---- the listener -----------------------------------------------------------------------------------------------

async function loadSuggestions() {
  try {
    const answer = await api('GET', '/users?limit=20');
    const ul = $('suggestions');
    ul.replaceChildren(...list(answer.listeners).map((l) => el('li', {},
      el('button', { type: 'button', 'data-testid': 'suggestion', 'data-id': l.id, title: `${l.id}: ${l.plays} plays`,
        onclick: () => openListener(l.id) }, l.name + (l.simulated ? ' (sim)' : '')))));
    if (!list(answer.listeners).length) ul.append(el('li', { class: 'hint' }, 'none yet'));
  } catch (e) {
    status(e.message);
  }
}

async function openListener(id) {
  id = id.trim();
  if (!id) return;
  $('listener').value = id;
  state.listener = id;
  state.fm = null;
  clearInterval(state.activityTimer);
  $('daily').replaceChildren();
  $('fm-history').replaceChildren();
  $('activity').replaceChildren();
  $('interests').replaceChildren();
  $('interests-meta').textContent = '';
  renderFm();
  status('Loading ' + id + ' …', true);
  try {
    await loadDaily();
    if ($('status').textContent.startsWith('Loading')) status('', true);
  } catch (e) {
    status(e.message);
  }
  refreshActivity();
  loadInterests();
  state.activityTimer = setInterval(refreshActivity, ACTIVITY_EVERY_MS);
}

async function loadDaily() {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const daily = await api('GET', userPath('/daily?limit=30&tz=' + encodeURIComponent(tz)));
  await resolveNames(list(daily.items).flatMap((p) => list(p.path)));
  $('daily-meta').textContent = `${daily.day} · ${daily.timeZone} · ${Math.round(daily.familiarShare * 100)}% familiar · `
    + `${Math.round(daily.longTailShare * 100)}% long tail` + (daily.fallback ? ' · fallback (popular songs)' : '');
  $('daily').replaceChildren(...list(daily.items).map((p) => pickNode(p, 'li', 'daily-item')));
}

// ---- Private FM -------------------------------------------------------------------------------------------------

function renderFm() {
  const fm = state.fm;
  const now = $('fm-now');
  const started = !!fm;
  for (const b of ['fm-play', 'fm-complete', 'fm-skip', 'fm-like', 'fm-dislike']) $(b).disabled = !started;
  $('fm-next').disabled = !state.listener;
  $('fm-next').textContent = started ? 'Next' : 'Start FM';
  if (!fm) {
    now.className = 'now empty';
    now.removeAttribute('data-id');
    now.textContent = state.listener ? 'Press Start FM.' : 'Pick a listener first.';
    $('fm-avoiding').textContent = '–';
    $('fm-exploring').textContent = '–';
    return;
  }
  const node = pickNode(fm.item, 'div', 'fm-song');
  now.className = 'now';
  now.setAttribute('data-id', fm.item.id);
  now.setAttribute('data-position', fm.position);
  now.replaceChildren(el('div', { class: 'state', 'data-testid': 'fm-state' },
    `#${fm.position} in this session · ${state.fmPlayedAt ? 'playing' : 'not played yet'}`
    + (fm.fallback ? ' · fallback' : '') + (fm.adaptive ? '' : ' · not adaptive')), node);
  $('fm-avoiding').textContent = list(fm.avoiding).join(', ') || '–';
  $('fm-exploring').textContent = list(fm.exploring).join(', ') || '–';
}

async function fmNext() {
  state.fm = await api('POST', userPath('/fm/next'));
  state.fmPlayedAt = null;
  await resolveNames(list(state.fm.item.path));
  renderFm();
}

function event(action, extra) {
  const id = new Uint32Array(4);
  crypto.getRandomValues(id); // crypto.randomUUID needs a secure context; the console may be served over plain http
  return Object.assign({ eventId: 'console-' + Array.from(id, (n) => n.toString(16).padStart(8, '0')).join(''),
    userId: state.listener, itemId: state.fm.item.id, itemType: 'song', action, scene: 'fm', ts: Date.now() }, extra);
}

/** Posts the feedback on the song playing; then, unless it was just "play", asks FM for the next song. */
async function feedback(action) {
  if (!state.fm) return;
  const events = [];
  if (action !== 'play' && !state.fmPlayedAt && (action === 'skip' || action === 'complete')) {
    events.push(event('play')); // a skip or complete ends a play: send the play the listener never pressed
    state.fmPlayedAt = Date.now();
  }
  const position = state.fmPlayedAt ? Math.min(Date.now() - state.fmPlayedAt, 86400000) : undefined;
  events.push(event(action, action === 'skip' ? { positionMs: position } : undefined));
  const item = state.fm.item;
  await api('POST', '/events', events);
  if (action === 'play') {
    state.fmPlayedAt = Date.now();
    renderFm();
    return;
  }
  $('fm-history').prepend(el('li', { 'data-testid': 'fm-history-item', 'data-action': action },
    el('span', { class: 'action ' + action }, action), item.name, ' ', el('span', { class: 'artists' }, list(item.artists).join(', '))));
  await fmNext();
}

function guarded(fn) {
  return async () => {
    const buttons = document.querySelectorAll('.controls button');
    buttons.forEach((b) => { b.dataset.was = b.disabled; b.disabled = true; });
    status('', true);
    try {
      await fn();
    } catch (e) {
      status(e.message);
      buttons.forEach((b) => { b.disabled = b.dataset.was === 'true'; });
      return;
    }
    renderFm();
    refreshActivity();
  };
}

// ---- live activity ----------------------------------------------------------------------------------------------

async function refreshActivity() {
  const listener = state.listener;
  if (!listener) return;
  let a;
  try {
    a = await api('GET', userPath('/activity?limit=25'));
  } catch (e) {
    if (e.status === 404 && listener === state.listener) {
      $('activity-session').textContent = 'No events yet.';
      $('activity').replaceChildren();
    }
    return;
  }
  if (listener !== state.listener) return;
  const s = a.session;
  $('activity-session').textContent = (s ? `Session ${s.number} since ${new Date(s.start).toLocaleTimeString()}: `
    + `${s.plays} plays, ${s.completes} completes, ${s.skips} skips, ${s.likes} likes. ` : '')
    + (list(a.genres).length ? 'Into now: ' + list(a.genres).slice(0, 3).map((g) => g.name).join(', ') : '');
  $('activity').replaceChildren(...list(a.recent).map((r) => el('li', { 'data-testid': 'activity-item', 'data-action': r.action },
    el('span', { class: 'action ' + r.action }, r.action), r.title || r.itemId, ' ',
    el('span', { class: 'artists' }, list(r.artists).join(', ')), ' ',
    el('span', { class: 'hint' }, `${r.scene || ''} ${new Date(r.ts).toLocaleTimeString()}`))));
}

// ---- interests ----------------------------------------------------------------------------------------------------

async function loadInterests() {
  const listener = state.listener;
  let v;
  try {
    v = await api('GET', userPath('/interests?limit=5'));
  } catch (e) {
    if (listener === state.listener) $('interests-meta').textContent = e.message;
    return;
  }
  if (listener !== state.listener) return;
  $('interests-meta').textContent = `Model ${v.version}, from ${v.historySongs} songs.`;
  $('interests').replaceChildren(...list(v.interests).map((i) => el('li', { 'data-testid': 'interest', 'data-channel': i.channel },
    el('strong', {}, i.label.replaceAll('*', '')), ' ', el('span', { class: 'hint' }, i.channel), ' ',
    el('span', { class: 'artists' }, list(i.songs).map((s) => s.title || s.id).join(' · ')))));
}

// ---- wiring -----------------------------------------------------------------------------------------------------

$('token').value = sessionStorage.getItem(TOKEN_KEY) || '';
// a token typed (or corrected) brings the suggestions and the open listener, once the typing pauses
let tokenTimer = null;
$('token').addEventListener('input', () => {
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  clearTimeout(tokenTimer);
  tokenTimer = setTimeout(() => {
    loadSuggestions();
    if (state.listener) openListener(state.listener);
  }, 400);
});
$('listener-form').addEventListener('submit', (e) => { e.preventDefault(); openListener($('listener').value); });
$('fm-next').addEventListener('click', guarded(fmNext));
for (const action of ['play', 'complete', 'skip', 'like', 'dislike']) {
  $('fm-' + action).addEventListener('click', guarded(() => feedback(action)));
}
renderFm();
const fromUrl = new URLSearchParams(location.search).get('user');
if (fromUrl) $('listener').value = fromUrl;
if ($('token').value) {
  loadSuggestions();
  if (fromUrl) openListener(fromUrl);
} else {
  state.listener = fromUrl; // opened once the token is typed
  status('Enter the events token (MELOGRAPH_EVENTS_TOKEN, or the admin token) to begin.');
}

// Harasocial Sync dashboard: a static page over the HTTP API (SPEC §4). No framework, no build step.
// Every value from the API is written with textContent, never as HTML.
'use strict';

const KEY_STORAGE = 'harasocial.apiKey';
const FAST_POLL_MS = 1500;   // while a sync job runs
const SLOW_POLL_MS = 10000;  // otherwise (webhooks keep counts moving)
// Rough size of an initial import per channel (SPEC §2), only to draw a running job's bar; the numbers beside it are exact.
const EXPECTED = { facebook: 160, instagram: 50, zalo: 100, shopee: 100, 'load-more': 30 };

const state = {
  key: localStorage.getItem(KEY_STORAGE) || '',
  connections: [],
  selected: null,          // connection id
  jobs: [],
  folder: 'inbox',
  nextCursor: null,
  conversation: null,      // conversation object
  messages: [],            // newest first, as the API returns them
  messagesCursor: null,
  pendingReply: null,      // { text, conversationId, key }: the Idempotency-Key of the reply being sent
  cardBusy: {},            // connection id → a card button's call is running
  cardErrors: {},          // connection id → the problem of its card's last call
  confirmDisconnect: null, // { id, until }: the Disconnect button asks for a second click
  pollTimer: 0,
};

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// ---- HTTP --------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body, extraHeaders) {
  const headers = { 'X-Api-Key': state.key, Accept: 'application/json', ...(extraHeaders || {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The service did not answer (${e.message}).` });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    throw new ApiError(response.status, json && typeof json === 'object' ? json : { title: `HTTP ${response.status}`, detail: text.slice(0, 300) });
  }
  return json;
}

/** Writes a problem (title, detail, errors map) into a container; clears it when `error` is null. */
function showProblem(container, error) {
  container.replaceChildren();
  if (!error) return;
  const problem = error.problem || { detail: String(error.message || error) };
  const status = error.status ? ` (${error.status})` : '';
  container.append(el('strong', { text: (problem.title || 'Error') + status }));
  if (problem.detail) container.append(el('p', { text: problem.detail }));
  if (problem.errors && typeof problem.errors === 'object') {
    const list = el('ul');
    for (const [field, messages] of Object.entries(problem.errors)) {
      for (const message of [].concat(messages)) list.append(el('li', { text: `${field}: ${message}` }));
    }
    container.append(list);
  }
}

// ---- formatting --------------------------------------------------------------------------------------

const CHANNEL_NAMES = { facebook: 'Facebook', instagram: 'Instagram', zalo: 'Zalo', shopee: 'Shopee' };
const number = new Intl.NumberFormat();
function when(iso) {
  if (!iso) return 'never';
  const date = new Date(iso);
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
function seconds(job) {
  // From the request that created the job, so queue wait counts too.
  const start = job.createdAt || job.startedAt;
  if (!start) return '';
  const end = job.completedAt ? new Date(job.completedAt) : new Date();
  return `${Math.max(0, (end - new Date(start)) / 1000).toFixed(1)} s`;
}

// ---- API key -----------------------------------------------------------------------------------------

async function useKey(key) {
  state.key = key;
  $('key-status').className = 'status-line';
  $('key-status').textContent = 'Checking the key…';
  try {
    const page = await api('GET', '/api/connections');
    localStorage.setItem(KEY_STORAGE, key);
    $('key-status').textContent = 'Key accepted.';
    $('forget-key').hidden = false;
    $('app').hidden = false;
    applyConnections(page.items || []);
    schedulePoll();
  } catch (e) {
    $('app').hidden = true;
    $('key-status').className = 'status-line error';
    if (e.status === 401 || e.status === 403) {
      localStorage.removeItem(KEY_STORAGE);
      state.key = '';
      $('key-status').textContent = 'This API key is not valid. Check it and try again.';
    } else {
      $('key-status').textContent = `Could not check the key: ${e.message}`;
    }
  }
}

function forgetKey() {
  localStorage.removeItem(KEY_STORAGE);
  state.key = '';
  clearTimeout(state.pollTimer);
  $('api-key').value = '';
  $('app').hidden = true;
  $('forget-key').hidden = true;
  $('key-status').textContent = 'Key forgotten.';
}

// ---- connections -------------------------------------------------------------------------------------

function applyConnections(items) {
  state.connections = items;
  const list = $('connections');
  list.replaceChildren(...items.map(connectionCard));
  $('connections-empty').hidden = items.length > 0;
  const selected = items.find((c) => c.id === state.selected);
  if (selected) renderConnectionHeader(selected);
}

function connectionCard(c) {
  const alert = c.status === 'reauth_required' || c.status === 'sync_failed';
  const card = el('li', { class: `card status-card-${c.status}${c.id === state.selected ? ' selected' : ''}${c.status === 'reauth_required' ? ' reauth' : ''}`,
    'data-connection': c.id, 'data-status': c.status });
  const button = el('button', { type: 'button', class: 'card-select', 'aria-pressed': String(c.id === state.selected), onclick: () => selectConnection(c.id) },
    el('span', { class: `badge ${c.channel}`, text: CHANNEL_NAMES[c.channel] || c.channel }),
    el('span', { class: 'card-name', text: c.name || c.externalId }));
  card.append(button);
  card.append(el('div', { class: 'card-id', text: c.externalId }));
  card.append(el('div', { class: `conn-status status-${c.status}`, 'data-status': c.status, text: statusLabel(c.status) }));
  if (c.statusReason) card.append(el('div', { class: alert ? 'reason strong' : 'reason', text: c.statusReason }));
  const n = c.counts || {};
  card.append(el('div', { class: 'counts', text:
    `${number.format(n.conversations || 0)} conversations · ${number.format(n.messages || 0)} messages` +
    (n.posts || n.comments ? ` · ${number.format(n.posts || 0)} posts · ${number.format(n.comments || 0)} comments` : '') }));
  card.append(el('div', { class: 'muted small', text: `Last sync: ${when(c.lastSyncAt)}` }));
  card.append(cardActions(c));
  const error = el('div', { class: 'problem card-error', role: 'alert' });
  if (state.cardErrors[c.id]) showProblem(error, state.cardErrors[c.id]);
  card.append(error);
  return card;
}

/** What a seller can do with a connection in its status (SPEC §4 lifecycle). */
function cardActions(c) {
  const actions = el('div', { class: 'card-actions' });
  const busy = state.cardBusy[c.id];
  const add = (name, label, onclick, extra) => actions.append(el('button', { type: 'button', class: `card-action action-${name}${extra ? ' ' + extra : ''}`,
    'data-action': name, disabled: busy || undefined, onclick }, label));
  if (c.status === 'active' || c.status === 'syncing') {
    add('sync-now', 'Sync now', () => cardCall(c, 'POST', `/api/connections/${encodeURIComponent(c.id)}/sync`, { kind: 'resync' }));
  }
  if (c.status === 'sync_failed') {
    add('retry', 'Retry', () => cardCall(c, 'POST', `/api/connections/${encodeURIComponent(c.id)}/sync`, { kind: 'initial' }), 'primary');
  }
  if (c.status === 'reauth_required' || c.status === 'disconnected') {
    add('reconnect', 'Reconnect…', () => prefillReconnect(c), 'primary');
  }
  if (c.status !== 'disconnected') {
    const confirming = state.confirmDisconnect && state.confirmDisconnect.id === c.id && state.confirmDisconnect.until > Date.now();
    add('disconnect', confirming ? 'Click again to disconnect' : 'Disconnect', () => {
      if (!confirming) {
        state.confirmDisconnect = { id: c.id, until: Date.now() + 5000 };
        applyConnections(state.connections);
        setTimeout(() => applyConnections(state.connections), 5100);
        return;
      }
      state.confirmDisconnect = null;
      cardCall(c, 'DELETE', `/api/connections/${encodeURIComponent(c.id)}`);
    }, confirming ? 'danger' : '');
  }
  return actions;
}

/** A card button's call: the card shows the problem if it fails; connections and jobs are read again either way. */
async function cardCall(c, method, path, body) {
  state.cardBusy[c.id] = true;
  delete state.cardErrors[c.id];
  applyConnections(state.connections);
  try {
    await api(method, path, body);
  } catch (e) {
    state.cardErrors[c.id] = e;
  } finally {
    delete state.cardBusy[c.id];
  }
  await refreshConnections();
  if (state.selected === c.id) await refreshJobs();
  schedulePoll();
}

/** Reconnecting is connecting again with new tokens: the form is filled with the account, the seller pastes the tokens. */
function prefillReconnect(c) {
  const form = $('connect-form');
  $('connect-details').open = true;
  form.channel.value = c.channel;
  connectFormChannelChanged();
  form.externalId.value = c.externalId;
  if (c.linkedPageId) form.linkedPageId.value = c.linkedPageId;
  form.name.value = c.name || '';
  form.accessToken.value = '';
  form.accessToken.focus();
  $('connect-details').scrollIntoView({ block: 'nearest' });
}

function statusLabel(status) {
  return { active: 'Active', syncing: 'Syncing…', sync_failed: 'Sync failed', reauth_required: 'Reconnect needed', disconnected: 'Disconnected' }[status] || status;
}

function connectFormChannelChanged() {
  const channel = $('c-channel').value;
  for (const block of document.querySelectorAll('#connect-form [data-for]')) {
    block.hidden = !block.dataset.for.split(' ').includes(channel);
  }
}

async function submitConnect(event) {
  event.preventDefault();
  const form = event.target;
  const channel = form.channel.value;
  const body = {
    channel,
    externalId: form.externalId.value.trim(),
    accessToken: form.accessToken.value.trim(),
  };
  if (form.name.value.trim()) body.name = form.name.value.trim();
  if (channel === 'zalo' || channel === 'shopee') body.refreshToken = form.refreshToken.value.trim();
  if (channel === 'instagram') body.linkedPageId = form.linkedPageId.value.trim();
  if (channel === 'facebook') body.settings = { syncSpam: form.syncSpam.checked };
  showProblem($('connect-error'), null);
  const submit = form.querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const created = await api('POST', '/api/connections', body);
    form.reset();
    connectFormChannelChanged();
    $('connect-details').open = false;
    state.selected = created.connection.id;
    await refreshConnections();
    await selectConnection(created.connection.id);
  } catch (e) {
    showProblem($('connect-error'), e);
  } finally {
    submit.disabled = false;
  }
}

async function refreshConnections() {
  const page = await api('GET', '/api/connections');
  applyConnections(page.items || []);
}

function renderConnectionHeader(c) {
  $('connection-heading').textContent = `${CHANNEL_NAMES[c.channel] || c.channel}: ${c.name || c.externalId}`;
  $('spam-setting').hidden = c.channel !== 'facebook';
  $('sync-spam').checked = !!(c.settings && c.settings.syncSpam);
  $('zalo-load-more').hidden = c.channel !== 'zalo';
}

async function selectConnection(id) {
  const changed = state.selected !== id;
  state.selected = id;
  const c = state.connections.find((x) => x.id === id);
  for (const card of document.querySelectorAll('#connections .card')) {
    const on = card.dataset.connection === id;
    card.classList.toggle('selected', on);
    card.querySelector('.card-select').setAttribute('aria-pressed', String(on));
  }
  $('connection-detail').hidden = false;
  if (c) renderConnectionHeader(c);
  showProblem($('settings-error'), null);
  if (changed) {
    $('folder').value = state.folder = 'inbox';
    closeThread();
  }
  await Promise.all([refreshJobs(), loadConversations(false)]);
  schedulePoll();
}

async function toggleSyncSpam(event) {
  const checkbox = event.target;
  showProblem($('settings-error'), null);
  checkbox.disabled = true;
  try {
    const updated = await api('PATCH', `/api/connections/${encodeURIComponent(state.selected)}`, { settings: { syncSpam: checkbox.checked } });
    const i = state.connections.findIndex((c) => c.id === updated.id);
    if (i >= 0) state.connections[i] = updated;
    applyConnections(state.connections);
    await refreshJobs();
  } catch (e) {
    checkbox.checked = !checkbox.checked;
    showProblem($('settings-error'), e);
  } finally {
    checkbox.disabled = false;
  }
}

// ---- sync jobs ---------------------------------------------------------------------------------------

const isRunning = (job) => job.status === 'queued' || job.status === 'running';

const KIND_LABELS = { initial: 'Initial sync', resync: 'Resync', 'load-more': 'Load more', spam: 'Spam-folder check', backfill: 'Backfill' };

async function refreshJobs() {
  if (!state.selected) return;
  const connectionId = state.selected;
  const before = new Map(state.jobs.map((j) => [j.id, j.status]));
  const page = await api('GET', `/api/connections/${encodeURIComponent(connectionId)}/sync-jobs?limit=50`);
  if (connectionId !== state.selected) return;
  state.jobs = page.items || [];
  renderJobs();
  // A job that just finished brought new conversations: show them.
  if (state.jobs.some((j) => before.has(j.id) && isRunning({ status: before.get(j.id) }) && !isRunning(j))) {
    await loadConversations(false);
  }
}

/**
 * Jobs grouped by kind, the group with the newest job first: each kind's newest job in full (progress, import report),
 * its earlier ones folded. Backfills (one per Zalo customer who wrote after the import) are folded into one line.
 */
function renderJobs() {
  const groups = new Map();
  for (const job of state.jobs) {
    if (!groups.has(job.kind)) groups.set(job.kind, []);
    groups.get(job.kind).push(job);
  }
  const items = [];
  for (const [kind, jobs] of groups) {
    if (kind === 'backfill') { items.push(backfillGroup(jobs)); continue; }
    items.push(jobRow(jobs[0], true));
    if (jobs.length > 1) {
      items.push(el('li', { class: 'job-group earlier', 'data-kind': kind },
        el('details', {},
          el('summary', { text: `${jobs.length - 1} earlier ${KIND_LABELS[kind] ? KIND_LABELS[kind].toLowerCase() : kind} job${jobs.length > 2 ? 's' : ''}` }),
          el('ul', { class: 'jobs' }, ...jobs.slice(1).map((j) => jobRow(j, false))))));
    }
  }
  if (items.length === 0) items.push(el('li', { class: 'muted', text: 'No sync job yet.' }));
  $('jobs').replaceChildren(...items);
}

function backfillGroup(jobs) {
  const running = jobs.filter(isRunning).length;
  const failed = jobs.filter((j) => j.status === 'failed').length;
  const messages = jobs.reduce((n, j) => n + ((j.progress && j.progress.messages) || 0), 0);
  const parts = [`${jobs.length} backfill${jobs.length > 1 ? 's' : ''}`, `${number.format(messages)} messages`];
  if (running) parts.push(`${running} running`);
  if (failed) parts.push(`${failed} failed`);
  return el('li', { class: 'job-group backfills', 'data-kind': 'backfill', 'data-count': String(jobs.length) },
    el('details', {},
      el('summary', { text: parts.join(' · ') }),
      el('p', { class: 'muted small', text: 'A backfill imports the history of a customer who wrote after the initial import (at most 100 messages, none older than 6 months).' }),
      el('ul', { class: 'jobs' }, ...jobs.map((j) => jobRow(j, false)))));
}

function jobRow(job, head) {
  const c = state.connections.find((x) => x.id === job.connectionId);
  const p = job.progress || {};
  const expected = EXPECTED[job.kind === 'load-more' ? 'load-more' : c && c.channel] || 100;
  const done = job.status === 'completed';
  const value = done ? 100 : isRunning(job) ? Math.min(95, Math.round(100 * (p.conversations || 0) / expected)) : 0;
  const bar = el('progress', { max: '100', value: String(value), 'aria-label': `${job.kind} sync progress` });
  if (isRunning(job) && (p.conversations || 0) === 0) bar.removeAttribute('value'); // indeterminate until the first page lands
  return el('li', { class: `job job-${job.status}${head ? '' : ' job-older'}`, 'data-job': job.id, 'data-status': job.status, 'data-kind': job.kind },
    el('div', { class: 'job-head' },
      el('span', { class: 'job-kind', title: KIND_LABELS[job.kind] || job.kind, text: job.kind }),
      el('span', { class: 'job-status', text: job.status }),
      el('span', { class: 'job-phase muted', text: job.phase ? `phase: ${job.phase}` : '' }),
      el('span', { class: 'muted small', text: seconds(job) })),
    head ? bar : null,
    el('div', { class: 'small', text:
      `${number.format(p.conversations || 0)} conversations · ${number.format(p.messages || 0)} messages · ` +
      `${number.format(p.posts || 0)} posts · ${number.format(p.comments || 0)} comments · ${number.format(p.apiCalls || 0)} channel calls` }),
    job.error ? el('div', { class: 'problem inline', text: job.error }) : null,
    job.report && job.report.limits && job.report.limits.length ? jobReport(job.report.limits, head) : null);
}

/** The import report: each rule of the policy table that applied, in words (what was imported, of how many, why it stopped). */
function jobReport(limits, open) {
  return el('details', { class: 'job-report', open: open || undefined },
    el('summary', { text: 'Import report' }),
    el('ul', {}, ...limits.map((l) => el('li', { 'data-rule': l.name, text: explainLimit(l) }))));
}

function explainLimit(l) {
  const rule = l.name.split('.').slice(1).join('.');
  const of = l.found !== null && l.found !== undefined ? ` of ${number.format(l.found)}` : '';
  const days = /^phase1\.days(\d+)$/.exec(rule);
  if (days) return `Conversations active in the last ${days[1]} days: ${number.format(l.imported)} — all of them (no count cap)`;
  if (rule === 'unfollowerMessages') return `Customers who unfollowed: ${number.format(l.found || 0)}, ${number.format(l.imported)} messages — at most ${l.limit} each`;
  const label = { 'phase2.batch': 'Older conversations (fewer than 100 were recent)', total: 'Conversations in all', conversations: 'Conversations',
    messagesPerConversation: 'Messages', posts: 'Posts', comments: 'Comments across them', spamConversations: 'Spam-folder conversations',
    updatedConversations: 'Conversations updated since the last sync' }[rule] || rule;
  const limit = rule === 'messagesPerConversation' ? `at most ${l.limit} per conversation`
    : rule === 'phase2.batch' || rule === 'total' ? `at most ${l.limit}`
    : l.limit !== null && l.limit !== undefined ? `the ${l.limit} newest` : '';
  const why = { limit: limit ? `${limit} (the limit)` : 'the limit', exhausted: `all there were${limit ? ` (rule: ${limit})` : ''}`,
    cancelled: 'cancelled', auth: 'stopped: the token was rejected', failed: 'stopped: failed', running: 'still running' }[l.stoppedBecause] || l.stoppedBecause;
  return `${label}: ${number.format(l.imported)}${of} — ${why}`;
}

// ---- polling -----------------------------------------------------------------------------------------

function schedulePoll() {
  clearTimeout(state.pollTimer);
  const busy = state.jobs.some(isRunning) || state.connections.some((c) => c.status === 'syncing' || c.activeJobId);
  state.pollTimer = setTimeout(poll, busy ? FAST_POLL_MS : SLOW_POLL_MS);
}

async function poll() {
  if (!state.key) return;
  try {
    await refreshConnections();
    await refreshJobs();
  } catch (e) {
    if (e.status === 401) { forgetKey(); $('key-status').textContent = 'The API key is no longer valid.'; return; }
  }
  schedulePoll();
}

// ---- conversations -----------------------------------------------------------------------------------

async function loadConversations(append) {
  if (!state.selected) return;
  const connectionId = state.selected;
  const params = new URLSearchParams({ folder: state.folder, limit: '20' });
  if (append && state.nextCursor) params.set('cursor', state.nextCursor);
  showProblem($('conversations-error'), null);
  try {
    const page = await api('GET', `/api/connections/${encodeURIComponent(connectionId)}/conversations?${params}`);
    if (connectionId !== state.selected) return;
    const rows = (page.items || []).map(conversationRow);
    if (append) $('conversations').append(...rows); else $('conversations').replaceChildren(...rows);
    state.nextCursor = page.nextCursor || null;
    $('conversations-more').hidden = !state.nextCursor;
    $('conversations-empty').hidden = $('conversations').children.length > 0;
  } catch (e) {
    showProblem($('conversations-error'), e);
  }
}

function conversationRow(conv) {
  const name = (conv.customer && (conv.customer.name || conv.customer.id)) || conv.externalId || conv.id;
  const waiting = !!conv.awaitingReply;
  const item = el('li', { class: `conversation${conv.folder === 'spam' ? ' spam' : ''}${waiting ? ' awaiting' : ''}${state.conversation && state.conversation.id === conv.id ? ' selected' : ''}`,
    'data-conversation': conv.id, 'data-awaiting': String(waiting) });
  const last = conv.lastMessage;
  const preview = last ? `${last.direction === 'out' ? 'You: ' : ''}${last.text || '[attachment]'}` : '';
  item.append(el('button', { type: 'button', class: 'conversation-open', onclick: () => openConversation(conv.id) },
    el('span', { class: 'conversation-line' },
      waiting ? el('span', { class: 'awaiting-mark', role: 'img', 'aria-label': 'Waiting for your reply', title: 'The buyer wrote last: waiting for your reply' }) : null,
      el('span', { class: 'conversation-name', text: name }),
      el('span', { class: 'muted small conversation-time', text: when(conv.lastMessageAt) })),
    el('span', { class: `conversation-preview${waiting ? ' unread' : ''}`, text: preview })));
  const tags = [];
  if (conv.folder === 'spam') tags.push('spam');
  if (conv.status && conv.status !== 'open') tags.push(conv.status);
  if (conv.isFollower === false) tags.push('unfollowed');
  if (tags.length) item.append(el('div', { class: 'tags', text: tags.join(' · ') }));
  if (conv.notice) item.append(el('p', { class: 'notice', text: conv.notice }));
  return item;
}

async function zaloLoadMore() {
  const button = $('zalo-load-more');
  showProblem($('conversations-error'), null);
  button.disabled = true;
  try {
    await api('POST', `/api/connections/${encodeURIComponent(state.selected)}/conversations/load-more`);
    await refreshJobs();
    schedulePoll();
  } catch (e) {
    showProblem($('conversations-error'), e);
  } finally {
    button.disabled = false;
  }
}

// ---- thread ------------------------------------------------------------------------------------------

function closeThread() {
  state.conversation = null;
  state.messages = [];
  $('thread-heading').textContent = 'Conversation';
  $('thread-meta').textContent = 'Open a conversation to read it.';
  $('thread-notice').hidden = true;
  $('messages').replaceChildren();
  $('messages-older').hidden = true;
  $('reply-form').hidden = true;
}

async function openConversation(id) {
  showProblem($('reply-error'), null);
  for (const row of document.querySelectorAll('#conversations .conversation')) row.classList.toggle('selected', row.dataset.conversation === id);
  try {
    const [conv, page] = await Promise.all([
      api('GET', `/api/conversations/${encodeURIComponent(id)}`),
      api('GET', `/api/conversations/${encodeURIComponent(id)}/messages?limit=50`),
    ]);
    state.conversation = conv;
    state.messages = page.items || [];
    state.messagesCursor = page.nextCursor || null;
    renderThread();
    $('reply-form').hidden = false;
    const list = $('messages');
    list.scrollTop = list.scrollHeight;
    bringThreadIntoView();
  } catch (e) {
    showProblem($('conversations-error'), e);
  }
}

/** On a phone (or any layout where the thread sits below the list) the opened thread is scrolled into view. */
function bringThreadIntoView() {
  const pane = document.querySelector('.pane.thread');
  const top = pane.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight / 3) pane.scrollIntoView({ block: 'start' });
}

async function olderMessages() {
  const id = state.conversation.id;
  const page = await api('GET', `/api/conversations/${encodeURIComponent(id)}/messages?limit=50&cursor=${encodeURIComponent(state.messagesCursor)}`);
  state.messages = state.messages.concat(page.items || []);
  state.messagesCursor = page.nextCursor || null;
  renderThread();
}

function renderThread() {
  const conv = state.conversation;
  const name = (conv.customer && (conv.customer.name || conv.customer.id)) || conv.externalId;
  $('thread-heading').textContent = name;
  $('thread-meta').textContent = `${CHANNEL_NAMES[conv.channel] || conv.channel} · folder: ${conv.folder} · ${conv.status}` +
    (conv.isFollower === false ? ' · unfollowed the OA' : '');
  $('thread-notice').hidden = !conv.notice;
  $('thread-notice').textContent = conv.notice || '';
  $('messages-older').hidden = !state.messagesCursor;
  // The API lists newest first; a chat reads oldest to newest.
  const ordered = state.messages.slice().reverse();
  $('messages').replaceChildren(...ordered.map(messageItem));
}

function messageItem(m) {
  const attachments = (m.attachments || []).map((a) => a.type || 'attachment').join(', ');
  return el('li', { class: `message ${m.direction === 'out' ? 'out' : 'in'}`, 'data-direction': m.direction },
    el('div', { class: 'bubble', text: m.text || (attachments ? `[${attachments}]` : m.detailsUnavailable ? '[message details unavailable]' : '') }),
    el('div', { class: 'muted small', text: `${m.direction === 'out' ? 'Seller' : 'Customer'} · ${when(m.sentAt)}${m.text && attachments ? ` · ${attachments}` : ''}` }));
}

/** A random Idempotency-Key (crypto.getRandomValues works outside secure contexts too, unlike randomUUID). */
function newIdempotencyKey() {
  return 'dash-' + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function submitReply(event) {
  event.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text || !state.conversation) return;
  const submit = event.target.querySelector('button[type=submit]');
  submit.disabled = true;
  showProblem($('reply-error'), null);
  // One key per reply: sending the same text to the same conversation again after an error or a lost answer reuses
  // it, so the service answers the first result instead of sending the message twice.
  const conversationId = state.conversation.id;
  if (!state.pendingReply || state.pendingReply.text !== text || state.pendingReply.conversationId !== conversationId) {
    state.pendingReply = { text, conversationId, key: newIdempotencyKey() };
  }
  try {
    const message = await api('POST', `/api/conversations/${encodeURIComponent(conversationId)}/messages`, { text }, { 'Idempotency-Key': state.pendingReply.key });
    state.pendingReply = null;
    $('reply-text').value = '';
    state.messages = [message].concat(state.messages.filter((m) => m.id !== message.id));
    // A reply moves a spam conversation to the inbox: read the conversation again.
    state.conversation = await api('GET', `/api/conversations/${encodeURIComponent(state.conversation.id)}`);
    renderThread();
    $('messages').scrollTop = $('messages').scrollHeight;
    await loadConversations(false);
  } catch (e) {
    // A 4xx is a definite answer (nothing sent): the next try is a new reply. A network error or 5xx keeps the key.
    if (e.status >= 400 && e.status < 500) state.pendingReply = null;
    showProblem($('reply-error'), e);
  } finally {
    submit.disabled = false;
  }
}

// ---- wiring ------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('key-form').addEventListener('submit', (e) => { e.preventDefault(); useKey($('api-key').value.trim()); });
  $('forget-key').addEventListener('click', forgetKey);
  $('c-channel').addEventListener('change', connectFormChannelChanged);
  $('connect-form').addEventListener('submit', submitConnect);
  $('sync-spam').addEventListener('change', toggleSyncSpam);
  $('folder').addEventListener('change', (e) => { state.folder = e.target.value; loadConversations(false); });
  $('refresh-conversations').addEventListener('click', () => loadConversations(false));
  $('conversations-more').addEventListener('click', () => loadConversations(true));
  $('zalo-load-more').addEventListener('click', zaloLoadMore);
  $('messages-older').addEventListener('click', olderMessages);
  $('reply-form').addEventListener('submit', submitReply);
  connectFormChannelChanged();
  closeThread();
  if (state.key) { $('api-key').value = state.key; useKey(state.key); }
});

// Fidelis dashboard: every label from /app/i18n/{en,zh}.json, every value written as text (never as HTML).
'use strict';

const TIERS = ['high', 'medium', 'low'];
const STAGES = ['new', 'active', 'dormant', 'churned'];
const state = { lang: localStorage.getItem('fidelis.lang') || 'en', messages: {}, token: sessionStorage.getItem('fidelis.token'), me: null, charts: [] };

function t(key) {
  const text = state.messages[key];
  return text === undefined ? '⟦' + key + '⟧' : text;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function loadMessages() {
  const response = await fetch('/app/i18n/' + state.lang + '.json');
  state.messages = await response.json();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.title = t('app.title');
}

async function api(path, options) {
  const init = Object.assign({ headers: {} }, options || {});
  init.headers['Authorization'] = 'Bearer ' + state.token;
  if (init.body) init.headers['Content-Type'] = 'application/json';
  const response = await fetch(path, init);
  if (response.status === 401) { signOut(); throw new Error(t('auth.expired')); }
  const type = response.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body && body.error ? body.error : t('error.generic') + ' (' + response.status + ')');
  return body;
}

function tierBadge(tier) { return el('span', { class: 'badge tier-' + tier }, t('tier.' + tier)); }
function stageBadge(stage) { return el('span', { class: 'badge stage' }, t('stage.' + stage)); }
function pick(text) { return state.lang === 'zh' ? text.zh : text.en; }

function chart(node, option) {
  const instance = echarts.init(node);
  // tooltips drawn on the canvas, not as HTML: no text from the data can become markup
  option.tooltip = Object.assign({ renderMode: 'richText' }, option.tooltip || {});
  option.animation = false;
  instance.setOption(option);
  state.charts.push(instance);
  return instance;
}

function view(...children) {
  state.charts.forEach(c => c.dispose());
  state.charts = [];
  const root = document.getElementById('view');
  root.replaceChildren(...children);
  return root;
}

function failure(error) {
  view(el('div', { class: 'card error', id: 'failure' }, error.message));
}

// ---- sign in ----

async function signIn(event) {
  event.preventDefault();
  const response = await fetch('/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: document.getElementById('login-user').value, password: document.getElementById('login-password').value })
  });
  document.getElementById('login-error').hidden = true;
  document.getElementById('login-locked').hidden = true;
  if (response.status === 429) {
    const answer = await response.json();
    document.getElementById('login-locked-until').textContent = (answer.until || '').replace('T', ' ').replace(/\.\d+/, '').replace('Z', '');
    document.getElementById('login-locked').hidden = false;
    return;
  }
  if (!response.ok) { document.getElementById('login-error').hidden = false; return; }
  state.token = (await response.json()).token;
  sessionStorage.setItem('fidelis.token', state.token);
  await start();
}

function signOut() {
  if (state.token) fetch('/api/session/end', { method: 'POST', headers: { Authorization: 'Bearer ' + state.token } });
  state.token = null; state.me = null;
  sessionStorage.removeItem('fidelis.token');
  document.getElementById('nav').hidden = true;
  document.getElementById('signout').hidden = true;
  document.getElementById('who').textContent = '';
  document.getElementById('login').hidden = false;
  view();
}

async function start() {
  if (!state.token) { signOut(); return; }
  try { state.me = await api('/api/me'); } catch (e) { return; }
  document.getElementById('login').hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('signout').hidden = false;
  document.getElementById('who').textContent = state.me.user + ' · ' + t('role.' + state.me.role);
  if (!location.hash || location.hash === '#') location.hash = '#overview'; else route();
}

function can(role) {
  const order = ['viewer', 'analyst', 'admin'];
  return state.me && order.indexOf(state.me.role) >= order.indexOf(role);
}

// ---- routes ----

async function route() {
  if (!state.me) return;
  const [name, arg] = location.hash.slice(1).split('/');
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.id === 'nav-' + (name === 'customer' ? 'customers' : name)));
  try {
    if (name === 'customers') await customers();
    else if (name === 'customer') await customer(decodeURIComponent(arg || ''));
    else if (name === 'evaluation') await evaluation();
    else if (name === 'policies') await policies();
    else if (name === 'account') await account();
    else await overview();
  } catch (e) { failure(e); }
}

async function overview() {
  const o = await api('/api/overview');
  const total = Object.values(o.tiers).reduce((a, b) => a + b, 0);
  const kpi = (label, value) => el('div', { class: 'card kpi' }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label));
  const box = (id, title) => el('div', { class: 'card' }, el('h2', {}, title), el('div', { class: 'chart', id }));
  const root = view(
    el('h1', { id: 'overview-title' }, t('overview.title') + ' · ' + t('overview.asOf') + ' ' + o.run.asOf),
    el('div', { class: 'kpis' },
      kpi(t('overview.customers'), total.toLocaleString()),
      kpi(t('overview.highShare'), total ? (100 * o.tiers.high / total).toFixed(1) + '%' : '–'),
      kpi(t('overview.conflicts'), o.conflicts.toLocaleString()),
      kpi(t('overview.overridden'), o.overridden.toLocaleString()),
      kpi(t('overview.policy'), o.run.policy)),
    el('div', { class: 'grid' },
      box('chart-matrix', t('overview.matrix')), box('chart-tiers', t('overview.tiers')),
      box('chart-stages', t('overview.stages')), box('chart-scores', t('overview.scores')),
      box('chart-trend', t('overview.trend')), box('chart-migration', t('overview.migration'))));
  const data = [];
  TIERS.forEach((tier, y) => STAGES.forEach((stage, x) => data.push([x, y, o.tierByStage[tier][stage]])));
  const max = Math.max(1, ...data.map(d => d[2]));
  chart(root.querySelector('#chart-matrix'), {
    grid: { left: 90, bottom: 40 }, tooltip: {},
    xAxis: { type: 'category', data: STAGES.map(s => t('stage.' + s)) },
    yAxis: { type: 'category', inverse: true, data: TIERS.map(s => t('tier.' + s)) },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#eef4fb', '#12355b'] } },
    series: [{ type: 'heatmap', data, label: { show: true } }]
  });
  chart(root.querySelector('#chart-tiers'), {
    tooltip: {}, series: [{ type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b}: {d}%' },
      data: TIERS.map(s => ({ name: t('tier.' + s), value: o.tiers[s] })), color: ['#2f855a', '#b7791f', '#c53030'] }]
  });
  chart(root.querySelector('#chart-stages'), {
    tooltip: {}, xAxis: { type: 'category', data: STAGES.map(s => t('stage.' + s)) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: STAGES.map(s => o.stages[s]), itemStyle: { color: '#4a5568' } }]
  });
  chart(root.querySelector('#chart-scores'), {
    tooltip: {}, xAxis: { type: 'category', data: Object.keys(o.scores), name: t('overview.score') }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: Object.values(o.scores), itemStyle: { color: '#3e6fa3' } }]
  });
  chart(root.querySelector('#chart-trend'), {
    tooltip: { trigger: 'axis' }, legend: { data: TIERS.map(s => t('tier.' + s)) },
    xAxis: { type: 'category', data: o.trend.map(p => p.asOf) }, yAxis: { type: 'value' }, color: ['#2f855a', '#b7791f', '#c53030'],
    series: TIERS.map(s => ({ name: t('tier.' + s), type: 'line', data: o.trend.map(p => p.tiers[s]) }))
  });
  const migration = root.querySelector('#chart-migration');
  if (!o.migration) {
    migration.replaceChildren(el('p', { class: 'muted' }, t('overview.noMigration')));
  } else {
    const cells = [];
    TIERS.forEach((from, y) => TIERS.forEach((to, x) => cells.push([x, y, o.migration.tiers[from][to]])));
    chart(migration, {
      grid: { left: 110, bottom: 50 }, tooltip: {},
      xAxis: { type: 'category', name: t('overview.to') + ' ' + o.migration.to.asOf, nameLocation: 'middle', nameGap: 28, data: TIERS.map(s => t('tier.' + s)) },
      yAxis: { type: 'category', inverse: true, name: t('overview.from') + ' ' + o.migration.from.asOf, data: TIERS.map(s => t('tier.' + s)) },
      visualMap: { min: 0, max: Math.max(1, ...cells.map(c => c[2])), show: false, inRange: { color: ['#fff7e6', '#b7791f'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true } }]
    });
  }
}

const filters = { q: '', tier: '', stage: '', industry: '', region: '', page: 0 };

async function customers() {
  const params = new URLSearchParams({ page: filters.page, size: 25 });
  for (const key of ['q', 'tier', 'stage', 'industry', 'region']) if (filters[key]) params.set(key, filters[key]);
  const [page, o] = await Promise.all([api('/api/customers?' + params), api('/api/overview')]);
  const select = (id, key, values, label) => el('label', {}, el('span', {}, t('customers.' + id)),
    el('select', { id: 'filter-' + id, on: { change: e => { filters[key] = e.target.value; filters.page = 0; route(); } } },
      el('option', { value: '' }, t('customers.any')),
      values.map(v => el('option', { value: v, selected: filters[key] === v }, label(v)))));
  const search = el('input', { id: 'filter-q', value: filters.q, placeholder: t('customers.searchHint') });
  const form = el('form', { class: 'filters', on: { submit: e => { e.preventDefault(); filters.q = search.value; filters.region = document.getElementById('filter-region').value; filters.page = 0; route(); } } },
    el('label', {}, el('span', {}, t('customers.search')), search),
    select('tier', 'tier', TIERS, v => t('tier.' + v)),
    select('stage', 'stage', STAGES, v => t('stage.' + v)),
    select('industry', 'industry', Object.keys(o.industries).filter(i => i !== '?'), v => v),
    el('label', {}, el('span', {}, t('customers.region')), el('input', { id: 'filter-region', value: filters.region })),
    el('button', { type: 'submit', class: 'primary', id: 'filter-apply' }, t('customers.apply')));
  const rows = page.customers.map(c => el('tr', { class: 'link', 'data-id': c.customerId, on: { click: () => { location.hash = '#customer/' + encodeURIComponent(c.customerId); } } },
    el('td', {}, c.customerId), el('td', {}, c.name || '–'), el('td', {}, c.industry || '–'), el('td', {}, c.region || '–'),
    el('td', {}, tierBadge(c.tier)), el('td', {}, stageBadge(c.stage)), el('td', {}, c.score === null ? '–' : c.score.toFixed(1))));
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  view(el('h1', {}, t('customers.title')),
    el('div', { class: 'card' }, form),
    el('div', { class: 'card' },
      el('p', { id: 'customers-count' }, t('customers.found') + ': ' + page.total.toLocaleString()),
      el('table', { id: 'customers-table' },
        el('thead', {}, el('tr', {}, ['id', 'name', 'industry', 'region', 'tier', 'stage', 'score'].map(h => el('th', {}, t('customers.col.' + h))))),
        el('tbody', {}, rows)),
      el('p', {},
        el('button', { type: 'button', disabled: filters.page === 0, on: { click: () => { filters.page--; route(); } } }, t('customers.previous')), ' ',
        t('customers.page') + ' ' + (filters.page + 1) + ' / ' + pages, ' ',
        el('button', { type: 'button', disabled: filters.page + 1 >= pages, on: { click: () => { filters.page++; route(); } } }, t('customers.next')))));
}

async function customer(id) {
  const c = await api('/api/customers/' + encodeURIComponent(id));
  const x = c.explanation;
  const reasons = list => el('ul', { class: 'reasons' }, list.map(r => el('li', {}, pick(r))));
  const actions = el('div', { id: 'customer-actions' });
  if (can('analyst')) {
    const result = el('div', { id: 'classify-result' });
    actions.append(el('button', { type: 'button', class: 'primary', id: 'classify-now', on: { click: async () => {
      try {
        const now = await api('/api/classify', { method: 'POST', body: JSON.stringify({ customerId: id }) });
        result.replaceChildren(el('p', {}, t('customer.now') + ' ' + now.asOf + ': ', tierBadge(now.tier), ' ', stageBadge(now.stage), ' ' + t('customer.score') + ' ' + (now.score === null ? '–' : now.score.toFixed(1))));
      } catch (e) { result.replaceChildren(el('p', { class: 'error' }, e.message)); }
    } } }, t('customer.classifyNow')), result);
    const tier = el('select', { id: 'override-tier' }, el('option', { value: '' }, t('customers.any')), TIERS.map(v => el('option', { value: v }, t('tier.' + v))));
    const reason = el('input', { id: 'override-reason', placeholder: t('customer.overrideReason') });
    const expires = el('input', { id: 'override-expires', type: 'date' });
    const said = el('p', {});
    actions.append(el('form', { class: 'filters', on: { submit: async e => {
      e.preventDefault();
      try {
        await api('/api/overrides', { method: 'POST', body: JSON.stringify({ customerId: id, tier: tier.value, reason: reason.value, expiresOn: expires.value }) });
        said.textContent = t('customer.overrideSaved');
      } catch (err) { said.textContent = err.message; said.className = 'error'; }
    } } }, el('label', {}, el('span', {}, t('customer.overrideTier')), tier), el('label', {}, el('span', {}, t('customer.overrideReason')), reason),
      el('label', {}, el('span', {}, t('customer.overrideUntil')), expires), el('button', { type: 'submit' }, t('customer.override'))), said);
  } else {
    actions.append(el('p', { class: 'muted' }, t('customer.viewerOnly')));
  }
  const root = view(
    el('h1', { id: 'customer-title' }, c.customerId + ' · ', el('span', { id: 'customer-name' }, c.name || '–')),
    el('div', { class: 'card' },
      el('p', {}, t('customers.col.industry') + ': ' + (c.industry || '–') + ' · ' + t('customers.col.region') + ': ' + (c.region || '–') + ' · ' + t('customer.size') + ': ' + (c.size || '–') + ' · ' + t('customer.onboarded') + ': ' + (c.onboardedOn || '–')),
      el('p', {}, t('customer.asOf') + ' ' + x.asOf + ' (' + x.policy + '): ', tierBadge(x.tier), ' ', stageBadge(x.stage), ' · ' + t('customer.score') + ' ' + (x.score === null ? '–' : x.score.toFixed(2)) + ' · ' + t('customer.evidence') + ' ' + x.scoredWeight + '/100'),
      el('p', {}, t('customer.actions') + ': ' + pick(x.actions)),
      x.conflicts.length ? el('div', {}, el('h2', {}, t('customer.conflicts')), reasons(x.conflicts)) : null),
    el('div', { class: 'grid' },
      el('div', { class: 'card' }, el('h2', {}, t('customer.waterfall')), el('div', { class: 'chart', id: 'chart-waterfall', style: 'height:520px' })),
      el('div', { class: 'card' }, el('h2', {}, t('customer.tierReasons')), reasons(x.tierReasons), el('h2', { style: 'margin-top:12px' }, t('customer.stageReasons')), reasons(x.stageReasons))),
    el('div', { class: 'grid' },
      el('div', { class: 'card' }, el('h2', {}, t('customer.timeline')), el('div', { class: 'chart', id: 'chart-timeline' })),
      el('div', { class: 'card' }, el('h2', {}, t('customer.actionsTitle')), actions,
        el('h2', { style: 'margin-top:12px' }, t('customer.overrides')),
        c.overrides.length ? el('ul', {}, c.overrides.map(o => el('li', {}, (o.tier ? t('tier.' + o.tier) : '') + ' ' + (o.stage ? t('stage.' + o.stage) : '') + ' · ' + o.reason + ' · ' + o.author + ' · ' + t('customer.overrideUntil') + ' ' + o.expiresOn)))
          : el('p', { class: 'muted' }, t('customer.noOverrides')))));
  const parts = x.contributions.filter(p => p.scored);
  let running = 0;
  const base = [], value = [];
  for (const p of parts) { base.push(running); value.push(p.points); running += p.points; }
  chart(root.querySelector('#chart-waterfall'), {
    grid: { left: 10, right: 40, containLabel: true }, tooltip: { trigger: 'axis' },
    yAxis: { type: 'category', inverse: true, axisLabel: { interval: 0 }, data: parts.map(p => (state.lang === 'zh' ? p.zh + ' ' + p.valueZh : p.en + ' ' + p.value)).concat([t('customer.score')]) },
    xAxis: { type: 'value', max: 100 },
    series: [
      { type: 'bar', stack: 'w', itemStyle: { color: 'transparent' }, data: base.concat([0]), tooltip: { show: false } },
      { type: 'bar', stack: 'w', name: t('customer.points'), data: value.map(v => +v.toFixed(2)).concat([{ value: +running.toFixed(2), itemStyle: { color: '#12355b' } }]), itemStyle: { color: '#3e6fa3' }, label: { show: true, position: 'right', formatter: p => p.value.toFixed(1) } }
    ]
  });
  chart(root.querySelector('#chart-timeline'), {
    tooltip: { trigger: 'axis' }, legend: { data: [t('customer.tier'), t('customer.stage')] },
    xAxis: { type: 'category', data: c.history.map(h => h.asOf) },
    yAxis: [{ type: 'category', data: TIERS.slice().reverse().map(s => t('tier.' + s)) }, { type: 'category', data: STAGES.map(s => t('stage.' + s)) }],
    series: [
      { name: t('customer.tier'), type: 'line', step: 'end', data: c.history.map(h => t('tier.' + h.tier)) },
      { name: t('customer.stage'), type: 'line', step: 'end', yAxisIndex: 1, data: c.history.map(h => t('stage.' + h.stage)) }]
  });
}

async function evaluation() {
  const found = await api('/api/evaluations');
  const sets = found.strategies;
  const detail = el('div', { id: 'evaluation-detail' });
  const interval = (f, rate) => {
    if (!f) return '–';
    if (f.status !== 'estimate') return t('evaluation.notEnough');
    const k = rate ? 100 : 1;
    const n = v => (v * k).toFixed(rate ? 1 : 2);
    return n(f.point) + ' [' + n(f.lower) + ', ' + n(f.upper) + ']' + (rate ? ' ' + t('evaluation.points') : '');
  };
  const p = f => f && f.status === 'estimate' && f.p_holm !== undefined ? f.p_holm.toFixed(3) : '–';
  const show = async name => {
    try {
      const r = await api('/api/evaluations/' + encodeURIComponent(name));
      detail.replaceChildren(
        el('h2', {}, r.provenance.strategy_id + ' · ' + t('evaluation.start') + ' ' + r.provenance.start),
        el('p', { class: 'muted' }, t('evaluation.intervals') + ' ' + Math.round(100 * r.provenance.confidence_level) + '%'),
        ...r.outcomes.map(o => el('div', { class: 'card' },
          el('h2', {}, o.label + (o.kind === 'rate' ? ' (' + t('evaluation.rate') + ')' : '')),
          el('table', { class: 'evaluation-effects' },
            el('thead', {}, el('tr', {}, ['group', 'difference', 'did', 'pHolm'].map(h => el('th', {}, t('evaluation.col.' + h))))),
            el('tbody', {}, o.groups.map(g => el('tr', {},
              el('td', {}, g.group), el('td', {}, interval(g.treatment_minus_control_after, o.kind === 'rate')),
              el('td', {}, interval(g.difference_in_differences, o.kind === 'rate')),
              el('td', {}, p(g.difference_in_differences)))))))));
    } catch (e) { detail.replaceChildren(el('p', { class: 'error' }, e.message)); }
  };
  view(el('h1', {}, t('evaluation.title')),
    el('div', { class: 'card' },
      el('h2', {}, t('evaluation.strategies')),
      sets.length === 0 ? el('p', { id: 'evaluation-empty' }, t('evaluation.none')) :
        el('table', { id: 'evaluation-table' },
          el('thead', {}, el('tr', {}, ['strategy', 'assignedOn', 'treatment', 'control', 'source'].map(h => el('th', {}, t('evaluation.col.' + h))))),
          el('tbody', {}, sets.map(s => el('tr', {}, el('td', {}, s.strategyId), el('td', {}, s.assignedOn || '–'), el('td', {}, s.treatment), el('td', {}, s.control), el('td', {}, s.source)))))),
    el('div', { class: 'card' },
      el('h2', {}, t('evaluation.results')),
      found.results.length === 0 ? el('p', { class: 'muted' }, t('evaluation.hint')) :
        el('p', {}, found.results.map(name => [el('button', { type: 'button', class: 'evaluation-result', on: { click: () => show(name) } }, name), ' ']))),
    detail);
  if (found.results.length) await show(found.results[0]);
}

async function policies() {
  const versions = await api('/api/policies');
  const inForce = versions.find(v => v.inForce) || versions[0];
  const detail = el('div', { id: 'policy-detail' });
  const show = async (v, diff) => {
    try {
      if (diff) {
        const d = await api('/api/policies/' + inForce.versionId + '/diff/' + v.versionId);
        detail.replaceChildren(el('h2', {}, t('policies.diffTitle') + ' ' + inForce.versionId + ' → ' + v.versionId),
          el('pre', {}, d.lines.map(line => el('div', { class: line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : '' }, line))));
      } else {
        const text = await api('/api/policies/' + v.versionId);
        detail.replaceChildren(el('h2', {}, v.policy), el('pre', {}, text.yaml));
      }
    } catch (e) { detail.replaceChildren(el('p', { class: 'error' }, e.message)); }
  };
  const decide = async (v, verb) => {
    try { await api('/api/policies/' + v.versionId + '/' + verb, { method: 'POST' }); route(); }
    catch (e) { detail.replaceChildren(el('p', { class: 'error' }, e.message)); }
  };
  const rows = versions.map(v => el('tr', {},
    el('td', {}, v.versionId), el('td', {}, v.policy), el('td', {}, t('policies.state.' + v.state) + (v.inForce ? ' · ' + t('policies.inForce') : '')),
    el('td', {}, v.proposedBy), el('td', {}, v.decidedBy || '–'),
    el('td', {},
      el('button', { type: 'button', on: { click: () => show(v, false) } }, t('policies.view')), ' ',
      el('button', { type: 'button', on: { click: () => show(v, true) } }, t('policies.diff')), ' ',
      v.state === 'proposed' && can('admin') ? [el('button', { type: 'button', class: 'primary', on: { click: () => decide(v, 'approve') } }, t('policies.approve')), ' ',
        el('button', { type: 'button', on: { click: () => decide(v, 'reject') } }, t('policies.reject'))] : null)));
  const proposal = el('textarea', { id: 'policy-yaml', rows: 14, style: 'width:100%' });
  if (can('analyst')) proposal.value = (await api('/api/policies/' + inForce.versionId)).yaml;
  const said = el('p', {});
  view(el('h1', {}, t('policies.title')),
    el('div', { class: 'card' }, el('table', { id: 'policies-table' },
      el('thead', {}, el('tr', {}, ['id', 'policy', 'state', 'proposedBy', 'decidedBy', 'actions'].map(h => el('th', {}, t('policies.col.' + h))))),
      el('tbody', {}, rows)), el('p', { class: 'muted' }, t('policies.makerChecker'))),
    el('div', { class: 'card' }, detail.childElementCount ? detail : (detail.append(el('p', { class: 'muted' }, t('policies.pick'))), detail)),
    can('analyst') ? el('div', { class: 'card' }, el('h2', {}, t('policies.propose')), proposal,
      el('p', {}, el('button', { type: 'button', class: 'primary', on: { click: async () => {
        try { await api('/api/policies', { method: 'POST', body: JSON.stringify({ yaml: proposal.value }) }); route(); }
        catch (e) { said.textContent = e.message; said.className = 'error'; }
      } } }, t('policies.submit'))), said) : null);
}

// ---- account: one's own password; for admins, API tokens and password resets ----

async function account() {
  const field = (id, key, auto) => el('label', {}, el('span', {}, t(key)), el('input', { id, type: 'password', autocomplete: auto, required: true }));
  const said = el('p', { id: 'password-said' });
  const form = el('form', { id: 'password-form', on: { submit: async event => {
    event.preventDefault();
    const value = id => document.getElementById(id).value;
    if (value('password-new') !== value('password-repeat')) { said.textContent = t('account.mismatch'); said.className = 'error'; return; }
    try {
      await api('/api/me/password', { method: 'POST', body: JSON.stringify({ current: value('password-current'), new: value('password-new') }) });
      form.reset(); said.textContent = t('account.changed'); said.className = '';
    } catch (e) { said.textContent = e.message; said.className = 'error'; }
  } } },
    field('password-current', 'account.current', 'current-password'),
    field('password-new', 'account.new', 'new-password'),
    field('password-repeat', 'account.repeat', 'new-password'),
    el('p', { class: 'muted' }, t('account.rules')),
    el('button', { type: 'submit', class: 'primary', id: 'password-submit' }, t('account.change')), said);
  const cards = [el('h1', {}, t('account.title')), el('div', { class: 'card narrow' }, el('h2', {}, t('account.password')), form)];
  if (can('admin')) cards.push(...await adminCards());
  view(...cards);
}

async function adminCards() {
  const [tokens, users] = await Promise.all([api('/api/tokens'), api('/api/users')]);
  const tokenSaid = el('p', {});
  const revoke = async token => {
    if (!confirm(t('account.revokeConfirm') + ' ' + token.id + ' (' + token.user + ')')) return;
    try { await api('/api/tokens/' + token.id + '/revoke', { method: 'POST' }); route(); }
    catch (e) { tokenSaid.textContent = e.message; tokenSaid.className = 'error'; }
  };
  const when = at => at ? at.slice(0, 16).replace('T', ' ') + ' UTC' : '–';
  const status = token => token.revokedAt ? t('account.revokedBy') + ' ' + token.revokedBy + ', ' + when(token.revokedAt) : t('account.active');
  const who = el('select', { id: 'reset-user' }, users.map(u => el('option', { value: u.name }, u.name + ' · ' + t('role.' + u.role))));
  const resetSaid = el('div', { id: 'reset-said' });
  const reset = async () => {
    if (!confirm(t('account.resetConfirm') + ' ' + who.value)) return;
    try {
      const answer = await api('/api/users/' + encodeURIComponent(who.value) + '/password', { method: 'POST' });
      resetSaid.replaceChildren(el('p', {}, t('account.resetDone') + ' ' + answer.user + ':'), el('pre', { id: 'reset-secret' }, answer.password));
    } catch (e) { resetSaid.replaceChildren(el('p', { class: 'error' }, e.message)); }
  };
  const tokensCard = el('div', { class: 'card' }, el('h2', {}, t('account.tokens')),
      tokens.length === 0 ? el('p', { class: 'muted' }, t('account.noTokens')) :
        el('table', { id: 'tokens-table' },
          el('thead', {}, el('tr', {}, ['id', 'user', 'label', 'created', 'state', 'actions'].map(h => el('th', {}, t('account.col.' + h))))),
          el('tbody', {}, tokens.map(token => el('tr', {},
            el('td', {}, token.id), el('td', {}, token.user), el('td', {}, token.label), el('td', {}, when(token.created)), el('td', {}, status(token)),
            el('td', {}, token.revokedAt ? null : el('button', { type: 'button', class: 'revoke-token', on: { click: () => revoke(token) } }, t('account.revoke'))))))),
      el('p', { class: 'muted' }, t('account.tokensHint')), tokenSaid);
  const resetCard = el('div', { class: 'card narrow' }, el('h2', {}, t('account.reset')), el('p', { class: 'muted' }, t('account.resetHint')),
    el('p', {}, who, ' ', el('button', { type: 'button', id: 'reset-submit', on: { click: reset } }, t('account.resetSubmit'))), resetSaid);
  return [tokensCard, resetCard];
}

document.addEventListener('DOMContentLoaded', async () => {
  await loadMessages();
  document.getElementById('login-form').addEventListener('submit', signIn);
  document.getElementById('signout').addEventListener('click', signOut);
  document.getElementById('lang').addEventListener('click', async () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('fidelis.lang', state.lang);
    await loadMessages();
    if (state.me) document.getElementById('who').textContent = state.me.user + ' · ' + t('role.' + state.me.role);
    route();
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => state.charts.forEach(c => c.resize()));
  await start();
});

/*
 * Self-Heal view: draws a policy's view document (the JSON written by ViewJson) as a Q-table heatmap,
 * learning-history charts, the original dashboard's views and a table of recent decisions; the charts
 * themselves are in self-heal-charts.js, which both hosts load first. One file for both hosts: the Jenkins job page
 * (loaded from /plugin/self-heal/js/, data from data-src) and the CLI's HTML report (inlined, data from
 * a JSON data block, script type application/json, named by data-json-id).
 * Content-Security-Policy friendly: no eval, no inline handlers, and data only ever reaches the page as
 * text (textContent / createElement), never as markup.
 */
(function () {
  'use strict';
  var EMPTY = 'No decisions yet: run a build with selfHeal';
  var NEUTRAL = [247, 247, 247], POSITIVE = [33, 102, 172], NEGATIVE = [178, 24, 43]; // ColorBrewer RdBu ends

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Text that may wrap after each underscore (action names in narrow columns), as text nodes and <wbr>. */
  function breakable(node, text) {
    String(text).split('_').forEach(function (part, i, parts) {
      node.appendChild(document.createTextNode(part + (i < parts.length - 1 ? '_' : '')));
      if (i < parts.length - 1) node.appendChild(document.createElement('wbr'));
    });
    return node;
  }

  function fixed(value, digits) {
    if (value === null || value === undefined) return '–';
    var text = Number(value).toFixed(digits);
    return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.00"
  }

  function when(iso) {
    return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
  }

  /* Diverging scale symmetric around 0: t in [-1, 1] mixes neutral with red (negative) or blue (positive). */
  function colourOf(t) {
    var end = t < 0 ? NEGATIVE : POSITIVE, a = Math.min(1, Math.abs(t));
    return 'rgb(' + NEUTRAL.map(function (n, i) { return Math.round(n + (end[i] - n) * a); }).join(',') + ')';
  }

  /* Only http(s) or relative links; mirrors the server-side filter in case a document comes from elsewhere. */
  function safeHref(link) {
    if (typeof link !== 'string' || !link || /[\s\\\u0000-\u001f\u007f]/.test(link) || link.indexOf('//') === 0) return null;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
    return /^https?:/i.test(link) ? link : null;
  }

  function section(title, className) {
    return append(el('section', 'sh-section ' + className), [el('h3', 'sh-title', title)]);
  }

  function append(parent, children) {
    children.forEach(function (c) { parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return parent;
  }

  function header(doc, title) {
    var p = doc.policy || {}, params = p.parameters || {};
    var node = el('header', 'sh-header');
    node.appendChild(el('h2', 'sh-policy-key', title || 'Self-Heal policy ' + (p.key || '')));
    var facts = el('p', 'sh-facts');
    [['episodes', p.episodes], ['α', params.alpha], ['ε', params.epsilon], ['γ', params.gamma],
      ['ties', params.tieBreak], ['generation', p.generation], ['updated', when(p.updatedAt)]].forEach(function (f) {
      if (f[1] === undefined || f[1] === null) return;
      facts.appendChild(append(el('span', 'sh-fact'), [el('b', null, f[0] + ' '), String(f[1])]));
    });
    return append(node, [facts]);
  }

  function legend(scale) {
    var node = el('div', 'sh-legend');
    var ramp = el('span', 'sh-legend-ramp');
    ramp.style.backgroundImage = 'linear-gradient(to right,' + colourOf(-1) + ',' + colourOf(0) + ',' + colourOf(1) + ')';
    ramp.title = 'Q-value: red below 0, white at 0, blue above 0; darkest at ±' + fixed(scale, 3) + ' (largest |Q|)';
    node.appendChild(append(el('span', 'sh-legend-scale'),
      [el('b', null, 'Q-value'), el('span', 'sh-legend-min', fixed(-scale, 2)), ramp, el('span', 'sh-legend-max', '+' + fixed(scale, 2))]));
    [['sh-greedy', 'best action (what the planner exploits)'], ['sh-unvisited', 'never visited (initial value)'],
      ['sh-masked', 'masked (not available here)']].forEach(function (m) {
      node.appendChild(append(el('span', 'sh-legend-item'), [el('span', 'sh-swatch ' + m[0]), m[1]]));
    });
    node.appendChild(el('span', 'sh-legend-item', 'n = visits'));
    return node;
  }

  function qCell(cell, action, state, scale) {
    var td = el('td', 'sh-cell');
    var t = scale > 0 ? cell.q / scale : 0;
    td.style.backgroundColor = colourOf(t);
    if (Math.abs(t) > 0.55) td.classList.add('sh-on-dark');
    if (cell.greedy) td.classList.add('sh-greedy');
    if (cell.masked) td.classList.add('sh-masked');
    var initial = cell.unvisited && !cell.imported; /* an imported value is a learned one: shown as a number */
    if (initial) td.classList.add('sh-unvisited');
    td.appendChild(el('span', 'sh-q', initial && cell.q === 0 ? '–' : fixed(cell.q, 2)));
    td.appendChild(el('span', 'sh-n', 'n=' + cell.visits));
    td.title = action + ' in ' + state + '\nQ = ' + cell.q + '\nvisits: ' + cell.visits + '\nlast update: ' +
      (cell.lastUpdated ? when(cell.lastUpdated) : cell.imported ? 'imported, no episode since' : 'never') + (cell.greedy ? '\nbest action' : '') +
      (cell.masked ? '\nmasked' : '');
    return td;
  }

  var SORTS = {
    table: { label: 'Table order', compare: function (a, b) { return a.order - b.order; } },
    name: { label: 'State name', compare: function (a, b) { return a.row.state < b.row.state ? -1 : a.row.state > b.row.state ? 1 : 0; } },
    visits: { label: 'Most visited', compare: function (a, b) { return b.row.visits - a.row.visits || a.order - b.order; } }
  };

  function qTable(doc) {
    var node = section('Q-table', 'sh-qtable-section');
    var states = doc.states || [], actions = doc.actions || [];
    var scale = 0;
    states.forEach(function (r) { r.cells.forEach(function (c) { scale = Math.max(scale, Math.abs(c.q)); }); });
    var entries = states.map(function (row, i) { return { row: row, order: i, key: String(row.state).toLowerCase() }; });
    var view = { sort: 'table', filter: '' };

    var tools = el('div', 'sh-tools'), buttons = {};
    tools.appendChild(el('span', 'sh-tools-label', 'Sort:'));
    Object.keys(SORTS).forEach(function (key) {
      var b = el('button', 'sh-sort', SORTS[key].label);
      b.type = 'button';
      b.dataset.sort = key;
      b.addEventListener('click', function () { view.sort = key; fill(); });
      buttons[key] = b;
      tools.appendChild(b);
    });
    var filter = el('input', 'sh-filter');
    filter.type = 'search';
    filter.placeholder = 'Filter states…';
    filter.setAttribute('aria-label', 'Filter states by name');
    filter.addEventListener('input', function () { view.filter = filter.value.toLowerCase(); fill(); });
    var shown = el('span', 'sh-count');
    append(node, [append(tools, [filter, shown]), legend(scale)]);

    var table = el('table', 'sh-qtable');
    var headRow = el('tr');
    headRow.appendChild(el('th', 'sh-corner', 'state \\ action'));
    actions.forEach(function (a) { headRow.appendChild(breakable(el('th', 'sh-action'), a)); });
    table.appendChild(el('thead')).appendChild(headRow);
    var body = table.appendChild(el('tbody'));
    node.appendChild(el('div', 'sh-scroll')).appendChild(table);

    function fill() {
      var list = entries.filter(function (e) { return e.key.indexOf(view.filter) >= 0; }).sort(SORTS[view.sort].compare);
      body.textContent = '';
      body.appendChild(fragmentOf(list));
      shown.textContent = list.length + ' of ' + entries.length + ' states';
      Object.keys(buttons).forEach(function (k) { buttons[k].setAttribute('aria-pressed', String(k === view.sort)); });
    }

    function fragmentOf(list) { // one DocumentFragment: a single reflow for 1,000 rows
      var fragment = document.createDocumentFragment();
      list.forEach(function (e) {
        var tr = el('tr', 'sh-row'), th = tr.appendChild(el('th', 'sh-state', e.row.state));
        th.scope = 'row';
        th.title = e.row.state + ' (' + e.row.visits + ' visits)';
        e.row.cells.forEach(function (cell, i) { tr.appendChild(qCell(cell, actions[i], e.row.state, scale)); });
        fragment.appendChild(tr);
      });
      return fragment;
    }

    fill();
    return node;
  }

  var C = window.SelfHealCharts;

  /* Build links are stored relative to Jenkins' root (job/x/3/): the host page names that root. */
  function rooted(href, root) {
    return href && root && href.charAt(0) !== '/' && !/^[a-z][a-z0-9+.-]*:/i.test(href) ? root + href : href;
  }

  function recent(doc, root, logHref) {
    var node = section('Recent decisions', 'sh-recent');
    var list = doc.recent || [], total = (doc.history || {}).total || 0;
    if (!list.length) {
      node.appendChild(el('p', 'sh-note', 'No decisions yet.'));
      return node;
    }
    var note = node.appendChild(el('p', 'sh-note sh-recent-note', 'The last ' + list.length + ' of ' + total + ' episodes, newest first. '));
    if (logHref) {
      var full = note.appendChild(el('a', 'sh-log-link', 'Download the full episode log'));
      full.href = logHref;
    } else {
      note.appendChild(document.createTextNode('Every episode is in the episode log beside the policy.'));
    }
    var table = el('table', 'sh-recent-table'), head = el('tr'), links = list.some(function (d) { return !!safeHref(d.link); });
    /* no decision with a build (the CLI's): no Build column */
    ['When', 'State', 'Action', 'Choice', 'Outcome', 'Feedback', 'Reward'].concat(links ? ['Build'] : []).forEach(function (c) { head.appendChild(el('th', null, c)); });
    table.appendChild(el('thead')).appendChild(head);
    var body = table.appendChild(el('tbody')), fragment = document.createDocumentFragment();
    list.forEach(function (d) {
      var tr = el('tr');
      [when(d.at), d.state, d.action || '–', d.choice || '–'].forEach(function (v) { tr.appendChild(el('td', null, v)); });
      var outcome = window.SelfHealCharts.OUTCOMES.indexOf(d.outcome) >= 0 ? d.outcome : 'other';
      tr.appendChild(el('td')).appendChild(el('span', 'sh-pill sh-outcome-' + outcome, d.outcome));
      tr.appendChild(el('td', null, d.feedback));
      tr.appendChild(el('td', 'sh-num', fixed(d.reward, 2)));
      var href = rooted(safeHref(d.link), root), cell = links ? tr.appendChild(el('td')) : null;
      if (href && cell) {
        var a = cell.appendChild(el('a', 'sh-link', 'open'));
        a.href = href;
        a.rel = 'noopener noreferrer';
      }
      fragment.appendChild(tr);
    });
    body.appendChild(fragment);
    return append(node, [table]);
  }

  function trend(doc) { // data-mode="trend": the job main page's small box, reward moving average only
    var h = doc.history || { episodes: [] };
    if (!h.episodes.length) return el('p', 'sh-note', 'No episodes yet.');
    return C.lineChart('Reward, moving average', { first: '#' + h.episodes[0].index, last: '#' + h.episodes[h.episodes.length - 1].index },
      [{ label: 'last ' + h.series.window, className: 'sh-average', values: h.series.rewardMovingAverage }], [0, 0],
      function (v) { return fixed(v, 1); }, 'No rewards yet.');
  }

  function render(container, doc) {
    var empty = !(doc.states || []).length && !(doc.history || {}).total, started = Date.now();
    container.textContent = '';
    var root = safeHref(container.getAttribute('data-root-url') || '');
    var logHref = safeHref(container.getAttribute('data-log-href') || '');
    var parts = empty ? [el('p', 'sh-empty', EMPTY)] : [qTable(doc), C.history(doc), C.dashboard(doc), recent(doc, root, logHref)];
    var title = container.getAttribute('data-title'); /* the host page may name the policy (the CLI report does) */
    append(container, container.getAttribute('data-mode') === 'trend' ? [trend(doc)] : [header(doc, title)].concat(parts));
    container.setAttribute('data-rendered', 'true');
    container.setAttribute('data-render-ms', String(Date.now() - started)); // read by the browser test
  }

  function load(container) {
    var id = container.getAttribute('data-json-id'), src = container.getAttribute('data-src');
    if (id) {
      var block = document.getElementById(id);
      return new Promise(function (resolve) { // a parse error rejects instead of stopping the other containers
        if (!block) throw new Error('no element #' + id);
        resolve(JSON.parse(block.textContent));
      });
    }
    if (!src) return Promise.reject(new Error('the container has neither data-src nor data-json-id'));
    var url = new URL(src, document.baseURI);
    if (url.origin !== window.location.origin) return Promise.reject(new Error('data-src must be on this site'));
    return fetch(url.href, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('.self-heal-view'), function (container) {
      load(container).then(function (doc) { render(container, doc); }).catch(function (e) {
        container.textContent = '';
        container.appendChild(el('p', 'sh-error', 'Cannot show the Self-Heal view: ' + e.message));
      });
    });
  }

  window.SelfHealView = { render: render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();

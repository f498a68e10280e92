/*
 * Self-Heal charts: the learning-history and dashboard sections self-heal-view.js draws, with their SVG
 * and bar charts, loaded before it by both hosts (the
 * Jenkins job page and the CLI's HTML report, which inlines both files). Every chart says what it would
 * show when it has no data yet, instead of drawing empty axes. Data only ever reaches the page as text.
 */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function fixed(value, digits) {
    if (value === null || value === undefined) return '–';
    var text = Number(value).toFixed(digits);
    return /^-0\.?0*$/.test(text) ? text.slice(1) : text; // no "-0.00"
  }

  function percent(share) {
    return share === null || share === undefined ? '–' : fixed(share * 100, share >= 0.995 || share === 0 ? 0 : 1) + '%';
  }

  function when(iso) {
    return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
  }

  /* A chart's frame; with no data it holds a sentence saying so instead of a chart. */
  function figure(title, className, emptyText, hasData) {
    var box = el('figure', 'sh-chart ' + (className || ''));
    box.appendChild(el('figcaption', null, title));
    if (!hasData) {
      box.classList.add('sh-chart-empty');
      box.appendChild(el('p', 'sh-note sh-no-data', emptyText));
    }
    return box;
  }

  /*
   * A line chart. series: [{label, className, values, low?, high?}], values aligned with the x axis (null
   * leaves a gap); low/high draw a band (the spread of a bucket). x: {first, last} labels of the ends.
   */
  function lineChart(title, x, series, range, format, emptyText) {
    var hasData = series.some(function (s) { return s.values.some(function (v) { return v !== null && v !== undefined; }); });
    var box = figure(title, 'sh-line-chart', emptyText, hasData), caption = box.firstChild;
    if (!hasData) return box;
    var W = 420, H = 170, L = 50, R = 10, T = 12, B = 24;
    series.forEach(function (s) { caption.appendChild(el('span', 'sh-key ' + s.className, s.label)); });
    var lo = range[0], hi = range[1];
    series.forEach(function (s) {
      [s.values, s.low || [], s.high || []].forEach(function (list) {
        list.forEach(function (v) { if (v !== null && v !== undefined) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
      });
    });
    if (hi === lo) hi = lo + 1;
    var n = series[0].values.length;
    var px = function (i) { return L + (n > 1 ? i * (W - L - R) / (n - 1) : (W - L - R) / 2); };
    var py = function (v) { return T + (hi - v) * (H - T - B) / (hi - lo); };
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': title, class: 'sh-svg' });
    [lo, 0, hi].filter(function (v, i, all) { return v >= lo && v <= hi && all.indexOf(v) === i; }).forEach(function (v) {
      chart.appendChild(svg('line', { x1: L, x2: W - R, y1: py(v), y2: py(v), class: v === 0 ? 'sh-zero' : 'sh-grid' }));
      chart.appendChild(svg('text', { x: L - 4, y: py(v) + 4, class: 'sh-axis sh-axis-y' }, format(v)));
    });
    chart.appendChild(svg('text', { x: L, y: H - 6, class: 'sh-axis' }, x.first));
    chart.appendChild(svg('text', { x: W - R, y: H - 6, class: 'sh-axis sh-axis-end' }, x.last));
    series.forEach(function (s) {
      if (s.low && s.high) {
        var upper = s.high.map(function (v, i) { return px(i).toFixed(1) + ' ' + py(v).toFixed(1); });
        var lower = s.low.map(function (v, i) { return px(i).toFixed(1) + ' ' + py(v).toFixed(1); }).reverse();
        chart.appendChild(svg('path', { d: 'M' + upper.concat(lower).join(' L') + ' Z', class: 'sh-band ' + s.className }));
      }
      var d = '', pen = 'M';
      s.values.forEach(function (v, i) {
        if (v === null || v === undefined) { pen = 'M'; return; }
        d += pen + px(i).toFixed(1) + ' ' + py(v).toFixed(1);
        pen = 'L';
      });
      if (n === 1 && d) d += 'h1';
      if (d) chart.appendChild(svg('path', { d: d, class: 'sh-line ' + s.className }));
    });
    box.appendChild(chart);
    return box;
  }

  /* Horizontal bars. rows: [{label, value, text}]; value in [0, max]. */
  function barChart(title, rows, max, emptyText) {
    var shown = rows.filter(function (r) { return r.value !== null && r.value !== undefined; });
    var box = figure(title, 'sh-bar-chart', emptyText, shown.length > 0 && max > 0);
    if (!shown.length || !(max > 0)) return box;
    var list = box.appendChild(el('div', 'sh-bars'));
    shown.forEach(function (r) {
      var row = list.appendChild(el('div', 'sh-bar-row'));
      row.appendChild(el('span', 'sh-bar-label', r.label)).title = r.label;
      var track = row.appendChild(el('span', 'sh-bar-track'));
      track.appendChild(el('span', 'sh-bar ' + (r.className || ''))).style.width = Math.max(0, Math.min(100, r.value / max * 100)) + '%';
      row.appendChild(el('span', 'sh-bar-value', r.text));
    });
    return box;
  }

  /* UP/DOWN over time: one segment per bucket, its colour the share of episodes that found the service up. */
  function uptimeStrip(title, buckets, emptyText) {
    var total = 0, up = 0;
    buckets.forEach(function (b) { total += b.up + b.down; up += b.up; });
    var box = figure(title, 'sh-uptime', emptyText, total > 0);
    if (!total) return box;
    box.appendChild(el('p', 'sh-big', percent(up / total) + ' up')).appendChild(el('span', 'sh-note',
      ' (' + up + ' of ' + total + ' episodes found the service up)'));
    var W = 420, H = 28, n = buckets.length, width = (W - 2) / n;
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + (H + 16), role: 'img', 'aria-label': title, class: 'sh-svg' });
    buckets.forEach(function (b, i) {
      var share = b.up / Math.max(1, b.up + b.down);
      var rect = svg('rect', { x: (1 + i * width).toFixed(2), y: 1, width: Math.max(0.5, width).toFixed(2), height: H,
        class: share >= 0.5 ? 'sh-up' : 'sh-down', 'fill-opacity': (0.35 + 0.65 * Math.abs(share - 0.5) * 2).toFixed(2) });
      rect.appendChild(svg('title', {}, when(b.from) + (b.to !== b.from ? ' – ' + when(b.to) : '') + ': ' + b.up + ' up, ' +
        b.down + ' down'));
      chart.appendChild(rect);
    });
    chart.appendChild(svg('text', { x: 1, y: H + 14, class: 'sh-axis' }, when(buckets[0].from)));
    chart.appendChild(svg('text', { x: W - 1, y: H + 14, class: 'sh-axis sh-axis-end' }, when(buckets[n - 1].to)));
    box.appendChild(chart);
    return box;
  }

  /* Deployments (episodes) over time with a marker where a failure was found and where one was healed. */
  function eventTimeline(title, buckets, emptyText) {
    var box = figure(title, 'sh-events', emptyText, buckets.length > 0);
    if (!buckets.length) return box;
    var caption = box.firstChild;
    [['sh-key-deploy', 'deployments'], ['sh-key-failure', 'failure found'], ['sh-key-heal', 'healed']].forEach(function (k) {
      caption.appendChild(el('span', 'sh-key ' + k[0], k[1]));
    });
    var W = 420, H = 70, n = buckets.length, step = (W - 20) / Math.max(1, n - 1);
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + (H + 16), role: 'img', 'aria-label': title, class: 'sh-svg' });
    chart.appendChild(svg('line', { x1: 10, x2: W - 10, y1: 40, y2: 40, class: 'sh-grid' }));
    buckets.forEach(function (b, i) {
      var cx = n > 1 ? 10 + i * step : W / 2, count = b.last - b.first + 1;
      var tick = svg('line', { x1: cx.toFixed(1), x2: cx.toFixed(1), y1: 34, y2: 46, class: 'sh-deploy' });
      tick.appendChild(svg('title', {}, when(b.from) + ': ' + count + ' deployment' + (count === 1 ? '' : 's') + ', ' +
        b.failures + ' with a failure, ' + b.healed + ' healed'));
      chart.appendChild(tick);
      if (b.failures > 0) chart.appendChild(svg('path', { d: 'M' + cx.toFixed(1) + ' 14 l-5 9 h10 Z', class: 'sh-failure-mark' }));
      if (b.healed > 0) chart.appendChild(svg('circle', { cx: cx.toFixed(1), cy: 60, r: 4, class: 'sh-heal-mark' }));
    });
    chart.appendChild(svg('text', { x: 10, y: H + 14, class: 'sh-axis' }, when(buckets[0].from)));
    chart.appendChild(svg('text', { x: W - 10, y: H + 14, class: 'sh-axis sh-axis-end' }, when(buckets[n - 1].to)));
    box.appendChild(chart);
    return box;
  }

  /* every Outcome.id() of the engine: recommended is a recommend-only episode (feedback: none, nothing run) */
  var OUTCOMES = ['healed', 'healthy', 'failed', 'escalated', 'recommended'];

  function section(title, className) {
    var node = el('section', 'sh-section ' + className);
    node.appendChild(el('h3', 'sh-title', title));
    return node;
  }

  function append(parent, children) {
    children.forEach(function (c) { parent.appendChild(c); });
    return parent;
  }

  function ms(v) { return v < 1000 ? Math.round(v) + ' ms' : fixed(v / 1000, 1) + ' s'; }

  function pick(list, key) { return list.map(function (e) { return e[key]; }); }

  /*
   * The reward, acceptance and MTTR charts: of every episode when the newest points are all of them, else
   * of the whole history in buckets (mean and spread), so a million episodes still draw a few hundred points.
   */
  function history(doc) {
    var node = section('Learning history', 'sh-history');
    var h = doc.history || { episodes: [], series: {}, counts: {} };
    var counts = el('div', 'sh-counts');
    OUTCOMES.forEach(function (o) {
      counts.appendChild(append(el('span', 'sh-badge sh-outcome-' + o), [el('b', 'sh-badge-count', (h.counts && h.counts[o]) || 0), document.createTextNode(' ' + o)]));
    });
    node.appendChild(counts);
    if (!h.episodes.length) {
      node.appendChild(el('p', 'sh-note', 'No episodes since the last reset or import.'));
      return node;
    }
    var s = h.series, buckets = h.buckets || [], charts = el('div', 'sh-charts'), x, reward, acceptance, mttr;
    if (h.total > h.episodes.length && buckets.length) {
      node.appendChild(el('p', 'sh-note sh-bucket-note', 'Charts show all ' + h.total + ' episodes in ' + buckets.length +
        ' points of up to ' + h.bucketWidth + ' episodes each (mean and spread).'));
      x = { first: '#' + buckets[0].first, last: '#' + buckets[buckets.length - 1].last };
      reward = [{ label: 'mean reward', className: 'sh-average', values: pick(buckets, 'rewardMean'),
        low: buckets.map(function (b) { return b.rewardMean - b.rewardSpread; }),
        high: buckets.map(function (b) { return b.rewardMean + b.rewardSpread; }) }];
      acceptance = pick(buckets, 'acceptanceRate');
      mttr = pick(buckets, 'mttrMs');
    } else {
      x = { first: '#' + h.episodes[0].index, last: '#' + h.episodes[h.episodes.length - 1].index };
      reward = [{ label: 'reward', className: 'sh-reward', values: pick(h.episodes, 'reward') },
        { label: 'moving average (' + s.window + ')', className: 'sh-average', values: s.rewardMovingAverage }];
      acceptance = s.acceptanceRate;
      mttr = s.mttrMs;
    }
    charts.appendChild(lineChart('Reward per episode', x, reward, [0, 0], function (v) { return fixed(v, 1); },
      'No rewards yet.'));
    charts.appendChild(lineChart('Acceptance rate (cumulative)', x, [{ label: 'accepted / judged', className: 'sh-acceptance',
      values: acceptance }], [0, 1], function (v) { return Math.round(v * 100) + '%'; },
    'No verdicts yet: nobody has accepted, rejected or overridden a decision.'));
    charts.appendChild(lineChart('Mean time to heal (cumulative)', x, [{ label: 'MTTR', className: 'sh-mttr', values: mttr }],
      [0, 0], ms, 'No heals yet: no action has fixed a failure.'));
    node.appendChild(charts);
    return node;
  }

  /* The original dashboard's views: uptime, failures and actions, heal success, the deployments' timeline. */
  function dashboard(doc) {
    var node = section('Service and actions', 'sh-dashboard');
    var h = doc.history || {}, b = doc.breakdown || { failures: {}, actions: [] }, charts = el('div', 'sh-charts');
    charts.appendChild(uptimeStrip('Uptime (UP/DOWN when each episode started)', h.buckets || [],
      'No episodes yet: uptime is measured at each build.'));
    var failures = Object.keys(b.failures || {}).map(function (f) { return { label: f, value: b.failures[f], text: b.failures[f] }; })
      .sort(function (p, q) { return q.value - p.value; });
    charts.appendChild(barChart('Failures by type', failures, Math.max.apply(null, [0].concat(pick(failures, 'value'))),
      'No failures found yet.'));
    var actions = b.actions || [], most = Math.max.apply(null, [0].concat(pick(actions, 'tried')));
    charts.appendChild(barChart('Actions taken', actions.map(function (a) {
      return { label: a.action, value: a.tried, text: a.tried };
    }), most, 'No actions taken yet.'));
    charts.appendChild(barChart('Heal success rate per action', actions.filter(function (a) { return a.tried > 0; }).map(function (a) {
      return { label: a.action, value: a.healed / a.tried, text: percent(a.healed / a.tried) + ' (' + a.healed + ' of ' + a.tried + ')',
        className: 'sh-success' };
    }), 1, 'No actions taken yet.'));
    var events = (h.episodes || []).map(function (e) {
      return { first: e.index, last: e.index, from: e.at, to: e.at, failures: e.outcome === 'healthy' ? 0 : 1,
        healed: e.outcome === 'healed' ? 1 : 0 };
    });
    charts.appendChild(eventTimeline('Deployments' + (h.total > events.length ? ' (the last ' + events.length + ')' : ''),
      events, 'No deployments yet.'));
    return append(node, [charts]);
  }

  window.SelfHealCharts = { lineChart: lineChart, history: history, dashboard: dashboard, OUTCOMES: OUTCOMES };
})();

// callhooks report page. Draws everything from the JSON in #report-data.
// Every piece of run data reaches the page as a text node or an attribute value set through the DOM:
// a listener's body of <script> or <img onerror> must be shown, never parsed as markup (no HTML-parsing sinks).
(function () {
  'use strict';

  var CALLS_PER_PAGE = 50;
  var MATRIX_ROWS_PER_PAGE = 100;
  var SVG_NS = 'http://www.w3.org/2000/svg';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var scenarios = data.scenarios;
  var several = data.providers.length > 1;
  var state = { failedOnly: false, provider: '', scenario: '', search: '', visible: [], shown: null, callsPage: 0, matrixPage: 0 };

  // ---- conformance rules: a row per rule and scenario; problems first, every other row on demand ----
  function renderRules() {
    var rules = data.rules || [];
    if (rules.length === 0) return;
    document.getElementById('rules-section').hidden = false;
    var counts = { passed: 0, failed: 0, warning: 0, 'n/a': 0 };
    rules.forEach(function (r) { counts[r.status] = (counts[r.status] || 0) + 1; });
    document.getElementById('rules-summary').textContent = plural(rules.length - counts['n/a'], 'rule check') + ': ' +
      count(counts.passed) + ' passed, ' + count(counts.failed) + ' broken MUST, ' + count(counts.warning) + ' SHOULD warnings, ' +
      count(counts['n/a']) + ' not applicable';
    var problemsOnly = document.getElementById('rules-problems');
    function draw() {
      var table = document.getElementById('rules');
      while (table.firstChild) table.removeChild(table.firstChild);
      table.appendChild(el('thead', null, [el('tr', null, ['rule', 'level', 'judges', 'scenario', 'status', 'what a conforming listener does', 'details']
        .map(function (name) { return el('th', null, name); }))]));
      var body = el('tbody');
      rules.filter(function (r) { return !problemsOnly.checked || r.status === 'failed' || r.status === 'warning'; }).forEach(function (r) {
        var details = r.status === 'n/a' ? ['not applicable: ' + r.notApplicable] : r.failures.concat(r.evidence.map(function (line) { return 'evidence: ' + line; }))
          .concat(r.notChecked ? ['not checked: ' + r.notChecked] : []);
        body.appendChild(el('tr', 'rule ' + r.status.replace('/', ''), [
          el('td', null, r.id), el('td', null, r.level), el('td', null, r.judges), el('td', null, (several ? r.provider + ' / ' : '') + r.scenario + (r.webhook ? ' → ' + r.webhook : '')),
          el('td', null, r.status), el('td', null, r.title),
          el('td', null, details.map(function (line) { return el('div', null, line); }))]));
      });
      table.appendChild(body);
    }
    problemsOnly.addEventListener('change', draw);
    draw();
  }

  // --baseline: what changed since the baseline, first on the page.
  function renderComparison() {
    var c = data.comparison;
    if (!c) return;
    document.getElementById('comparison-section').hidden = false;
    append(document.getElementById('comparison-verdict'), el('span', 'verdict badge ' + (c.regressions === 0 ? 'pass' : 'fail'), c.verdict));
    document.getElementById('comparison-lines').textContent = c.lines.join('\n');
  }

  // A --matrix sweep: the verdict per provider above the grid, and each configuration's replay command below it.
  function renderConfigurations() {
    var configurations = data.configurations || [];
    if (configurations.length === 0) return;
    var verdicts = document.getElementById('matrix-verdicts');
    (data.verdicts || []).forEach(function (sentence) { verdicts.appendChild(el('li', null, sentence)); });
    verdicts.hidden = false;
    var list = document.getElementById('matrix-replay-list');
    configurations.forEach(function (c) {
      list.appendChild(el('dt', c.failed > 0 ? 'fail' : 'pass', c.provider + ' · ' + c.label + ' — ' + count(c.passed) + ' passed, ' + count(c.failed) + ' failed'));
      list.appendChild(el('dd', null, el('pre', null, c.replay)));
    });
    document.getElementById('matrix-replays').hidden = false;
  }

  // A panel file's webhooks, each with what it received and how that went: results grouped as the provider's panel holds them.
  function renderWebhooks() {
    var webhooks = data.webhooks || [];
    if (webhooks.length === 0) return;
    document.getElementById('webhooks-section').hidden = false;
    var table = document.getElementById('webhooks');
    table.appendChild(el('thead', null, [el('tr', null, ['webhook', 'provider', 'URL', 'sends', 'events', 'deliveries', 'failed', 'rules broken', 'status']
      .map(function (name) { return el('th', null, name); }))]));
    var body = el('tbody');
    webhooks.forEach(function (w) {
      var status = w.enabled ? w.status : 'disabled';
      body.appendChild(el('tr', 'webhook ' + status.replace(' ', '-'), [
        el('td', null, w.name), el('td', null, w.provider), el('td', 'url', w.url), el('td', null, w.method + (w.method === 'GET' ? '' : ' ' + w.encoding)),
        el('td', null, w.events), el('td', 'num', count(w.deliveries)), el('td', 'num', count(w.deliveriesFailed)),
        el('td', 'num', count(w.rulesBroken)), el('td', null, status)]));
    });
    table.appendChild(body);
  }

  // ---- small DOM helpers: strings always become text nodes ----
  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    append(node, children);
    return node;
  }
  function append(node, children) {
    if (children === undefined || children === null) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    });
    return node;
  }
  function svg(tag, attributes, textValue) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, String(attributes[name])); });
    if (textValue !== undefined) node.textContent = String(textValue);
    return node;
  }
  function badge(passed) { return el('span', 'badge ' + (passed ? 'pass' : 'fail'), passed ? 'PASS' : 'FAIL'); }
  function count(n) { return Number(n).toLocaleString('en-US'); }
  function plural(n, one, many) { return count(n) + ' ' + (n === 1 ? one : many || one + 's'); }
  function ms(value) {
    if (value === null || value === undefined) return '-';
    if (value < 0.5) return '<1 ms';
    if (value < 10000) return Math.round(value) + ' ms';
    return (value / 1000).toFixed(1) + ' s';
  }
  function clock(iso) { return iso ? iso.slice(11, 23) : '-'; }
  function digits(text) { return String(text || '').replace(/\D/g, ''); }

  // ---- header ----
  function renderHeader() {
    var s = data.load ? data.load.summary : data.summary;
    var headline = document.getElementById('headline');
    headline.textContent = data.tool + ' ' + data.version + ' report';
    if (data.interrupted) {
      // Never green: the run stopped before it was done, whatever its completed calls show.
      append(headline, el('span', 'verdict badge stop', 'interrupted · ' + data.interruption));
    } else if (data.load) {
      var broken = s.thresholds.filter(function (t) { return !t.passed; }).length;
      append(headline, el('span', 'verdict badge ' + (broken === 0 ? 'pass' : 'fail'), 'load run · ' + plural(s.callsStarted, 'call') + ' · '
        + (broken === 0 ? 'thresholds met' : count(broken) + ' of ' + count(s.thresholds.length) + ' thresholds broken')));
    } else {
      append(headline, el('span', 'verdict badge ' + (s.failed === 0 ? 'pass' : 'fail'),
        (s.failed === 0 ? 'all ' + count(s.passed) + ' passed' : count(s.failed) + ' of ' + count(s.total) + ' failed')
          + (s.skipped ? ', ' + count(s.skipped) + ' skipped by configuration' : '') + ' · ' + data.checked.label));
    }
    renderChecked(data.checked);

    var options = Object.keys(data.options).filter(function (name) { return data.options[name] !== ''; })
      .map(function (name) { return name + ' ' + data.options[name]; }).join(' · ');
    var facts = [
      data.load ? ['Calls', count(s.total) + ' completed, ' + count(s.failed) + ' failed, of ' + count(s.callsStarted) + ' started; '
          + s.achievedRate.toFixed(1) + '/s of ' + s.targetRate + '/s target, at most ' + count(s.concurrency) + ' in progress']
        : ['Result', count(s.passed) + ' passed, ' + count(s.failed) + ' failed of ' + plural(s.total, 'scenario')],
      ['Deliveries', count(s.deliveries) + ' sent, ' + count(s.deliveriesFailed) + ' failed'
        + (data.load ? ' (' + (s.errorRate * 100).toFixed(3).replace(/\.?0+$/, '') + '%); p50 ' + ms(s.p50Ms) + ', p99 ' + ms(s.p99Ms) : '')],
      ['Target', data.target + (data.embeddedListener ? ' (embedded reference listener)' : '')],
      [several ? 'Providers' : 'Provider', data.providers.join(', ') || '-'],
      ['Options', options || '-'],
      ['Seed and clock', data.seed + ' · ' + (data.now ? 'fixed clock ' + data.now : 'real clock')],
      ['Started', data.startedAt],
      ['Duration', ms(data.durationMs)]
    ];
    var list = document.getElementById('facts');
    facts.forEach(function (fact) {
      list.appendChild(el('div', null, [el('dt', null, fact[0]), el('dd', null, fact[1])]));
    });
    document.getElementById('command-line').textContent = data.commandLine;
  }

  // What the verdict rests on, at a glance: one mark per part, checked or not, with the option that would check it.
  function renderChecked(checked) {
    var records = checked.records === 'fields' ? 'read field by field'
      : checked.records === 'text' ? 'searched as text only (weak): name fields with --verify-field' : null;
    var parts = [
      ['Answers', 'status and timing', true],
      ['Data', records ? 'records ' + records + (checked.crmPushes ? '; CRM pushes' : '')
        : checked.crmPushes ? 'CRM pushes' : 'not checked: add --verify-url URL or --downstream-port N', records !== null || checked.crmPushes],
      ['Security', checked.security ? 'credentials and signatures' : 'not checked: --suite security', checked.security],
      ['Robustness', checked.robustness ? 'retries, duplicates, order, odd payloads' : 'not checked: --suite robustness', checked.robustness]
    ];
    var box = document.getElementById('checked');
    append(box, el('span', 'checked-title', 'What was checked'));
    parts.forEach(function (part) {
      box.appendChild(el('span', 'check ' + (part[2] ? 'yes' : 'no'), [el('span', 'mark', (part[2] ? '\u2713 ' : '\u2717 ') + part[0]), ' ' + part[1]]));
    });
  }

  // ---- compatibility matrix ----
  function rowVisible(row) {
    return row.cells.some(function (cell) {
      return cell !== null && cell.scenarios.some(function (index) { return state.shown[index] === 1; });
    });
  }
  function renderMatrix() {
    var matrix = data.matrix;
    var table = document.getElementById('matrix');
    var head = el('thead');
    if (matrix.dimensions.length === 0) head.appendChild(el('tr', null, [el('th', null, 'scenario'), el('th', null, 'result')]));
    matrix.dimensions.forEach(function (dimension, d) {
      var row = el('tr', null, el('th', 'dimension', dimension));
      matrix.columns.forEach(function (column) { row.appendChild(el('th', null, column[d])); });
      head.appendChild(row);
    });
    var rows = matrix.rows.filter(rowVisible);
    var pages = Math.max(1, Math.ceil(rows.length / MATRIX_ROWS_PER_PAGE));
    state.matrixPage = Math.min(state.matrixPage, pages - 1);
    var body = el('tbody');
    rows.slice(state.matrixPage * MATRIX_ROWS_PER_PAGE, (state.matrixPage + 1) * MATRIX_ROWS_PER_PAGE).forEach(function (row) {
      var tr = el('tr', null, el('th', null, row.name));
      row.cells.forEach(function (cell, c) { tr.appendChild(matrixCell(row, cell, c)); });
      body.appendChild(tr);
    });
    if (rows.length === 0) body.appendChild(el('tr', null, el('td', 'empty-note', 'No scenario matches the filters.')));
    table.replaceChildren(head, body);
    pager('matrix-pager', state.matrixPage, pages, rows.length, 'scenarios', function (page) { state.matrixPage = page; renderMatrix(); });
  }
  function matrixCell(row, cell, column) {
    if (cell === null) return el('td', 'empty', '—');
    if (cell.skipped === cell.scenarios.length) return el('td', 'empty', 'skipped by configuration');
    var failed = cell.failed > 0;
    var label = cell.scenarios.length === 1 ? (failed ? 'fail' : 'pass') : count(cell.passed) + ' pass, ' + count(cell.failed) + ' fail';
    var detail = failed ? count(cell.deliveriesFailed) + ' of ' + count(cell.deliveries) + ' failed' : count(cell.deliveries) + '/' + count(cell.deliveries);
    var button = el('button', null, [label, el('span', 'count', detail)]);
    button.type = 'button';
    button.title = row.name + ': ' + data.matrix.columns[column].join(' · ');
    // A cell holding several calls opens the first that failed: that is what a click on red asks to see.
    var target = cell.scenarios.filter(function (index) { return !scenarios[index].passed; })[0];
    button.addEventListener('click', function () { drill(target === undefined ? cell.scenarios[0] : target); });
    var td = el('td', 'cell ' + (failed ? 'fail' : 'pass'), button);
    td.dataset.scenario = row.name;
    return td;
  }

  // ---- load run: the whole run first; the calls further down are a sample kept for detail ----
  function renderLoad() {
    var s = data.load.summary;
    document.getElementById('load-section').hidden = false;
    document.getElementById('latency-section').hidden = true;
    var thresholds = document.getElementById('thresholds');
    var head = el('tr', null, [el('th', null, 'threshold'), el('th', null, 'actual'), el('th', null, 'verdict')]);
    var rows = s.thresholds.map(function (t) {
      return el('tr', 'threshold ' + (t.passed ? 'passed' : 'failed'), [el('td', null, t.threshold), el('td', 'num', t.actualText), el('td', null, badge(t.passed))]);
    });
    thresholds.replaceChildren(el('thead', null, head), el('tbody', null, rows));
    var table = document.getElementById('load-latency');
    var columns = ['deliveries', 'failed', 'p50', 'p90', 'p99', 'p99.9', 'max'];
    var header = el('tr', null, [el('th', null, 'latency')].concat(columns.map(function (name) { return el('th', 'num', name); })));
    function row(name, group, latency) {
      return el('tr', null, [el('td', null, name)].concat([count(group.deliveries), count(group.deliveriesFailed), ms(latency.p50Ms), ms(latency.p90Ms),
        ms(latency.p99Ms), ms(latency.p999Ms), ms(latency.maxMs)].map(function (value) { return el('td', 'num', value); })));
    }
    var body = [row('all', s, s), row('all, sent', s, s.sent)]
      .concat(s.byProvider.map(function (g) { return row(g.provider, g, g); }))
      .concat(s.byEvent.map(function (g) { return row(g.provider + ' event ' + g.event, g, g); }));
    table.replaceChildren(el('thead', null, header), el('tbody', null, body));
    var errors = Object.keys(s.errors);
    document.getElementById('load-errors').textContent = errors.length === 0 ? 'No delivery failed.'
      : 'Failed deliveries by reason: ' + errors.map(function (reason) { return reason + ' ' + count(s.errors[reason]); }).join(', ') + '.';
    var sample = 'A sample of ' + plural(data.summary.total, 'call') + ' of the run\'s ' + count(s.callsStarted) + ', kept for detail: every failing call up to '
      + count(s.kept.failuresCap) + (s.kept.failuresDropped > 0 ? ' (' + count(s.kept.failuresDropped) + ' more not kept)' : '') + ' and the first '
      + count(s.kept.sample) + ' passing. The figures above count every call.';
    document.getElementById('matrix-title').textContent = 'Compatibility matrix (sample)';
    document.getElementById('matrix-hint').textContent = sample;
    document.getElementById('calls-title').textContent = 'Calls (sample)';
  }

  // ---- latency ----
  function renderLatency() {
    var table = document.getElementById('latency-table');
    var columns = (several ? ['provider'] : []).concat(['event', 'answered', 'no response', 'p50', 'p90', 'p99', 'max']);
    var head = el('tr');
    columns.forEach(function (name, i) { head.appendChild(el('th', i >= (several ? 2 : 1) ? 'num' : null, name)); });
    var body = el('tbody');
    data.latency.events.forEach(function (e) {
      var tr = el('tr');
      if (several) tr.appendChild(el('td', null, e.provider));
      tr.appendChild(el('td', null, e.event));
      [count(e.answered), count(e.noResponse), ms(e.p50), ms(e.p90), ms(e.p99), ms(e.max)].forEach(function (value) {
        tr.appendChild(el('td', 'num', value));
      });
      body.appendChild(tr);
    });
    table.replaceChildren(el('thead', null, head), body);
    renderHistogram(data.latency.histogram);
  }
  function renderHistogram(buckets) {
    var width = 520, height = 210, left = 40, bottom = 36, top = 18;
    var slot = (width - left - 10) / buckets.length;
    var max = Math.max.apply(null, buckets.map(function (b) { return b.count; }).concat([1]));
    var chart = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Latency histogram' });
    chart.appendChild(svg('line', { 'class': 'axis', x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom }));
    chart.appendChild(svg('text', { x: 0, y: top - 6 }, 'deliveries'));
    buckets.forEach(function (bucket, i) {
      var barHeight = bucket.count === 0 ? 0 : Math.max(2, (height - bottom - top) * bucket.count / max);
      var x = left + i * slot + 3;
      var bar = svg('rect', { 'class': 'bar', x: x, y: height - bottom - barHeight, width: slot - 6, height: barHeight });
      var label = bucket.upToMs === null ? '> ' + buckets[i - 1].upToMs + ' ms' : '≤ ' + bucket.upToMs + ' ms';
      bar.appendChild(svg('title', {}, label + ': ' + count(bucket.count)));
      chart.appendChild(bar);
      if (bucket.count > 0) chart.appendChild(svg('text', { 'class': 'value', x: x + (slot - 6) / 2, y: height - bottom - barHeight - 4, 'text-anchor': 'middle' }, count(bucket.count)));
      var tick = bucket.upToMs === null ? '>' + shortMs(buckets[i - 1].upToMs) : shortMs(bucket.upToMs);
      chart.appendChild(svg('text', { x: x + (slot - 6) / 2, y: height - bottom + 14, 'text-anchor': 'middle' }, tick));
    });
    chart.appendChild(svg('text', { x: left, y: height - 4 }, 'latency in ms, upper bound of each bucket'));
    var answered = buckets.reduce(function (sum, b) { return sum + b.count; }, 0);
    document.getElementById('latency-chart').replaceChildren(chart, el('figcaption', null, count(answered) + ' answered deliveries by latency'));
  }
  function shortMs(value) { return value >= 1000 ? value / 1000 + ' s' : String(value); }

  // ---- filters ----
  function setupFilters() {
    scenarios.forEach(function (s) { s.uidKey = String(s.callId).toLowerCase(); s.phoneKey = digits(s.customer); });
    var provider = document.getElementById('filter-provider');
    provider.appendChild(option('', 'all (' + data.providers.length + ')'));
    data.providers.forEach(function (name) { provider.appendChild(option(name, name)); });
    var scenario = document.getElementById('filter-scenario');
    scenario.appendChild(option('', 'all (' + count(data.matrix.rows.length) + ')'));
    data.matrix.rows.forEach(function (row) { scenario.appendChild(option(row.name, row.name)); });

    document.getElementById('filters').addEventListener('submit', function (event) { event.preventDefault(); });
    document.getElementById('filter-failed').addEventListener('change', readFilters);
    provider.addEventListener('change', readFilters);
    scenario.addEventListener('change', readFilters);
    document.getElementById('filter-search').addEventListener('input', readFilters);

    var d = data.detail;
    document.getElementById('detail-note').textContent = 'Every failed delivery keeps its full request and response; passing ones only the first '
      + count(d.passingLimit) + ' (' + count(d.kept) + ' of ' + count(data.summary.deliveries) + ' deliveries kept). '
      + 'Response bodies show their first ' + count(d.responseBodyLimit) + ' characters; results.json has every delivery.';
  }
  function option(value, label) {
    var node = el('option', null, label);
    node.value = value;
    return node;
  }
  function readFilters() {
    state.failedOnly = document.getElementById('filter-failed').checked;
    state.provider = document.getElementById('filter-provider').value;
    state.scenario = document.getElementById('filter-scenario').value;
    state.search = document.getElementById('filter-search').value.trim().toLowerCase();
    state.callsPage = 0;
    state.matrixPage = 0;
    applyFilters();
  }
  function matches(s, phone) {
    if (state.failedOnly && (s.passed || s.status === 'skipped')) return false;
    if (state.provider && s.provider !== state.provider) return false;
    if (state.scenario && s.name !== state.scenario) return false;
    if (!state.search) return true;
    if (s.uidKey.indexOf(state.search) >= 0) return true;
    return phone.length >= 3 && s.phoneKey.indexOf(phone) >= 0;
  }
  function applyFilters() {
    // A phone number is matched on its digits, so "+91 98765 43210", "919876543210" and "9876543210" all find it.
    var phone = /^[\d\s()+\-.]+$/.test(state.search) ? digits(state.search) : '';
    var visible = [];
    var shown = new Uint8Array(scenarios.length);
    for (var i = 0; i < scenarios.length; i++) {
      if (matches(scenarios[i], phone)) { visible.push(i); shown[i] = 1; }
    }
    state.visible = visible;
    state.shown = shown;
    document.getElementById('filter-count').textContent = count(visible.length) + ' of ' + plural(scenarios.length, 'call');
    renderMatrix();
    renderCalls();
  }

  // ---- calls ----
  function renderCalls() {
    var pages = Math.max(1, Math.ceil(state.visible.length / CALLS_PER_PAGE));
    state.callsPage = Math.min(state.callsPage, pages - 1);
    var list = document.getElementById('calls');
    var cards = state.visible.slice(state.callsPage * CALLS_PER_PAGE, (state.callsPage + 1) * CALLS_PER_PAGE).map(callCard);
    if (cards.length === 0) cards = [el('p', 'empty-note', 'No call matches the filters.')];
    list.replaceChildren.apply(list, cards);
    pager('calls-pager', state.callsPage, pages, state.visible.length, 'calls', function (page) { state.callsPage = page; renderCalls(); });
  }
  function callCard(index) {
    var s = scenarios[index];
    var card = el('details', 'call ' + (s.status === 'skipped' ? 'skipped' : s.passed ? 'passed' : 'failed'));
    card.id = 'call-' + index;
    card.dataset.callId = s.callId;
    var failed = s.deliveries.filter(function (d) { return !d.passed; }).length;
    card.appendChild(el('summary', null, [
      s.status === 'interrupted' ? el('span', 'badge stop', 'STOP') : s.status === 'skipped' ? el('span', 'badge skip', 'SKIP') : badge(s.passed),
      el('span', 'name', s.provider + ' / ' + s.name),
      el('span', 'meta', 'uid ' + s.callId + ' · customer ' + s.customer + ' · ' + plural(s.deliveries.length, 'delivery', 'deliveries')
        + (failed ? ', ' + count(failed) + ' failed' : '') + ' · ' + ms(s.durationMs))
    ]));
    // Bodies are drawn when opened: a page of closed cards stays cheap however large the run.
    card.addEventListener('toggle', function () { if (card.open && card.childNodes.length === 1) card.appendChild(callBody(s)); });
    return card;
  }
  function callBody(s) {
    var first = s.deliveries.length ? Date.parse(s.deliveries[0].sentAt) : 0;
    var longest = Math.max.apply(null, s.deliveries.map(function (d) { return d.latencyMs || 0; }).concat([1]));
    var table = el('table', 'timeline', el('thead', null, el('tr', null,
      ['#', 'event', 'sent (UTC)', 'latency', 'outcome', 'verdict'].map(function (name) { return el('th', null, name); }))));
    var body = el('tbody');
    s.deliveries.forEach(function (d) { body.appendChild(deliveryRow(s, d, first, longest)); });
    table.appendChild(body);
    return el('div', 'body', [
      el('p', 'description', s.description),
      el('p', 'meta', 'seed ' + s.seed + ' · uid ' + s.callId + ' · customer ' + s.customer),
      el('div', 'scroll', table)
    ]);
  }
  function deliveryRow(s, d, first, longest) {
    var fill = el('div', 'fill' + (d.passed ? '' : ' fail'));
    fill.style.width = Math.min(100, 100 * (d.latencyMs || 0) / longest) + '%';
    var offset = Date.parse(d.sentAt) - first;
    var row = el('tr', 'delivery', [
      el('td', 'num', d.index),
      el('td', null, d.webhook ? [d.event, el('span', 'webhook-name', ' → ' + d.webhook)] : d.event),
      el('td', null, [clock(d.sentAt), el('span', 'latency-text', ' +' + ms(offset).replace('<1 ms', '0 ms'))]),
      el('td', 'latency-cell', [el('div', 'track', fill), el('span', 'latency-text', ms(d.latencyMs))]),
      el('td', null, d.outcome),
      el('td', null, badge(d.passed))
    ]);
    row.tabIndex = 0;
    var detailRow = null;
    function toggle() {
      if (detailRow) { detailRow.remove(); detailRow = null; row.classList.remove('open'); return; }
      detailRow = el('tr', 'detail-row', el('td', 'detail', deliveryDetail(d)));
      detailRow.firstChild.colSpan = 6;
      row.after(detailRow);
      row.classList.add('open');
    }
    row.addEventListener('click', toggle);
    row.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); } });
    row.openDetail = function () { if (!detailRow) toggle(); return detailRow; };
    return row;
  }
  function deliveryDetail(d) {
    var x = d.detail;
    var queued = d.queuedBehind ? el('p', 'queued', 'Note: ' + d.queuedBehind) : null;
    if (x === null) {
      return [queued, el('p', 'note', 'Request and response not kept for this passing delivery (the report keeps the first '
        + count(data.detail.passingLimit) + ' passing ones and every failure). results.json has it.')].filter(Boolean);
    }
    var parts = queued ? [queued] : [];
    if (x.failures.length) {
      parts.push(el('div', 'failures', [el('strong', null, 'Failed: expected ' + x.expected),
        el('ul', null, x.failures.map(function (f) { return el('li', null, f); }))]));
    } else {
      parts.push(el('p', 'expected', 'Expected ' + x.expected + ': met.'));
    }
    parts.push(el('p', 'expected', 'Event time in the payload: ' + x.eventTime));
    parts.push(el('div', 'exchange', [requestBlock(x.request), responseBlock(x)]));
    return parts;
  }
  function requestBlock(request) {
    return el('div', 'request', [
      el('h4', null, 'Request'),
      el('div', 'line', request.method + ' ' + request.url),
      headerTable(request.headers.concat(request.contentType ? [['Content-Type', request.contentType]] : [])),
      request.body === '' ? el('div', 'note', 'no body') : bodyBlock(request.body, request.contentType, request.bodyCut ? 'cut for the report' : null)
    ]);
  }
  function responseBlock(x) {
    if (x.response === null) {
      return el('div', 'response', [el('h4', null, 'Response'),
        el('div', 'line fail', x.error ? x.error.kind + ': ' + x.error.message : 'no response')]);
    }
    var r = x.response;
    var type = r.headers.filter(function (h) { return h[0].toLowerCase() === 'content-type'; }).map(function (h) { return h[1]; })[0] || '';
    var cut = r.bodyCut ? 'showing the first ' + count(r.body.length) + ' characters of ' + count(r.bodyBytes) + (r.bodyBytes > r.body.length ? '+' : '') + ' bytes' : null;
    return el('div', 'response', [
      el('h4', null, 'Response'),
      el('div', 'line', r.status + ' ' + r.reason + ' · headers after ' + ms(r.headersMs)),
      headerTable(r.headers),
      r.body === '' ? el('div', 'note', 'empty body') : bodyBlock(r.body, type, cut)
    ]);
  }
  function headerTable(headers) {
    if (headers.length === 0) return el('div', 'note', 'no headers');
    return el('table', 'headers', el('tbody', null, headers.map(function (h) { return el('tr', null, [el('td', null, h[0] + ':'), el('td', null, h[1])]); })));
  }
  function bodyBlock(body, contentType, note) {
    var pretty = prettyBody(body, contentType);
    var pre = el('pre', 'body-text', pretty === null ? body : pretty);
    var children = [pre];
    if (pretty !== null) {
      var raw = false;
      var button = el('button', 'toggle', 'show raw');
      button.type = 'button';
      button.addEventListener('click', function () {
        raw = !raw;
        pre.textContent = raw ? body : pretty;
        button.textContent = raw ? 'show pretty' : 'show raw';
      });
      children.unshift(el('div', 'note', ['body, pretty-printed', button]));
    }
    if (note) children.push(el('div', 'note', note));
    return el('div', null, children);
  }
  // JSON indented; a form body one field per line, with a JSON value (MyOperator's myoperator=...) indented too.
  function prettyBody(body, contentType) {
    var type = String(contentType || '').toLowerCase();
    if (type.indexOf('json') >= 0) return prettyJson(body);
    if (type.indexOf('application/x-www-form-urlencoded') >= 0) {
      return body.split('&').map(function (pair) {
        var at = pair.indexOf('=');
        var name = decodeForm(at < 0 ? pair : pair.slice(0, at));
        var value = at < 0 ? '' : decodeForm(pair.slice(at + 1));
        var json = /^\s*[{[]/.test(value) ? prettyJson(value) : null;
        return name + ' = ' + (json === null ? value : json);
      }).join('\n');
    }
    return null;
  }
  function prettyJson(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return null; }
  }
  function decodeForm(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; }
  }

  // ---- paging and drill-down ----
  function pager(id, page, pages, total, noun, go) {
    var nav = document.getElementById(id);
    if (pages <= 1) { nav.replaceChildren(); return; }
    function button(label, target) {
      var b = el('button', null, label);
      b.type = 'button';
      b.disabled = target < 0 || target >= pages;
      b.addEventListener('click', function () { go(target); });
      return b;
    }
    nav.replaceChildren(button('previous', page - 1), el('span', null, 'page ' + count(page + 1) + ' of ' + count(pages) + ' (' + count(total) + ' ' + noun + ')'), button('next', page + 1));
  }
  // From a matrix cell to its call: filter to the scenario, turn to the page holding it, open it at its first failure.
  function drill(index) {
    var s = scenarios[index];
    document.getElementById('filter-failed').checked = false;
    document.getElementById('filter-provider').value = s.provider;
    document.getElementById('filter-scenario').value = s.name;
    document.getElementById('filter-search').value = '';
    readFilters();
    state.callsPage = Math.floor(state.visible.indexOf(index) / CALLS_PER_PAGE);
    renderCalls();
    var card = document.getElementById('call-' + index);
    card.open = true;
    if (card.childNodes.length === 1) card.appendChild(callBody(s));
    var rows = card.querySelectorAll('tr.delivery');
    var target = s.deliveries.findIndex(function (d) { return !d.passed; });
    if (rows.length) rows[Math.max(0, target)].openDetail();
    card.scrollIntoView({ block: 'start' });
  }

  renderHeader();
  renderLatency();
  if (data.load) renderLoad();
  renderComparison();
  renderWebhooks();
  renderConfigurations();
  renderRules();
  setupFilters();
  applyFilters();
  document.body.dataset.ready = 'true';
})();

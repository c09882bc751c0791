/**
 * The playground's script (plain ES2017, inlined as it is). It compiles the typed program with
 * the embedded engine, runs it under the chosen policy and seed, mounts the player on fresh
 * sections for the run, samples a histogram, and exports the run. Every string from the program
 * or its run goes into the page through textContent; the timeline SVG (escaped by its exporter)
 * goes through the XML parser, whose scripts never run and which the CSP would block anyway.
 */
export const PLAYGROUND_SCRIPT = String.raw`
(function () {
  'use strict';
  var engine = window.threadsimPage;
  var player = window.threadsimPlayer;
  var handle = null;
  var last = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fill(id, items, tag, inner) {
    var box = $(id);
    clear(box);
    items.forEach(function (t) {
      var item = el(tag);
      if (inner) item.appendChild(el(inner, '', t)); else item.textContent = t;
      box.appendChild(item);
    });
  }

  var select = $('pg-program');
  engine.names().forEach(function (name) { select.appendChild(el('option', '', name)).value = name; });
  var policy = $('pg-policy');
  engine.policies.forEach(function (name) { policy.appendChild(el('option', '', name)).value = name; });
  select.addEventListener('change', function () { $('pg-source').disabled = select.value !== ''; });

  // The language: chosen, or recognised in what is typed or pasted. Switching it swaps in the
  // other starter program only while the editor holds a starter (or nothing): typed work stays.
  var language = $('pg-language');
  var starters = { js: $('pg-starter-js').value, py: $('pg-starter-py').value };
  function syncLanguage() { $('pg-switch-label').hidden = language.value !== 'py'; }
  function detect(text) {
    var js = /export\s+default\b|from\s+['"]threadsim['"]|\bfunction\s*\*/.test(text);
    var py = /^(import\s+[\w.]+(\s+as\s+\w+)?\s*$|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+[^{]*:\s*$|if\s+__name__\s*==)/m.test(text);
    return js === py ? null : js ? 'js' : 'py';
  }
  language.addEventListener('change', function () {
    var source = $('pg-source');
    if (source.value.trim() === '' || source.value === starters.js || source.value === starters.py) source.value = starters[language.value];
    syncLanguage();
  });
  $('pg-source').addEventListener('input', function () {
    var d = detect($('pg-source').value);
    if (d !== null && d !== language.value) { language.value = d; syncLanguage(); }
  });
  syncLanguage();

  function showError(e) {
    var box = $('pg-error');
    box.hidden = false;
    box.textContent = String(e && e.message ? (e.name && e.name !== 'Error' ? e.name + ': ' : '') + e.message : e);
  }

  /** The chosen program and the name the engine knows it by. */
  function chosen() {
    if (select.value !== '') return { key: select.value, program: engine.program(select.value) };
    var p = language.value === 'py' ? engine.compilePython($('pg-source').value, 'program.py', $('pg-switch').value) : engine.compile($('pg-source').value);
    return { key: engine.register(p), program: p };
  }
  function seedOf() {
    var n = parseInt($('pg-seed').value, 10);
    return isNaN(n) || n < 0 ? 0 : n;
  }

  function run() {
    $('pg-error').hidden = true;
    try {
      var c = chosen();
      var seed = seedOf();
      var res = engine.run(c.program, policy.value, seed);
      last = { trace: res.trace, name: c.program.name };
      show(c, res, seed);
    } catch (e) {
      showError(e);
    }
  }

  function show(c, res, seed) {
    var trace = res.trace;
    var host = $('pg-player');
    if (handle) handle.dispose();
    clear(host);
    host.appendChild(document.importNode($('pg-template').content, true));
    var failures = trace.failures.map(function (f) { return f.message; });
    var meta = 'policy ' + policy.value + ', seed ' + seed + ': ' + trace.steps.length + ' steps (0 to ' + Math.max(0, trace.steps.length - 1) + '), ' + trace.ending;
    $('recorded-meta').textContent = meta;
    $('answer-meta').textContent = meta;
    fill('recorded-failures', failures, 'li');
    fill('answer-failures', failures.length ? failures : ['No failure.'], 'li');
    fill('recorded-replay', res.replay, 'p', 'code');
    fill('answer-replay', res.replay, 'p', 'code');
    var puzzle = engine.puzzle(trace);
    $('goal-text').textContent = puzzle.goal;
    $('how-to').textContent = 'Pick the thread that runs next at every point where more than one can run; the page runs your program after every pick. Keys: 1-9 pick, Backspace undoes.';
    var svg = new DOMParser().parseFromString(engine.exportTrace(trace, 'svg'), 'image/svg+xml').documentElement;
    if (svg && svg.nodeName === 'svg') $('timeline').appendChild(document.importNode(svg, true));
    $('pg-summary').textContent = (failures.length === 0 ? 'No failure' : failures.length + (failures.length === 1 ? ' failure' : ' failures')) + ' in ' + c.program.name + ' under ' + meta + '.';
    handle = player.mount({
      trace: { threads: trace.threads.map(function (t) { return t.name; }), initialState: trace.initialState || {}, steps: res.steps },
      recipe: { program: c.program.name, policy: 'gil', seed: seed },
      live: c.key,
      tree: null,
      puzzle: puzzle
    });
    document.body.setAttribute('data-runs', String((parseInt(document.body.getAttribute('data-runs') || '0', 10) || 0) + 1));
  }

  function histogram() {
    $('pg-error').hidden = true;
    try {
      var c = chosen();
      var n = parseInt($('pg-executions').value, 10);
      var summary = engine.histogram(c.program, isNaN(n) || n < 1 ? 200 : Math.min(n, 100000), seedOf());
      var box = $('pg-histogram');
      clear(box);
      box.appendChild(el('p', 'meta', summary.executions + ' random runs from seed ' + seedOf() + ': ' + summary.failures.length + (summary.failures.length === 1 ? ' kind' : ' kinds') + ' of failure found.'));
      [['Final state', summary.histogram.states], ['Output', summary.histogram.outputs]].forEach(function (part) {
        var table = el('table', 'histogram');
        var head = el('tr');
        head.appendChild(el('th', '', part[0]));
        head.appendChild(el('th', '', 'runs'));
        head.appendChild(el('th', '', ''));
        table.appendChild(head);
        part[1].forEach(function (row) {
          var tr = el('tr');
          tr.appendChild(el('td', 'outcome-text', row[0]));
          tr.appendChild(el('td', 'count', row[1]));
          var bar = el('td', 'bar');
          var fillBar = el('span', 'fill');
          fillBar.style.width = Math.max(1, Math.round(100 * row[1] / summary.executions)) + '%';
          bar.appendChild(fillBar);
          tr.appendChild(bar);
          table.appendChild(tr);
        });
        box.appendChild(table);
      });
    } catch (e) {
      showError(e);
    }
  }

  function exportAs(format) {
    if (!last) { showError('Run the program first: the export is of the run shown.'); return; }
    var text = engine.exportTrace(last.trace, format);
    $('pg-export').value = text;
    var link = $('pg-download');
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = last.name.replace(/[^\w.-]+/g, '-') + { json: '.json', markdown: '.md', mermaid: '.mmd', svg: '.svg' }[format];
    link.hidden = false;
  }

  $('pg-run').addEventListener('click', run);
  $('pg-hist').addEventListener('click', histogram);
  ['json', 'markdown', 'mermaid', 'svg'].forEach(function (f) { $('pg-export-' + f).addEventListener('click', function () { exportAs(f); }); });
  $('pg-source').addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); }
  });
  run();
  document.body.setAttribute('data-playground', 'ready');
})();
`;

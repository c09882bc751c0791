/**
 * The HTML player's script, inlined into the page as it is (plain ES2017, no modules, no
 * template literals). It reads the page data from `<script type="application/json"
 * id="ts-data">` and builds everything with createElement and textContent: no string from the
 * trace ever goes through innerHTML or an HTML parser.
 */
export const PLAYER_SCRIPT = String.raw`
(function () {
  'use strict';

  /**
   * Build the player on the page's #player and #scheduler sections from the page data. The
   * export calls it once; the playground again after every run (on fresh sections), so it
   * returns a handle that removes what it added outside those sections.
   */
  function mount(data) {
  var trace = data.trace;
  var tree = data.tree ? unpack(data.tree) : null;

  /* global threadsimPage */

  /** The packed choice tree (see packTree) back to nodes of step objects. */
  function unpack(p) {
    var S = p.s;
    var nodes = p.n.map(function (n) {
      var steps = n[0].map(function (row) {
        var s = { t: row[0], k: S[row[1]], a: S[row[2]], tm: row[3] };
        if (row[4] >= 0) s.o = S[row[4]];
        var extra = row[5];
        if (extra) {
          Object.keys(extra).forEach(function (key) {
            s[key] = key === 'lg' ? extra.lg.map(function (l) { return [l[0], S[l[1]]]; }) : extra[key];
          });
        }
        return s;
      });
      var options = n[1] ? n[1].map(function (o) { return o[2] >= 0 ? { t: o[0], op: S[o[1]], node: o[2] } : { t: o[0], op: S[o[1]] }; }) : undefined;
      return { steps: steps, options: options, end: n[2] || undefined };
    });
    return { replayPrefix: p.replayPrefix, mainLabel: p.mainLabel, initialState: p.initialState, nodes: nodes };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }

  var KIND_SHORT = { read: 'R', write: 'W', log: 'log', sleep: 'zz', spawn: 'new', join: 'join', acquire: 'acq', release: 'rel',
    wait: 'wait', notify: 'ntf', put: 'put', get: 'get', set: 'set', clear: 'clr', submit: 'sub', result: 'res', shutdown: 'shut', exit: 'exit', 'yield': 'yld' };

  function describe(s) {
    var parts = [s.k];
    if (s.o !== undefined) parts.push(s.o);
    if (s.k === 'write' && s.v !== undefined) parts.push('= ' + s.v);
    else if (s.v !== undefined) parts.push(s.v);
    if (s.r !== undefined) parts.push('-> ' + s.r);
    if (s.x !== undefined) parts.push('raised ' + s.x);
    return parts.join(' ');
  }

  function shellQuote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : "'" + arg.replace(/'/g, "'\\''") + "'";
  }

  // ----- A view: lanes, state and log for a list of steps up to a position -----

  function View(root, initialState, mainName) {
    this.lanes = root.querySelector('.lanes');
    this.state = root.querySelector('.state tbody');
    this.log = root.querySelector('.log');
    this.now = root.querySelector('.now');
    this.initialState = initialState;
    this.mainName = mainName;
  }

  /** Thread names known after the steps (MainThread plus every thread a step started). */
  function threadNames(steps, mainName) {
    var names = [mainName];
    for (var i = 0; i < steps.length; i++) {
      var sp = steps[i].sp;
      if (sp) names[sp.i] = sp.n;
    }
    return names;
  }

  /** Columns drawn at most: long traces show a window around the current step. */
  var WINDOW = 240;

  /** Threads that run at least one of steps lo .. hi-1, in index order. */
  function actingIn(steps, lo, hi) {
    var seen = {};
    var out = [];
    for (var i = lo; i < hi; i++) if (!seen[steps[i].t]) { seen[steps[i].t] = true; out.push(steps[i].t); }
    return out.sort(function (a, b) { return a - b; });
  }

  /**
   * Draw the steps run so far (pos of them). Options: lo and hi bound the columns an excerpt
   * shows (step numbers stay the whole run's: column j is step j); lanes and folded say which
   * threads get a lane and which share the "other threads" lane (default: every thread).
   */
  View.prototype.render = function (steps, pos, options) {
    var names = options.names || threadNames(steps, this.mainName);
    var raceSteps = options.raceSteps || {};
    var lo = options.lo || 0;
    var hi = options.hi === undefined ? steps.length : Math.min(options.hi, steps.length);
    var from = Math.max(lo, Math.min(pos - WINDOW / 2, hi - WINDOW));
    var to = Math.min(hi, from + WINDOW);
    var rows = [];
    var laneList = options.lanes;
    if (!laneList) {
      laneList = [];
      for (var t = 0; t < names.length; t++) laneList.push(t);
    }
    laneList.forEach(function (t) { rows.push({ name: names[t] === undefined ? '#' + t : names[t], title: (names[t] === undefined ? '#' + t : names[t]) + ' (thread ' + t + ')', key: String(t), has: function (x) { return x === t; } }); });
    var folded = options.folded || [];
    if (folded.length > 0) {
      var members = folded.map(function (t) { return names[t] === undefined ? '#' + t : names[t]; });
      rows.push({ name: 'other threads', title: 'other threads: ' + members.join(', '), key: 'others', has: function (x) { return folded.indexOf(x) >= 0; } });
    }
    clear(this.lanes);
    var grid = el('div', 'grid');
    grid.style.gridTemplateColumns = 'minmax(9em, max-content) repeat(' + Math.max(1, to - from) + ', 2.1em)';
    grid.appendChild(el('div', 'corner', from > 0 ? '… step' : 'step'));
    for (var i = from; i < to; i++) {
      var h = el('div', 'colhead' + (i === pos - 1 ? ' current' : '') + (i >= pos ? ' future' : ''), i);
      grid.appendChild(h);
    }
    rows.forEach(function (row) {
      var label = el('div', 'lane-name' + (row.key === 'others' ? ' others' : ''), row.name);
      label.setAttribute('title', row.title);
      label.setAttribute('data-thread', row.key);
      grid.appendChild(label);
      for (var j = from; j < to; j++) {
        var s = steps[j];
        var mine = row.has(s.t);
        var cls = 'cell';
        if (mine) cls += ' op kind-' + s.k + (s.a === 'read' || s.a === 'write' ? ' access-' + s.a : '');
        if (j === pos - 1) cls += ' current';
        if (j >= pos) cls += ' future';
        if (mine && raceSteps[j]) cls += ' race';
        var cell = el('div', cls, mine ? (KIND_SHORT[s.k] || s.k.slice(0, 3)) : '');
        if (mine) {
          var who = row.key === 'others' ? (names[s.t] === undefined ? '#' + s.t : names[s.t]) + ': ' : '';
          cell.setAttribute('title', 'step ' + j + ' @ ' + s.tm + ' µs: ' + who + describe(s));
          cell.setAttribute('data-step', String(j));
        }
        grid.appendChild(cell);
      }
    });
    this.lanes.appendChild(grid);
    var cur = grid.querySelector('.colhead.current');
    if (cur && cur.scrollIntoView) {
      var box = this.lanes;
      var left = cur.offsetLeft - box.clientWidth / 2;
      box.scrollLeft = Math.max(0, left);
    }

    // Shared state after pos steps, with the locations the last step changed marked.
    var state = {};
    var order = [];
    function put(store, key, value) {
      var loc = store + '.' + key;
      if (!(loc in state)) order.push(loc);
      state[loc] = value;
    }
    var init = this.initialState || {};
    Object.keys(init).forEach(function (store) {
      Object.keys(init[store]).forEach(function (key) { put(store, key, init[store][key]); });
    });
    var changed = {};
    for (var k = 0; k < pos; k++) {
      var ch = steps[k].ch;
      if (!ch) continue;
      Object.keys(ch).forEach(function (store) {
        Object.keys(ch[store]).forEach(function (key) {
          put(store, key, ch[store][key]);
          if (k === pos - 1) changed[store + '.' + key] = true;
        });
      });
    }
    clear(this.state);
    var self = this;
    if (order.length === 0) {
      var empty = el('tr');
      empty.appendChild(el('td', 'muted', '(no shared state)'));
      this.state.appendChild(empty);
    }
    order.forEach(function (loc) {
      var tr = el('tr', changed[loc] ? 'changed' : '');
      tr.appendChild(el('th', '', loc));
      tr.appendChild(el('td', '', JSON.stringify(state[loc])));
      self.state.appendChild(tr);
    });

    // The log so far.
    clear(this.log);
    var lines = 0;
    for (var m = 0; m < pos; m++) {
      var lg = steps[m].lg;
      if (!lg) continue;
      for (var n = 0; n < lg.length; n++) {
        var line = el('div', 'line' + (lg[n][0] > 0 && lg[n][0] < 20 ? ' debug' : '') + (lg[n][0] >= 30 ? ' warn' : '') + (m === pos - 1 ? ' fresh' : '') + (m < lo ? ' earlier' : ''), lg[n][1]);
        this.log.appendChild(line);
        lines++;
      }
    }
    if (lines === 0) this.log.appendChild(el('div', 'muted', '(nothing logged yet)'));
    this.log.scrollTop = this.log.scrollHeight;

    // The step just run and the next one.
    clear(this.now);
    var last = pos > 0 ? steps[pos - 1] : null;
    // Steps are numbered from 0, as in the CLI report, the trace file and every other export:
    // "step 12" is the step that ran twelfth-from-zero, and the count says how many have run.
    var total = options.total === undefined ? steps.length : options.total;
    this.now.appendChild(el('span', 'pos', pos === 0 ? 'start' : pos === lo ? 'before step ' + lo : 'step ' + (pos - 1)));
    this.now.appendChild(el('span', 'count', total === null ? pos + ' steps run' : pos + ' of ' + total + ' steps run'));
    if (last && pos === lo) {
      // An excerpt's start: the steps before it are not drawn, so say that they ran.
      this.now.appendChild(el('span', 'what', 'steps 0 to ' + (lo - 1) + ' ran as recorded'));
    } else if (last) {
      this.now.appendChild(el('span', 'who', names[last.t] === undefined ? '#' + last.t : names[last.t]));
      this.now.appendChild(el('span', 'what', describe(last)));
      this.now.appendChild(el('span', 'time', 't = ' + last.tm + ' µs'));
    } else if (pos === 0) {
      this.now.appendChild(el('span', 'what', 'before the first step'));
    }
  };

  // ----- Mode 1: play the recorded trace -----

  var playerRoot = $('player');
  // An excerpt plays steps lo .. hi-1 (the whole run's numbers); the state and the log before
  // it are the recorded run's, so the first step shown starts from where the run really was.
  var win = data.window || null;
  var lo = win ? win.from : 0;
  var hi = win ? win.to + 1 : trace.steps.length;
  $('pos-input').min = String(lo);
  $('pos-input').max = String(Math.max(lo, hi - 1));
  if (lo > 0) $('pos-input').placeholder = 'before ' + lo;
  var view = new View(playerRoot, trace.initialState, trace.threads[0]);
  var pos = lo;
  var laneOptions = win ? { lanes: win.lanes, folded: win.folded } : {};
  var raceSteps = {};
  var raceAt = [];
  trace.steps.forEach(function (s, i) {
    (s.rc || []).forEach(function (r) { raceSteps[r.p] = true; raceSteps[r.q] = true; raceSteps[i] = true; raceAt.push(r); });
  });
  /** One line per race: every race of the trace, not only the first. */
  function raceLines(box, races, lead) {
    races.forEach(function (r) {
      var line = el('p', 'race-line');
      line.appendChild(el('strong', '', lead + ' ' + r.l + ' (steps ' + r.p + ' and ' + r.q + '): '));
      line.appendChild(el('span', '', r.n));
      box.appendChild(line);
    });
  }
  var svgSteps = document.querySelectorAll('#timeline [data-step], #timeline [data-steps]');

  function showPlayer() {
    view.render(trace.steps, pos, { raceSteps: raceSteps, lo: lo, hi: hi, lanes: laneOptions.lanes, folded: laneOptions.folded, names: trace.threads });
    $('pos-input').value = pos === lo ? '' : String(pos - 1);
    $('back').disabled = pos === lo;
    $('start').disabled = pos === lo;
    $('fwd').disabled = pos === hi;
    $('end').disabled = pos === hi;
    var banner = $('player-race');
    clear(banner);
    banner.hidden = true;
    var certain = raceAt.filter(function (r) { return r.q < pos; });
    banner.hidden = certain.length === 0;
    raceLines(banner, certain, 'Race on');
    for (var j = 0; j < svgSteps.length; j++) {
      var node = svgSteps[j];
      var list = (node.getAttribute('data-steps') || node.getAttribute('data-step') || '').split(' ');
      var on = list.indexOf(String(pos - 1)) >= 0;
      if (on) node.classList.add('current'); else node.classList.remove('current');
    }
  }
  function go(p) {
    pos = Math.max(lo, Math.min(hi, p));
    showPlayer();
  }
  $('start').addEventListener('click', function () { go(lo); });
  $('back').addEventListener('click', function () { go(pos - 1); });
  $('fwd').addEventListener('click', function () { go(pos + 1); });
  $('end').addEventListener('click', function () { go(hi); });
  // Typing N shows step N just run (the numbering of the CLI report); an empty box is the start.
  $('pos-input').addEventListener('change', function () {
    var n = parseInt($('pos-input').value, 10);
    go(isNaN(n) ? lo : n + 1);
  });

  // ----- Mode 2: you are the scheduler (a puzzle) -----
  //
  // A source gives, for a position (the picks so far), the steps up to the next choice point,
  // the options there (or how the run ended), and the position each option leads to. The live
  // source runs the real program in the embedded engine; the tree source walks precomputed runs.

  var schedRoot = $('scheduler');
  var engine = typeof threadsimPage !== 'undefined' ? threadsimPage : null;
  var source = data.live && engine ? liveSource(data.live) : tree ? treeSource() : null;
  var schedView = source ? new View(schedRoot, source.initialState, trace.threads[0]) : null;
  // An excerpt's scheduler starts where the excerpt does: the recorded run's steps before it
  // run as recorded (the same program, picks and seed reach the same point), then you pick.
  var recorded = trace.steps.map(function (s) { return s.t; });
  var start = source ? source.startAt(lo) : null;
  var position = start;
  var schedLo = source && lo > 0 ? Math.min(lo, source.at(start).steps.length) : 0;
  var history = [];
  if (schedLo > 0) {
    $('sched-start').textContent = 'This page is an excerpt: the scheduler starts at step ' + schedLo + ', after steps 0 to ' + (schedLo - 1) + ' ran as recorded. Undo and restart go back to there.';
    $('sched-start').hidden = false;
  }

  /** The embedded engine re-runs the program along the picks made so far (runs are deterministic). */
  function liveSource(name) {
    var cache = { key: null, run: null };
    function runOf(prefix) {
      var key = prefix.join(',');
      if (cache.key !== key) { cache.key = key; cache.run = engine.live(name, prefix, data.recipe); }
      return cache.run;
    }
    var first = runOf([]);
    return {
      startAt: function (n) { return recorded.slice(0, n); },
      initialState: first.initialState,
      at: function (prefix) {
        var run = runOf(prefix);
        var next = null;
        for (var i = 0; i < run.choices.length; i++) if (run.choices[i].step >= prefix.length) { next = run.choices[i]; break; }
        var upto = next ? next.step : run.steps.length;
        return {
          steps: run.steps.slice(0, upto),
          options: next ? next.options.map(function (o) { return { t: o.t, op: o.op, to: run.schedule.slice(0, next.step).concat([o.t]) }; }) : null,
          end: next ? null : { ending: run.ending, failures: run.failures },
          replay: engine.replay(Object.assign({}, data.recipe, { schedule: '' }), run.schedule.slice(0, upto), run.threads)
        };
      }
    };
  }

  /** Precomputed runs (a program the page cannot run): positions are paths of node indices. */
  function treeSource() {
    return {
      /** The path along the recorded run's picks until step n has its turn (the recorded run is always in the tree). */
      startAt: function (n) {
        var path = [];
        var count = tree.nodes[0].steps.length;
        while (count < n) {
          var node = tree.nodes[path.length === 0 ? 0 : path[path.length - 1]];
          var next = null;
          (node.options || []).forEach(function (o) { if (o.t === recorded[count] && o.node !== undefined && next === null) next = o.node; });
          if (next === null) break;
          path.push(next);
          count += tree.nodes[next].steps.length;
        }
        return path;
      },
      initialState: tree.initialState,
      at: function (path) {
        var steps = tree.nodes[0].steps.slice();
        for (var i = 0; i < path.length; i++) steps = steps.concat(tree.nodes[path[i]].steps);
        var node = tree.nodes[path.length === 0 ? 0 : path[path.length - 1]];
        return {
          steps: steps,
          options: node.options ? node.options.map(function (o) { return { t: o.t, op: o.op, to: o.node === undefined ? null : path.concat([o.node]) }; }) : null,
          end: node.end || null,
          replay: null
        };
      }
    };
  }

  function labelsOf(steps) {
    var labels = [tree.mainLabel];
    for (var i = 0; i < steps.length; i++) if (steps[i].sp) labels[steps[i].sp.i] = steps[i].sp.l;
    return labels;
  }
  function notation(steps) {
    var labels = labelsOf(steps);
    var parts = [];
    for (var i = 0; i < steps.length;) {
      var t = steps[i].t;
      var j = i;
      while (j < steps.length && steps[j].t === t) j++;
      var label = labels[t] === undefined ? '#' + t : labels[t];
      parts.push(j - i === 1 ? label : label + '*' + (j - i));
      i = j;
    }
    return parts.join(' ');
  }
  function aliases(steps) {
    var labels = labelsOf(steps);
    var names = threadNames(steps, trace.threads[0]);
    var out = [];
    for (var i = 0; i < labels.length; i++) {
      if (labels[i] !== undefined && labels[i] !== names[i] && (labels[i].charAt(0) === 'T' || labels[i].charAt(0) === '#')) {
        out.push(labels[i] + ' = ' + JSON.stringify(names[i]));
      }
    }
    return out;
  }

  /** Shared state after steps, as location -> JSON text (what the state table shows). */
  function stateAfter(steps, initial) {
    var state = {};
    Object.keys(initial || {}).forEach(function (store) {
      Object.keys(initial[store]).forEach(function (key) { state[store + '.' + key] = JSON.stringify(initial[store][key]); });
    });
    steps.forEach(function (s) {
      if (!s.ch) return;
      Object.keys(s.ch).forEach(function (store) {
        Object.keys(s.ch[store]).forEach(function (key) { state[store + '.' + key] = JSON.stringify(s.ch[store][key]); });
      });
    });
    return state;
  }

  /** An excerpt's scheduler lanes: the excerpt's threads (folded ones too: you pick them) and any thread that acts after its start. */
  function schedLanes(steps) {
    var all = win.lanes.concat(win.folded, actingIn(steps, Math.min(schedLo, steps.length), steps.length));
    return all.filter(function (t, i) { return all.indexOf(t) === i; }).sort(function (a, b) { return a - b; });
  }

  var current = null;
  function pick(i) {
    var o = current && current.options ? current.options[i] : null;
    if (!o || !o.to) return false;
    history.push(position);
    position = o.to;
    showScheduler();
    return true;
  }
  function undo() {
    if (history.length === 0) return false;
    position = history.pop();
    showScheduler();
    return true;
  }

  function showScheduler() {
    if (!source) return;
    var at = source.at(position);
    current = at;
    var steps = at.steps;
    var races = {};
    var produced = [];
    steps.forEach(function (s, i) {
      (s.rc || []).forEach(function (r) { races[r.p] = true; races[r.q] = true; races[i] = true; produced.push(r); });
    });
    schedView.render(steps, steps.length, { raceSteps: races, total: null, lo: Math.min(schedLo, steps.length), lanes: schedLo > 0 ? schedLanes(steps) : undefined });
    var names = threadNames(steps, trace.threads[0]);

    var choices = $('choices');
    clear(choices);
    if (at.options) {
      // The step about to run is numbered like every step: the steps so far are 0 .. N-1.
      choices.appendChild(el('p', 'prompt', 'Step ' + steps.length + ': who runs next?'));
      at.options.forEach(function (o, i) {
        var name = names[o.t] === undefined ? '#' + o.t : names[o.t];
        var b = el('button', 'choice', (i + 1) + '. ' + name);
        b.appendChild(el('span', 'op', ' ' + o.op));
        b.setAttribute('data-thread', String(o.t));
        if (!o.to) {
          b.disabled = true;
          b.setAttribute('title', 'Not precomputed: this choice lies beyond the bound of the runs this page holds.');
        } else {
          b.addEventListener('click', function () { pick(i); });
        }
        choices.appendChild(b);
      });
    }
    $('undo').disabled = history.length === 0;

    var outcome = $('outcome');
    clear(outcome);
    outcome.className = 'outcome';
    if (produced.length > 0) {
      outcome.className = 'outcome race';
      raceLines(outcome, produced, 'You produced a race on');
    }
    if (at.end) {
      outcome.appendChild(el('p', 'ending', 'The program ended (' + at.end.ending + ') after ' + steps.length + ' steps.'));
      if (at.end.failures.length === 0) outcome.appendChild(el('p', 'ok', 'No failure: every claim holds.'));
      at.end.failures.forEach(function (f) { outcome.appendChild(el('p', 'failure', f)); });
      var puzzle = data.puzzle;
      var state = stateAfter(steps, source.initialState);
      var differ = puzzle.differ || null;
      var locs = Object.keys(differ || puzzle.expect);
      var ended = function (l) { return l + ' ended at ' + (state[l] === undefined ? '(unset)' : state[l]) + (differ ? ' (the recorded run: ' + differ[l] + ')' : ''); };
      // A "make it end otherwise" goal is met by any location ending away from the recorded run's value.
      var met = differ ? locs.some(function (l) { return state[l] !== differ[l]; }) || at.end.failures.length > 0
        : puzzle.anyFailure ? at.end.failures.length > 0 : locs.length > 0 && locs.every(function (l) { return state[l] === puzzle.expect[l]; });
      var verdict = met
        ? 'Goal reached' + (locs.length > 0 ? ': ' + locs.map(ended).join(', ') + '.' : '.')
        : 'Goal not reached' + (locs.length > 0 ? ': ' + locs.map(ended).join(', ') : '') + '. Undo or restart and try another order.';
      outcome.appendChild(el('p', met ? 'goal goal-met' : 'goal goal-missed', verdict));
    }
    var replay = $('replay');
    clear(replay);
    replay.appendChild(el('span', 'label', at.end ? 'Replay this run: ' : 'Replay these steps: '));
    if (at.replay) {
      // The engine's own replay lines: the command, then the T<n> aliases it uses.
      replay.appendChild(el('code', 'replay-line', at.replay[0].replace(/^replay: /, '')));
      for (var k = 1; k < at.replay.length; k++) replay.appendChild(el('span', 'aliases', ' ' + at.replay[k].trim()));
    } else {
      replay.appendChild(el('code', 'replay-line', tree.replayPrefix + shellQuote(notation(steps))));
      var al = aliases(steps);
      if (al.length > 0) replay.appendChild(el('span', 'aliases', ' where ' + al.join(', ')));
    }
  }

  var hintsShown = 0;
  function showHint() {
    var hints = data.puzzle.hints;
    if (hintsShown >= hints.length) return;
    $('hints').appendChild(el('p', 'hint-line', 'Hint ' + (hintsShown + 1) + ': ' + hints[hintsShown]));
    hintsShown++;
    $('hint').disabled = hintsShown >= hints.length;
  }
  $('hint').addEventListener('click', showHint);
  $('reveal').addEventListener('click', function () {
    $('answer').hidden = false;
    $('reveal').disabled = true;
  });
  $('play-answer').addEventListener('click', function () { setMode('player'); go(hi); });
  if (source) {
    $('undo').addEventListener('click', undo);
    $('restart').addEventListener('click', function () { history = []; position = start; showScheduler(); });
  } else {
    $('undo').disabled = true;
    $('restart').disabled = true;
  }

  // ----- Tabs and keys -----

  var mode = 'player';
  function setMode(m) {
    mode = m;
    playerRoot.hidden = m !== 'player';
    schedRoot.hidden = m !== 'scheduler';
    $('tab-player').setAttribute('aria-selected', String(m === 'player'));
    $('tab-scheduler').setAttribute('aria-selected', String(m === 'scheduler'));
    if (m === 'scheduler') showScheduler(); else showPlayer();
  }
  $('tab-player').addEventListener('click', function () { setMode('player'); });
  $('tab-scheduler').addEventListener('click', function () { setMode('scheduler'); });
  function onKey(e) {
    if (e.target && (e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'SELECT')) return;
    if (mode === 'player') {
      if (e.key === 'ArrowRight' || e.key === 'n') go(pos + 1);
      else if (e.key === 'ArrowLeft' || e.key === 'p') go(pos - 1);
      else if (e.key === 'Home') go(lo);
      else if (e.key === 'End') go(hi);
      else return;
      e.preventDefault();
    } else if (source) {
      var digit = parseInt(e.key, 10);
      var done = false;
      if (digit >= 1 && digit <= 9) done = pick(digit - 1);
      else if (e.key === 'Backspace' || e.key === 'ArrowLeft') done = undo();
      if (!done) return;
      e.preventDefault();
    }
  }
  document.addEventListener('keydown', onKey);
  setMode('player');
  return { dispose: function () { document.removeEventListener('keydown', onKey); } };
  }

  window.threadsimPlayer = { mount: mount };
  var holder = document.getElementById('ts-data');
  if (holder) mount(JSON.parse(holder.textContent));
  document.body.setAttribute('data-ready', 'true');
})();
`;

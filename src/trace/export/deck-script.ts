/**
 * The HTML deck's script, inlined as it is (plain ES2017, no modules, no template literals).
 * It scales the 16:9 canvas to the window, shows one slide at a time, moves with the keys
 * and the buttons, keeps the slide number in the address (`#3`, which works from `file://`)
 * and shrinks the text of a slide that would overflow, never below a floor that keeps it
 * readable. It inserts no markup: every string in the deck is in the HTML, escaped.
 */
export const DECK_SCRIPT = String.raw`
(function () {
  'use strict';
  var W = 1920;
  var H = 1080;
  /** Smallest body text a slide shrinks to (canvas px): at least 14 px on a 1920-px-wide screen, and on half of one. */
  var FLOOR = 28;
  var deck = document.getElementById('deck');
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'));
  var counter = document.getElementById('counter');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var at = 0;

  function fit() {
    var s = Math.min(window.innerWidth / W, window.innerHeight / H);
    deck.style.transform = 'scale(' + s + ')';
    deck.style.left = Math.max(0, (window.innerWidth - W * s) / 2) + 'px';
    deck.style.top = Math.max(0, (window.innerHeight - H * s) / 2) + 'px';
  }

  /** Shrink a slide's text step by step until its body fits (layout sizes ignore the scale). */
  function shrink(slide) {
    var body = slide.querySelector('.body');
    if (!body || body.getAttribute('data-fitted') || body.clientHeight === 0) return;
    var size = parseFloat(window.getComputedStyle(body).fontSize);
    while (body.scrollHeight > body.clientHeight + 1 && size > FLOOR) {
      size -= 2;
      body.style.fontSize = size + 'px';
    }
    body.setAttribute('data-fitted', String(size));
  }

  function show(i) {
    at = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, j) { s.hidden = j !== at; });
    shrink(slides[at]);
    counter.textContent = (at + 1) + ' / ' + slides.length;
    prev.disabled = at === 0;
    next.disabled = at === slides.length - 1;
    var hash = '#' + (at + 1);
    if (window.location.hash !== hash && window.history && window.history.replaceState) {
      try { window.history.replaceState(null, '', hash); } catch (e) { window.location.hash = hash; }
    }
  }

  function fromHash() {
    var n = parseInt(window.location.hash.slice(1), 10);
    return isNaN(n) ? 0 : n - 1;
  }

  document.addEventListener('keydown', function (e) {
    var k = e.key;
    // A focused button acts on its own Space or Enter: moving here too would move twice.
    if (e.target && e.target.tagName === 'BUTTON' && (k === ' ' || k === 'Enter')) return;
    if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ' || k === 'Enter' || k === 'n') show(at + 1);
    else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp' || k === 'Backspace' || k === 'p') show(at - 1);
    else if (k === 'Home') show(0);
    else if (k === 'End') show(slides.length - 1);
    else return;
    e.preventDefault();
  });
  prev.addEventListener('click', function () { show(at - 1); });
  next.addEventListener('click', function () { show(at + 1); });
  window.addEventListener('resize', fit);
  window.addEventListener('hashchange', function () { if (fromHash() !== at) show(fromHash()); });
  fit();
  show(fromHash());
  document.body.setAttribute('data-ready', 'true');
})();
`;

/**
 * The HTML deck's stylesheet. Sizes are canvas pixels of a 1920 × 1080 slide that the script
 * scales to the window, so a size here is the size on a 1920-px-wide screen: body text 40 px,
 * the smallest text (captions, code, the timeline's own 14-px labels drawn at full size) 24 px
 * or more. Prints one slide per page, in black on white.
 */
export const DECK_STYLE = `
:root { --ink: #111; --muted: #555; --accent: #0b5394; --race: #b00000; --paper: #fff; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: #222; overflow: hidden; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: var(--ink); }
#deck { position: absolute; left: 0; top: 0; width: 1920px; height: 1080px; transform-origin: 0 0; background: var(--paper); overflow: hidden; }
.slide { position: absolute; inset: 0; padding: 48px 60px 92px; display: flex; flex-direction: column; }
.slide-interleaving h2 { font-size: 52px; margin-bottom: 16px; }
.slide h1 { font-size: 88px; margin: 120px 0 32px; overflow-wrap: anywhere; }
.slide h2 { font-size: 64px; margin: 0 0 28px; border-bottom: 4px solid var(--ink); padding-bottom: 12px; overflow-wrap: anywhere; }
.body { flex: 1; min-height: 0; overflow: hidden; font-size: 40px; line-height: 1.35; overflow-wrap: anywhere; }
.body p { margin: 0 0 .55em; }
.body ul { margin: 0 0 .55em; padding-left: 1.2em; }
.body li { margin: 0 0 .3em; }
.body code, .body pre { font-family: "DejaVu Sans Mono", monospace; font-size: .8em; background: #f0f0f0; padding: .05em .25em; border-radius: 4px; }
.body pre { padding: .5em .7em; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .5em; }
.lead { font-size: 1.1em; color: var(--muted); }
.bad { color: var(--race); font-weight: bold; }
.ok { color: #1a6b1a; font-weight: bold; }
.body .caption { font-size: 26px; line-height: 1.35; color: var(--muted); margin: 0 0 8px; }
.body .order { font-size: 30px; line-height: 1.35; margin: 0 0 8px; }
.slide-interleaving .body { display: flex; flex-direction: column; }
.picture { flex: 1; min-height: 0; display: flex; align-items: flex-start; justify-content: center; }
/* Drawn as large as the room allows: the export keeps the picture no larger than the room, so it only ever grows. */
.picture svg { width: 100%; height: 100%; }
.race-group { border-left: 8px solid var(--race); padding-left: .6em; margin-bottom: .6em; }
.failure { color: var(--race); }
.chip { display: inline-block; font-family: "DejaVu Sans Mono", monospace; font-size: .8em; border: 2px solid var(--accent); border-radius: 6px; padding: 0 .3em; margin: 0 .2em .2em 0; }
nav.deck-nav { position: absolute; right: 40px; bottom: 24px; display: flex; gap: 16px; align-items: center; font-size: 28px; z-index: 2; }
nav.deck-nav button { font: inherit; padding: 6px 22px; border: 2px solid var(--ink); background: #fff; border-radius: 8px; cursor: pointer; }
nav.deck-nav button:disabled { color: #aaa; border-color: #ccc; cursor: default; }
#counter { color: var(--muted); min-width: 4em; text-align: center; }
.footer { position: absolute; left: 60px; bottom: 32px; font-size: 24px; color: var(--muted); max-width: 1300px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[hidden] { display: none !important; }
@media print {
  @page { size: 1920px 1080px; margin: 0; }
  html, body { background: #fff; overflow: visible; height: auto; }
  #deck { position: static; transform: none !important; height: auto; overflow: visible; }
  .slide, .slide[hidden] { display: flex !important; position: relative; width: 1920px; height: 1080px; break-after: page; }
  nav.deck-nav { display: none; }
}
`;

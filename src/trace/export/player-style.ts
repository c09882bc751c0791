/** The HTML player's stylesheet, inlined into the page; prints in black on white. */
export const PLAYER_STYLE = `
:root { --ink: #111; --muted: #666; --line: #ccc; --accent: #0b5394; --race: #c00000; --hi: #fff3b0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem 2rem; font: 14px/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: .8rem 0 .3rem; }
.meta { color: var(--muted); margin: 0 0 .4rem; overflow-wrap: anywhere; }
.failures:empty { display: none; }
.failures { color: var(--race); margin: .2rem 0 .6rem; padding-left: 1.2rem; overflow-wrap: anywhere; }
.tabs { display: flex; gap: .4rem; border-bottom: 2px solid var(--ink); margin: .6rem 0 .8rem; }
.tabs button { border: 1px solid var(--ink); border-bottom: none; background: #eee; padding: .35rem .9rem; font: inherit; cursor: pointer; border-radius: 4px 4px 0 0; }
.tabs button[aria-selected="true"] { background: var(--ink); color: #fff; }
.controls { display: flex; align-items: center; gap: .4rem; flex-wrap: wrap; margin-bottom: .5rem; }
.controls button, .choice, #undo, #restart { font: inherit; padding: .3rem .7rem; border: 1px solid var(--ink); background: #fff; border-radius: 4px; cursor: pointer; }
.controls button:disabled, .choice:disabled, #undo:disabled { color: #aaa; border-color: #ccc; cursor: default; }
.controls input { width: 4.5em; font: inherit; }
.hint { color: var(--muted); font-size: .85rem; }
.now { display: flex; gap: .8rem; flex-wrap: wrap; align-items: baseline; padding: .35rem .6rem; background: #f2f2f2; border-left: 4px solid var(--ink); margin-bottom: .5rem; min-height: 2.1rem; overflow-wrap: anywhere; }
.now .pos { font-weight: bold; }
.now .who { font-weight: bold; color: var(--accent); }
.now .time, .now .count { color: var(--muted); }
.goal { font-size: 1.05rem; padding: .4rem .7rem; border: 2px solid var(--accent); margin: .2rem 0 .6rem; overflow-wrap: anywhere; }
.hints p { margin: .2rem 0; color: var(--accent); overflow-wrap: anywhere; }
.outcome .goal-met { color: #1a6b1a; font-weight: bold; border-color: #1a6b1a; }
.outcome .goal-missed { color: var(--muted); border-color: var(--line); }
.answer { border: 1px dashed var(--race); padding: .4rem .7rem; margin: .5rem 0; overflow-wrap: anywhere; }
.banner p, .outcome .race-line { margin: .15rem 0; }
.lanes { overflow-x: auto; border: 1px solid var(--line); padding: .3rem 0; margin-bottom: .6rem; max-width: 100%; }
.grid { display: grid; gap: 2px 1px; align-items: stretch; width: max-content; }
.grid .corner, .grid .colhead { font-size: .7rem; color: var(--muted); text-align: center; }
.grid .corner { text-align: right; padding-right: .5rem; position: sticky; left: 0; background: #fff; z-index: 1; }
.grid .colhead.current { color: var(--ink); font-weight: bold; background: var(--hi); }
.lane-name { font-weight: bold; padding: .15rem .5rem; text-align: right; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 16em; position: sticky; left: 0; background: #fff; z-index: 1; }
.cell { height: 1.7rem; font-size: .68rem; display: flex; align-items: center; justify-content: center; border-bottom: 1px dotted #ddd; }
.cell.op { background: var(--ink); color: #fff; border-radius: 2px; }
.cell.op.future { background: #ccc; color: #fff; }
.cell.access-read { background: #fff; color: var(--accent); border: 2px solid var(--accent); font-weight: bold; }
.cell.access-write { background: var(--accent); color: #fff; font-weight: bold; }
.cell.future.access-read, .cell.future.access-write { opacity: .45; }
.cell.current { outline: 3px solid #e0a800; outline-offset: -1px; }
.cell.race { box-shadow: 0 0 0 3px var(--race); }
.columns { display: grid; grid-template-columns: minmax(14rem, 1fr) minmax(18rem, 2fr); gap: 1rem; }
.state table { border-collapse: collapse; width: 100%; }
.state th, .state td { text-align: left; border-bottom: 1px solid var(--line); padding: .2rem .4rem; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
.state tr.changed { background: var(--hi); }
.log { font-family: "DejaVu Sans Mono", monospace; font-size: .82rem; border: 1px solid var(--line); padding: .4rem; max-height: 16rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.log .debug { color: var(--muted); }
.log .warn { font-weight: bold; }
.log .fresh { background: var(--hi); }
.log .earlier { color: var(--muted); }
.excerpt { margin: 0 0 .5rem; padding: .2rem .6rem; border-left: 4px solid var(--accent); overflow-wrap: anywhere; }
.lane-name.others { font-style: italic; font-weight: normal; }
.muted { color: var(--muted); }
.banner, .outcome.race { border: 2px solid var(--race); color: var(--race); padding: .4rem .7rem; margin: .5rem 0; overflow-wrap: anywhere; }
.outcome p { margin: .2rem 0; overflow-wrap: anywhere; }
.outcome .failure { color: var(--race); }
.outcome .ok { color: #1a6b1a; font-weight: bold; }
.choices { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .4rem 0; }
.choices .prompt { width: 100%; margin: 0; font-weight: bold; }
.choice { max-width: 100%; overflow-wrap: anywhere; text-align: left; }
.choice .op { color: var(--muted); font-size: .85em; }
.replay { margin: .5rem 0; overflow-wrap: anywhere; }
.replay code, footer code { background: #f2f2f2; padding: .1rem .3rem; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
details { margin-top: .8rem; }
#timeline { overflow-x: auto; }
#timeline .current rect, #timeline .current circle { stroke: #e0a800; stroke-width: 3; }
footer { margin-top: 1rem; color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
footer p { margin: .2rem 0; }
[hidden] { display: none !important; }
@media print {
  .tabs, .controls, .hint, #choices, #undo, #restart, #hint, #reveal { display: none; }
  .lanes, .log { overflow: visible; max-height: none; }
}
`;

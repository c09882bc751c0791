import { checkThenAct } from './check-then-act.js';

/** zoo/check-then-act-fixed: `get_nowait()` checks and takes in one step. */
export default checkThenAct(true);

import { barrierTimeout } from './barrier-timeout.js';

/** zoo/barrier-timeout-fixed: no timeout, so the slow worker is waited for. */
export default barrierTimeout(true);

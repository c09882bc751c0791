import { singleThread } from './single-thread.js';

/** tutorial/join: the same thread, joined before "all done". */
export default singleThread('tutorial/join', false, true);

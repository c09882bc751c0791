import { singleThread } from './single-thread.ts';

/** tutorial/join: the same thread, joined before "all done". */
export default singleThread('tutorial/join', false, true);

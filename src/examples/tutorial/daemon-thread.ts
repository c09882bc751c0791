import { singleThread } from './single-thread.js';

/** tutorial/daemon-thread: the same thread as a daemon: dropped at exit. */
export default singleThread('tutorial/daemon-thread', true, false);

import { daemonWrite } from './daemon-lost-write.js';

/** zoo/daemon-lost-write-fixed: main joins the daemon saver, so the write happens. */
export default daemonWrite(true);

import { daemonWrite } from './daemon-lost-write.ts';

/** zoo/daemon-lost-write-fixed: main joins the daemon saver, so the write happens. */
export default daemonWrite(true);

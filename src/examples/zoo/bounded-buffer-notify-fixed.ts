import { boundedBuffer } from './bounded-buffer-notify.js';

/** zoo/bounded-buffer-notify-fixed: `notify_all()` wakes every waiter, so the right kind is always among them. */
export default boundedBuffer(true);

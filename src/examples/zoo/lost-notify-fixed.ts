import { lostNotify } from './lost-notify.js';

/** zoo/lost-notify-fixed: a flag plus `wait_for` makes an early notify harmless. */
export default lostNotify(true);

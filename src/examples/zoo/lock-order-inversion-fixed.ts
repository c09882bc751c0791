import { lockOrder } from './lock-order-inversion.js';

/** zoo/lock-order-inversion-fixed: every transfer locks the accounts in name order. */
export default lockOrder(true);

import { lockOrder } from './lock-order-inversion.ts';

/** zoo/lock-order-inversion-fixed: every transfer locks the accounts in name order. */
export default lockOrder(true);

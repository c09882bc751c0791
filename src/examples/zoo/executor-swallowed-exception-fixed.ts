import { swallowedException } from './executor-swallowed-exception.js';

/** zoo/executor-swallowed-exception-fixed: every future's result() is read; failures are reported. */
export default swallowedException(true);

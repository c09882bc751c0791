import { diningPhilosophers } from './dining-philosophers.ts';

/** zoo/dining-philosophers-fixed: forks are picked up in number order, so no cycle can form. */
export default diningPhilosophers(true);

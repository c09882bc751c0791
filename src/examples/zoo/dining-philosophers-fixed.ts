import { diningPhilosophers } from './dining-philosophers.js';

/** zoo/dining-philosophers-fixed: forks are picked up in number order, so no cycle can form. */
export default diningPhilosophers(true);

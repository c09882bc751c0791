/** Race detection, deadlock explanation, lock order and invariants: monitors over ops. */
export { RaceMonitor, type DetectOptions } from './detector.js';
export { HappensBefore } from './happens-before.js';
export { RaceDetector, type FoundRace, type AccessRecord } from './races.js';
export { Holdings, type OrderEdge } from './holdings.js';
export { explainDeadlock } from './deadlock.js';
export { invariantMonitor } from './invariants.js';
export { recognisePattern, type DataAccess, type PatternMatch } from './patterns.js';
export { roleOf, Role } from './hb-rules.js';
export { callerSite } from './site.js';
export { describeStep } from './describe.js';

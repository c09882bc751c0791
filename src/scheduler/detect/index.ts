/** Race detection, deadlock explanation, lock order and invariants: monitors over ops. */
export { RaceMonitor, type DetectOptions } from './detector.ts';
export { HappensBefore } from './happens-before.ts';
export { RaceDetector, type FoundRace, type AccessRecord } from './races.ts';
export { Holdings, type OrderEdge } from './holdings.ts';
export { explainDeadlock } from './deadlock.ts';
export { invariantMonitor } from './invariants.ts';
export { recognisePattern, type DataAccess, type PatternMatch } from './patterns.ts';
export { roleOf, Role } from './hb-rules.ts';
export { callerSite } from './site.ts';
export { describeStep } from './describe.ts';

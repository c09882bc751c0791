/**
 * Data-race detection on shared locations with the FastTrack algorithm (Flanagan and Freund,
 * "FastTrack: Efficient and Precise Dynamic Race Detection", PLDI 2009): the last write of a
 * location is one epoch, and so are its reads as long as they are totally ordered; only
 * concurrent reads keep a vector (one entry per reading thread). A race is reported when an
 * access is not ordered after a conflicting earlier one.
 *
 * Invariants of a {@link Shadow}:
 * - `w` is the last write (or undefined); every earlier write happens-before it or raced
 *   with it and was reported;
 * - `r` is the last read when the reads since `w` are totally ordered; else `readShared` is
 *   set and the entries of `reads` whose `gen` is current hold the last read of every thread
 *   that read since `w`;
 * - a write clears the reads: a later access that races with a cleared read also races with
 *   the write that cleared it (which happens-after that read), so no race goes unreported
 *   for a location, though a race with a cleared read is reported as one with the write;
 * - records in the shadow are updated in place (no allocation per access); a reported race
 *   keeps copies.
 */
import type { VectorClock } from './vector-clock.js';

/** One access as the shadow memory keeps it. */
export interface AccessRecord {
  thread: number;
  /** The thread's epoch at the access. */
  clock: number;
  step: number;
  write: boolean;
  value: unknown;
  site: string | undefined;
}

interface Shadow {
  w: AccessRecord | undefined;
  r: AccessRecord | undefined;
  /** True when the reads since `w` are concurrent: then `reads` holds them. */
  readShared: boolean;
  /** Per thread, its last read; valid only when its `gen` equals the shadow's. Reused across writes. */
  reads: (AccessRecord & { gen: number })[];
  /** Bumped by every write: older entries of `reads` are stale. */
  gen: number;
  /** Without code sites: bit (2 * earlier.write + later.write) set once that kind pair was reported. */
  reportedKinds: number;
  /** The last write was an atomic update (see {@link RaceDetector.access}). */
  wAtomic: boolean;
}

/** A race found: `earlier` ran before `later` in this execution. */
export interface FoundRace {
  readonly location: string;
  readonly earlier: Readonly<AccessRecord>;
  readonly later: Readonly<AccessRecord>;
}

function record(thread: number, clock: number, step: number, write: boolean, value: unknown, site: string | undefined): AccessRecord {
  return { thread, clock, step, write, value, site };
}

function overwrite(r: AccessRecord, thread: number, clock: number, step: number, write: boolean, value: unknown, site: string | undefined): void {
  r.thread = thread;
  r.clock = clock;
  r.step = step;
  r.write = write;
  r.value = value;
  r.site = site;
}

/** Record `thread`'s read in the shadow's per-thread read vector (reusing its entry). */
function setRead(s: Shadow, thread: number, clock: number, step: number, value: unknown, site: string | undefined): void {
  const mine = s.reads[thread];
  if (mine === undefined) s.reads[thread] = { thread, clock, step, write: false, value, site, gen: s.gen };
  else {
    overwrite(mine, thread, clock, step, false, value, site);
    mine.gen = s.gen;
  }
}

/** FastTrack shadow memory for the shared locations of one execution. */
export class RaceDetector {
  private readonly shadows = new Map<string, Shadow>();
  private readonly seen = new Set<string>();
  /** Distinct races, in the order they were found. */
  readonly races: FoundRace[] = [];

  /**
   * A read or write of `location` by `thread` whose clock is `c`. `atomic`: the write is one
   * atomic update of a container (a `.py` program's `list.append` or `d[k] = v`, which CPython
   * runs as one step under the GIL). Two atomic updates never lose each other's change, so they
   * are not reported as racing with each other (exploration still orders them); a read racing
   * with one still is.
   */
  access(location: string, thread: number, c: VectorClock, step: number, write: boolean, value: unknown, site: string | undefined, atomic = false): void {
    let s = this.shadows.get(location);
    if (s === undefined) {
      s = { w: undefined, r: undefined, readShared: false, reads: [], gen: 0, reportedKinds: 0, wAtomic: false };
      this.shadows.set(location, s);
    }
    const now = c[thread] ?? 0;
    const w = s.w;
    // Same epoch as the last write: nothing new to learn (FastTrack's fast path).
    if (w !== undefined && w.thread === thread && w.clock === now) {
      if (write) {
        overwrite(w, thread, now, step, write, value, site);
        s.wAtomic = atomic;
      }
      return;
    }
    if (w !== undefined && w.clock > (c[w.thread] ?? 0) && !(write && atomic && s.wAtomic)) this.report(s, location, w, thread, now, step, write, value, site);
    if (!write) {
      const r = s.r;
      if (s.readShared) {
        setRead(s, thread, now, step, value, site);
      } else if (r === undefined) {
        s.r = record(thread, now, step, write, value, site);
      } else if (r.thread === thread || r.clock <= (c[r.thread] ?? 0)) {
        overwrite(r, thread, now, step, write, value, site);
      } else {
        setRead(s, r.thread, r.clock, r.step, r.value, r.site);
        setRead(s, thread, now, step, value, site);
        s.readShared = true;
        s.r = undefined;
      }
      return;
    }
    const r = s.r;
    if (s.readShared) {
      const reads = s.reads;
      for (let i = 0; i < reads.length; i++) {
        const read = reads[i];
        if (read === undefined || read.gen !== s.gen || i === thread) continue;
        if (read.clock > (c[i] ?? 0)) this.report(s, location, read, thread, now, step, write, value, site);
      }
    } else if (r !== undefined) {
      if (r.thread !== thread && r.clock > (c[r.thread] ?? 0)) this.report(s, location, r, thread, now, step, write, value, site);
    }
    s.gen++;
    s.readShared = false;
    s.r = undefined;
    if (w === undefined) s.w = record(thread, now, step, write, value, site);
    else overwrite(w, thread, now, step, write, value, site);
    s.wAtomic = atomic;
  }

  private report(s: Shadow, location: string, earlier: AccessRecord, thread: number, clock: number, step: number, write: boolean, value: unknown, site: string | undefined): void {
    // One report per location and pair of code sites; without sites, per pair of access kinds.
    if (earlier.site === undefined && site === undefined) {
      const bit = 1 << ((earlier.write ? 2 : 0) + (write ? 1 : 0));
      if (s.reportedKinds & bit) return;
      s.reportedKinds |= bit;
    } else {
      const a = earlier.site ?? (earlier.write ? 'w' : 'r');
      const b = site ?? (write ? 'w' : 'r');
      const key = `${location}\u0000${a < b ? a : b}\u0000${a < b ? b : a}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    const copy = record(earlier.thread, earlier.clock, earlier.step, earlier.write, earlier.value, earlier.site);
    this.races.push({ location, earlier: copy, later: record(thread, clock, step, write, value, site) });
  }
}

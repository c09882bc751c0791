import { Event } from '../../../models/event.js';
import { shared } from '../../../models/shared.js';
import { Thread } from '../../../models/thread.js';
import type { Steps } from '../../../scheduler/ops.js';
import { bugPair, NOTHING_BAD, type BugPair } from './pair.js';

/**
 * Unsafe publication with an order violation: a publisher sets `ready = True` and then fills
 * in `fields` values; `readers` readers that see `ready` read every field and expect it
 * filled. A reader must see the flag's write and miss at least one field's write. Fixed: the
 * publisher fills the fields first and then sets an Event the readers wait for.
 */
export function publish(fields: number, readers: number): BugPair {
  return bugPair(
    `publish-${fields}-${readers}`,
    [`A publisher raises a ready flag before filling ${fields} fields; ${readers} readers trust the flag.`, `Fields first, then an Event the readers wait on.`],
    (fixed) =>
      function* main() {
        const init: Record<string, number | boolean> = { ready: false };
        for (let i = 0; i < fields; i++) init[`f${i}`] = 0;
        const obj = shared('obj', init);
        const check = shared('check', { bad: 0 });
        const published = new Event({ name: 'published' });
        function* publisher(): Steps<void> {
          if (!fixed) yield* obj.set('ready', true);
          for (let i = 0; i < fields; i++) yield* obj.set(`f${i}`, i + 1);
          if (fixed) yield* published.set();
        }
        function* reader(): Steps<void> {
          if (fixed) yield* published.wait();
          else if (!(yield* obj.get('ready'))) return;
          for (let i = 0; i < fields; i++) if ((yield* obj.get(`f${i}`)) !== i + 1) yield* check.set('bad', 1);
        }
        const ts = [];
        for (let i = 0; i < readers; i++) ts.push(new Thread({ name: `reader-${i + 1}`, target: reader }));
        ts.push(new Thread({ name: 'publisher', target: publisher }));
        for (const t of ts) yield* t.start();
        for (const t of ts) yield* t.join();
      },
    NOTHING_BAD,
  );
}

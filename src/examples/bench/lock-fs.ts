import { Lock } from '../../models/lock.js';
import { shared } from '../../models/shared.js';
import { Thread } from '../../models/thread.js';
import type { Steps } from '../../scheduler/ops.js';
import { program, type Program } from '../../scheduler/program.js';

/**
 * bench/lock-fs-K, a lock-protected file system in miniature (in the spirit of the file-system
 * benchmark of Flanagan and Godefroid, POPL 2005): 2K threads each allocate a disk block for
 * their own inode. A thread takes its inode's lock; if the inode has no block yet, it walks the
 * blocks from a starting block, taking each block's lock, until it finds a free one, marks it
 * busy and records it in the inode. The two threads of pair i start at the same block 2i, so
 * they contend for it: whoever takes its lock first gets it, and the other moves on to block
 * 2i+1, which nobody else wants. Each pair decides one race, independently of the others:
 * 2^K Mazurkiewicz traces, and every schedule ends with every inode holding a distinct block.
 */
export function lockFs(k: number): Program {
  const n = 2 * k;
  return program(
    `bench/lock-fs-${k}`,
    function* main() {
      const inode = shared<Record<string, number>>('inode', Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, 0])));
      const busy = shared<Record<string, boolean>>('busy', Object.fromEntries(Array.from({ length: n }, (_, i) => [`b${i}`, false])));
      const inodeLocks = Array.from({ length: n }, (_, i) => new Lock({ name: `inode-${i}` }));
      const blockLocks = Array.from({ length: n }, (_, i) => new Lock({ name: `block-${i}` }));
      function* allocate(t: number): Steps<void> {
        if ((yield* inode.get(`i${t}`)) !== 0) return;
        for (let b = 2 * Math.floor(t / 2); ; b = (b + 1) % n) {
          const got = yield* blockLocks[b]!.with(function* () {
            if (yield* busy.get(`b${b}`)) return false;
            yield* busy.set(`b${b}`, true);
            yield* inode.set(`i${t}`, b + 1);
            return true;
          });
          if (got) return;
        }
      }
      const ts = Array.from({ length: n }, (_, t) => new Thread({ name: `fs-${t}`, target: () => inodeLocks[t]!.with(() => allocate(t)) }));
      for (const t of ts) yield* t.start();
    },
    {
      description: `${k} pairs of threads contend for a disk block under per-inode and per-block locks (2^K traces, never fails).`,
      claims: {
        'distinct blocks': (s) => {
          const blocks = Object.values(s.inode as Record<string, number>);
          return (blocks.every((b) => b > 0) && new Set(blocks).size === blocks.length) || `inodes hold blocks ${blocks.join(', ')}`;
        },
      },
    },
  );
}

/**
 * Model of `threading.BoundedSemaphore`.
 *
 * Mirrors: a Semaphore that refuses to go above its initial value: a release that would
 * raises `ValueError: Semaphore released too many times` and leaves the value unchanged
 * (also for `release(n)` with n too large).
 * Does not mirror: anything beyond Semaphore's own limits (see there).
 */
import type { Kernel } from '../scheduler/ops.js';
import { ValueError } from './exceptions.js';
import { Semaphore } from './semaphore.js';

/** Model of `threading.BoundedSemaphore`. */
export class BoundedSemaphore extends Semaphore {
  private readonly initial: number;

  constructor(value = 1, options: { readonly name?: string } = {}) {
    super(value, options);
    this.initial = value;
  }

  override toString(): string {
    return `<threading.BoundedSemaphore at ${this.id}: value=${this.value}/${this.initial}>`;
  }

  protected override add(k: Kernel, n: number): void {
    if (this.value + n > this.initial) throw new ValueError('Semaphore released too many times');
    super.add(k, n);
  }
}

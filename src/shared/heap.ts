import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A soft ceiling on the JavaScript heap, for work that makes much short-lived garbage (jsdom
 * windows of extracted article pages). V8 collects lazily and lets a process's heap grow towards
 * its hard limit (about 4 GB here) before it bothers; the hard limit (--max-old-space-size) can
 * only be set when node starts. Instead, after each such piece of work, if the live heap exceeds
 * the ceiling, a full collection runs now. It costs nothing below the ceiling and, above it, one
 * collection per ceiling's worth of garbage.
 */
let collect: (() => void) | null = null;

function collector(): () => void {
  if (collect) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return (collect = exposed);
  // The documented way to reach V8's collector without a start-up flag (as the expose-gc package does).
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
  return collect;
}

/** Collects garbage now if the heap holds more than `ceilingMb` (0: never). True when it did. */
export function keepHeapUnder(ceilingMb: number): boolean {
  if (ceilingMb <= 0) return false;
  if (v8.getHeapStatistics().used_heap_size < ceilingMb * 1024 * 1024) return false;
  collector()();
  return true;
}

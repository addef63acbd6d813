import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { keepHeapUnder } from './heap';

const used = () => v8.getHeapStatistics().used_heap_size;

describe('keepHeapUnder', () => {
  it('does nothing when switched off or under the ceiling', () => {
    expect(keepHeapUnder(0)).toBe(false);
    expect(keepHeapUnder(1_000_000)).toBe(false);
  });

  it('collects the garbage now when the heap is over the ceiling', () => {
    let junk: { i: number; s: string }[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `rác ${i} `.repeat(4) }));
    expect(junk.length).toBe(300_000);
    junk = null;
    const before = used();
    expect(keepHeapUnder(1)).toBe(true);
    // 300,000 objects with their strings are well over 20 MB: a collection that ran frees them.
    expect(before - used()).toBeGreaterThan(20 * 1024 * 1024);
  });
});

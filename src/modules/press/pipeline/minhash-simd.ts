/**
 * The MinHash inner loop in WebAssembly SIMD: four permutations per instruction, the same values
 * as the JavaScript loop in ./dedup.ts (int32 `a·x + b`, xor-shift by 15, signed minimum), which
 * stays as the fallback where SIMD is missing. dedup.test.ts compares the two.
 *
 * Memory layout (bytes): 0 multipliers, 512 addends (128 × i32 each), 1024 the 128 minimums,
 * 1536 the shingle hashes. The function is `minhash(n)`, n = number of shingles. Its text form:
 *
 *   end = 1536 + n * 4
 *   loop groups (g = 0, 16, … 496)
 *     a = v128.load(g), b = v128.load(g + 512), m = i32x4.splat(0x7fffffff), p = 1536
 *     block: if p >= end break
 *       loop shingles
 *         v = i32x4.add(i32x4.mul(v128.load32_splat(p), a), b)
 *         m = i32x4.min_s(m, v128.xor(v, i32x4.shr_u(v, 15)))
 *         p += 4; continue while p < end
 *     v128.store(g + 1024, m)
 */
const SIMD = 0xfd;
// prettier-ignore
const CODE = [
  0x02, 0x03, 0x7f, 0x04, 0x7b, // locals: g, p, end (i32); a, b, m, v (v128); n is local 0
  0x20, 0x00, 0x41, 0x02, 0x74, 0x41, 0x80, 0x0c, 0x6a, 0x21, 0x03, // end = (n << 2) + 1536
  0x03, 0x40, // loop groups
  0x20, 0x01, SIMD, 0x00, 0x04, 0x00, 0x21, 0x04, // a = v128.load(g)
  0x20, 0x01, SIMD, 0x00, 0x04, 0x80, 0x04, 0x21, 0x05, // b = v128.load offset=512 (g)
  0x41, 0xff, 0xff, 0xff, 0xff, 0x07, SIMD, 0x11, 0x21, 0x06, // m = i32x4.splat(0x7fffffff)
  0x41, 0x80, 0x0c, 0x21, 0x02, // p = 1536
  0x02, 0x40, // block
  0x20, 0x02, 0x20, 0x03, 0x4f, 0x0d, 0x00, // br_if (p >= end) out of the block
  0x03, 0x40, // loop shingles
  0x20, 0x02, SIMD, 0x09, 0x02, 0x00, // v128.load32_splat(p)
  0x20, 0x04, SIMD, 0xb5, 0x01, // i32x4.mul a
  0x20, 0x05, SIMD, 0xae, 0x01, // i32x4.add b
  0x22, 0x07, 0x20, 0x07, 0x41, 0x0f, SIMD, 0xad, 0x01, // tee v; i32x4.shr_u(v, 15)
  SIMD, 0x51, // v128.xor
  0x20, 0x06, SIMD, 0xb6, 0x01, 0x21, 0x06, // m = i32x4.min_s(…, m)
  0x20, 0x02, 0x41, 0x04, 0x6a, 0x22, 0x02, // p += 4
  0x20, 0x03, 0x49, 0x0d, 0x00, // br_if (p < end) shingles
  0x0b, 0x0b, // end loop, end block
  0x20, 0x01, 0x20, 0x06, SIMD, 0x0b, 0x04, 0x80, 0x08, // v128.store offset=1024 (g, m)
  0x20, 0x01, 0x41, 0x10, 0x6a, 0x22, 0x01, // g += 16
  0x41, 0x80, 0x04, 0x49, 0x0d, 0x00, // br_if (g < 512) groups
  0x0b, 0x0b, // end loop, end function
];
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n ? b | 0x80 : b);
  } while (n);
  return out;
}
const text = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
const MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // \0asm, version 1
  ...section(1, [1, 0x60, 1, 0x7f, 0]), // type: (i32) → ()
  ...section(3, [1, 0]), // one function of that type
  ...section(5, [1, 0x00, 1]), // memory: one page to start with
  ...section(7, [2, ...text('minhash'), 0x00, 0, ...text('memory'), 0x02, 0]),
  ...section(10, [1, ...uleb(CODE.length), ...CODE]),
]);

const SHINGLES_AT = 1536;

/** A MinHash function for these 128 multipliers and addends, or null without WebAssembly SIMD. */
export function createSimdMinhash(mul: Int32Array, add: Int32Array): ((shingles: Int32Array) => Uint32Array) | null {
  if (mul.length !== 128 || add.length !== 128 || typeof WebAssembly === 'undefined' || !WebAssembly.validate(MODULE)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const run = instance.exports.minhash as (n: number) => void;
  let heap = new Int32Array(memory.buffer);
  heap.set(mul, 0);
  heap.set(add, 128);
  return (shingles) => {
    const bytes = SHINGLES_AT + shingles.length * 4;
    if (bytes > memory.buffer.byteLength) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
      heap = new Int32Array(memory.buffer);
    }
    heap.set(shingles, SHINGLES_AT / 4);
    run(shingles.length);
    return new Uint32Array(memory.buffer.slice(1024, 1536));
  };
}

/** A column's chunks as one Float64Array: typed arrays copied or converted by small kernels, no value read one by one. */
import { DataType, type Data } from 'apache-arrow';
import { kernelRanges, LITTLE_ENDIAN } from './kernels';

/**
 * The values of a column's chunks as numbers, as Arrow's `get` gives them (nulls not yet NaN), for
 * integer (Number of 64-bit ones), float (not 16-bit), boolean (0/1), date (epoch ms) and timestamp
 * (epoch ms, fractional for micro- and nanoseconds) chunks; null when a chunk holds another type.
 */
export function readNumbers(chunks: readonly Data[], rows: number): Float64Array | null {
  for (const chunk of chunks) {
    if (!numberKind(chunk)) return null;
  }
  const out = new Float64Array(rows);
  let row = 0;
  for (const chunk of chunks) {
    const n = chunk.length;
    const kind = numberKind(chunk);
    const values = chunk.values as unknown;
    if (kind === 'plain') out.set((values as Float64Array).subarray(0, n), row);
    else if ((kind === 'bigint' || kind === 'seconds') && !LITTLE_ENDIAN) {
      const array = values as BigInt64Array | BigUint64Array;
      const scale = kind === 'seconds' ? 1000 : 1;
      for (let i = 0; i < n; i++) out[row + i] = scale * Number(array[i]);
    } else if (kind === 'bigint' || kind === 'seconds') {
      const array = values as BigInt64Array | BigUint64Array;
      const words = new Uint32Array(array.buffer, array.byteOffset, 2 * n);
      const signed = array instanceof BigInt64Array;
      const scale = kind === 'seconds' ? 1000 : 1;
      for (const [start, end] of kernelRanges(0, n)) int64Range(words, signed, scale, out, row, start, end);
    } else if ((kind === 'micros' || kind === 'nanos') && LITTLE_ENDIAN) {
      const array = values as BigInt64Array | BigUint64Array;
      const words = new Uint32Array(array.buffer, array.byteOffset, 2 * n);
      const divisor = kind === 'micros' ? 1000 : 1_000_000;
      for (const [start, end] of kernelRanges(0, n)) dividedRange(array, words, array instanceof BigInt64Array, divisor, out, row, start, end);
    } else if (kind === 'micros' || kind === 'nanos') {
      const array = values as BigInt64Array | BigUint64Array;
      const divisor = BigInt(kind === 'micros' ? 1000 : 1_000_000);
      for (let i = 0; i < n; i++) out[row + i] = Number(array[i] / divisor) + Number(array[i] % divisor) / Number(divisor);
    } else if (kind === 'days') {
      const v = values as Int32Array;
      for (const [start, end] of kernelRanges(0, n)) daysRange(v, out, row, start, end);
    } else if (kind === 'bool') {
      const bits = values as Uint8Array;
      for (const [start, end] of kernelRanges(0, n)) bitsRange(bits, chunk.offset, out, row, start, end);
    }
    row += n;
  }
  return out;
}

type NumberKind = 'plain' | 'bigint' | 'days' | 'seconds' | 'micros' | 'nanos' | 'bool';

/**
 * 64-bit integers i0..i1 divided by `divisor` as Arrow's `get` does it for micro- and nanosecond
 * timestamps: Number(v / d) + Number(v % d) / Number(d) with BigInt division (truncating). Below 2⁵³ in
 * magnitude the quotient and remainder are computed exactly in doubles (then corrected by one step if the
 * rounded quotient was off), above with BigInt.
 */
function dividedRange(array: BigInt64Array | BigUint64Array, words: Uint32Array, signed: boolean, divisor: number, out: Float64Array, row: number, i0: number, i1: number): void {
  const big = BigInt(divisor);
  for (let i = i0; i < i1; i++) {
    const hi = signed ? words[2 * i + 1] | 0 : words[2 * i + 1];
    const v = hi * 4294967296 + words[2 * i];
    if (!(Math.abs(v) < 2 ** 53)) {
      const b = array[i];
      out[row + i] = Number(b / big) + Number(b % big) / divisor;
      continue;
    }
    let q = Math.trunc(v / divisor);
    let r = v - q * divisor;
    if (v >= 0) {
      if (r < 0) {
        q -= 1;
        r += divisor;
      } else if (r >= divisor) {
        q += 1;
        r -= divisor;
      }
    } else if (r > 0) {
      q += 1;
      r -= divisor;
    } else if (r <= -divisor) {
      q -= 1;
      r += divisor;
    }
    // Number(0n) is +0: a quotient of −0 reads as 0.
    out[row + i] = (q === 0 ? 0 : q) + r / divisor;
  }
}

/** 64-bit integers (little-endian words) i0..i1 as numbers × scale: hi · 2³² + lo is one correctly rounded addition of exact terms, the value of Number(bigint). */
function int64Range(words: Uint32Array, signed: boolean, scale: number, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const hi = signed ? words[2 * i + 1] | 0 : words[2 * i + 1];
    out[row + i] = scale * (hi * 4294967296 + words[2 * i]);
  }
}

/** Date32 days i0..i1 as epoch ms. */
function daysRange(days: Int32Array, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) out[row + i] = 86_400_000 * days[i];
}

/** Booleans i0..i1 (bits from `offset`) as 0/1. */
function bitsRange(bits: Uint8Array, offset: number, out: Float64Array, row: number, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const p = offset + i;
    out[row + i] = (bits[p >> 3] >> (p & 7)) & 1;
  }
}

/** How a chunk's values become numbers, or undefined when they are read some other way. */
function numberKind(chunk: Data): NumberKind | undefined {
  const type = chunk.type;
  const values = chunk.values as unknown;
  const big = values instanceof BigInt64Array || values instanceof BigUint64Array;
  if (DataType.isInt(type)) {
    if (type.bitWidth === 64) return big ? 'bigint' : undefined;
    return ArrayBuffer.isView(values) && !big && chunk.stride === 1 ? 'plain' : undefined;
  }
  if (DataType.isFloat(type)) return (values instanceof Float64Array || values instanceof Float32Array) && chunk.stride === 1 ? 'plain' : undefined;
  if (DataType.isBool(type)) return values instanceof Uint8Array ? 'bool' : undefined;
  if (DataType.isDate(type)) {
    if (type.unit === 0) return values instanceof Int32Array ? 'days' : undefined;
    return big ? 'bigint' : undefined;
  }
  if (DataType.isTimestamp(type)) {
    if ((type.unit as number) === 0) return big ? 'seconds' : undefined;
    if ((type.unit as number) === 1) return big ? 'bigint' : undefined;
    if ((type.unit as number) === 2) return big ? 'micros' : undefined;
    if ((type.unit as number) === 3) return big ? 'nanos' : undefined;
  }
  return undefined;
}

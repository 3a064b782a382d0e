/** A typed array of `length` elements, in shared memory (readable by other threads without a copy) when `shared`. */
export function allocate<T>(type: { new (length: number): T; new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number, shared: boolean): T {
  return shared ? new type(new SharedArrayBuffer(length * type.BYTES_PER_ELEMENT)) : new type(length);
}

/** A growable byte buffer (values appended one after another), in shared memory when `shared`. */
export class ByteSink {
  data: Uint8Array;
  used = 0;
  constructor(
    capacity = 1024,
    private readonly shared = false,
  ) {
    this.data = allocate(Uint8Array, capacity, shared);
  }
  reserve(extra: number): void {
    if (this.used + extra <= this.data.length) return;
    const next = allocate(Uint8Array, Math.max(this.data.length * 2, this.used + extra), this.shared);
    next.set(this.data.subarray(0, this.used));
    this.data = next;
  }
  push(byte: number): void {
    if (this.used === this.data.length) this.reserve(1);
    this.data[this.used++] = byte;
  }
  append(source: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    const data = this.data;
    if (n < 48) {
      // Short values: a byte loop beats allocating a subarray view per cell.
      let at = this.used;
      for (let i = start; i < end; i++) data[at++] = source[i];
    } else data.set(source.subarray(start, end), this.used);
    this.used += n;
  }
}

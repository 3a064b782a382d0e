/** What the column-fact kernels share: the host's byte order and the row count of one kernel call. */

/** Whether typed arrays are little-endian here (the word tricks of the kernels assume so, else fall back). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Rows handed to one call of a range kernel. Long loops run as repeated calls over ranges of this many
 * rows, so V8 optimizes the kernel after its first calls instead of running most of one long first call
 * in its slower tiers (a check meets each kernel cold, and only a few times).
 */
export const KERNEL_ROWS = 1 << 14;

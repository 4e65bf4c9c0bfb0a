/** The largest unsigned 64-bit value. Its own module, so code that needs only this skips `long`. */
export const UINT64_MAX = (1n << 64n) - 1n;

/**
 * parquet-wasm (the Rust `parquet` crate compiled to WebAssembly; snappy, gzip, zstd, brotli, lz4 codecs
 * built in), loaded on first use.
 *
 * Its node build compiles and instantiates `parquet_wasm_bg.wasm` from its own `__dirname` when first
 * required: in the esbuild bundles that is the bundle's folder, so the .wasm sits next to the one bundle
 * that loads it (dist/jobs/parquet-worker.js). Readers never call it in their own thread: a corrupt file
 * can trap the WebAssembly instance (a Rust panic), which leaves it unusable and, in its asynchronous
 * readers, surfaces as an uncaught exception; parquet.ts reads through a worker thread instead. Writing
 * Parquet (tests, samples) may use it directly.
 */
type ParquetWasm = typeof import('parquet-wasm/node');

let wasmModule: Promise<ParquetWasm> | null = null;

export function loadParquetWasm(): Promise<ParquetWasm> {
  wasmModule ??= import('parquet-wasm/node').then((m) => {
    const withDefault = m as ParquetWasm & { default?: ParquetWasm };
    return typeof withDefault.readParquet === 'function' ? withDefault : (withDefault.default as ParquetWasm);
  });
  return wasmModule;
}

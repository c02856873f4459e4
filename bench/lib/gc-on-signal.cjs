// Preloaded (node --expose-gc --require …) into the mock in the scale section only:
// SIGUSR2 runs a full garbage collection, so the benchmark can report the memory
// the data really holds next to the RSS the process happens to have.
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
});

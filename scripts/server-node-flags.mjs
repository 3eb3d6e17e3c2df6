// Node flags the production server runs with. scripts/start.mjs passes
// them, and the bench starts the server with the same ones, so it measures
// the process `npm start` runs.
//
// --heap-growing-percent=50: after each full GC, V8 lets the old
// generation grow to 1.5 × what survived it, instead of the 4 × it picks
// on any machine with the default heap limit. Each Send leaves a few
// hundred KB of short-lived garbage (Next's request handling above all),
// so by default the heap settled near 4 × its ~35 MB live set and RSS kept
// climbing for thousands of sends; 2 × still grew 10-30 % from the 1,000th
// to the 6,000th send, 1.5 × stays within 10 %. A full GC then comes about
// every few thousand sends. Unlike --max-old-space-size this sets no
// ceiling: sixteen concurrent 10 MiB replies need ~500 MB of heap, which a
// small ceiling turns into an out-of-memory crash. Figures: docs/send.md.
export const SERVER_NODE_FLAGS = ['--heap-growing-percent=50']

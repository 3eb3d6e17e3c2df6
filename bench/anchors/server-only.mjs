// Stands in for the `server-only` package when the sandbox is bundled for
// plain Node: the real one throws outside React Server Components.
export {}

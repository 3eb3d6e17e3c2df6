import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // server-only throws outside a React Server bundle; tests run plain Node.
    alias: {
      'server-only': fileURLToPath(
        new URL('./lib/test/empty.ts', import.meta.url),
      ),
    },
  },
})

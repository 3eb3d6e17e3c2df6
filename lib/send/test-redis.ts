import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { Redis } from 'ioredis'
import { findClosedPort } from './test-upstream'

export interface TestRedis {
  readonly url: string
  stop(): Promise<void>
}

/** Why the Redis tests are skipped, or undefined when they can run. */
export function explainMissingRedis(): string | undefined {
  if (process.env.TEST_REDIS_URL) return undefined
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  if (probe.error === undefined && probe.status === 0) return undefined
  return (
    "no redis-server binary and no TEST_REDIS_URL: install Debian's " +
    'redis-server package (CI does, in .ci/run) to run these'
  )
}

/**
 * The Redis the tests use: TEST_REDIS_URL when CI started one, otherwise a
 * redis-server of our own on a spare loopback port, with nothing saved to
 * disk, stopped by `stop()`.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const shared = process.env.TEST_REDIS_URL
  if (shared) return { url: shared, stop: async () => undefined }

  const port = await findClosedPort()
  const server = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  )
  const url = `redis://127.0.0.1:${port}`
  await waitUntilAnswering(url, server)
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve()
        server.once('exit', () => resolve())
        server.kill('SIGTERM')
      }),
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (server.exitCode !== null) {
      throw new Error(`redis-server exited with ${server.exitCode}`)
    }
    const client = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    client.on('error', () => undefined)
    try {
      await client.connect()
      if ((await client.ping()) === 'PONG') return
    } catch {
      // Not listening yet.
    } finally {
      client.disconnect()
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  server.kill('SIGTERM')
  throw new Error(`redis-server did not answer on ${url} within 5 seconds`)
}

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSendRateLimiter, type SendRateLimiter } from './rate-limit'
import {
  explainMissingRedis,
  startTestRedis,
  type TestRedis,
} from './test-redis'

// Runs against a real redis-server on loopback. Where none is installed the
// suite is skipped, and its title says why.
const missing = explainMissingRedis()
if (missing) console.warn(`rate-limit-redis.test.ts skipped: ${missing}`)

describe.skipIf(missing !== undefined)(
  `createSendRateLimiter, with Redis${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let redis: TestRedis
    const limiters: SendRateLimiter[] = []

    beforeAll(async () => {
      redis = await startTestRedis()
    })

    afterAll(async () => {
      await Promise.all(limiters.map((limiter) => limiter.close()))
      await redis?.stop()
    })

    /** One replica of the app: its own connection, the same store. */
    async function startReplica(
      perMinute: number,
      keyPrefix: string,
    ): Promise<SendRateLimiter> {
      const limiter = createSendRateLimiter(
        { rateLimitPerMinute: perMinute, redisUrl: redis.url },
        { keyPrefix },
      )
      limiters.push(limiter)
      await vi.waitFor(() => expect(limiter.isStoreReady()).toBe(true))
      return limiter
    }

    it('shares one limit between replicas', async () => {
      const prefix = `test-${randomUUID()}`
      const first = await startReplica(4, prefix)
      const second = await startReplica(4, prefix)

      const results = []
      for (const replica of [first, second, first, second, first, second]) {
        results.push((await replica.take('203.0.113.9')).ok)
      }
      expect(results).toEqual([true, true, true, true, false, false])
    })

    it('answers a refusal with the time left in the shared window', async () => {
      const limiter = await startReplica(1, `test-${randomUUID()}`)
      expect((await limiter.take('a')).ok).toBe(true)
      const refused = await limiter.take('a')
      expect(refused.ok).toBe(false)
      const seconds = !refused.ok ? refused.error.retryAfterSeconds : 0
      expect(seconds).toBeGreaterThanOrEqual(59)
      expect(seconds).toBeLessThanOrEqual(60)
    })

    it('keeps clients apart in the shared store', async () => {
      const prefix = `test-${randomUUID()}`
      const first = await startReplica(1, prefix)
      const second = await startReplica(1, prefix)
      expect((await first.take('a')).ok).toBe(true)
      expect((await second.take('b')).ok).toBe(true)
      expect((await second.take('a')).ok).toBe(false)
    })
  },
)

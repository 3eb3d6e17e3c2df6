import { describe, expect, it, vi } from 'vitest'
import { createSendRateLimiter } from './rate-limit'
import { findClosedPort } from './test-upstream'

describe('createSendRateLimiter, in memory', () => {
  it('lets the limit through, then refuses with 429 and a Retry-After', async () => {
    const limiter = createSendRateLimiter({
      rateLimitPerMinute: 3,
      redisUrl: undefined,
    })
    const results = []
    for (let send = 0; send < 4; send++) results.push(await limiter.take('a'))
    expect(results.map((result) => result.ok)).toEqual([
      true,
      true,
      true,
      false,
    ])
    const refused = results[3]
    expect(!refused?.ok && refused?.error).toMatchObject({
      code: 'rate_limited',
      status: 429,
    })
    const retryAfter = !refused?.ok ? refused?.error.retryAfterSeconds : 0
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(!refused?.ok && refused?.error.message).toContain(
      `Wait ${retryAfter} second`,
    )
  })

  it('counts each client on its own', async () => {
    const limiter = createSendRateLimiter({
      rateLimitPerMinute: 1,
      redisUrl: undefined,
    })
    expect((await limiter.take('a')).ok).toBe(true)
    expect((await limiter.take('b')).ok).toBe(true)
    expect((await limiter.take('a')).ok).toBe(false)
  })

  it('never refuses when the limit is 0', async () => {
    const limiter = createSendRateLimiter({
      rateLimitPerMinute: 0,
      redisUrl: 'redis://127.0.0.1:1',
    })
    for (let send = 0; send < 500; send++) {
      expect((await limiter.take('a')).ok).toBe(true)
    }
    await limiter.close()
  })
})

describe('createSendRateLimiter, with Redis down', () => {
  it('goes on limiting in memory and reports the store error once', async () => {
    const port = await findClosedPort()
    const onStoreError = vi.fn()
    const limiter = createSendRateLimiter(
      { rateLimitPerMinute: 2, redisUrl: `redis://127.0.0.1:${port}` },
      { onStoreError },
    )
    try {
      await vi.waitFor(() => expect(onStoreError).toHaveBeenCalled())
      const results = []
      for (let send = 0; send < 3; send++) {
        results.push((await limiter.take('a')).ok)
      }
      expect(results).toEqual([true, true, false])
      expect(limiter.isStoreReady()).toBe(false)
      expect(onStoreError).toHaveBeenCalledTimes(1)
    } finally {
      await limiter.close()
    }
  })
})

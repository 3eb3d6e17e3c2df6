import 'server-only'
import { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import { createRateLimitedError, type Result, succeed } from './errors'
import type { SendSettings } from './settings'

export interface SendRateLimiter {
  /** Counts one send for the client; refuses it past the limit. */
  take(clientKey: string): Promise<Result<null>>
  /** False while a Redis store is not connected (memory counts then). */
  isStoreReady(): boolean
  close(): Promise<void>
}

export interface RateLimiterOptions {
  /** Called when the shared store fails; the limit goes on in memory. */
  readonly onStoreError?: (error: Error) => void
  /** Keeps apart tests that share one Redis. */
  readonly keyPrefix?: string
}

const WINDOW_SECONDS = 60

/**
 * A fixed one-minute window per client. With a Redis URL every replica
 * counts in the same store; when Redis cannot be reached each process
 * falls back to counting in its own memory, so a store outage loosens the
 * limit (to one per replica) rather than stopping every send.
 */
export function createSendRateLimiter(
  settings: Pick<SendSettings, 'rateLimitPerMinute' | 'redisUrl'>,
  options: RateLimiterOptions = {},
): SendRateLimiter {
  const perMinute = settings.rateLimitPerMinute
  if (perMinute === 0) {
    return {
      take: async () => succeed(null),
      isStoreReady: () => true,
      close: async () => undefined,
    }
  }

  const limits = {
    points: perMinute,
    duration: WINDOW_SECONDS,
    keyPrefix: options.keyPrefix ?? 'send-rate',
  }
  const memory = new RateLimiterMemory(limits)
  const redis = settings.redisUrl
    ? connectRedis(settings.redisUrl, options.onStoreError)
    : undefined
  const limiter = redis
    ? new RateLimiterRedis({
        ...limits,
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory

  return {
    async take(clientKey) {
      try {
        await limiter.consume(clientKey)
        return succeed(null)
      } catch (rejection) {
        // Only a store failure with no fallback left lands here: let the
        // send through rather than fail every learner.
        if (!(rejection instanceof RateLimiterRes)) {
          options.onStoreError?.(toError(rejection))
          return succeed(null)
        }
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil(rejection.msBeforeNext / 1000),
        )
        return {
          ok: false,
          error: createRateLimitedError(perMinute, retryAfterSeconds),
        }
      }
    },
    isStoreReady: () => redis === undefined || redis.status === 'ready',
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect())
    },
  }
}

/**
 * Commands fail at once while the connection is down (no offline queue),
 * so a send never waits on Redis; the error is reported once per outage.
 */
function connectRedis(
  url: string,
  onStoreError: ((error: Error) => void) | undefined,
): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  })
  let isReported = false
  redis.on('ready', () => {
    isReported = false
  })
  redis.on('error', (error: Error) => {
    if (isReported) return
    isReported = true
    onStoreError?.(error)
  })
  return redis
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}

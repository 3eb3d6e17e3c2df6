import 'server-only'
import { expect } from 'vitest'
import type { SandboxConfig } from './config'
import { createSandbox, type Sandbox } from './sandbox'
import { trainingUser } from './users'

/** Helpers for the sandbox's in-process tests; no app code imports this. */

export const testSecret = new TextEncoder().encode(
  'a-test-only-secret-of-more-than-32-bytes',
)

export const testStartMs = Date.parse('2025-01-15T12:00:00.000Z')

export type TestClock = { now: () => number; advance: (ms: number) => void }

export function createTestClock(startMs = testStartMs): TestClock {
  let nowMs = startMs
  return {
    now: () => nowMs,
    advance: (ms) => {
      nowMs += ms
    },
  }
}

export function createTestSandbox(overrides: Partial<SandboxConfig> = {}): {
  sandbox: Sandbox
  clock: TestClock
} {
  const clock = createTestClock()
  const sandbox = createSandbox({
    users: [trainingUser],
    jwtSecret: testSecret,
    isBearerAccepted: false,
    isSampleAccepted: true,
    extraSources: 0,
    clock: clock.now,
    ...overrides,
  })
  return { sandbox, clock }
}

export function sandboxUrl(path: string): string {
  return `http://127.0.0.1/sandbox${path}`
}

export function get(path: string, headers: HeadersInit = {}): Request {
  return new Request(sandboxUrl(path), { headers })
}

export function postJson(path: string, body: unknown): Request {
  return new Request(sandboxUrl(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Signs in and returns the session's auth_token. */
export async function signIn(
  sandbox: Sandbox,
  username = 'bigid',
  password = 'learner',
): Promise<string> {
  const response = await sandbox(
    postJson('/api/v1/sessions', { username, password }),
  )
  const body = await response.json()
  expect(body.success).toBe(true)
  return body.auth_token
}

export async function generateUserToken(
  sandbox: Sandbox,
  username = 'bigid',
  days = 30,
): Promise<string> {
  const response = await sandbox(
    postJson('/api/sandbox/user-tokens', { username, days }),
  )
  expect(response.status).toBe(200)
  return (await response.json()).userToken
}

export async function exchangeUserToken(
  sandbox: Sandbox,
  userToken: string,
): Promise<string> {
  const response = await sandbox(
    get('/api/v1/refresh-access-token', { authorization: userToken }),
  )
  const body = await response.json()
  expect(body.success).toBe(true)
  return body.systemToken
}

/** The JSON text of a JWT's header (part 0) or payload (part 1). */
export function decodeJwtPart(token: string, part: 0 | 1): string {
  const segment = token.split('.')[part] ?? ''
  return Buffer.from(segment, 'base64url').toString('utf8')
}

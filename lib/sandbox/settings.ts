import 'server-only'
import { randomBytes } from 'node:crypto'
import type { SandboxConfig } from './config'
import { parseUserList, type SandboxUser, trainingUser } from './users'

export const maxExtraSources = 50_000
export const minSecretBytes = 32

type Env = Readonly<Record<string, string | undefined>>

export type SettingsResult =
  | {
      readonly ok: true
      readonly config: SandboxConfig
      /** True when no secret was set, so tokens die with the process. */
      readonly isSecretGenerated: boolean
    }
  | { readonly ok: false; readonly problems: readonly string[] }

/**
 * Reads the SANDBOX_* variables. Every problem is collected, so one restart
 * shows them all; no message repeats a secret or a password.
 */
export function parseSettings(env: Env): SettingsResult {
  const users = parseUsers(env.SANDBOX_USERS)
  const secret = parseSecret(env.SANDBOX_JWT_SECRET)
  const isBearerAccepted = parseFlag(env, 'SANDBOX_ACCEPT_BEARER', false)
  const isSampleAccepted = parseFlag(env, 'SANDBOX_ACCEPT_SAMPLE', true)
  const extraSources = parseExtraSources(env.SANDBOX_EXTRA_SOURCES)

  if (
    !users.ok ||
    !secret.ok ||
    !isBearerAccepted.ok ||
    !isSampleAccepted.ok ||
    !extraSources.ok
  ) {
    const all = [
      users,
      secret,
      isBearerAccepted,
      isSampleAccepted,
      extraSources,
    ]
    return { ok: false, problems: all.flatMap(listProblems) }
  }

  return {
    ok: true,
    isSecretGenerated: secret.value === undefined,
    config: {
      users: [trainingUser, ...users.value],
      jwtSecret: secret.value ?? new Uint8Array(randomBytes(minSecretBytes)),
      isBearerAccepted: isBearerAccepted.value,
      isSampleAccepted: isSampleAccepted.value,
      extraSources: extraSources.value,
    },
  }
}

type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] }

function listProblems(parsed: Parsed<unknown>): readonly string[] {
  return parsed.ok ? [] : parsed.problems
}

function parseUsers(raw: string | undefined): Parsed<readonly SandboxUser[]> {
  const result = parseUserList(raw ?? '')
  if (result.ok) return { ok: true, value: result.users }
  const problems = result.problems.map((text) => `SANDBOX_USERS: ${text}`)
  return { ok: false, problems }
}

/** Undefined when unset: the caller then draws a random secret. */
function parseSecret(raw: string | undefined): Parsed<Uint8Array | undefined> {
  const text = raw ?? ''
  if (text === '') return { ok: true, value: undefined }
  const bytes = new TextEncoder().encode(text)
  if (bytes.length >= minSecretBytes) return { ok: true, value: bytes }
  const problem =
    `SANDBOX_JWT_SECRET must be at least ${minSecretBytes} bytes ` +
    `(HS256 wants a 256-bit key); it has ${bytes.length}.`
  return { ok: false, problems: [problem] }
}

function parseFlag(env: Env, name: string, fallback: boolean): Parsed<boolean> {
  const text = (env[name] ?? '').trim().toLowerCase()
  if (text === '') return { ok: true, value: fallback }
  if (text === 'true' || text === '1') return { ok: true, value: true }
  if (text === 'false' || text === '0') return { ok: true, value: false }
  const problem = `${name} must be true, false, 1 or 0 (got "${env[name]}").`
  return { ok: false, problems: [problem] }
}

function parseExtraSources(raw: string | undefined): Parsed<number> {
  const text = (raw ?? '').trim()
  if (text === '') return { ok: true, value: 0 }
  const isWhole = /^\d+$/.test(text)
  if (isWhole && Number(text) <= maxExtraSources) {
    return { ok: true, value: Number(text) }
  }
  const problem =
    `SANDBOX_EXTRA_SOURCES must be a whole number from 0 to ` +
    `${maxExtraSources} (got "${text}").`
  return { ok: false, problems: [problem] }
}

export class SandboxSettingsError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    const list = problems.map((problem) => `\n- ${problem}`).join('')
    super(`The sandbox cannot start; fix these settings:${list}`)
    this.name = 'SandboxSettingsError'
    this.problems = problems
  }
}

/** For the app's start-up, where bad settings must stop the sandbox. */
export function readSettings(env: Env): SandboxConfig {
  const result = parseSettings(env)
  if (!result.ok) throw new SandboxSettingsError(result.problems)
  return result.config
}

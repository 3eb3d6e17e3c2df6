import { describe, expect, it } from 'vitest'
import {
  maxExtraSources,
  parseSettings,
  readSettings,
  SandboxSettingsError,
} from './settings'

function parseOk(env: Record<string, string>) {
  const result = parseSettings(env)
  if (!result.ok) throw new Error(result.problems.join('\n'))
  return result
}

function problemsOf(env: Record<string, string>): readonly string[] {
  const result = parseSettings(env)
  if (result.ok) throw new Error('expected the settings to be refused')
  return result.problems
}

describe('settings', () => {
  it('defaults to the training user, no Bearer, SAMPLE on, no extras', () => {
    const { config, isSecretGenerated } = parseOk({})
    expect(config.users.map((user) => user.username)).toEqual(['bigid'])
    expect(config.isBearerAccepted).toBe(false)
    expect(config.isSampleAccepted).toBe(true)
    expect(config.extraSources).toBe(0)
    expect(isSecretGenerated).toBe(true)
    expect(config.jwtSecret).toHaveLength(32)
  })

  it('draws a different secret on each start when none is set', () => {
    expect(parseOk({}).config.jwtSecret).not.toEqual(
      parseOk({}).config.jwtSecret,
    )
  })

  it('uses SANDBOX_JWT_SECRET when it is long enough', () => {
    const secret = 'x'.repeat(32)
    const result = parseOk({ SANDBOX_JWT_SECRET: secret })
    expect(result.isSecretGenerated).toBe(false)
    expect(new TextDecoder().decode(result.config.jwtSecret)).toBe(secret)
  })

  it('refuses a short secret without repeating it', () => {
    const problems = problemsOf({ SANDBOX_JWT_SECRET: 'hunter2' })
    expect(problems).toEqual([
      'SANDBOX_JWT_SECRET must be at least 32 bytes (HS256 wants a 256-bit ' +
        'key); it has 7.',
    ])
  })

  it.each([
    ['true', true],
    ['1', true],
    ['FALSE', false],
    ['0', false],
    ['', false],
  ])('reads SANDBOX_ACCEPT_BEARER=%j as %s', (value, expected) => {
    const { config } = parseOk({ SANDBOX_ACCEPT_BEARER: value })
    expect(config.isBearerAccepted).toBe(expected)
  })

  it('turns SAMPLE off with SANDBOX_ACCEPT_SAMPLE=false', () => {
    const { config } = parseOk({ SANDBOX_ACCEPT_SAMPLE: 'false' })
    expect(config.isSampleAccepted).toBe(false)
  })

  it('refuses a flag that is not true, false, 1 or 0', () => {
    expect(problemsOf({ SANDBOX_ACCEPT_SAMPLE: 'yes' })).toEqual([
      'SANDBOX_ACCEPT_SAMPLE must be true, false, 1 or 0 (got "yes").',
    ])
  })

  it('adds SANDBOX_USERS after the training user', () => {
    const { config } = parseOk({ SANDBOX_USERS: 'alice:secret, bob:pw2' })
    expect(config.users.map((user) => user.username)).toEqual([
      'bigid',
      'alice',
      'bob',
    ])
  })

  it('reads SANDBOX_EXTRA_SOURCES up to its maximum', () => {
    const max = String(maxExtraSources)
    expect(parseOk({ SANDBOX_EXTRA_SOURCES: max }).config.extraSources).toBe(
      maxExtraSources,
    )
    expect(problemsOf({ SANDBOX_EXTRA_SOURCES: '50001' })).toHaveLength(1)
    expect(problemsOf({ SANDBOX_EXTRA_SOURCES: '-3' })).toHaveLength(1)
    expect(problemsOf({ SANDBOX_EXTRA_SOURCES: '1e3' })).toHaveLength(1)
  })

  it('collects every problem and never echoes a password', () => {
    const problems = problemsOf({
      SANDBOX_USERS: 'alice-secret-pw',
      SANDBOX_ACCEPT_BEARER: 'maybe',
      SANDBOX_EXTRA_SOURCES: 'lots',
    })
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).not.toContain('alice-secret-pw')
  })

  it('throws one error listing every problem at start-up', () => {
    expect(() => readSettings({ SANDBOX_ACCEPT_BEARER: 'maybe' })).toThrow(
      SandboxSettingsError,
    )
    expect(() => readSettings({ SANDBOX_ACCEPT_BEARER: 'maybe' })).toThrow(
      /fix these settings:\n- SANDBOX_ACCEPT_BEARER must be/,
    )
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getSandbox, listSandboxUsernames } from './instance'

const instanceKey = Symbol.for('bigid-api-playground.sandbox')

describe('instance', () => {
  beforeEach(() => Reflect.deleteProperty(globalThis, instanceKey))
  afterEach(() => {
    vi.unstubAllEnvs()
    Reflect.deleteProperty(globalThis, instanceKey)
  })

  it('builds one sandbox from the environment and keeps it', () => {
    vi.stubEnv('SANDBOX_USERS', 'alice:secret')
    const sandbox = getSandbox()
    vi.stubEnv('SANDBOX_USERS', 'bob:other')
    expect(getSandbox()).toBe(sandbox)
    expect(listSandboxUsernames()).toEqual(['bigid', 'alice'])
  })

  it('throws a settings error on first use when the environment is bad', () => {
    vi.stubEnv('SANDBOX_EXTRA_SOURCES', 'many')
    expect(() => getSandbox()).toThrow(/SANDBOX_EXTRA_SOURCES/)
  })
})

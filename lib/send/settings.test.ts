import { describe, expect, it } from 'vitest'
import { loadSendSettings, SendSettingsError } from './settings'

describe('settings', () => {
  it('uses the documented defaults', () => {
    expect(loadSendSettings({})).toEqual({
      allowedOrigins: [],
      sandboxInternalOrigin: 'http://127.0.0.1:3000',
      isSandboxInProcess: true,
      appPort: 3000,
      timeoutMs: 15_000,
      connectTimeoutMs: 5_000,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
      rateLimitPerMinute: 600,
      redisUrl: undefined,
      trustProxyHops: 0,
      allowLinkLocal: false,
      maxRequestBytes: 1_048_576,
      maxEnvelopeBytes: 2 * 1_048_576 + 65_536,
      maxResponseBytes: 10 * 1_048_576,
    })
  })

  it('normalises allowed origins: lower-case host, default port dropped', () => {
    const settings = loadSendSettings({
      SEND_ALLOWED_ORIGINS:
        ' HTTPS://API.Example.COM:443/ , http://Demo.example:8080,,',
    })
    expect(settings.allowedOrigins).toEqual([
      'https://api.example.com',
      'http://demo.example:8080',
    ])
  })

  it.each([
    'ftp://files.example.com',
    'api.example.com',
    'https://api.example.com/v1',
    'https://user:secret@api.example.com',
    'https://api.example.com/?x=1',
    'https://api.example.com#top',
    '*',
  ])('refuses the allowed-origin entry %s, naming it', (entry) => {
    const load = () =>
      loadSendSettings({
        SEND_ALLOWED_ORIGINS: `https://ok.example, ${entry}`,
      })
    expect(load).toThrow(SendSettingsError)
    expect(load).toThrow(`"${entry}"`)
  })

  it.each([
    ['SEND_TIMEOUT_MS', '0'],
    ['SEND_TIMEOUT_MS', '15s'],
    ['SEND_MAX_REQUEST_BYTES', '-1'],
    ['SEND_MAX_RESPONSE_BYTES', '1e6'],
    ['PORT', '70000'],
  ])('refuses %s=%s, naming the setting', (name, value) => {
    expect(() => loadSendSettings({ [name]: value })).toThrow(name)
  })

  it('reads the bounds from the environment', () => {
    const settings = loadSendSettings({
      SEND_TIMEOUT_MS: '250',
      SEND_MAX_REQUEST_BYTES: '100',
      SEND_MAX_RESPONSE_BYTES: '2048',
    })
    expect(settings).toMatchObject({
      timeoutMs: 250,
      maxRequestBytes: 100,
      maxEnvelopeBytes: 200 + 65_536,
      maxResponseBytes: 2048,
    })
  })

  it('connects the sandbox to the port in PORT on loopback', () => {
    const settings = loadSendSettings({ PORT: '4100' })
    expect(settings.sandboxInternalOrigin).toBe('http://127.0.0.1:4100')
    expect(settings.appPort).toBe(4100)
  })

  it.each([
    ['10.1.2.3', 'http://10.1.2.3:3000'],
    ['::1', 'http://[::1]:3000'],
    ['0.0.0.0', 'http://127.0.0.1:3000'],
    ['::', 'http://127.0.0.1:3000'],
    ['vm', 'http://127.0.0.1:3000'],
  ])('with HOSTNAME=%s connects the sandbox to %s', (hostname, origin) => {
    const settings = loadSendSettings({ HOSTNAME: hostname })
    expect(settings.sandboxInternalOrigin).toBe(origin)
  })

  it('lets SANDBOX_INTERNAL_ORIGIN override the loopback address', () => {
    const settings = loadSendSettings({
      HOSTNAME: '10.1.2.3',
      SANDBOX_INTERNAL_ORIGIN: 'http://Sandbox.Internal:8080/',
    })
    expect(settings.sandboxInternalOrigin).toBe('http://sandbox.internal:8080')
    expect(settings.isSandboxInProcess).toBe(false)
  })

  it('reads PUBLIC_ORIGIN and refuses one that is not an origin', () => {
    expect(
      loadSendSettings({ PUBLIC_ORIGIN: 'https://Learn.example.com:443' })
        .publicOrigin,
    ).toBe('https://learn.example.com')
    expect(loadSendSettings({}).publicOrigin).toBeUndefined()
    expect(() =>
      loadSendSettings({ PUBLIC_ORIGIN: 'https://learn.example.com/app' }),
    ).toThrow(/PUBLIC_ORIGIN/)
  })

  it('refuses an invalid SANDBOX_INTERNAL_ORIGIN, naming it', () => {
    expect(() =>
      loadSendSettings({ SANDBOX_INTERNAL_ORIGIN: 'unix:/tmp/app.sock' }),
    ).toThrow('SANDBOX_INTERNAL_ORIGIN')
  })

  it('reads the phase timeouts and shrinks their defaults to the deadline', () => {
    expect(
      loadSendSettings({
        SEND_CONNECT_TIMEOUT_MS: '100',
        SEND_HEADERS_TIMEOUT_MS: '200',
        SEND_BODY_TIMEOUT_MS: '300',
      }),
    ).toMatchObject({
      connectTimeoutMs: 100,
      headersTimeoutMs: 200,
      bodyTimeoutMs: 300,
    })
    expect(loadSendSettings({ SEND_TIMEOUT_MS: '3000' })).toMatchObject({
      connectTimeoutMs: 3000,
      headersTimeoutMs: 3000,
      bodyTimeoutMs: 3000,
    })
  })

  it('refuses a phase timeout longer than the deadline, saying why', () => {
    const load = () =>
      loadSendSettings({
        SEND_TIMEOUT_MS: '1000',
        SEND_HEADERS_TIMEOUT_MS: '2000',
      })
    expect(load).toThrow('SEND_HEADERS_TIMEOUT_MS')
    expect(load).toThrow('no longer than SEND_TIMEOUT_MS')
  })

  it('reads the rate limit, 0 turning it off', () => {
    expect(loadSendSettings({ SEND_RATE_LIMIT: '0' }).rateLimitPerMinute).toBe(
      0,
    )
    expect(() => loadSendSettings({ SEND_RATE_LIMIT: 'lots' })).toThrow(
      'SEND_RATE_LIMIT',
    )
  })

  it('reads REDIS_URL and never echoes a bad one', () => {
    expect(
      loadSendSettings({ REDIS_URL: 'redis://:pw@127.0.0.1:6390/0' }).redisUrl,
    ).toBe('redis://:pw@127.0.0.1:6390/0')
    const load = () =>
      loadSendSettings({ REDIS_URL: 'http://:s3cret-pw@cache.example' })
    expect(load).toThrow('REDIS_URL')
    expect(load).not.toThrow('s3cret-pw')
  })

  it.each([
    ['', 0],
    ['false', 0],
    ['0', 0],
    ['true', 1],
    ['TRUE', 1],
    ['2', 2],
  ])('reads TRUST_PROXY=%j as %i trusted hops', (value, hops) => {
    expect(loadSendSettings({ TRUST_PROXY: value }).trustProxyHops).toBe(hops)
  })

  it.each(['yes', '-1', '11', '1.5'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => loadSendSettings({ TRUST_PROXY: value })).toThrow(
      'TRUST_PROXY',
    )
  })

  it('reads SEND_ALLOW_LINK_LOCAL as a flag', () => {
    expect(
      loadSendSettings({ SEND_ALLOW_LINK_LOCAL: 'true' }).allowLinkLocal,
    ).toBe(true)
    expect(() => loadSendSettings({ SEND_ALLOW_LINK_LOCAL: 'on' })).toThrow(
      'SEND_ALLOW_LINK_LOCAL',
    )
  })
})

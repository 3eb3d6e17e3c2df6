import { describe, expect, it } from 'vitest'
import {
  loadSendSettings,
  normaliseOrigin,
  SendSettingsError,
} from './settings'

describe('settings', () => {
  it('uses the documented defaults', () => {
    expect(loadSendSettings({})).toEqual({
      allowedOrigins: [],
      sandboxInternalOrigin: 'http://127.0.0.1:3000',
      appPort: 3000,
      timeoutMs: 15_000,
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
})

describe('normaliseOrigin', () => {
  it('keeps a non-default port and drops a default one', () => {
    expect(normaliseOrigin('http://a.example:80')).toBe('http://a.example')
    expect(normaliseOrigin('https://a.example:8443')).toBe(
      'https://a.example:8443',
    )
  })
})

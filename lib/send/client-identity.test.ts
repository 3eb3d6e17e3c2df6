import { describe, expect, it } from 'vitest'
import { identifyClient, SHARED_CLIENT_KEY } from './client-identity'

const shared = { key: SHARED_CLIENT_KEY, isShared: true }

function withForwardedFor(value: string): Headers {
  return new Headers({ 'x-forwarded-for': value })
}

describe('identifyClient', () => {
  it('puts every caller in one bucket when no proxy is trusted', () => {
    expect(identifyClient(withForwardedFor('203.0.113.9'), 0)).toEqual(shared)
    expect(identifyClient(new Headers(), 0)).toEqual(shared)
  })

  it('takes the address the trusted proxy saw, not what the client claimed', () => {
    const headers = withForwardedFor('198.51.100.1, 203.0.113.9')
    expect(identifyClient(headers, 1)).toEqual({
      key: '203.0.113.9',
      isShared: false,
    })
    expect(identifyClient(headers, 2).key).toBe('198.51.100.1')
  })

  it('lets a spoofed left-hand entry change nothing', () => {
    const honest = identifyClient(withForwardedFor('203.0.113.9'), 1)
    const spoofed = identifyClient(
      withForwardedFor('10.9.8.7, 1.2.3.4, 203.0.113.9'),
      1,
    )
    expect(spoofed).toEqual(honest)
  })

  it.each([
    ['203.0.113.9:51234', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['[2001:db8:1:2::7]:443', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
  ])('keys %s as %s', (entry, key) => {
    expect(identifyClient(withForwardedFor(entry), 1).key).toBe(key)
  })

  it.each([
    ['', 1],
    ['unknown', 1],
    ['203.0.113.9', 2],
    ['not an address', 1],
  ])('falls back to the shared bucket for %j with %i hops', (value, hops) => {
    expect(identifyClient(withForwardedFor(value), hops)).toEqual(shared)
  })
})

import type { LookupAddress, LookupOptions } from 'node:dns'
import type { LookupFunction } from 'node:net'
import fc from 'fast-check'
import type { buildConnector } from 'undici'
import { describe, expect, it } from 'vitest'
import {
  AddressRefusedError,
  guardConnector,
  guardLookup,
  isLinkLocalOrMetadata,
  pickAddressCheck,
} from './address-policy'

// Nothing in this file opens a socket: the resolver and the connector are
// stubs, and the addresses are only ever compared.

describe('isLinkLocalOrMetadata', () => {
  it.each([
    '169.254.169.254',
    '169.254.170.2',
    '169.254.0.1',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '64:ff9b::169.254.169.254',
    'fe80::1',
    'FE80::abcd:1%eth0',
    'febf::1',
    'fd00:ec2::254',
    '100.100.100.200',
    '::ffff:100.100.100.200',
    '168.63.129.16',
    '192.0.0.192',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isLinkLocalOrMetadata(address)).toBe(true)
  })

  it.each([
    '127.0.0.1',
    '::1',
    '10.0.0.5',
    '192.168.1.20',
    '203.0.113.9',
    '169.253.255.255',
    '169.255.0.0',
    'fec0::1',
    '2001:db8::1',
    'fd00:ec2::253',
  ])('lets %s through', (address) => {
    expect(isLinkLocalOrMetadata(address)).toBe(false)
  })

  it('refuses every 169.254.x.y in every form a resolver writes it', () => {
    const low = fc.tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
    )
    fc.assert(
      fc.property(low, ([c, d]) => {
        const hex = ((c << 8) | d).toString(16)
        for (const form of [
          `169.254.${c}.${d}`,
          `::ffff:169.254.${c}.${d}`,
          `::ffff:a9fe:${hex}`,
          `64:ff9b::a9fe:${hex}`,
        ]) {
          expect(isLinkLocalOrMetadata(form), form).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('lets through any IPv4 address outside 169.254/16 and the list', () => {
    const listed = new Set(['100.100.100.200', '168.63.129.16', '192.0.0.192'])
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        if (address.startsWith('169.254.') || listed.has(address)) return
        expect(isLinkLocalOrMetadata(address)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('pickAddressCheck', () => {
  it('refuses link-local addresses unless the operator allowed them', () => {
    expect(pickAddressCheck(false)('169.254.169.254')).toBe(true)
    expect(pickAddressCheck(true)('169.254.169.254')).toBe(false)
  })
})

/** A resolver that answers from a table, the way dns.lookup calls back. */
function stubLookup(table: Record<string, string[]>): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    const addresses = table[hostname] ?? []
    const entries: LookupAddress[] = addresses.map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }))
    if (options.all) callback(null, entries)
    else callback(null, entries[0]?.address ?? '', entries[0]?.family ?? 4)
  }
}

function resolve(
  lookup: LookupFunction,
  hostname: string,
  options: LookupOptions,
): Promise<{ error: unknown; address: unknown }> {
  return new Promise((done) => {
    lookup(hostname, options, (error, address) => done({ error, address }))
  })
}

describe('guardLookup', () => {
  const lookup = guardLookup(
    stubLookup({
      'bigid.example': ['203.0.113.9', '2001:db8::9'],
      'rebound.example': ['203.0.113.9', '169.254.169.254'],
      'mapped.example': ['::ffff:169.254.169.254'],
      'metadata.example': ['fd00:ec2::254'],
    }),
    isLinkLocalOrMetadata,
  )

  it('passes ordinary answers on as they came, one or all', async () => {
    expect(await resolve(lookup, 'bigid.example', { all: true })).toEqual({
      error: null,
      address: [
        { address: '203.0.113.9', family: 4 },
        { address: '2001:db8::9', family: 6 },
      ],
    })
    expect(await resolve(lookup, 'bigid.example', {})).toEqual({
      error: null,
      address: '203.0.113.9',
    })
  })

  it.each([
    ['rebound.example', '169.254.169.254'],
    ['mapped.example', '::ffff:169.254.169.254'],
    ['metadata.example', 'fd00:ec2::254'],
  ])('fails %s, which leads to %s, naming both', async (host, address) => {
    const { error } = await resolve(lookup, host, { all: true })
    expect(error).toBeInstanceOf(AddressRefusedError)
    expect(error).toMatchObject({
      host,
      address,
      code: 'ERR_SEND_ADDRESS_REFUSED',
    })
  })

  it('checks again on every lookup: a name that changes is caught', async () => {
    let calls = 0
    const changing: LookupFunction = (_hostname, _options, callback) => {
      calls += 1
      callback(null, calls === 1 ? '203.0.113.9' : '169.254.169.254', 4)
    }
    const guarded = guardLookup(changing, isLinkLocalOrMetadata)
    expect((await resolve(guarded, 'x.example', {})).error).toBeNull()
    expect((await resolve(guarded, 'x.example', {})).error).toBeInstanceOf(
      AddressRefusedError,
    )
  })

  it('passes a resolver error on untouched', async () => {
    const failing: LookupFunction = (_hostname, _options, callback) => {
      callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), '', 4)
    }
    const { error } = await resolve(
      guardLookup(failing, isLinkLocalOrMetadata),
      'x.example',
      {},
    )
    expect(error).toMatchObject({ code: 'ENOTFOUND' })
  })
})

describe('guardConnector', () => {
  function recordingConnector(): {
    connector: buildConnector.connector
    hosts: string[]
  } {
    const hosts: string[] = []
    const connector: buildConnector.connector = (options, callback) => {
      hosts.push(options.hostname)
      callback(new Error('stub connector: no socket in this test'), null)
    }
    return { connector, hosts }
  }

  function connect(
    connector: buildConnector.connector,
    hostname: string,
  ): Promise<unknown> {
    return new Promise((done) => {
      connector(
        { hostname, host: hostname, protocol: 'http:', port: '80' },
        (...[error]) => done(error),
      )
    })
  }

  it.each(['169.254.169.254', 'fe80::1', '::ffff:169.254.169.254'])(
    'refuses the literal %s before the connector runs',
    async (address) => {
      const { connector, hosts } = recordingConnector()
      const error = await connect(
        guardConnector(connector, isLinkLocalOrMetadata),
        address,
      )
      expect(error).toBeInstanceOf(AddressRefusedError)
      expect(hosts).toEqual([])
    },
  )

  it.each(['127.0.0.1', 'bigid.example'])(
    'hands %s to the connector (a name is checked by the lookup)',
    async (hostname) => {
      const { connector, hosts } = recordingConnector()
      await connect(guardConnector(connector, isLinkLocalOrMetadata), hostname)
      expect(hosts).toEqual([hostname])
    },
  )
})

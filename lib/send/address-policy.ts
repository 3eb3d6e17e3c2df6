import 'server-only'
import type { LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import type { buildConnector } from 'undici'

/** Decides whether the sender may open a connection to an IP address. */
export type AddressCheck = (address: string) => boolean

/**
 * Metadata services answer on these addresses in the major clouds; an
 * allowed host that resolves to one (a DNS record changed, or rebound
 * between two sends) would hand the sender the machine's credentials.
 */
const METADATA_IPV4 = [
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer
  '192.0.0.192', // Oracle Cloud (legacy)
]
const METADATA_IPV6 = ['fd00:ec2::254'] // AWS over IPv6

const refused = new BlockList()
// IPv4 link-local, where AWS, GCP, Azure, Oracle, DigitalOcean and
// OpenStack serve metadata (169.254.169.254, 169.254.170.2, ...).
refused.addSubnet('169.254.0.0', 16, 'ipv4')
refused.addSubnet('fe80::', 10, 'ipv6')
// The same IPv4 addresses reached through NAT64 (RFC 6052).
refused.addSubnet('64:ff9b::a9fe:0', 112, 'ipv6')
for (const address of METADATA_IPV4) {
  refused.addAddress(address, 'ipv4')
  refused.addAddress(`64:ff9b::${address}`, 'ipv6')
}
for (const address of METADATA_IPV6) refused.addAddress(address, 'ipv6')

/**
 * True for link-local and cloud metadata addresses, in any form a resolver
 * hands back, IPv4-mapped IPv6 and zone ids included. A text that is not
 * an IP address is refused too: only an address can be checked.
 */
export function isLinkLocalOrMetadata(address: string): boolean {
  const bare = address.replace(/%.*$/, '')
  const version = isIP(bare)
  if (version === 0) return true
  return refused.check(bare, version === 4 ? 'ipv4' : 'ipv6')
}

/** The check the sender runs, unless the operator allowed these. */
export function pickAddressCheck(allowLinkLocal: boolean): AddressCheck {
  return allowLinkLocal ? () => false : isLinkLocalOrMetadata
}

/** A connection refused because of where its host name led. */
export class AddressRefusedError extends Error {
  readonly code = 'ERR_SEND_ADDRESS_REFUSED'
  readonly host: string
  readonly address: string

  constructor(host: string, address: string) {
    super(`${host} resolved to ${address}, which the sender does not reach`)
    this.name = 'AddressRefusedError'
    this.host = host
    this.address = address
  }
}

/**
 * Wraps name resolution so that every address it returns is checked when
 * a connection is opened, not once beforehand: a name that resolves to a
 * refused address on any attempt fails, however it resolved before.
 */
export function guardLookup(
  lookup: LookupFunction,
  isRefused: AddressCheck,
): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family)
        return
      }
      const addresses = Array.isArray(address)
        ? address.map((entry: LookupAddress) => entry.address)
        : [address]
      const bad = addresses.find(isRefused)
      if (bad === undefined) callback(null, address, family)
      else callback(new AddressRefusedError(hostname, bad), address, family)
    })
  }
}

/**
 * Net skips name resolution for an IP literal, so a literal host is
 * checked here, before the connector opens a socket.
 */
export function guardConnector(
  connector: buildConnector.connector,
  isRefused: AddressCheck,
): buildConnector.connector {
  return (options, callback) => {
    const { hostname } = options
    if (isIP(hostname) !== 0 && isRefused(hostname)) {
      callback(new AddressRefusedError(hostname, hostname), null)
      return
    }
    connector(options, callback)
  }
}

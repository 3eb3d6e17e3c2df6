import 'server-only'

/**
 * The one spelling of a parsed http(s) URL's origin that allow lists are
 * compared in. WHATWG parsing already lower-cases the host, reads every
 * IPv4 spelling (`0x7f.1`, `2130706433`, `0177.0.0.1`, `127.1`) as dotted
 * decimal, compresses IPv6 and drops the default port; this also drops a
 * domain's trailing dot and writes an IPv4-mapped IPv6 address
 * (`[::ffff:7f00:1]`) as the IPv4 address it connects to.
 */
export function toCanonicalOrigin(url: URL): string {
  const host = canonicalHost(url.hostname)
  const port = url.port === '' ? '' : `:${url.port}`
  return `${url.protocol}//${host}${port}`
}

function canonicalHost(hostname: string): string {
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(hostname)
  if (mapped?.[1] !== undefined && mapped[2] !== undefined) {
    const high = Number.parseInt(mapped[1], 16)
    const low = Number.parseInt(mapped[2], 16)
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
  }
  return hostname.endsWith('.') && !hostname.endsWith('..')
    ? hostname.slice(0, -1)
    : hostname
}

/**
 * Normalises an origin written in a setting to its canonical spelling.
 * Returns undefined for anything that is not a bare http or https origin
 * (a path, query, fragment or userinfo makes it invalid).
 */
export function normaliseOrigin(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined
  const url = new URL(text)
  const isBare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !text.includes('?') &&
    !text.includes('#')
  return isBare ? toCanonicalOrigin(url) : undefined
}

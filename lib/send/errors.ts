import 'server-only'

/**
 * Every message a learner can see from the send route, keyed by a stable
 * code. Each message says what happened and what to do next.
 */
const catalogue = {
  invalid_json: {
    status: 400,
    message: () =>
      'The request to /api/send is not JSON. Send a JSON object with ' +
      '"method", "url", "headers" and, if you need one, "body".',
  },
  invalid_input: {
    status: 400,
    message: (d: { field: string; hint: string }) =>
      `The "${d.field}" field is not right: ${d.hint}`,
  },
  route_method_not_allowed: {
    status: 405,
    message: () =>
      'This address only takes POST with a JSON request to send, such as ' +
      '{"method": "GET", "url": "/sandbox/api/v1/ds-connections", ' +
      '"headers": [["Authorization", "SAMPLE"]]}.',
  },
  method_not_allowed: {
    status: 400,
    message: (d: { method: string; allowed: readonly string[] }) =>
      `"${d.method}" is not a method you can send here. ` +
      `Use one of ${d.allowed.join(', ')}.`,
  },
  invalid_url: {
    status: 400,
    message: () =>
      'The URL could not be read. Write a full address that starts with ' +
      'http:// or https://, with no spaces or line breaks (write a space ' +
      'as %20).',
  },
  unsupported_scheme: {
    status: 400,
    message: (d: { scheme: string }) =>
      `Addresses starting with "${d.scheme}" cannot be sent. Use an ` +
      'address that starts with http:// or https://.',
  },
  url_has_userinfo: {
    status: 400,
    message: () =>
      'The URL has a user name or password before the host ' +
      '(user:password@host). Remove it and send credentials in an ' +
      'Authorization header instead.',
  },
  target_not_allowed: {
    status: 403,
    message: (d: {
      origin: string
      sandbox: string
      allowed: readonly string[]
      isAppRoute: boolean
    }) =>
      (d.isAppRoute
        ? `That path on ${d.origin} is part of this app, not an API you ` +
          'can call. '
        : `Requests to ${d.origin} are not allowed. `) +
      `Send to the built-in sandbox, under ${d.sandbox}/sandbox/` +
      (d.allowed.length > 0
        ? `, or to one of these origins: ${d.allowed.join(', ')}.`
        : '.') +
      ' The operator can allow more origins with SEND_ALLOWED_ORIGINS.',
  },
  unsafe_sandbox_path: {
    status: 400,
    message: () =>
      'The sandbox path contains "." or ".." segments, a backslash or an ' +
      'encoded slash (%2f, %5c), which could lead outside the sandbox. ' +
      'Write the path plainly, such as /sandbox/api/v1/sessions.',
  },
  invalid_header_name: {
    status: 400,
    message: (d: { position: number; name: string }) =>
      `Header ${d.position} has the name "${d.name}", which is not a ` +
      'valid header name. Use letters, digits and - only, such as ' +
      'Content-Type.',
  },
  header_value_line_break: {
    status: 400,
    message: (d: { name: string }) =>
      `The value of the "${d.name}" header contains a line break or a ` +
      'null character. Put the whole value on one line and send again.',
  },
  invalid_header_value: {
    status: 400,
    message: (d: { name: string }) =>
      `The value of the "${d.name}" header contains a control character ` +
      'or a character that headers cannot carry. Remove it, or encode ' +
      'the value (for example with base64).',
  },
  body_not_allowed: {
    status: 400,
    message: (d: { method: string }) =>
      `A ${d.method} request cannot have a body. Remove the body, or ` +
      'switch to POST, PUT or PATCH.',
  },
  request_too_large: {
    status: 413,
    message: (d: { part: 'body' | 'request'; limitBytes: number }) =>
      d.part === 'body'
        ? `The request body is larger than ${formatBytes(d.limitBytes)}. ` +
          'Send a smaller body.'
        : `The request to /api/send is larger than ` +
          `${formatBytes(d.limitBytes)}. Send a smaller body or fewer ` +
          'headers.',
  },
  cross_origin_caller: {
    status: 403,
    message: () =>
      'This sender only answers pages of this tutorial. Open the ' +
      'tutorial at its own address and send from there.',
  },
  rate_limited: {
    status: 429,
    message: (d: { perMinute: number; retryAfterSeconds: number }) =>
      `This tutorial sends at most ${d.perMinute} requests a minute from ` +
      'one place, and that many were just sent. Wait ' +
      `${formatSeconds(d.retryAfterSeconds * 1000)}, then send again.`,
  },
  request_timeout: {
    status: 408,
    message: (d: { timeoutMs: number }) =>
      'Your request reached this tutorial too slowly: it was still ' +
      `arriving after ${formatSeconds(d.timeoutMs)}. The slow side is ` +
      'the connection between your browser and the tutorial; check it ' +
      'and send again.',
  },
  link_local_refused: {
    status: 403,
    message: (d: { host: string; address: string }) =>
      `${d.host} leads to ${d.address}, a link-local or cloud metadata ` +
      'address, and the sender never connects to those. If this really ' +
      'is your BigID server, the operator can allow it with ' +
      'SEND_ALLOW_LINK_LOCAL=true.',
  },
  dns_failure: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `The host name ${d.host} could not be found. Check its spelling ` +
      'in the URL.',
  },
  connection_refused: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `${d.origin} refused the connection. Check the port in the URL ` +
      'and that the server is running.',
  },
  connection_reset: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `The connection to ${d.origin} closed before a full answer ` +
      'arrived. Send again; if it keeps happening, the server may be ' +
      'restarting or overloaded.',
  },
  host_unreachable: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `${d.origin} cannot be reached from here. Check the host in the ` +
      'URL, or try again later.',
  },
  tls_failure: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `A secure (TLS) connection to ${d.origin} could not be set up: ` +
      'the certificate is not trusted, or the server does not speak ' +
      'HTTPS on that port. Check the address, or use http:// if the ' +
      'server has no TLS.',
  },
  invalid_upstream_response: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `${d.origin} answered with something that is not valid HTTP. ` +
      'Check that the URL points at an HTTP API.',
  },
  upstream_headers_too_large: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `${d.origin} answered with more header data than the sender reads ` +
      '(16 KiB): too many headers, or one that is too long. The server ' +
      'is at fault, not your request; ask its operator to send fewer ' +
      'or shorter headers.',
  },
  upstream_body_incomplete: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `${d.origin} started its answer, then closed the connection before ` +
      'the body was complete (or sent a different length than it ' +
      'announced). Send again; if it keeps happening, the server is ' +
      'failing mid-answer.',
  },
  upstream_body_undecodable: {
    status: 502,
    message: (d: { encoding: string }) =>
      `The server said its answer was compressed as "${d.encoding}", ` +
      'but it could not be decompressed. Send again without an ' +
      'Accept-Encoding header to ask for an uncompressed answer.',
  },
  upstream_connect_timeout: {
    status: 504,
    message: (d: UpstreamDetails) =>
      `${d.origin} did not accept a connection within ` +
      `${formatSeconds(d.timeoutMs)}. The server side is slow or ` +
      'unreachable: check the host and port in the URL and that the ' +
      'server is up.',
  },
  upstream_headers_timeout: {
    status: 504,
    message: (d: UpstreamDetails) =>
      `${d.origin} took the request but did not start answering within ` +
      `${formatSeconds(d.timeoutMs)}. The server is slow, not your ` +
      'connection: send again later, or ask for less (a smaller page).',
  },
  upstream_body_timeout: {
    status: 504,
    message: (d: UpstreamDetails) =>
      `${d.origin} started answering, then sent nothing for ` +
      `${formatSeconds(d.timeoutMs)}. The server stalled mid-answer: ` +
      'send again, or ask for less (a smaller page).',
  },
  upstream_timeout: {
    status: 504,
    message: (d: UpstreamDetails) =>
      `${d.origin} did not finish answering within ` +
      `${formatSeconds(d.timeoutMs)}, the longest the sender waits for ` +
      'one request. The server is slow, not your connection: send ' +
      'again, or ask for less (a smaller page).',
  },
  request_cancelled: {
    status: 499,
    message: () =>
      'The request was cancelled before an answer arrived. Send it ' +
      'again when you are ready.',
  },
  upstream_failed: {
    status: 502,
    message: (d: UpstreamDetails) =>
      `The request to ${d.origin} failed for an unexpected reason. Send ` +
      'again; if it keeps failing, report the cause shown with this ' +
      'message.',
  },
  internal_error: {
    status: 500,
    message: () =>
      'The sender hit an unexpected problem. Send again; if it keeps ' +
      'failing, report it to the tutorial team.',
  },
} as const satisfies Record<string, CatalogueEntry>

/** What every upstream failure message may name. */
export interface UpstreamDetails {
  readonly origin: string
  readonly host: string
  readonly timeoutMs: number
}

interface CatalogueEntry {
  status: number
  message: (details: never) => string
}

export type SendErrorCode = keyof typeof catalogue

type DetailsOf<C extends SendErrorCode> = Parameters<
  (typeof catalogue)[C]['message']
>

export const SEND_ERROR_CODES = Object.keys(catalogue) as SendErrorCode[]

export function statusOf(code: SendErrorCode): number {
  return catalogue[code].status
}

/** A failure with a stable code, its HTTP status and the learner's message. */
export class SendError extends Error {
  readonly code: SendErrorCode
  readonly status: number
  /** The platform's own code (ECONNREFUSED, UND_ERR_…), shown as data. */
  readonly causeCode: string | undefined
  /** For `rate_limited`: the Retry-After the route sends, in seconds. */
  readonly retryAfterSeconds: number | undefined

  constructor(
    code: SendErrorCode,
    message: string,
    options: {
      cause?: unknown
      causeCode?: string
      retryAfterSeconds?: number
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'SendError'
    this.code = code
    this.status = catalogue[code].status
    this.causeCode = options.causeCode
    this.retryAfterSeconds = options.retryAfterSeconds
  }

  /** The same failure, keeping what caused it. */
  withCause(cause: unknown, causeCode?: string): SendError {
    return new SendError(this.code, this.message, {
      cause,
      causeCode,
      retryAfterSeconds: this.retryAfterSeconds,
    })
  }
}

/** A 429 that tells the caller when to come back. */
export function createRateLimitedError(
  perMinute: number,
  retryAfterSeconds: number,
): SendError {
  const { message } = createSendError('rate_limited', {
    perMinute,
    retryAfterSeconds,
  })
  return new SendError('rate_limited', message, { retryAfterSeconds })
}

export function createSendError<C extends SendErrorCode>(
  code: C,
  ...details: DetailsOf<C>
): SendError {
  const message = (
    catalogue[code].message as (...args: DetailsOf<C>) => string
  )(...details)
  return new SendError(code, message)
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SendError }

export function succeed<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<C extends SendErrorCode>(
  code: C,
  ...details: DetailsOf<C>
): { ok: false; error: SendError } {
  return { ok: false, error: createSendError(code, ...details) }
}

/** The JSON a learner sees for a failure: never a stack or raw message. */
export function toErrorPayload(error: SendError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.causeCode === undefined ? {} : { cause: error.causeCode }),
    },
  }
}

/** Notes attached to a successful reply: what the sender changed or cut. */
export const notes = {
  headerStripped: (name: string, reason: StripReason) => ({
    code: 'header_stripped' as const,
    message: `The "${name}" header was not sent: ${stripReasons[reason]}`,
  }),
  responseTruncated: (limitBytes: number) => ({
    code: 'response_truncated' as const,
    message:
      `The answer was longer than ${formatBytes(limitBytes)}, so only ` +
      'its start is shown. Ask for less, for example with a smaller ' +
      'page size.',
  }),
  bodyNotDecoded: (encoding: string) => ({
    code: 'body_not_decoded' as const,
    message:
      `The answer is compressed as "${encoding}", which the sender ` +
      'cannot decompress, so it is shown as base64 as received. Send ' +
      'without an Accept-Encoding header to get it uncompressed.',
  }),
}

export type SendNote = ReturnType<(typeof notes)[keyof typeof notes]>

const stripReasons = {
  'hop-by-hop':
    'it only concerns a single connection, and the sender manages its ' +
    'own connection.',
  computed: 'the sender sets it itself from the URL and the body you wrote.',
  'app-context':
    "it would carry this app's own browser context, which is never " +
    'passed on.',
  'proxy-identity':
    'it claims to describe a proxy or the original client, which the ' +
    'sender does not forward.',
  unsupported: 'the sender does not support it.',
} as const

export type StripReason = keyof typeof stripReasons

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) {
    return `${bytes / (1024 * 1024)} MiB`
  }
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return seconds === 1 ? '1 second' : `${Number(seconds.toFixed(2))} seconds`
}

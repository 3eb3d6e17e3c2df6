import 'server-only'
import { getSandbox } from '@/lib/sandbox/instance'
import { identifyClient } from '@/lib/send/client-identity'
import {
  createSendError,
  type SendError,
  toErrorPayload,
} from '@/lib/send/errors'
import { createForwarder } from '@/lib/send/forward'
import {
  checkCaller,
  readJsonBody,
  resolveOwnOrigin,
  toJsonResponse,
} from '@/lib/send/incoming'
import { formatSendLogLine, writeSendLog } from '@/lib/send/log'
import {
  createSendRateLimiter,
  type SendRateLimiter,
} from '@/lib/send/rate-limit'
import {
  createSend,
  failBeforeSending,
  type SendOutcome,
} from '@/lib/send/send'
import { loadSendSettings } from '@/lib/send/settings'

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

// Read once when the route loads: a bad setting fails loudly, naming itself.
const settings = loadSendSettings(process.env)
const send = createSend(
  settings,
  createForwarder(
    settings,
    settings.isSandboxInProcess ? { sandbox: getSandbox() } : {},
  ),
)

// Made on the first send, so loading the route (as `next build` does)
// never opens a connection to Redis.
let rateLimiter: SendRateLimiter | undefined
function getRateLimiter(): SendRateLimiter {
  rateLimiter ??= createSendRateLimiter(settings, {
    onStoreError: (error) => {
      const code = 'code' in error ? String(error.code) : error.name
      process.stderr.write(
        `send rate-limit store unavailable (${code}): counting in memory ` +
          'per process until it is back\n',
      )
    },
  })
  return rateLimiter
}

export async function POST(request: Request): Promise<Response> {
  const startedAt = performance.now()
  const outcome = await sendFrom(request, startedAt).catch((error: unknown) => {
    // A bug, not a learner's mistake: keep the stack for the operator only.
    console.error('send internal_error', error)
    const failure = createSendError('internal_error').withCause(error)
    return failBeforeSending(failure, startedAt)
  })

  writeSendLog(
    formatSendLogLine({
      ...outcome.summary,
      outcome: outcome.ok ? outcome.reply.status : outcome.error.code,
    }),
  )
  return outcome.ok
    ? toJsonResponse(200, outcome.reply)
    : toJsonResponse(
        outcome.error.status,
        toErrorPayload(outcome.error),
        retryAfterHeader(outcome.error),
      )
}

async function sendFrom(
  request: Request,
  startedAt: number,
): Promise<SendOutcome> {
  const ownOrigin = resolveOwnOrigin(request, settings.publicOrigin)
  const caller = checkCaller(request.headers, ownOrigin)
  if (!caller.ok) return failBeforeSending(caller.error, startedAt)

  const client = identifyClient(request.headers, settings.trustProxyHops)
  const allowed = await getRateLimiter().take(client.key)
  if (!allowed.ok) return failBeforeSending(allowed.error, startedAt)

  const input = await readJsonBody(
    request,
    settings.maxEnvelopeBytes,
    settings.timeoutMs,
  )
  if (!input.ok) return failBeforeSending(input.error, startedAt)
  return send(input.value, { ownOrigin, signal: request.signal })
}

function retryAfterHeader(error: SendError): Record<string, string> {
  return error.retryAfterSeconds === undefined
    ? {}
    : { 'retry-after': String(error.retryAfterSeconds) }
}

// Anything but POST gets the same JSON error shape, with Allow, so a
// curious visitor learns how the route is used.
function refuseMethod(): Response {
  const response = toJsonResponse(
    405,
    toErrorPayload(createSendError('route_method_not_allowed')),
  )
  response.headers.set('allow', 'POST')
  return response
}

// OPTIONS too: Next would otherwise answer it by itself with 204 and an
// Allow listing every method. No CORS headers either way.
export {
  refuseMethod as GET,
  refuseMethod as PUT,
  refuseMethod as PATCH,
  refuseMethod as DELETE,
  refuseMethod as OPTIONS,
}

import 'server-only'
import { createSendError, toErrorPayload } from '@/lib/send/errors'
import { createForwarder } from '@/lib/send/forward'
import {
  checkCaller,
  readJsonBody,
  resolveOwnOrigin,
  toJsonResponse,
} from '@/lib/send/incoming'
import { formatSendLogLine, writeSendLog } from '@/lib/send/log'
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
const send = createSend(settings, createForwarder(settings))

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
    : toJsonResponse(outcome.error.status, toErrorPayload(outcome.error))
}

async function sendFrom(
  request: Request,
  startedAt: number,
): Promise<SendOutcome> {
  const ownOrigin = resolveOwnOrigin(request, settings.publicOrigin)
  const caller = checkCaller(request.headers, ownOrigin)
  if (!caller.ok) return failBeforeSending(caller.error, startedAt)

  const input = await readJsonBody(request, settings.maxEnvelopeBytes)
  if (!input.ok) return failBeforeSending(input.error, startedAt)
  return send(input.value, { ownOrigin, signal: request.signal })
}

import type {
  Exchange,
  OutgoingRequest,
  SendFailure,
  SendOutcome,
} from '@/lib/exchange/types'
import { messages } from '@/lib/messages'

export async function sendRequest(
  request: OutgoingRequest,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  let response: Response
  try {
    response = await fetch('/api/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal,
    })
  } catch (error) {
    if (signal?.aborted) return fail('cancelled', messages.send.cancelled)
    return fail('app_unreachable', messages.send.appUnreachable, error)
  }

  let reply: unknown
  try {
    reply = await response.json()
  } catch (error) {
    return fail('bad_reply', messages.send.badReply, error)
  }

  if (response.ok && isExchange(reply)) return { ok: true, exchange: reply }
  const failure = readFailure(reply)
  if (failure) return { ok: false, failure }
  return fail('bad_reply', messages.send.badReply)
}

function fail(code: string, message: string, cause?: unknown): SendOutcome {
  // The cause stays in the browser's devtools; the learner sees the message.
  if (cause !== undefined) console.warn(`send: ${code}`, cause)
  return { ok: false, failure: { code, message } }
}

function isExchange(value: unknown): value is Exchange {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.body === 'string' &&
    Array.isArray(candidate.headers)
  )
}

export function readFailure(value: unknown): SendFailure | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const error = (value as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { code, message } = error as Record<string, unknown>
  if (typeof code !== 'string' || typeof message !== 'string') return undefined
  return { code, message }
}

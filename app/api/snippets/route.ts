import 'server-only'
import { toErrorPayload } from '@/lib/send/errors'
import {
  checkCaller,
  readJsonBody,
  resolveOwnOrigin,
  toJsonResponse,
} from '@/lib/send/incoming'
import { loadSendSettings } from '@/lib/send/settings'
import { createSnippets } from '@/lib/snippets/create'

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

// Snippets are written here rather than in the browser: httpsnippet is
// built on Node's legacy url module, which a browser bundle replaces with
// a look-alike, and the code must follow Send's own header rules, which
// are server code. The body is what the page would post to /api/send.
const settings = loadSendSettings(process.env)

export async function POST(request: Request): Promise<Response> {
  const ownOrigin = resolveOwnOrigin(request, settings.publicOrigin)
  const caller = checkCaller(request.headers, ownOrigin)
  if (!caller.ok) {
    return toJsonResponse(caller.error.status, toErrorPayload(caller.error))
  }

  const input = await readJsonBody(
    request,
    settings.maxEnvelopeBytes,
    settings.timeoutMs,
  )
  if (!input.ok) {
    return toJsonResponse(input.error.status, toErrorPayload(input.error))
  }
  const result = createSnippets(input.value, { ownOrigin, settings })
  return result.ok
    ? toJsonResponse(200, result.value)
    : toJsonResponse(result.error.status, toErrorPayload(result.error))
}

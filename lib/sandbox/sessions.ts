import 'server-only'
import { bigidMessages } from '@/lib/bigid/messages'
import type { SessionSuccess } from '@/lib/bigid/sessions'
import type { SandboxContext } from './context'
import { isRecord } from './json'
import { sandboxMessages } from './messages'
import { readJsonBody } from './request-body'
import { jsonReply, type Reply } from './wire'

/**
 * `POST /api/v1/sessions`. BigID answers bad credentials with HTTP 200 and
 * `success: false`; missing fields, or a body sent without a JSON
 * Content-Type (Express leaves it unparsed), get that same answer.
 */
export async function answerSessions(
  request: Request,
  context: SandboxContext,
): Promise<Reply> {
  const body = await readJsonBody(request, { isJsonTypeRequired: true })
  if (body.kind === 'too-large') {
    return jsonReply(413, {
      success: false,
      message: sandboxMessages.bodyTooLarge,
    })
  }
  if (body.kind === 'malformed') {
    return jsonReply(400, {
      success: false,
      message: sandboxMessages.malformedJson(body.detail),
    })
  }

  const fields = isRecord(body.value) ? body.value : {}
  const user = context.users.authenticate(fields.username, fields.password)
  if (user === undefined) {
    return jsonReply(200, {
      success: false,
      message: bigidMessages.sessionFailure,
    })
  }

  const success: SessionSuccess = {
    success: true,
    message: bigidMessages.sessionSuccess,
    auth_token: await context.tokens.issueSessionToken(user),
    username: user.username,
    firstName: user.firstName,
    permissions: [...user.permissions],
    email: user.email,
    isPasswordChangeNeeded: false,
    lastName: user.lastName,
  }
  return jsonReply(200, success)
}

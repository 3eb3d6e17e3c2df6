import 'server-only'
import { bigidMessages } from '@/lib/bigid/messages'
import type { RefreshSuccess } from '@/lib/bigid/refresh-access-token'
import { readPresentedToken } from './authorization'
import type { SandboxContext } from './context'
import { jsonReply, type Reply } from './wire'

/**
 * `GET /api/v1/refresh-access-token`: a user token, raw in Authorization,
 * for a systemToken. Every failure is HTTP 200. A token that is not a JWT
 * at all is "Failed to authenticate token."; a JWT that is not a live user
 * token of ours (bad signature, expired, an access token, a user who is no
 * longer configured) is "Refresh token not valid".
 */
export async function answerRefreshAccessToken(
  request: Request,
  context: SandboxContext,
): Promise<Reply> {
  const fail = (message: string) => jsonReply(200, { success: false, message })

  const token = readPresentedToken(request, context.isBearerAccepted)
  if (token === undefined) return fail(bigidMessages.tokenFailure)

  const check = await context.tokens.checkToken(token)
  if (!check.ok && check.reason === 'malformed') {
    return fail(bigidMessages.tokenFailure)
  }
  const user =
    check.ok && check.kind === 'refresh'
      ? context.users.find(check.claims.user_name)
      : undefined
  if (user === undefined) return fail(bigidMessages.refreshTokenNotValid)

  const success: RefreshSuccess = {
    success: true,
    systemToken: await context.tokens.issueSystemToken(user),
  }
  return jsonReply(200, success)
}

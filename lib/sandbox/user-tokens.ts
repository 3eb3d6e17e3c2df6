import 'server-only'
import type { SandboxContext } from './context'
import { isRecord } from './json'
import { sandboxMessages } from './messages'
import { readJsonBody } from './request-body'
import { isLifetimeDays } from './user-token-input'
import { jsonReply, type Reply } from './wire'

/** Stable codes of the sandbox's own user-token endpoint. */
export type UserTokenErrorCode =
  | 'body_too_large'
  | 'invalid_json'
  | 'invalid_body'
  | 'unknown_user'
  | 'invalid_days'
  | 'cross_site'

/**
 * `POST /api/sandbox/user-tokens`: the sandbox's stand-in for BigID's
 * Administration → Access Management → Generate. Not a BigID endpoint.
 * It takes no credentials, like the screen that calls it: anyone who can
 * reach the sandbox can mint a token for any sandbox user.
 */
export async function issueUserToken(
  request: Request,
  context: SandboxContext,
): Promise<Reply> {
  const fail = (status: number, code: UserTokenErrorCode, message: string) =>
    jsonReply(status, { success: false, code, message })

  // A token-minting endpoint with no credentials must not be usable from
  // other sites' pages: browsers say where a call comes from.
  if (isCrossSite(request)) {
    return fail(403, 'cross_site', sandboxMessages.crossSiteUserToken)
  }

  const body = await readJsonBody(request, { isJsonTypeRequired: false })
  if (body.kind === 'too-large') {
    return fail(413, 'body_too_large', sandboxMessages.bodyTooLarge)
  }
  if (body.kind === 'malformed') {
    const message = sandboxMessages.malformedUserTokenJson(body.detail)
    return fail(400, 'invalid_json', message)
  }
  if (!isRecord(body.value)) {
    return fail(400, 'invalid_body', sandboxMessages.userTokenBodyNotObject)
  }

  const { username, days } = body.value
  const user =
    typeof username === 'string' ? context.users.find(username) : undefined
  if (user === undefined) {
    return fail(400, 'unknown_user', sandboxMessages.userTokenUnknownUser)
  }
  if (!isLifetimeDays(days)) {
    return fail(400, 'invalid_days', sandboxMessages.userTokenInvalidDays)
  }

  const issued = await context.tokens.issueUserToken(user.username, days)
  return jsonReply(200, {
    userToken: issued.token,
    expiresAt: issued.expiresAt.toISOString(),
  })
}

function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return true
  const origin = request.headers.get('origin')
  const host = request.headers.get('host')
  if (origin === null || host === null) return false
  return !URL.canParse(origin) || new URL(origin).host !== host
}

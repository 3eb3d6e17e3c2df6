import 'server-only'
import { bigidMessages } from '@/lib/bigid/messages'
import type { SandboxContext } from './context'
import { sandboxMessages } from './messages'
import { jsonReply, type Reply } from './wire'

/** The fixed token BigID's tutorials use against the training sandbox. */
export const sampleToken = 'SAMPLE'

/**
 * The token as sent. BigID wants it raw; `Bearer ` stays part of it, and so
 * fails, unless the setting says to strip it.
 */
export function readPresentedToken(
  request: Request,
  isBearerAccepted: boolean,
): string | undefined {
  const header = request.headers.get('authorization')?.trim() ?? ''
  if (header === '') return undefined
  const bearer = isBearerAccepted ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return bearer?.[1] ?? header
}

export type AccessCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reply: Reply }

/** The guard of every data endpoint: an access token, or SAMPLE. */
export async function checkAccess(
  request: Request,
  context: SandboxContext,
): Promise<AccessCheck> {
  const refuse = (message: string): AccessCheck => ({
    ok: false,
    reply: jsonReply(401, { success: false, message }),
  })

  const token = readPresentedToken(request, context.isBearerAccepted)
  if (token === undefined) return refuse(bigidMessages.tokenFailure)
  if (token === sampleToken && context.isSampleAccepted) return { ok: true }

  const check = await context.tokens.checkToken(token)
  if (check.ok && check.kind === 'access') return { ok: true }
  if (check.ok && check.kind === 'refresh') {
    return refuse(sandboxMessages.userTokenNotExchanged)
  }
  return refuse(bigidMessages.tokenFailure)
}

import 'server-only'
import { checkAccess } from './authorization'
import type { SandboxContext } from './context'
import type { Reply } from './wire'

/**
 * `GET /api/v1/ds_connections` (underscore): the older list, newest first,
 * with no envelope. Its query parameters are not emulated.
 */
export async function listDsConnectionsLegacy(
  request: Request,
  context: SandboxContext,
): Promise<Reply> {
  const access = await checkAccess(request, context)
  if (!access.ok) return access.reply
  return { status: 200, body: context.catalogue.legacyBody() }
}

import 'server-only'
import { checkAccess } from './authorization'
import type { SandboxContext } from './context'
import { sandboxMessages } from './messages'
import type { RouteParams } from './router'
import { jsonReply, type Reply } from './wire'

/** `GET /api/v1/ds_connections/{name}`: one source by its exact name. */
export async function getDsConnection(
  request: Request,
  context: SandboxContext,
  params: RouteParams,
): Promise<Reply> {
  const access = await checkAccess(request, context)
  if (!access.ok) return access.reply

  const name = params.name ?? ''
  const entry = context.catalogue.find(name)
  if (entry === undefined) {
    return jsonReply(400, {
      status: 'error',
      statusCode: 400,
      message: sandboxMessages.unknownConnection(name),
    })
  }
  return { status: 200, body: `{"ds_connection":${entry.json}}` }
}

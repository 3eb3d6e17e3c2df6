import 'server-only'
import type { SandboxContext } from './context'
import { jsonReply, type Reply } from './wire'

/**
 * `GET /api/sandbox/users`: the usernames the Access Management screen
 * offers. Not a BigID endpoint; it never lists passwords.
 */
export async function listSandboxUsers(
  _request: Request,
  context: SandboxContext,
): Promise<Reply> {
  return jsonReply(200, { users: context.users.usernames })
}

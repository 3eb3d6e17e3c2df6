import type { Catalogue } from './catalogue'
import type { RouteParams } from './router'
import type { TokenService } from './tokens'
import type { UserDirectory } from './users'
import type { Reply } from './wire'

/** What every endpoint may use; built once per sandbox. */
export type SandboxContext = {
  readonly users: UserDirectory
  readonly tokens: TokenService
  readonly catalogue: Catalogue
  readonly isBearerAccepted: boolean
  readonly isSampleAccepted: boolean
}

export type Endpoint = (
  request: Request,
  context: SandboxContext,
  params: RouteParams,
) => Promise<Reply>

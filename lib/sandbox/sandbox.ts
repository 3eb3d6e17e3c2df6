import 'server-only'
import { createCatalogue } from './catalogue'
import { defaultBasePath, type SandboxConfig } from './config'
import type { Endpoint, SandboxContext } from './context'
import { getDsConnection } from './ds-connection'
import { listDsConnections } from './ds-connections'
import { listDsConnectionsLegacy } from './ds-connections-legacy'
import { generateSources } from './generated-sources'
import { answerRefreshAccessToken } from './refresh-access-token'
import { matchRoute } from './router'
import { listSandboxUsers } from './sandbox-users'
import { seedConnections } from './seed'
import { answerSessions } from './sessions'
import { createTokenService } from './tokens'
import { issueUserToken } from './user-tokens'
import { createUserDirectory } from './users'
import {
  cannotRouteText,
  expressErrorResponse,
  preflightResponse,
  toResponse,
} from './wire'

export type Sandbox = (request: Request) => Promise<Response>

type Route = {
  readonly method: 'GET' | 'POST'
  readonly pattern: string
  readonly endpoint: Endpoint
}

const routes: readonly Route[] = [
  { method: 'POST', pattern: '/api/v1/sessions', endpoint: answerSessions },
  {
    method: 'GET',
    pattern: '/api/v1/refresh-access-token',
    endpoint: answerRefreshAccessToken,
  },
  {
    method: 'GET',
    pattern: '/api/v1/ds-connections',
    endpoint: listDsConnections,
  },
  {
    method: 'GET',
    pattern: '/api/v1/ds_connections',
    endpoint: listDsConnectionsLegacy,
  },
  {
    method: 'GET',
    pattern: '/api/v1/ds_connections/:name',
    endpoint: getDsConnection,
  },
  {
    method: 'POST',
    pattern: '/api/sandbox/user-tokens',
    endpoint: issueUserToken,
  },
  { method: 'GET', pattern: '/api/sandbox/users', endpoint: listSandboxUsers },
]

/**
 * The sandbox as one request-to-response function. Everything costly (the
 * source list, its JSON, the signing key) is prepared here, once.
 */
export function createSandbox(config: SandboxConfig): Sandbox {
  const clock = config.clock ?? Date.now
  const basePath = config.basePath ?? defaultBasePath
  const context: SandboxContext = {
    users: createUserDirectory(config.users),
    tokens: createTokenService(config.jwtSecret, clock),
    catalogue: createCatalogue([
      ...seedConnections,
      ...generateSources(config.extraSources),
    ]),
    isBearerAccepted: config.isBearerAccepted,
    isSampleAccepted: config.isSampleAccepted,
  }

  return async (request) => {
    if (request.method === 'OPTIONS') return preflightResponse(request)

    const pathname = new URL(request.url).pathname
    const path = pathname.startsWith(`${basePath}/`)
      ? pathname.slice(basePath.length)
      : undefined
    const match =
      path === undefined
        ? ({ kind: 'not-found' } as const)
        : matchRoute(routes, request.method, path)

    if (match.kind === 'bad-param') {
      return expressErrorResponse(request, 400)
    }
    if (match.kind === 'not-found') {
      const text = cannotRouteText(request.method, path ?? pathname)
      return expressErrorResponse(request, 404, text)
    }

    const reply = await match.route.endpoint(request, context, match.params)
    return toResponse(request, reply, { basePath, nowMs: clock() })
  }
}

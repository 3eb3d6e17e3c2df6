export type RouteParams = Readonly<Record<string, string>>

export type RoutePattern = {
  readonly method: string
  /** Literal segments and `:name` parameters, e.g. `/api/v1/items/:name`. */
  readonly pattern: string
}

export type RouteMatch<Route> =
  | {
      readonly kind: 'found'
      readonly route: Route
      readonly params: RouteParams
    }
  | { readonly kind: 'not-found' }
  /** A parameter that does not percent-decode; Express answers 400. */
  | { readonly kind: 'bad-param' }

/**
 * Express's default matching: case-insensitive, a trailing slash ignored,
 * parameters one non-empty segment, percent-decoded. HEAD uses GET routes.
 */
export function matchRoute<Route extends RoutePattern>(
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch<Route> {
  const wanted = method === 'HEAD' ? 'GET' : method
  const segments = splitPath(path)

  for (const route of routes) {
    if (route.method !== wanted) continue
    const params = matchSegments(splitPath(route.pattern), segments)
    if (params === 'bad-param') return { kind: 'bad-param' }
    if (params !== undefined) return { kind: 'found', route, params }
  }
  return { kind: 'not-found' }
}

function splitPath(path: string): string[] {
  const trimmed =
    path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  return trimmed.split('/')
}

function matchSegments(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | 'bad-param' | undefined {
  if (pattern.length !== segments.length) return undefined

  const params: Record<string, string> = {}
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? ''
    if (part.startsWith(':')) {
      if (segment === '') return undefined
      const decoded = decodeSegment(segment)
      if (decoded === undefined) return 'bad-param'
      params[part.slice(1)] = decoded
    } else if (part.toLowerCase() !== segment.toLowerCase()) {
      return undefined
    }
  }
  return params
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch (error) {
    if (error instanceof URIError) return undefined
    throw error
  }
}

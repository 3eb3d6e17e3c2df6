import { describe, expect, it } from 'vitest'
import { matchRoute } from './router'

const routes = [
  { method: 'GET', pattern: '/api/v1/items', id: 'list' },
  { method: 'GET', pattern: '/api/v1/items/:name', id: 'one' },
  { method: 'POST', pattern: '/api/v1/items', id: 'create' },
] as const

function matchedId(method: string, path: string): string | undefined {
  const match = matchRoute(routes, method, path)
  return match.kind === 'found' ? match.route.id : match.kind
}

describe('router', () => {
  it('matches by method and path', () => {
    expect(matchedId('GET', '/api/v1/items')).toBe('list')
    expect(matchedId('POST', '/api/v1/items')).toBe('create')
    expect(matchedId('DELETE', '/api/v1/items')).toBe('not-found')
  })

  it('answers HEAD with the GET route', () => {
    expect(matchedId('HEAD', '/api/v1/items')).toBe('list')
  })

  it('ignores case and one trailing slash, as Express does', () => {
    expect(matchedId('GET', '/API/V1/Items/')).toBe('list')
    expect(matchedId('GET', '/api/v1/items//')).toBe('not-found')
  })

  it('decodes a parameter and keeps its case', () => {
    const match = matchRoute(routes, 'GET', '/api/v1/items/Sales%20Drive')
    expect(match).toMatchObject({
      kind: 'found',
      params: { name: 'Sales Drive' },
    })
  })

  it('wants a parameter to be one non-empty segment', () => {
    expect(matchedId('GET', '/api/v1/items/a/b')).toBe('not-found')
    expect(matchedId('GET', '/api/v1/items/%2F')).toBe('one')
  })

  it('reports a parameter that does not decode', () => {
    expect(matchedId('GET', '/api/v1/items/%zz')).toBe('bad-param')
  })
})

import { describe, expect, it } from 'vitest'
import { POST } from './route'

const origin = 'http://127.0.0.1:3000'

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${origin}/api/snippets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      host: '127.0.0.1:3000',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('app/api/snippets/route.ts', () => {
  it('answers the request as code in every language', async () => {
    const response = await POST(
      post({
        method: 'POST',
        url: `${origin}/sandbox/api/v1/sessions`,
        headers: [['Content-Type', 'application/json']],
        body: '{"username":"bigid","password":"learner"}',
      }),
    )
    expect(response.status).toBe(200)
    const reply = await response.json()
    expect(reply.snippets.curl.code).toContain(
      `--url ${origin}/sandbox/api/v1/sessions`,
    )
    expect(reply.snippets.python.code).toContain('http.client')
  })

  it('refuses a page on another site', async () => {
    const response = await POST(
      post(
        { method: 'GET', url: `${origin}/sandbox/x` },
        {
          origin: 'https://elsewhere.example',
        },
      ),
    )
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('cross_origin_caller')
  })

  it('answers a body that is not JSON with 400', async () => {
    const response = await POST(post('{'))
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_json')
  })
})

import { describe, expect, it } from 'vitest'
import { bodyLimitBytes, readJsonBody } from './request-body'

function post(body: BodyInit | null, type = 'application/json'): Request {
  return new Request('http://127.0.0.1/x', {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  })
}

const required = { isJsonTypeRequired: true }

describe('request-body', () => {
  it('parses JSON sent as application/json with a charset', async () => {
    const request = post('{"a":1}', 'Application/JSON; charset=utf-8')
    expect(await readJsonBody(request, required)).toEqual({
      kind: 'parsed',
      value: { a: 1 },
    })
  })

  it('leaves a body of another type unread when JSON is required', async () => {
    expect(await readJsonBody(post('{"a":1}', 'text/plain'), required)).toEqual(
      { kind: 'parsed', value: undefined },
    )
  })

  it('parses any type when JSON is not required', async () => {
    const options = { isJsonTypeRequired: false }
    expect(await readJsonBody(post('{"a":1}', 'text/plain'), options)).toEqual({
      kind: 'parsed',
      value: { a: 1 },
    })
  })

  it('reads an empty body as no value', async () => {
    expect(await readJsonBody(post(null), required)).toEqual({
      kind: 'parsed',
      value: undefined,
    })
  })

  it('reports malformed JSON with the parser message', async () => {
    const result = await readJsonBody(post('{'), required)
    expect(result.kind).toBe('malformed')
  })

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const fits = `"${'x'.repeat(bodyLimitBytes - 2)}"`
    expect((await readJsonBody(post(fits), required)).kind).toBe('parsed')
    const over = `"${'x'.repeat(bodyLimitBytes - 1)}"`
    expect(await readJsonBody(post(over), required)).toEqual({
      kind: 'too-large',
    })
  })

  it('stops reading a streamed body once it passes the limit', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(64 * 1024))
      },
    })
    const request = new Request('http://127.0.0.1/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await readJsonBody(request, required)).toEqual({ kind: 'too-large' })
    expect(pulled).toBeLessThan(5)
  })
})

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  createSendError,
  SEND_ERROR_CODES,
  statusOf,
  toErrorPayload,
} from './errors'

describe('the catalogue', () => {
  it('gives every code a snake_case name and a 4xx or 5xx status', () => {
    for (const code of SEND_ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
      expect(statusOf(code)).toBeGreaterThanOrEqual(400)
      expect(statusOf(code)).toBeLessThan(600)
    }
  })

  it('answers a policy refusal with 4xx and an upstream failure with 5xx', () => {
    expect(statusOf('target_not_allowed')).toBe(403)
    expect(statusOf('cross_origin_caller')).toBe(403)
    expect(statusOf('request_too_large')).toBe(413)
    expect(statusOf('connection_refused')).toBe(502)
    expect(statusOf('upstream_timeout')).toBe(504)
  })

  it('is documented code by code, with each status, in docs/send.md', () => {
    const docs = readFileSync(
      fileURLToPath(new URL('../../docs/send.md', import.meta.url)),
      'utf8',
    )
    for (const code of SEND_ERROR_CODES) {
      const cell = (text: string) => `\\|\\s*${text}\\s*`
      const row = new RegExp(
        `${cell(`\`${code}\``)}${cell(String(statusOf(code)))}\\|`,
      )
      expect(docs).toMatch(row)
    }
  })

  it('puts code, message and cause code in the payload, never a stack', () => {
    const reset = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
    })
    const mapped = createSendError('connection_reset', {
      origin: 'https://bigid.example',
      host: 'bigid.example',
      timeoutMs: 15_000,
    }).withCause(reset, 'ECONNRESET')
    const payload = toErrorPayload(mapped)
    expect(payload).toEqual({
      error: {
        code: 'connection_reset',
        message: mapped.message,
        cause: 'ECONNRESET',
      },
    })
    expect(JSON.stringify(payload)).not.toContain('    at ')
  })

  it('leaves the cause out when there is none', () => {
    expect(toErrorPayload(createSendError('invalid_url'))).toEqual({
      error: { code: 'invalid_url', message: expect.any(String) },
    })
  })
})

import { describe, expect, it } from 'vitest'
import { loadSendSettings } from '@/lib/send/settings'
import { createSnippets } from './create'

const ownOrigin = 'http://127.0.0.1:3000'
const context = { ownOrigin, settings: loadSendSettings({}) }

describe('create.ts', () => {
  it('writes every language for a sandbox request, without the fragment', () => {
    const result = createSnippets(
      {
        method: 'get',
        url: `${ownOrigin}/sandbox/api/v1/ds-connections?limit=5#top`,
        headers: [['Authorization', 'SAMPLE']],
      },
      context,
    )
    if (!result.ok) throw result.error
    expect(result.value.request).toEqual({
      method: 'GET',
      url: `${ownOrigin}/sandbox/api/v1/ds-connections?limit=5`,
      headers: [['Authorization', 'SAMPLE']],
    })
    expect(Object.keys(result.value.snippets)).toEqual([
      'curl',
      'powershell',
      'python',
      'node',
    ])
  })

  it('leaves out the headers Send leaves out, and says so', () => {
    const result = createSnippets(
      {
        method: 'GET',
        url: `${ownOrigin}/sandbox/api/v1/ds-connections`,
        headers: [
          ['Cookie', 'a=b'],
          ['Authorization', 'SAMPLE'],
        ],
      },
      context,
    )
    if (!result.ok) throw result.error
    expect(result.value.request.headers).toEqual([['Authorization', 'SAMPLE']])
    expect(result.value.notes).toHaveLength(1)
    expect(result.value.notes[0]).toContain('"Cookie"')
    expect(result.value.snippets.curl.code).not.toContain('Cookie')
  })

  it('still writes code for a deployment Send may not reach, with a note', () => {
    const result = createSnippets(
      { method: 'GET', url: 'https://bigid.example.com/api/v1/ds-connections' },
      context,
    )
    if (!result.ok) throw result.error
    expect(result.value.notes[0]).toMatch(
      /^Send would refuse this request, so the code is only/,
    )
    expect(result.value.snippets.curl.code).toContain(
      '--url https://bigid.example.com/api/v1/ds-connections',
    )
  })

  it("refuses what Send cannot send at all, with Send's error", () => {
    const badHeader = createSnippets(
      { method: 'GET', url: `${ownOrigin}/sandbox/x`, headers: [['a b', 'c']] },
      context,
    )
    expect(badHeader.ok || badHeader.error.code).toBe('invalid_header_name')

    const bodyOnGet = createSnippets(
      { method: 'GET', url: `${ownOrigin}/sandbox/x`, body: 'x' },
      context,
    )
    expect(bodyOnGet.ok || bodyOnGet.error.code).toBe('body_not_allowed')

    const badUrl = createSnippets({ method: 'GET', url: 'ftp://x' }, context)
    expect(badUrl.ok || badUrl.error.code).toBe('unsupported_scheme')
  })
})

import { describe, expect, it } from 'vitest'
import type { OutgoingRequest } from '@/lib/exchange/types'
import { generateSnippet } from './generate'
import { snippetLanguages } from './languages'
import { snippetMessages } from './messages'

const login: OutgoingRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:3000/sandbox/api/v1/sessions',
  headers: [['Content-Type', 'application/json']],
  body: '{\n  "username": "bigid",\n  "password": "learner"\n}',
}

const list: OutgoingRequest = {
  method: 'GET',
  url: 'http://127.0.0.1:3000/sandbox/api/v1/ds-connections',
  headers: [['Authorization', '']],
}

describe('generate.ts', () => {
  it('writes curl with the body as --data-raw, byte for byte', () => {
    const { code } = generateSnippet(login, 'curl')
    expect(code).toBe(
      [
        'curl --request POST \\',
        '  --url http://127.0.0.1:3000/sandbox/api/v1/sessions \\',
        "  --header 'Content-Type: application/json' \\",
        "  --data-raw '{",
        '  "username": "bigid",',
        '  "password": "learner"',
        "}'",
      ].join('\n'),
    )
  })

  it('turns curl globbing off only for a URL with brackets or braces', () => {
    const filtered = { ...list, url: `${list.url}?filter=[{"a":1}]` }
    expect(generateSnippet(filtered, 'curl').code).toContain('--globoff')
    expect(generateSnippet(list, 'curl').code).not.toContain('--globoff')
  })

  it('sends an empty header with curl as "Name;"', () => {
    expect(generateSnippet(list, 'curl').code).toContain(
      "--header 'Authorization;'",
    )
  })

  it('keeps curl from labelling a body without a type as a form', () => {
    const bare = { ...login, headers: [] }
    expect(generateSnippet(bare, 'curl').code).toContain(
      "--header 'Content-Type:'",
    )
  })

  it('asks curl for HEAD with --head', () => {
    const head = { ...list, method: 'HEAD' }
    expect(generateSnippet(head, 'curl').code).toMatch(/^curl --head/)
  })

  it('quotes every PowerShell value so nothing in it expands', () => {
    const request = {
      ...login,
      headers: [
        ['Content-Type', 'application/json'],
        ['Authorization', "$token'`"],
      ] as [string, string][],
      body: `{"a": "it's $x"}`,
    }
    const { code } = generateSnippet(request, 'powershell')
    expect(code).toContain(`$headers.Add('Authorization', '$token''\`')`)
    expect(code).toContain(`-Body '{"a": "it''s $x"}'`)
    expect(code).toContain("-ContentType 'application/json'")
    expect(code).not.toContain("Add('Content-Type'")
    expect(code.endsWith('$response.Content')).toBe(true)
  })

  it('notes that PowerShell labels a body without a type as a form', () => {
    const bare = { ...login, headers: [] }
    const snippet = generateSnippet(bare, 'powershell')
    expect(snippet.notes).toEqual([snippetMessages.notes.powershellDefaultType])
    expect(snippet.code).not.toContain('-ContentType')
  })

  it('writes Python with http.client alone, sending UTF-8 bytes', () => {
    const { code } = generateSnippet(login, 'python')
    expect(code).toContain('import http.client')
    expect(code).not.toContain('requests')
    expect(code).toContain(
      'conn.request("POST", "/sandbox/api/v1/sessions", ' +
        'payload.encode("utf-8"), headers)',
    )
  })

  it('sends Node a body without a type as bytes, so fetch adds none', () => {
    const bare = { ...login, headers: [], body: 'x' }
    expect(generateSnippet(bare, 'node').code).toContain(
      "body: Buffer.from('x')",
    )
    expect(generateSnippet(login, 'node').code).toContain("body: '{\\n")
  })

  it('keeps a value that looks like a marker as it is', () => {
    const tricky = { ...login, body: 'xsnipxbx xsnipxh0x' }
    for (const { id } of snippetLanguages) {
      expect(generateSnippet(tricky, id).code).toContain('xsnipxbx xsnipxh0x')
    }
  })

  it('never points the code at the send route', () => {
    for (const { id } of snippetLanguages) {
      expect(generateSnippet(login, id).code).not.toContain('/api/send')
    }
  })

  it('notes repeated header names and values outside ASCII', () => {
    const request = {
      ...list,
      headers: [
        ['Authorization', 'a'],
        ['authorization', 'b'],
        ['X-City', 'Zürich'],
      ] as [string, string][],
    }
    const { notes } = generateSnippet(request, 'node')
    expect(notes).toEqual([
      snippetMessages.notes.duplicateHeader('authorization'),
      snippetMessages.notes.nonAsciiHeader('X-City'),
    ])
  })
})

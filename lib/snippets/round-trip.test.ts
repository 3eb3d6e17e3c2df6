import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HeaderPair } from '@/lib/exchange/types'
import { createForwarder, type Forwarder } from '@/lib/send/forward'
import { createSend, type Send } from '@/lib/send/send'
import { loadSendSettings, type SendSettings } from '@/lib/send/settings'
import { createSnippets } from './create'
import {
  type EchoedRequest,
  type EchoServer,
  startEchoServer,
} from './echo-server'
import type { SnippetLanguage } from './languages'
import { runnableLanguages, runSnippet } from './run-snippet'

// Every generated snippet is run against a loopback echo server, and what
// arrives is compared with what Send itself delivers for the same request.

const hostile = `it's "quoted" $HOME \`id\` !bang \\back`

type Case = {
  title: string
  method: string
  path: string
  headers: HeaderPair[]
  body?: string
}

const cases: Case[] = [
  {
    title: 'a JSON body with both quotes, $, backticks, ! and line breaks',
    method: 'POST',
    path: '/sandbox/api/v1/sessions',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Note', hostile],
    ],
    body:
      `${JSON.stringify({ username: hostile, password: `p'"$(id)\`!` }, null, 2)}` +
      "\r\nEOF\n'\\''\n$((1+1)) $" +
      '{PATH}\n',
  },
  {
    title: 'brackets and braces in the query, raw and encoded',
    method: 'GET',
    path:
      '/sandbox/api/v1/ds-connections?skip=0&limit=5&requireTotalCount=true' +
      `&filter=[{"field":"name","value":"it's%20$x","operator":"equal"}]` +
      '&sort=%5B%7B%22field%22%3A%22name%22%7D%5D&glob={a,b}&range=[1-3]',
    headers: [['Authorization', 'eyJhbGciOi.eyJ1c2Vy.c2lnbmF0dXJl']],
  },
  {
    title: 'an empty header value and a body starting with @, no type',
    method: 'POST',
    path: '/upload/{name}',
    headers: [['Authorization', '']],
    body: '@/etc/hostname',
  },
  {
    title: 'odd but legal header names and an Accept of its own',
    method: 'PUT',
    path: '/a/b%20c/d?x=1&x=2&empty=&flag',
    headers: [
      ["X-Odd'Na$me`!", 'v'],
      ['Accept', 'application/json'],
      ['User-Agent', 'quarterly-review/1.0'],
    ],
    body: '-',
  },
  {
    title: 'a body outside ASCII',
    method: 'PATCH',
    path: '/text',
    headers: [['Content-Type', 'text/plain; charset=utf-8']],
    body: 'Zürich — 東京 😀 \u2028 tab\tend \u0007 lone \ud800',
  },
  {
    title: 'a DELETE with no body',
    method: 'DELETE',
    path: '/sandbox/api/v1/ds_connections/Sales%20Drive',
    headers: [],
  },
  {
    title: 'a HEAD request',
    method: 'HEAD',
    path: '/sandbox/api/v1/ds-connections',
    headers: [['Authorization', 'SAMPLE']],
  },
]

// Headers a client adds when the request sets none; Send adds none of
// them, and none changes what BigID does with the request.
const clientDefaults: Record<SnippetLanguage | 'send', string[]> = {
  send: [],
  curl: ['user-agent', 'accept'],
  python: ['accept-encoding'],
  node: [
    'accept',
    'accept-language',
    'sec-fetch-mode',
    'user-agent',
    'accept-encoding',
  ],
  powershell: [],
}

// Framing the connection needs, which each client computes itself.
const framing = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
])

function comparableHeaders(
  received: EchoedRequest,
  client: SnippetLanguage | 'send',
  requested: readonly HeaderPair[],
): string[] {
  const named = new Set(requested.map(([name]) => name.toLowerCase()))
  return received.headers
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !framing.has(name))
    .filter(
      ([name]) => named.has(name) || !clientDefaults[client].includes(name),
    )
    .map(([name, value]) => `${name}: ${value}`)
    .sort()
}

// Each test starts an interpreter; a busy machine needs more than 5 s.
describe('round-trip.test.ts', { timeout: 30_000 }, () => {
  let echo: EchoServer
  let settings: SendSettings
  let forwarder: Forwarder
  let send: Send
  const ownOrigin = 'http://127.0.0.1:9'

  beforeAll(async () => {
    echo = await startEchoServer()
    settings = loadSendSettings({ SEND_ALLOWED_ORIGINS: echo.origin })
    forwarder = createForwarder(settings)
    send = createSend(settings, forwarder)
  })

  afterAll(async () => {
    await forwarder.close()
    await echo.close()
  })

  async function deliverThroughSend(input: unknown): Promise<EchoedRequest> {
    const before = echo.received.length
    const outcome = await send(input, { ownOrigin })
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true)
    expect(echo.received).toHaveLength(before + 1)
    return echo.received[before] as EchoedRequest
  }

  async function deliverThroughCode(code: string, language: SnippetLanguage) {
    const before = echo.received.length
    await runSnippet(language, code)
    expect(echo.received).toHaveLength(before + 1)
    return echo.received[before] as EchoedRequest
  }

  for (const testCase of cases) {
    for (const language of runnableLanguages) {
      it(`${language} sends what Send sends: ${testCase.title}`, async () => {
        const input = {
          method: testCase.method,
          url: `${echo.origin}${testCase.path}`,
          headers: testCase.headers,
          body: testCase.body,
        }
        const viaSend = await deliverThroughSend(input)
        const set = createSnippets(input, { ownOrigin, settings })
        if (!set.ok) throw set.error
        const { code } = set.value.snippets[language]
        const viaCode = await deliverThroughCode(code, language)

        expect(viaCode.method).toBe(viaSend.method)
        expect(viaCode.target).toBe(viaSend.target)
        expect(viaCode.body.toString('hex')).toBe(viaSend.body.toString('hex'))
        const sent = comparableHeaders(viaSend, 'send', testCase.headers)
        expect(sent).toEqual(
          testCase.headers
            .map(([name, value]) => `${name.toLowerCase()}: ${value}`)
            .sort(),
        )
        expect(comparableHeaders(viaCode, language, testCase.headers)).toEqual(
          sent,
        )
      })
    }
  }

  it('needs --globoff: without it curl refuses brackets in the query', async () => {
    const input = {
      method: 'GET',
      url: `${echo.origin}/list?filter=[{"field":"type"}]`,
      headers: [],
    }
    const set = createSnippets(input, { ownOrigin, settings })
    if (!set.ok) throw set.error
    const { code } = set.value.snippets.curl
    expect(code).toContain('--globoff')

    const unguarded = code.replace('--globoff \\\n  ', '')
    expect(unguarded).not.toContain('--globoff')
    await expect(runSnippet('curl', unguarded)).rejects.toThrow(/bash failed/)
  })
})

import {
  addTargetClient,
  type HarRequest,
  HTTPSnippet,
} from '@readme/httpsnippet'
import type { HeaderPair, OutgoingRequest } from '@/lib/exchange/types'
import type { SnippetLanguage } from './languages'
import { snippetMessages } from './messages'
import { pythonHttpClient } from './python-client'
import {
  quoteForJavaScript,
  quoteForPowerShell,
  quoteForPython,
  quoteForShell,
  singleQuoteForShell,
} from './quote'
import { type Rule, substitute } from './substitute'

addTargetClient('python', pythonHttpClient)

export type Snippet = { readonly code: string; readonly notes: string[] }

/**
 * The request as code, written by httpsnippet. httpsnippet re-encodes
 * query strings, reformats JSON bodies and quotes some values unsafely
 * (an unquoted heredoc in curl, nothing at all in PowerShell's -Body), so
 * it never sees the learner's values: it gets a marker for the URL, each
 * header value and the body, and each marker is then replaced by a literal
 * quoted for the target language. The result sends the same method, URL,
 * headers and body bytes as Send; the round-trip test proves it.
 */
export function generateSnippet(
  request: OutgoingRequest,
  language: SnippetLanguage,
): Snippet {
  const headers = keepLastOfEachName(request.headers)
  const body = request.body === '' ? undefined : request.body
  const values: Values = {
    method: request.method,
    url: request.url,
    headers,
    body,
  }
  const notes = describeLimits(request.headers, body, language)

  const har = toHar(values, language)
  const { target, client, finish } = writers[language]
  const [code] = new HTTPSnippet(har).convert(target, client, { indent: '  ' })
  if (typeof code !== 'string') {
    throw new Error(`httpsnippet has no ${target} ${client} client`)
  }
  return { code: finish(code, values), notes }
}

type Values = {
  readonly method: string
  readonly url: string
  readonly headers: HeaderPair[]
  readonly body: string | undefined
}

// Markers are padded towards the length of the value they stand for, so
// httpsnippet lays out its lines as it would for the real values.
const markerPattern = /xsnipx(?:u|b|c|h\d+)z*x/

function createMarker(tag: string, length: number): string {
  const padding = Math.min(Math.max(length - tag.length - 7, 0), 120)
  return `xsnipx${tag}${'z'.repeat(padding)}x`
}

function toHar(values: Values, language: SnippetLanguage): HarRequest {
  const url = new URL(values.url)
  const headers = values.headers.map(([name, value], index) => ({
    name,
    value: createMarker(`h${index}`, value.length),
  }))
  // httpsnippet's PowerShell client needs a Content-Type when there is a
  // body; a stand-in is given and removed again (see finishPowerShell).
  if (
    language === 'powershell' &&
    values.body !== undefined &&
    !hasContentType(values.headers)
  ) {
    headers.push({ name: 'Content-Type', value: createMarker('c', 0) })
  }

  return {
    method: values.method,
    url: `${url.protocol}//${url.host}/${createMarker('u', url.href.length)}`,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    // Not a JSON type, so no client parses the body and writes it anew.
    postData:
      values.body === undefined
        ? { mimeType: 'application/octet-stream' }
        : {
            mimeType: 'application/octet-stream',
            text: createMarker('b', values.body.length),
          },
  }
}

type Writer = {
  readonly target: 'shell' | 'powershell' | 'python' | 'node'
  readonly client: string
  readonly finish: (code: string, values: Values) => string
}

const writers: Record<SnippetLanguage, Writer> = {
  curl: { target: 'shell', client: 'curl', finish: finishCurl },
  powershell: {
    target: 'powershell',
    client: 'webrequest',
    finish: finishPowerShell,
  },
  python: { target: 'python', client: 'http.client', finish: finishPython },
  node: { target: 'node', client: 'fetch', finish: finishNode },
}

const curlJoin = ' \\\n  '

function finishCurl(code: string, values: Values): string {
  const rules: Rule[] = [
    {
      // curl reads [ ] { } in a URL as ranges and sets unless told not to.
      pattern: /--url \S*xsnipxuz*x/,
      replace: () =>
        (/[[\]{}]/.test(values.url) ? `--globoff${curlJoin}` : '') +
        `--url ${quoteForShell(values.url)}`,
    },
    {
      pattern: /--header '(?:[^'\n]|'\\'')*?xsnipxh(\d+)z*x'/,
      replace: (match) => {
        const [name, value] = headerAt(values, match[1])
        // "Name:" with nothing after it tells curl to drop the header;
        // "Name;" is how curl sends one with an empty value.
        const header = value.trim() === '' ? `${name};` : `${name}: ${value}`
        return `--header ${singleQuoteForShell(header)}`
      },
    },
    {
      // --data would read a file for a body starting with @.
      pattern: /--data xsnipxbz*x/,
      replace: () =>
        `--data-raw ${singleQuoteForShell(values.body ?? '')}` +
        // Without this curl labels the body as a form; Send adds no type.
        (hasContentType(values.headers)
          ? ''
          : `${curlJoin}--header 'Content-Type:'`),
    },
    // --request HEAD makes curl wait for a body that never comes.
    { pattern: /^curl --request HEAD/m, replace: () => 'curl --head' },
  ]
  return substitute(code, rules, markerPattern)
}

function finishNode(code: string, values: Values): string {
  const rules: Rule[] = [
    {
      pattern: /'[^'\n]*xsnipxuz*x'/,
      replace: () => quoteForJavaScript(values.url),
    },
    {
      pattern: /'xsnipxh(\d+)z*x'/,
      replace: (match) => quoteForJavaScript(headerAt(values, match[1])[1]),
    },
    {
      pattern: /'xsnipxbz*x'/,
      replace: () => {
        const literal = quoteForJavaScript(values.body ?? '')
        // fetch labels a string body text/plain; bytes go unlabelled, as
        // Send sends them.
        return hasContentType(values.headers)
          ? literal
          : `Buffer.from(${literal})`
      },
    },
    {
      // BigID labels JSON as text/html and answers some errors in HTML:
      // print the body as text rather than fail to parse it.
      pattern:
        /res => res\.json\(\)\)(\s*)\.then\(json => console\.log\(json\)\)/,
      replace: (match) =>
        `res => res.text())${match[1]}.then(text => console.log(text))`,
    },
  ]
  return substitute(code, rules, markerPattern)
}

function finishPython(code: string, values: Values): string {
  const url = new URL(values.url)
  const rules: Rule[] = [
    {
      pattern: /"[^"\n]*xsnipxuz*x"/,
      replace: () => quoteForPython(`${url.pathname}${url.search}`),
    },
    {
      pattern: /"xsnipxh(\d+)z*x"/,
      replace: (match) => quoteForPython(headerAt(values, match[1])[1]),
    },
    {
      pattern: /"xsnipxbz*x"/,
      replace: () => quoteForPython(values.body ?? ''),
    },
  ]
  return substitute(code, rules, markerPattern)
}

function finishPowerShell(code: string, values: Values): string {
  const hasBody = values.body !== undefined
  const rules: Rule[] = [
    {
      pattern: /^\$headers\.Add\(".*", "xsnipx(c|h\d+)z*x"\)\n/m,
      replace: (match) => {
        if (match[1] === 'c') return ''
        const [name, value] = headerAt(values, match[1]?.slice(1))
        // With a body, -ContentType carries the type: Windows PowerShell
        // refuses a Content-Type in -Headers.
        if (hasBody && name.toLowerCase() === 'content-type') return ''
        const pair = `${quoteForPowerShell(name)}, ${quoteForPowerShell(value)}`
        return `$headers.Add(${pair})\n`
      },
    },
    {
      pattern: / -ContentType 'xsnipx(c|h\d+)z*x'/,
      replace: (match) => {
        if (match[1] === 'c') return ''
        const [, value] = headerAt(values, match[1]?.slice(1))
        return ` -ContentType ${quoteForPowerShell(value)}`
      },
    },
    {
      pattern: /'[^'\n]*xsnipxuz*x'/,
      replace: () => quoteForPowerShell(values.url),
    },
    {
      pattern: /-Body 'xsnipxbz*x'/,
      replace: () => `-Body ${quoteForPowerShell(values.body ?? '')}`,
    },
  ]
  return `${substitute(code, rules, markerPattern)}\n$response.Content`
}

function headerAt(values: Values, index: string | undefined): HeaderPair {
  const header = values.headers[Number(index)]
  if (header === undefined) throw new Error(`no header at ${index}`)
  return header
}

function hasContentType(headers: readonly HeaderPair[]): boolean {
  return headers.some(([name]) => name.toLowerCase() === 'content-type')
}

/** httpsnippet keys headers by name, so the last of a name wins. */
function keepLastOfEachName(headers: readonly HeaderPair[]): HeaderPair[] {
  const last = new Map<string, HeaderPair>()
  for (const header of headers) {
    last.delete(header[0])
    last.set(header[0], header)
  }
  return [...last.values()]
}

function describeLimits(
  headers: readonly HeaderPair[],
  body: string | undefined,
  language: SnippetLanguage,
): string[] {
  const { notes } = snippetMessages
  const found: string[] = []
  const seen = new Set<string>()
  const reported = new Set<string>()
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    if (seen.has(key) && !reported.has(key)) {
      found.push(notes.duplicateHeader(name))
      reported.add(key)
    }
    seen.add(key)
    if (/[^\t\x20-\x7e]/.test(value)) found.push(notes.nonAsciiHeader(name))
  }
  if (language === 'curl' && body?.includes('\0')) found.push(notes.nulInBody)
  if (
    language === 'powershell' &&
    body !== undefined &&
    !hasContentType(headers)
  ) {
    found.push(notes.powershellDefaultType)
  }
  return found
}

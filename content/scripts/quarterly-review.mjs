#!/usr/bin/env node
// Quarterly review: list every BigID data source and write them to a CSV
// file, to compare with the data catalog.
//
// Everything it needs comes from the environment, so no secret is ever
// written into this file:
//
//   BIGID_BASE_URL    BigID's address, without /api/v1, for example
//                     https://bigid.example.com, or the playground's
//                     sandbox at http://127.0.0.1:3000/sandbox
//   BIGID_USER_TOKEN  a user token (Administration > Access Management), or
//   BIGID_USERNAME and BIGID_PASSWORD
//                     for the legacy sign-in of on-premises installations
//   BIGID_OUTPUT      the CSV file to write (default: data-sources.csv)
//   BIGID_PAGE_SIZE   data sources asked for per request (default: 100)
//
// Needs Node.js 20 or later and no packages.
import { writeFile } from 'node:fs/promises'

const columns = [
  'name',
  'type',
  'enabled',
  'location',
  'security_tier',
  'updated_at',
]

function fail(message) {
  console.error(`quarterly-review: ${message}`)
  process.exit(1)
}

// Sends one request; returns the parsed body, or stops on any status but
// 200. BigID labels its JSON text/html, so the body is parsed whatever its
// type.
async function call(baseUrl, method, path, { token, body } = {}) {
  const headers = {}
  if (token !== undefined) headers.Authorization = token
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response
  let text
  try {
    response = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    text = await response.text()
  } catch (error) {
    fail(`could not reach ${baseUrl}: ${error.cause?.message ?? error.message}`)
  }
  if (response.status !== 200) {
    fail(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
  }
  try {
    return JSON.parse(text)
  } catch {
    fail(
      `${method} ${path} answered something that is not JSON: ${text.slice(0, 300)}`,
    )
  }
}

// A refused sign-in is HTTP 200 with "success": false.
function readToken(reply, field) {
  if (reply?.success === true) return reply[field]
  fail(`BigID refused the sign-in: ${reply?.message ?? JSON.stringify(reply)}`)
}

async function signIn(baseUrl) {
  const { BIGID_USER_TOKEN, BIGID_USERNAME, BIGID_PASSWORD } = process.env
  if (BIGID_USER_TOKEN) {
    const reply = await call(baseUrl, 'GET', '/api/v1/refresh-access-token', {
      token: BIGID_USER_TOKEN,
    })
    return readToken(reply, 'systemToken')
  }
  if (BIGID_USERNAME && BIGID_PASSWORD) {
    const reply = await call(baseUrl, 'POST', '/api/v1/sessions', {
      body: { username: BIGID_USERNAME, password: BIGID_PASSWORD },
    })
    return readToken(reply, 'auth_token')
  }
  fail('set BIGID_USER_TOKEN, or BIGID_USERNAME and BIGID_PASSWORD')
}

// Pages through the list until skip reaches totalCount, which counts every
// data source, not just the ones in this reply.
async function listAll(baseUrl, token, pageSize) {
  const sources = []
  let pages = 0
  for (;;) {
    const query = new URLSearchParams({
      skip: String(sources.length),
      limit: String(pageSize),
      requireTotalCount: 'true',
    })
    const reply = await call(
      baseUrl,
      'GET',
      `/api/v1/ds-connections?${query}`,
      {
        token,
      },
    )
    const page = reply?.data?.ds_connections
    const total = reply?.data?.totalCount
    if (!Array.isArray(page) || typeof total !== 'number') {
      fail(
        `the list answered something unexpected: ${JSON.stringify(reply).slice(0, 300)}`,
      )
    }
    pages += 1
    sources.push(...page)
    if (page.length === 0 || sources.length >= total) {
      return { sources, total, pages }
    }
  }
}

function toCsvRow(values) {
  return values
    .map((value) => `"${String(value ?? '').replaceAll('"', '""')}"`)
    .join(',')
}

const baseUrl = (process.env.BIGID_BASE_URL ?? '').replace(/\/+$/, '')
if (!baseUrl)
  fail('set BIGID_BASE_URL, for example http://127.0.0.1:3000/sandbox')
const output = process.env.BIGID_OUTPUT || 'data-sources.csv'
const pageSizeText = process.env.BIGID_PAGE_SIZE || '100'
if (!/^[1-9]\d*$/.test(pageSizeText)) {
  fail(`BIGID_PAGE_SIZE must be a whole number above 0, not '${pageSizeText}'`)
}

const token = await signIn(baseUrl)
const { sources, total, pages } = await listAll(
  baseUrl,
  token,
  Number(pageSizeText),
)
const rows = [
  columns,
  ...sources.map((source) => columns.map((column) => source[column])),
]
await writeFile(output, `${rows.map(toCsvRow).join('\n')}\n`)
console.error(
  `Wrote ${sources.length} data sources to ${output} ` +
    `(${sources.length} of ${total} listed, ${pages} pages).`,
)

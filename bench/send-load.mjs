// npm run bench:load [-- --connections=200 --duration=60 --port=3510]
// Many learners at once against the production build: each connection
// signs in through POST /api/send, then lists data sources with the token
// it got, over and over. Reports errors, latency and the server's memory
// before and after. Needs `npm run build` first; nothing leaves loopback.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { SERVER_NODE_FLAGS } from '../scripts/server-node-flags.mjs'

const root = path.resolve(import.meta.dirname, '..')
const server = path.join(root, '.next', 'standalone', 'server.js')
const options = readOptions(process.argv.slice(2))
const origin = `http://127.0.0.1:${options.port}`
const browserHeaders = {
  'content-type': 'application/json',
  origin,
  'sec-fetch-site': 'same-origin',
}
const signIn = JSON.stringify({
  method: 'POST',
  url: `${origin}/sandbox/api/v1/sessions`,
  headers: [['Content-Type', 'application/json']],
  body: JSON.stringify({ username: 'bigid', password: 'learner' }),
})

if (!existsSync(server)) {
  console.error('No production build found: run `npm run build` first.')
  process.exit(1)
}

if (await isAnswering()) {
  console.error(`Something already answers on ${origin}; pick --port=N.`)
  process.exit(1)
}

const app = startServer()
try {
  await waitUntilReady()
  // The warm-up grows the heap to what this many connections need, so
  // "before" and "after" compare like with like: a leak shows as growth.
  console.log(`warming up: ${options.connections} connections for 10 s`)
  await runLoad({ ...options, duration: 10 }, newFailures())
  await pause(2_000)
  const before = readRssMiB(app.pid)
  const logLinesBefore = app.sendLines()

  console.log(
    `${options.connections} learners for ${options.duration} s ` +
      '(sign in, then list data sources with the token, repeated)',
  )
  const samples = []
  const sampler = setInterval(() => samples.push(readRssMiB(app.pid)), 10_000)
  const failures = newFailures()
  const result = await runLoad(options, failures)
  clearInterval(sampler)

  const after = readRssMiB(app.pid)
  await pause(10_000)
  const settled = readRssMiB(app.pid)
  const logged = app.sendLines() - logLinesBefore
  report(result, failures, { before, samples, after, settled }, logged)
  process.exitCode = countErrors(result, failures) === 0 ? 0 : 1
} finally {
  app.stop()
}

function newFailures() {
  return { badReplies: 0, samples: [] }
}

function runLoad({ connections, duration }, failures) {
  const checkReply = (label) => (status, body, context) => {
    const reply = status === 200 ? parseJson(body) : undefined
    const isOk = reply?.status === 200
    if (!isOk) {
      failures.badReplies += 1
      if (failures.samples.length < 5) {
        failures.samples.push(`${label}: ${status} ${body.slice(0, 200)}`)
      }
    }
    if (label === 'sign-in' && isOk) {
      context.token = parseJson(reply.body)?.auth_token
    }
  }
  return autocannon({
    url: origin,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/send',
        headers: browserHeaders,
        body: signIn,
        onResponse: checkReply('sign-in'),
      },
      {
        method: 'POST',
        path: '/api/send',
        headers: browserHeaders,
        setupRequest: (request, context) => ({
          ...request,
          body: JSON.stringify({
            method: 'GET',
            url: `${origin}/sandbox/api/v1/ds-connections`,
            headers: [['Authorization', String(context.token ?? '')]],
          }),
        }),
        onResponse: checkReply('list'),
      },
    ],
  })
}

function report(result, failures, memory, logged) {
  const rows = [
    ['sends', result.requests.total],
    ['sends per second (mean)', Math.round(result.requests.average)],
    ['latency p50', `${result.latency.p50} ms`],
    ['latency p99', `${result.latency.p99} ms`],
    ['latency max', `${result.latency.max} ms`],
    ['connection errors', result.errors],
    ['timeouts', result.timeouts],
    ['non-2xx from /api/send', result.non2xx],
    ['replies that were not the upstream 200', failures.badReplies],
    ['send log lines (in-flight at the end too)', logged],
    ['server RSS before (after warm-up)', `${memory.before} MiB`],
    ['server RSS every 10 s', `${memory.samples.join(', ')} MiB`],
    ['server RSS right after', `${memory.after} MiB`],
    ['server RSS 10 s after', `${memory.settled} MiB`],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log('')
  for (const [label, value] of rows) {
    console.log(`${label.padEnd(width)}  ${value}`)
  }
  for (const sample of failures.samples) console.log(`  e.g. ${sample}`)
  console.log(`\n${JSON.stringify({ ...summarise(result), memory, logged })}`)
}

function summarise(result) {
  return {
    connections: result.connections,
    durationS: result.duration,
    sends: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  }
}

function countErrors(result, failures) {
  return result.errors + result.timeouts + result.non2xx + failures.badReplies
}

/** The standalone server, its send log counted, never shown line by line. */
function startServer() {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, server], {
    cwd: path.dirname(server),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      HOSTNAME: '127.0.0.1',
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: '1',
      SEND_RATE_LIMIT: process.env.SEND_RATE_LIMIT ?? '0',
    },
  })
  let lines = 0
  let partial = ''
  child.stdout.on('data', (chunk) => {
    const text = partial + chunk.toString('utf8')
    const parts = text.split('\n')
    partial = parts.pop() ?? ''
    lines += parts.filter((line) => line.startsWith('send ')).length
  })
  let isStopping = false
  child.on('exit', (code, signal) => {
    if (isStopping) return
    console.error(`server exited early (${code ?? signal})`)
    process.exit(1)
  })
  const stop = () => {
    isStopping = true
    child.kill('SIGTERM')
  }
  for (const name of ['SIGINT', 'SIGTERM']) {
    process.on(name, () => {
      stop()
      process.exit(130)
    })
  }
  return { pid: child.pid, stop, sendLines: () => lines }
}

async function isAnswering() {
  const response = await fetch(origin).catch(() => undefined)
  await response?.body?.cancel()
  return response !== undefined
}

async function waitUntilReady() {
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await fetch(`${origin}/api/send`, {
      method: 'POST',
      headers: browserHeaders,
      body: signIn,
    }).catch(() => undefined)
    if (response?.ok) return
    await pause(200)
  }
  throw new Error(`the server did not answer on ${origin} within 60 s`)
}

/** Resident memory of one process, from /proc (Linux) or ps. */
function readRssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
    return Math.round(kib / 1024)
  } catch {
    return Number.NaN
  }
}

function readOptions(args) {
  const read = (name, fallback) => {
    const arg = args.find((value) => value.startsWith(`--${name}=`))
    const value = arg ? Number(arg.split('=')[1]) : fallback
    if (!Number.isSafeInteger(value) || value <= 0) {
      console.error(`--${name} must be a positive whole number`)
      process.exit(2)
    }
    return value
  }
  return {
    connections: read('connections', 200),
    duration: read('duration', 60),
    port: read('port', 3510),
  }
}

function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

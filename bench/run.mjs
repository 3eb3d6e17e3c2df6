// npm run bench [-- --quick] [-- --build] [-- --only=send,weight,...]
// Measures the production build beside its anchors, in one run, and writes
// bench/report.md and bench/report.json. See the README's Performance part.
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  buildTokenReply,
  gzipSizes,
  writeAnchorFiles,
} from './lib/anchor-pages.mjs'
import { ensureBuild, prepareStandalone, startApp } from './lib/app-server.mjs'
import { launchBrowser } from './lib/browser.mjs'
import { collectEvidence } from './lib/evidence.mjs'
import { describeMachine } from './lib/machine.mjs'
import {
  findFreePort,
  killAllNow,
  startNode,
  stopAll,
} from './lib/processes.mjs'
import { formatTable, writeReports } from './lib/report.mjs'
import { bundleSandbox } from './lib/sandbox-bundle.mjs'
import { measureBigResponses } from './sections/big-responses.mjs'
import { measureBrowserMemory } from './sections/browser-memory.mjs'
import { profileServers } from './sections/cpu-profiles.mjs'
import { measurePageLoad } from './sections/page-load.mjs'
import { measureSendCost } from './sections/send-cost.mjs'
import { measureServerMemory } from './sections/server-memory.mjs'
import { measureLogins, measureThroughput } from './sections/throughput.mjs'

const SECTIONS = [
  'send',
  'throughput',
  'logins',
  'profile',
  'memory',
  'weight',
  'big',
  'browser-memory',
]
const BIG_EXTRA_SOURCES = 50_000
const TARGET_LIST_BYTES = 5_000_000

const root = path.resolve(import.meta.dirname, '..')
const options = parseArgs(process.argv.slice(2))
const startedAt = new Date()
const logDir = mkdtempSync(path.join(os.tmpdir(), 'bigid-bench-'))

process.on('SIGINT', () => {
  killAllNow()
  process.exit(130)
})

try {
  const report = await runBench()
  const markdown = writeReports(root, report)
  console.log(`\n${markdown}`)
  console.log(`Logs and profiles: ${logDir}`)
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await stopAll()
}

async function runBench() {
  const build = ensureBuild(root, { force: options.build })
  prepareStandalone(root)
  const only = (name) => options.only.has(name)
  const sections = {}
  const say = (text) =>
    console.log(`[${Math.round((Date.now() - startedAt) / 1000)} s] ${text}`)

  const app = await startApp(root, { name: 'app', logDir })
  const forwarder = await startHelper('bare-forwarder', ['bare-forwarder.mjs'])
  await runServerSections({ app, forwarder, only, sections, say })
  const needsBrowser = ['weight', 'big', 'browser-memory'].some(only)
  const browserVersion = needsBrowser
    ? await runBrowserSections({ app, only, sections, say })
    : 'not started'

  const rows = Object.values(sections).flatMap((section) => section.rows ?? [])
  rows.sort((a, b) =>
    a.section.localeCompare(b.section, 'en', { numeric: true }),
  )
  const durationSeconds = (Date.now() - startedAt) / 1000
  say(`done\n${formatTable(rows)}`)
  return {
    mode: options.quick ? 'Quick' : 'Full',
    startedAt: startedAt.toISOString(),
    durationSeconds,
    build,
    machine: describeMachine(root, browserVersion),
    rows,
    misses: rows.filter((row) => row.pass === false).map((row) => row.id),
    evidence: collectEvidence(sections),
    sections: Object.fromEntries(
      Object.entries(sections).map(([name, section]) => [name, section.detail]),
    ),
    logDir,
  }
}

/** 1, 2, 6, 7a and the CPU profiles: load on our own servers. */
async function runServerSections({ app, forwarder, only, sections, say }) {
  if (only('send')) {
    say('1. Send cost: direct, /api/send, bare forwarder')
    sections.send = await measureSendCost({
      app,
      forwarder,
      quick: options.quick,
    })
  }
  if (only('throughput')) {
    say('2. Throughput: /api/send against direct (autocannon)')
    sections.throughput = await measureThroughput({ app, quick: options.quick })
  }
  if (only('logins') || only('profile')) {
    const bundle = await bundleSandbox(root, logDir)
    const startBareSandbox = (nodeArgs = []) =>
      startHelper('bare-sandbox', ['sandbox-server.mjs', bundle], nodeArgs)
    if (only('logins')) {
      const bareSandbox = await startBareSandbox()
      say('6. Sandbox logins: through Next against bare node:http')
      sections.logins = await measureLogins({
        app,
        bareSandbox,
        quick: options.quick,
      })
      await bareSandbox.stop()
    }
    if (only('profile') && !options.quick) {
      say('CPU profiles: logins (Next, bare node:http) and sends')
      sections.profile = await profileServers({
        root,
        logDir,
        startBareSandbox,
      })
    }
  }
  if (only('memory')) {
    say('7. Server RSS: 1,000 to 10,000 sends, fresh servers')
    const inspectPort = await findFreePort()
    const memoryApp = await startApp(root, {
      name: 'app-memory',
      logDir,
      nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
    })
    const memoryForwarder = await startHelper('bare-forwarder-memory', [
      'bare-forwarder.mjs',
    ])
    sections.memory = await measureServerMemory({
      app: memoryApp,
      inspectPort,
      forwarder: memoryForwarder,
      quick: options.quick,
    })
    await memoryApp.stop()
    await memoryForwarder.stop()
  }
}

/**
 * 3, 4, 5 and 7b in Chromium, with the servers they need: a second app
 * with 50,000 extra sources and the comparison pages. Returns the
 * browser's version.
 */
async function runBrowserSections({ app, only, sections, say }) {
  const anchorPort = await findFreePort()
  const anchorOrigin = `http://127.0.0.1:${anchorPort}`
  const big = await startApp(root, {
    name: 'app-big',
    logDir,
    env: {
      SANDBOX_EXTRA_SOURCES: String(BIG_EXTRA_SOURCES),
      SEND_ALLOWED_ORIGINS: anchorOrigin,
    },
  })
  const fixtures = await prepareFixtures(app, big)
  const manifest = writeAnchorFiles({
    root,
    outDir: logDir,
    lessonHtml: fixtures.lessonHtml,
    tokenReply: fixtures.tokenReply,
  })
  const manifestFile = path.join(logDir, 'anchors.json')
  writeFileSync(manifestFile, JSON.stringify(manifest))
  const anchors = await startNode({
    name: 'anchors',
    args: [
      path.join(root, 'bench', 'anchors', 'static-server.mjs'),
      manifestFile,
      String(anchorPort),
    ],
    cwd: root,
    env: process.env,
    port: anchorPort,
    logDir,
    readyPath: '/swagger/',
  })

  const browser = await launchBrowser()
  const version = browser.version()
  try {
    let initialScripts = []
    if (only('weight')) {
      say('3-4. Page weight and times: cold loads, interleaved')
      sections.weight = await measurePageLoad({
        browser,
        app,
        anchors,
        quick: options.quick,
      })
      sections.weight.detail.gzip6 = gzipSizes()
      initialScripts = sections.weight.detail.initialScripts
    }
    if (only('big')) {
      say('5. Big responses in the lesson')
      sections.big = await measureBigResponses({
        browser,
        big,
        tokenUrl: `${anchorOrigin}/token-reply`,
        listLimit: fixtures.listLimit,
        sizes: fixtures.sizes,
        initialScripts,
        outDir: logDir,
        quick: options.quick,
      })
    }
    if (only('browser-memory')) {
      say('7. Browser heap and Monaco models across navigations')
      sections.browserMemory = await measureBrowserMemory({
        browser,
        app,
        quick: options.quick,
      })
    }
  } finally {
    await browser.close()
  }
  return version
}

function startHelper(name, [script, ...args], nodeArgs = []) {
  return findFreePort().then((port) =>
    startNode({
      name,
      args: [
        ...nodeArgs,
        path.join(root, 'bench', 'anchors', script),
        ...args,
        String(port),
      ],
      cwd: root,
      env: process.env,
      port,
      logDir,
      readyPath: '/',
    }),
  )
}

/**
 * The lesson's HTML (for the no-script anchor), a list limit that makes a
 * ~5 MB reply, and that list behind a real session token.
 */
async function prepareFixtures(app, big) {
  const lessonHtml = await (
    await fetch(`${app.origin}/lessons/api-tutorial`)
  ).text()
  const list = async (query) =>
    (
      await fetch(`${big.origin}/sandbox/api/v1/ds-connections${query}`, {
        headers: { authorization: 'SAMPLE' },
      })
    ).text()
  const sample = await list('?limit=1000')
  const listLimit =
    Math.round((1000 * TARGET_LIST_BYTES) / sample.length / 100) * 100
  const listJson = await list(`?limit=${listLimit}`)
  const login = await fetch(`${big.origin}/sandbox/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"username":"bigid","password":"learner"}',
  })
  const token = (await login.json()).auth_token
  const tokenReply = buildTokenReply(token, listJson)
  const capped = await fetch(`${big.origin}/sandbox/api/v1/ds-connections`, {
    headers: { authorization: 'SAMPLE' },
  })
  let cappedBytes = 0
  for await (const chunk of capped.body) cappedBytes += chunk.length
  return {
    lessonHtml,
    tokenReply,
    listLimit,
    sizes: {
      token: Buffer.byteLength(tokenReply),
      list: Buffer.byteLength(listJson),
      capped: cappedBytes,
    },
  }
}

function parseArgs(args) {
  const only = args.find((arg) => arg.startsWith('--only='))
  const unknown = args.filter(
    (arg) =>
      !['--quick', '--build'].includes(arg) && !arg.startsWith('--only='),
  )
  if (unknown.length > 0) {
    console.error(
      `Unknown option ${unknown.join(' ')}. Use --quick, --build, ` +
        `--only=${SECTIONS.join(',')}`,
    )
    process.exit(2)
  }
  return {
    quick: args.includes('--quick'),
    build: args.includes('--build'),
    only: new Set(only ? only.slice('--only='.length).split(',') : SECTIONS),
  }
}

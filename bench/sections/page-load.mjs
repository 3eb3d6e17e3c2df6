// 3. Page weight as transferred, split by moments, and 4. times in Chromium:
// cold loads (a new context each) of the lesson, interleaved with the
// comparison pages: the lesson's HTML without scripts, Swagger UI, Scalar.
import {
  LOGIN_FORM,
  measureHarness,
  measureTyping,
  newContext,
  readResourceTimings,
  recordNetwork,
  waitInPage,
} from '../lib/browser.mjs'
import { makeRow } from '../lib/rows.mjs'
import { interleave, median, round } from '../lib/stats.mjs'

const KB = 1000

export async function measurePageLoad({ browser, app, anchors, quick }) {
  const lessonUrl = `${app.origin}/lessons/api-tutorial`
  const loads = { lesson: [], staticHtml: [], swagger: [], scalar: [] }
  const pages = {
    lesson: () => loadLesson(browser, lessonUrl),
    staticHtml: () =>
      loadAnchor(browser, `${anchors.origin}/static-lesson`, {
        selector: 'h1',
      }),
    swagger: () =>
      loadAnchor(browser, `${anchors.origin}/swagger/`, {
        selector: '#operations-default-listDsConnections',
      }),
    scalar: () =>
      loadAnchor(browser, `${anchors.origin}/scalar/`, {
        selector: 'body',
        text: 'List data source connections',
      }),
  }

  // One warm-up load each (server caches, disk); quick mode warms the
  // lesson only.
  for (const [name, load] of Object.entries(pages)) {
    if (!quick || name === 'lesson') await load()
  }
  await interleave(
    quick ? 2 : 5,
    Object.entries(pages).map(([name, load]) => async () => {
      loads[name].push(await load())
    }),
  )

  const lesson = summariseLesson(loads.lesson)
  const sendSet = loads.lesson[0].sendUrls
  const proof = await proveSendWithout(browser, lessonUrl, sendSet)
  const jsOff = await checkTextWithoutJs(browser, lessonUrl)
  const swaggerJs = median(loads.swagger.map((load) => load.jsBytes))
  const scalarJs = median(loads.scalar.map((load) => load.jsBytes))
  const ms = (list, key) => median(list.map((load) => load[key]))

  const section = '3. Page weight'
  const kb = (bytes) => round(bytes / KB, 1)
  const rows = [
    makeRow({
      id: 'weight-text',
      section,
      figure: '(a) JS needed before the lesson text shows',
      value: jsOff.isTextShown ? 0 : Number.NaN,
      unit: 'KB',
      anchorName: 'Swagger UI bundle + preset',
      anchor: kb(swaggerJs),
      target: { on: 'value', op: '=', limit: 0, text: 'none' },
      note:
        `text and pre-filled body ${jsOff.isTextShown ? 'shown' : 'NOT shown'}` +
        ` with JavaScript off; ${kb(lesson.jsBeforePaint)} KB of JS ` +
        'arrived before first paint anyway',
    }),
    makeRow({
      id: 'weight-send',
      section,
      figure: '(b) JS until Send is pressable and works',
      value: kb(lesson.jsToSend),
      unit: 'KB',
      anchorName: 'Swagger UI bundle + preset',
      anchor: kb(swaggerJs),
      target: { on: 'ratio', op: '<=', limit: 1 / 3, text: '≤ 1/3 × Swagger' },
      note: proof.isWorking
        ? `Send answered ${proof.status} with every later script blocked`
        : `Send did NOT work with later scripts blocked: ${proof.problem}`,
    }),
    makeRow({
      id: 'weight-editor',
      section,
      figure: '(c) JS until the first Monaco editor is typable',
      value: kb(lesson.jsToEditor),
      unit: 'KB',
      anchorName: 'Scalar standalone bundle',
      anchor: kb(scalarJs),
      target: { on: 'ratio', op: '<=', limit: 1, text: '≤ Scalar' },
    }),
    makeRow({
      id: 'weight-total',
      section,
      figure: '(c) page total: every byte, workers and font included',
      value: kb(lesson.allBytes),
      unit: 'KB',
      anchorName: 'Scalar standalone bundle',
      anchor: kb(scalarJs),
      target: { on: 'ratio', op: '<=', limit: 1, text: '≤ Scalar' },
    }),
    makeRow({
      id: 'weight-lazy',
      section,
      figure: '(c) Monaco first requested, after first paint',
      value: round(lesson.lazyStart - lesson.fcp),
      unit: 'ms',
      target: { on: 'value', op: '>=', limit: 0, text: 'after paint' },
      note: `${round(lesson.lazyStart)} ms after navigation start, FCP at ${round(lesson.fcp)} ms`,
    }),
    makeRow({
      id: 'time-text',
      section: '4. Times',
      figure: 'lesson text painted (FCP), median of cold loads',
      value: round(lesson.fcp),
      unit: 'ms',
      anchorName: 'same HTML, no scripts, bare server',
      anchor: round(ms(loads.staticHtml, 'fcp')),
      target: { on: 'value', op: '<=', limit: 300, text: '≤ 300 ms' },
    }),
    makeRow({
      id: 'time-editor',
      section: '4. Times',
      figure: 'first editor interactive (typed key shown), median',
      value: round(lesson.typedAt),
      unit: 'ms',
      anchorName: 'Swagger UI operations shown',
      anchor: round(ms(loads.swagger, 'readyAt')),
      target: { on: 'value', op: '<=', limit: 1500, text: '≤ 1,500 ms' },
      note:
        `Monaco mounted at ${round(lesson.mountedAt)} ms; focus + type ` +
        `round trips on an idle editor ${round(lesson.harnessMs)} ms; ` +
        `Scalar shown at ${round(ms(loads.scalar, 'readyAt'))} ms`,
    }),
  ]

  const outside = Object.values(loads)
    .flat()
    .flatMap((load) => load.outside)
  return {
    rows,
    detail: {
      loadsEach: loads.lesson.length,
      lesson,
      lessonLoads: loads.lesson.map(({ requests, sendUrls, ...rest }) => rest),
      lessonRequests: loads.lesson[0].requests,
      lessonRequestsHydratedAt: loads.lesson[0].hydrated,
      initialScripts: sendSet,
      anchors: Object.fromEntries(
        ['staticHtml', 'swagger', 'scalar'].map((name) => [
          name,
          loads[name].map(({ requests, ...rest }) => rest),
        ]),
      ),
      sendProof: proof,
      jsOff,
      blockedOutsideLoopback: [...new Set(outside)],
    },
  }
}

async function loadLesson(browser, url) {
  const { context, outside } = await newContext(browser)
  try {
    const page = await context.newPage()
    const network = await recordNetwork(context, page)
    await page.goto(url, { waitUntil: 'commit' })
    const mountedAt = await waitInPage(
      page,
      `${LOGIN_FORM} [data-editor="monaco"] .view-line`,
    )
    const typedAt = await measureTyping(page)
    await network.waitForQuiet()
    const harnessMs = await measureHarness(page)
    const timings = await readResourceTimings(page)
    const requests = placeInTime(await network.collect(), timings)
    return {
      ...measureMoments(requests, timings, { mountedAt, typedAt, outside }),
      harnessMs,
    }
  } finally {
    await context.close()
  }
}

/** Gives each request its page-time end (Infinity for worker requests). */
function placeInTime(requests, timings) {
  const queues = new Map()
  for (const entry of timings.resources) {
    const queue = queues.get(entry.url) ?? []
    queue.push(entry)
    queues.set(entry.url, queue)
  }
  return requests.map((request) => {
    if (request.type === 'Document' && timings.navigation) {
      return { ...request, start: 0, end: timings.navigation.end }
    }
    const entry = request.isWorker
      ? undefined
      : queues.get(request.url)?.shift()
    return {
      ...request,
      start: entry?.start ?? Number.POSITIVE_INFINITY,
      end: entry?.end ?? Number.POSITIVE_INFINITY,
    }
  })
}

function measureMoments(requests, timings, { mountedAt, typedAt, outside }) {
  const scripts = requests.filter((request) => request.type === 'Script')
  const sum = (list) =>
    list.reduce((total, request) => total + request.bytes, 0)
  const until = (moment) => scripts.filter((request) => request.end <= moment)
  const hydrated = timings.marks.hydrated
  const lazy = scripts.filter((request) => request.start > hydrated)
  return {
    fcp: timings.fcp,
    lcp: timings.lcp,
    hydrated,
    mountedAt,
    typedAt,
    lazyStart: Math.min(...lazy.map((request) => request.start)),
    jsBeforePaint: sum(until(timings.fcp)),
    jsToSend: sum(until(hydrated)),
    jsToEditor: sum(until(typedAt)),
    jsBytes: sum(scripts),
    allBytes: sum(requests),
    sendUrls: until(hydrated).map((request) => request.url),
    requests: requests.map(({ url, type, bytes, start, end }) => ({
      path: new URL(url).pathname,
      type,
      bytes,
      start: round(start),
      end: round(end),
    })),
    outside,
  }
}

function summariseLesson(loads) {
  const keys = [
    'fcp',
    'lcp',
    'hydrated',
    'mountedAt',
    'typedAt',
    'lazyStart',
    'jsBeforePaint',
    'jsToSend',
    'jsToEditor',
    'jsBytes',
    'allBytes',
    'harnessMs',
  ]
  return Object.fromEntries(
    keys.map((key) => [key, median(loads.map((load) => load[key]))]),
  )
}

async function loadAnchor(browser, url, { selector, text }) {
  const { context, outside } = await newContext(browser, { isGuarded: true })
  try {
    const page = await context.newPage()
    const network = await recordNetwork(context, page)
    await page.goto(url, { waitUntil: 'commit' })
    const readyAt = await waitInPage(page, selector, { text })
    await network.waitForQuiet()
    const timings = await readResourceTimings(page)
    const requests = await network.collect()
    const scripts = requests.filter((request) => request.type === 'Script')
    return {
      readyAt,
      fcp: timings.fcp,
      jsBytes: scripts.reduce((total, request) => total + request.bytes, 0),
      allBytes: requests.reduce((total, request) => total + request.bytes, 0),
      requests: requests.map(({ url, type, bytes }) => ({ url, type, bytes })),
      outside,
    }
  } finally {
    await context.close()
  }
}

/**
 * Loads the lesson with every script outside `allowed` refused (so no
 * Monaco), presses Send on the login form and expects the highlighted
 * token in the plain response view.
 */
async function proveSendWithout(browser, url, allowed) {
  const { context } = await newContext(browser)
  const allowedPaths = new Set(allowed.map((item) => new URL(item).pathname))
  const refused = []
  await context.route('**/_next/static/**/*.js', (route) => {
    const path = new URL(route.request().url()).pathname
    if (allowedPaths.has(path)) return route.continue()
    refused.push(path)
    return route.abort('blockedbyclient')
  })
  try {
    const page = await context.newPage()
    await page.goto(url)
    const form = page.locator(LOGIN_FORM)
    await form.getByRole('button', { name: 'Send' }).click()
    const response = form.getByRole('region', { name: 'Response' })
    await response
      .getByText(/\b200\b/)
      .first()
      .waitFor({ timeout: 15_000 })
    await response.locator('mark.token-highlight').waitFor({ timeout: 5000 })
    const editors = await page.locator('.monaco-editor').count()
    return {
      isWorking: editors === 0,
      status: '200',
      editors,
      refused: [...new Set(refused)],
    }
  } catch (error) {
    return {
      isWorking: false,
      problem: String(error).slice(0, 200),
      refused: [...new Set(refused)],
    }
  } finally {
    await context.close()
  }
}

async function checkTextWithoutJs(browser, url) {
  const { context } = await newContext(browser, { javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    await page.goto(url)
    const heading = page.getByRole('heading', {
      name: '1. Two ways to sign in',
    })
    const body = page.locator(LOGIN_FORM).getByLabel('Body')
    const isTextShown =
      (await heading.isVisible()) &&
      /"username": "bigid"/.test(await body.inputValue())
    return { isTextShown }
  } finally {
    await context.close()
  }
}

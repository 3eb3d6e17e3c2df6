// Chromium for the bench: Debian's binary, every host but loopback made
// unresolvable, a fresh context per cold load, and a recorder of what came
// over the network as transferred (compressed) bytes.
import { chromium } from '@playwright/test'

export const LOGIN_FORM = 'form[aria-label="POST /api/v1/sessions"]'
export const LIST_FORM = 'form[aria-label="GET /api/v1/ds-connections"]'

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  })
}

/**
 * A new context is a cold cache. `isGuarded` also aborts every request
 * that is not to 127.0.0.1 (for the third-party comparison pages); the
 * lesson's own pages are watched instead, so interception adds no delay.
 */
export async function newContext(
  browser,
  { isGuarded = false, javaScriptEnabled = true } = {},
) {
  const context = await browser.newContext({ javaScriptEnabled })
  await context.addInitScript(instrument)
  const outside = []
  if (isGuarded) {
    await context.route(
      (url) => !isLoopback(url),
      (route) => {
        outside.push(route.request().url())
        return route.abort('blockedbyclient')
      },
    )
  }
  context.on('request', (request) => {
    if (!isLoopback(new URL(request.url())) && !isGuarded) {
      outside.push(request.url())
    }
  })
  return { context, outside }
}

function isLoopback(url) {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true
  return url.hostname === '127.0.0.1'
}

/** Runs in every page before its own scripts. */
function instrument() {
  const bench = { longTasks: [], lcp: undefined, marks: {} }
  Object.defineProperty(window, '__bench', { value: bench })
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push([entry.startTime, entry.duration])
      }
    }).observe({ type: 'longtask', buffered: true })
    new PerformanceObserver((list) => {
      bench.lcp = list.getEntries().at(-1)?.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  } catch {
    // An old browser: the figures that need these stay empty.
  }
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target
      if (target instanceof Element && target.closest('[type="submit"]')) {
        bench.marks.lastSubmitClick = performance.now()
      }
    },
    true,
  )
  // React attaches its props to a node when it hydrates it: from then on
  // the Send button has a click handler.
  if (!location.pathname.startsWith('/lessons/')) return
  const selector = 'form[aria-label="POST /api/v1/sessions"] [type="submit"]'
  const poll = () => {
    const button = document.querySelector(selector)
    const isHydrated =
      button && Object.keys(button).some((k) => k.startsWith('__reactProps$'))
    if (isHydrated) bench.marks.hydrated = performance.now()
    else if (performance.now() < 30_000) setTimeout(poll, 4)
  }
  poll()
}

/**
 * Transferred bytes of every response: the page's own requests from CDP
 * (Network.loadingFinished encodedDataLength, headers included), and the
 * requests of dedicated workers, which the page's CDP session does not see,
 * from Playwright's request sizes (read from CDP in the worker).
 */
export async function recordNetwork(context, page) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const byId = new Map()
  const inFlight = new Set()
  let lastActivity = Date.now()
  const settle = (event) => {
    inFlight.delete(event.requestId)
    lastActivity = Date.now()
  }
  cdp.on('Network.requestWillBeSent', (event) => {
    byId.set(event.requestId, { url: event.request.url, type: event.type })
    inFlight.add(event.requestId)
    lastActivity = Date.now()
  })
  cdp.on('Network.loadingFailed', settle)
  cdp.on('Network.responseReceived', (event) => {
    const entry = byId.get(event.requestId)
    if (entry) entry.type = event.type
  })
  cdp.on('Network.loadingFinished', (event) => {
    const entry = byId.get(event.requestId)
    if (entry) entry.bytes = event.encodedDataLength
    settle(event)
  })
  const finished = []
  const pending = new Set()
  const onRequest = (request) => {
    pending.add(request)
    lastActivity = Date.now()
  }
  const onFinished = (request) => {
    pending.delete(request)
    finished.push(request)
    lastActivity = Date.now()
    // A worker's own script shows in the page's session but finishes only
    // in the worker's: settle it by URL.
    for (const id of inFlight) {
      if (byId.get(id)?.url === request.url()) inFlight.delete(id)
    }
  }
  const onFailed = (request) => {
    pending.delete(request)
    lastActivity = Date.now()
  }
  context.on('request', onRequest)
  context.on('requestfinished', onFinished)
  context.on('requestfailed', onFailed)

  return {
    cdp,
    /** Until nothing has been in flight for `quietMs`, `maxMs` at most. */
    async waitForQuiet(quietMs = 300, maxMs = 5000) {
      const deadline = Date.now() + maxMs
      while (Date.now() < deadline) {
        const isIdle = inFlight.size === 0 && pending.size === 0
        if (isIdle && Date.now() - lastActivity >= quietMs) return
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async collect() {
      context.off('request', onRequest)
      context.off('requestfinished', onFinished)
      context.off('requestfailed', onFailed)
      const fromPage = [...byId.values()].filter((entry) => entry.bytes >= 0)
      const pageCount = new Map()
      for (const entry of fromPage) {
        pageCount.set(entry.url, (pageCount.get(entry.url) ?? 0) + 1)
      }
      const fromWorkers = []
      for (const request of finished) {
        const left = pageCount.get(request.url()) ?? 0
        if (left > 0) {
          pageCount.set(request.url(), left - 1)
          continue
        }
        const sizes = await request.sizes().catch(() => undefined)
        if (!sizes) continue
        const bytes =
          Math.max(0, sizes.responseBodySize) + sizes.responseHeadersSize
        fromWorkers.push({
          url: request.url(),
          type: 'Script',
          bytes,
          isWorker: true,
        })
      }
      return [...fromPage, ...fromWorkers]
    },
  }
}

/**
 * Resolves, in the page, with performance.now() when `selector` matches
 * (and its text includes `text`): no round trip is counted.
 */
export function waitInPage(page, selector, { text, timeoutMs = 30_000 } = {}) {
  return page.evaluate(
    ({ selector, text, timeoutMs }) =>
      new Promise((resolve) => {
        const started = performance.now()
        const check = () => {
          const element = document.querySelector(selector)
          if (element && (!text || element.textContent.includes(text))) {
            resolve(performance.now())
          } else if (performance.now() - started > timeoutMs) {
            resolve(Number.NaN)
          } else {
            setTimeout(check, 4)
          }
        }
        check()
      }),
    { selector, text, timeoutMs },
  )
}

/**
 * Types into the login form's body editor and resolves with the page time
 * at which the characters show in it: the editor is typable by then. The
 * time includes Playwright's focus and key round trips; `measureHarness`
 * gives that overhead on an idle editor.
 */
export async function measureTyping(page, text = 'zq') {
  const typed = waitInPage(
    page,
    `${LOGIN_FORM} [data-editor="monaco"] .view-lines`,
    { text },
  )
  // CSS, not a role query: the accessible-name lookup alone takes ~100 ms.
  await page
    .locator(
      `${LOGIN_FORM} [data-editor="monaco"] [role="textbox"][aria-label="Body"]`,
    )
    .focus()
  await page.keyboard.type(text)
  return typed
}

/** Focus-and-type latency on an already typed-into, idle editor. */
export async function measureHarness(page) {
  const startedAt = await page.evaluate(() => performance.now())
  const shownAt = await measureTyping(page, 'xw')
  return shownAt - startedAt
}

/** Page timings of every resource, by URL, in request order. */
export async function readResourceTimings(page) {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0]
    return {
      navigation: navigation
        ? { url: navigation.name, start: 0, end: navigation.responseEnd }
        : undefined,
      resources: performance.getEntriesByType('resource').map((entry) => ({
        url: entry.name,
        start: entry.startTime,
        end: entry.responseEnd,
      })),
      fcp: performance
        .getEntriesByType('paint')
        .find((entry) => entry.name === 'first-contentful-paint')?.startTime,
      lcp: window.__bench.lcp,
      marks: { ...window.__bench.marks },
    }
  })
}

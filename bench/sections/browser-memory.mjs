// 7b. Browser memory across client-side lesson navigations: JS heap after
// a forced GC, and live Monaco models and editors, counted through the
// DevTools protocol without exposing anything from the app. The heap is
// compared after a warm-up: V8 keeps compiling the lesson's hot code for
// the first ten or so visits (code objects 2.7 → 4.8 MB in heap snapshots,
// while app objects, DOM nodes and listeners stay flat), and that levels
// off; the cold figure is reported beside it.
import { LOGIN_FORM, newContext, waitInPage } from '../lib/browser.mjs'
import { makeRow } from '../lib/rows.mjs'
import { round } from '../lib/stats.mjs'

const MB = 1024 * 1024

export async function measureBrowserMemory({ browser, app, quick }) {
  const navigations = quick ? 6 : 20
  const warmUp = quick ? 5 : 10
  const { context } = await newContext(browser)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(`${app.origin}/lessons/api-tutorial`)
    await waitForEditors(page)
    const login = page.locator(LOGIN_FORM)
    await login.getByRole('button', { name: 'Send' }).click()
    await waitInPage(
      page,
      `${LOGIN_FORM} .response [data-editor="monaco"] .view-line`,
    )
    const prototypes = await findMonacoPrototypes(cdp)

    const samples = [await sample(page, cdp, prototypes, 0)]
    for (let index = 1; index <= warmUp + navigations; index++) {
      await page
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link', { name: 'Lessons' })
        .click()
      await page.waitForURL(/\/lessons$/)
      await page
        .getByRole('link', { name: 'Your first BigID API calls' })
        .first()
        .click()
      await page.waitForURL(/\/lessons\/api-tutorial$/)
      await waitForEditors(page)
      await waitInPage(
        page,
        `${LOGIN_FORM} .response [data-editor="monaco"] .view-line`,
      )
      samples.push(await sample(page, cdp, prototypes, index))
    }

    const cold = samples[1]
    const first = samples[warmUp]
    const middle = samples[warmUp + Math.ceil(navigations / 2)]
    const last = samples.at(-1)
    const section = '7. Memory'
    const rows = [
      makeRow({
        id: 'browser-heap',
        section,
        figure:
          `JS heap after ${navigations} more lesson navigations (after GC), ` +
          `${warmUp} to warm up first`,
        value: round(last.heapMb, 1),
        unit: 'MB',
        anchorName: `after the ${warmUp}th navigation`,
        anchor: round(first.heapMb, 1),
        target: { on: 'ratio', op: '<=', limit: 1.1, text: 'flat (≤ 1.10 ×)' },
        note:
          `after the ${middle.navigation}th: ${round(middle.heapMb, 1)} MB; ` +
          `after the 1st, cold: ${round(cold.heapMb, 1)} MB`,
      }),
      makeRow({
        id: 'browser-heap-cold',
        section,
        figure:
          'JS heap from the 1st navigation, cold — context: V8 compiling ' +
          'hot code in the first visits',
        value: round(last.heapMb, 1),
        unit: 'MB',
        anchorName: 'after the 1st navigation',
        anchor: round(cold.heapMb, 1),
      }),
      makeRow({
        id: 'monaco-models',
        section,
        figure: `Monaco models alive after ${warmUp + navigations} navigations`,
        value: last.models,
        unit: 'models',
        anchorName: 'after the 1st navigation',
        anchor: cold.models,
        target: { on: 'ratio', op: '<=', limit: 1, text: 'flat (same count)' },
        note:
          `editor instances alive ${last.editors} (1st: ${cold.editors}), ` +
          `${last.disposedEditors} of them disposed, ` +
          `in the DOM ${last.editorsInDom}`,
      }),
    ]
    return { rows, detail: { navigations, samples } }
  } finally {
    await context.close()
  }
}

function waitForEditors(page) {
  return waitInPage(page, `${LOGIN_FORM} [data-editor="monaco"] .view-line`)
}

/**
 * Finds an editor instance through React's fiber on the editor's DOM node
 * (the ref @monaco-editor/react keeps), then the prototypes of editors and
 * of text models, for Runtime.queryObjects to count their instances.
 */
async function findMonacoPrototypes(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `(${findEditor.toString()})()`,
  })
  if (!result.objectId) throw new Error('No Monaco editor found on the page')
  const prototypeOf = async (declaration) =>
    (
      await cdp.send('Runtime.callFunctionOn', {
        objectId: result.objectId,
        functionDeclaration: declaration,
      })
    ).result.objectId
  const prototypes = {
    editor: await prototypeOf(
      'function () { return Object.getPrototypeOf(this) }',
    ),
    model: await prototypeOf(
      'function () { return Object.getPrototypeOf(this.getModel()) }',
    ),
  }
  // Holding the editor itself would keep it alive and count as a leak.
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId })
  return prototypes
}

function findEditor() {
  for (const element of document.querySelectorAll('.monaco-editor')) {
    for (let node = element; node; node = node.parentElement) {
      const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'))
      if (!key) continue
      for (let fiber = node[key]; fiber; fiber = fiber.return) {
        for (let hook = fiber.memoizedState; hook; hook = hook.next) {
          if (typeof hook !== 'object') break
          const value = hook.memoizedState
          if (typeof value?.current?.getModel === 'function') {
            return value.current
          }
        }
      }
    }
  }
  return null
}

async function countInstances(cdp, prototypeObjectId) {
  const { objects } = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId,
  })
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration:
      'function () { return [this.length, this.filter((item) => typeof item.isDisposed === "function" ? item.isDisposed() : item.getModel?.() === null).length] }',
    returnByValue: true,
  })
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId })
  return result.value
}

async function sample(page, cdp, prototypes, navigation) {
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const [models, disposedModels] = await countInstances(cdp, prototypes.model)
  const [editors, disposedEditors] = await countInstances(
    cdp,
    prototypes.editor,
  )
  const editorsInDom = await page.locator('.monaco-editor').count()
  return {
    navigation,
    heapMb: heap.usedSize / MB,
    models,
    disposedModels,
    editors,
    disposedEditors,
    editorsInDom,
  }
}

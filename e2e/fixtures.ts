import { test as base, expect } from '@playwright/test'

type Guard = { blocked: string[]; problems: string[] }

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]'])

// Every story runs with the network cut off at loopback, and fails on any
// page error or console error, as a careful reviewer would.
export const test = base.extend<{ guard: Guard }>({
  // A lesson page is ready for a learner once every step has restored its
  // draft: a test acting before that would race React's hydration, which a
  // person cannot.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page)
    const reload = page.reload.bind(page)
    const settle = async () => {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('form.request-editor')].every((form) =>
          form.hasAttribute('data-restored'),
        ),
      )
    }
    page.goto = async (...args) => {
      const response = await goto(...args)
      await settle()
      return response
    }
    page.reload = async (...args) => {
      const response = await reload(...args)
      await settle()
      return response
    }
    await use(page)
  },
  guard: [
    async ({ context, page }, use) => {
      const guard: Guard = { blocked: [], problems: [] }
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url())
        if (url.protocol === 'data:' || url.protocol === 'blob:') {
          return route.continue()
        }
        if (loopback.has(url.hostname)) return route.continue()
        guard.blocked.push(url.href)
        return route.abort('blockedbyclient')
      })
      page.on('pageerror', (error) => {
        guard.problems.push(`page error: ${error.message}`)
      })
      page.on('console', (message) => {
        if (message.type() === 'error') {
          guard.problems.push(`console error: ${message.text()}`)
        }
      })

      await use(guard)

      expect(guard.blocked, 'requests that left loopback').toEqual([])
      expect(guard.problems, 'page and console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const jwt = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

function loginForm(page: Page): Locator {
  return page.getByRole('form', { name: 'POST /api/v1/sessions' })
}

function listForm(page: Page): Locator {
  return page.getByRole('form', { name: 'GET /api/v1/ds-connections' })
}

async function highlightedText(response: Locator): Promise<string> {
  const parts = response.locator('[data-editor="monaco"] .token-highlight')
  await expect(parts.first()).toBeVisible()
  return (await parts.allTextContents()).join('')
}

test('a learner signs in, copies the token and lists data sources', async ({
  page,
}) => {
  await page.goto('/lessons/api-tutorial')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your first BigID API calls' }),
  ).toBeVisible()

  const login = loginForm(page)
  await expect(login.getByLabel('URL')).toHaveValue(
    /^http:\/\/127\.0\.0\.1:\d+\/sandbox\/api\/v1\/sessions$/,
  )
  await login.getByRole('button', { name: 'Send' }).click()

  const loginResponse = login.getByRole('region', { name: 'Response' })
  await expect(loginResponse).toContainText('200 OK')
  await expect(loginResponse).toContainText('auth_token')
  const highlighted = await highlightedText(loginResponse)
  expect(highlighted).toMatch(jwt)

  await loginResponse.getByRole('button', { name: 'Copy token' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(highlighted)

  const list = listForm(page)
  await list.getByRole('button', { name: 'Add header' }).click()
  await expect(list.getByLabel('Header name')).toBeFocused()
  await page.keyboard.type('Authorization')
  await page.keyboard.press('Tab')
  await expect(list.getByLabel('Header value')).toBeFocused()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(list.getByLabel('Header value')).toHaveValue(copied)
  await list.getByRole('button', { name: 'Send' }).click()

  const listResponse = list.getByRole('region', { name: 'Response' })
  await expect(listResponse).toContainText('200 OK')
  const table = listResponse.getByRole('table', { name: /Data sources/ })
  await expect(table).toContainText('totalCount 20')
  // One header row and the 20 training sources.
  await expect(table.getByRole('row')).toHaveCount(21)
  await expect(
    table.getByRole('rowheader', { name: 'Ads', exact: true }),
  ).toBeVisible()
  await expect(
    table.getByRole('rowheader', { name: 'Backups', exact: true }),
  ).toBeVisible()
})

test('a learner who sends the list without a token sees the 401', async ({
  page,
}) => {
  await page.goto('/lessons/api-tutorial')
  const list = listForm(page)
  await list.getByRole('button', { name: 'Send' }).click()

  const response = list.getByRole('region', { name: 'Response' })
  await expect(response).toContainText('401')
  await expect(response).toContainText('Failed to authenticate token.')
})

test('a learner who breaks the JSON body sees it underlined', async ({
  page,
}) => {
  await page.goto('/lessons/api-tutorial')
  const body = loginForm(page).getByRole('textbox', {
    name: 'Body',
    exact: true,
  })
  const editor = loginForm(page).locator('[data-editor="monaco"]')
  await expect(editor).toBeVisible()

  await body.focus()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(',,')
  await expect(editor.locator('.squiggly-error').first()).toBeVisible()
})

test('fast typing in the body loses no key, even on a slow machine', async ({
  page,
}) => {
  await page.goto('/lessons/api-tutorial')
  const login = loginForm(page)
  const body = login.getByRole('textbox', { name: 'Body', exact: true })
  await expect(login.locator('[data-editor="monaco"]')).toBeVisible()
  // A slow laptop: every re-render of the lesson takes several keys long.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })

  await body.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.type('{"username": "bigid", "password": "learner"')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })

  await login.getByRole('button', { name: 'Send' }).click()
  await expect(login.getByRole('region', { name: 'Response' })).toContainText(
    '200 OK',
  )
})

test('edits and the last response survive a reload', async ({ page }) => {
  await page.goto('/lessons/api-tutorial')
  const login = loginForm(page)
  await login.getByRole('button', { name: 'Send' }).click()
  await expect(login.getByRole('region', { name: 'Response' })).toContainText(
    '200 OK',
  )

  const list = listForm(page)
  await list.getByRole('button', { name: 'Add header' }).click()
  await list.getByLabel('Header name').fill('Authorization')
  await list.getByLabel('Header value').fill('typed-by-hand')

  await page.reload()
  await expect(list.getByLabel('Header name')).toHaveValue('Authorization')
  await expect(list.getByLabel('Header value')).toHaveValue('typed-by-hand')
  await expect(login.getByRole('region', { name: 'Response' })).toContainText(
    '200 OK',
  )
})

test('the lesson text is in the HTML before any script runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/lessons/api-tutorial')
  await expect(
    page.getByRole('heading', { name: '1. Two ways to sign in' }),
  ).toBeVisible()
  await expect(loginForm(page).getByLabel('Body')).toHaveValue(
    /"username": "bigid"/,
  )
  await context.close()
})

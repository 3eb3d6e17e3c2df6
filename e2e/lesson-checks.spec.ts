import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const lessonUrl = '/lessons/api-tutorial'

function loginForm(page: Page): Locator {
  return page.getByRole('form', { name: 'POST /api/v1/sessions' })
}

function listForm(page: Page): Locator {
  return page.getByRole('form', { name: 'GET /api/v1/ds-connections' })
}

async function signIn(page: Page): Promise<string> {
  const login = loginForm(page)
  await login.getByRole('button', { name: 'Send' }).click()
  await expect(login.getByText('Step done.')).toBeVisible()
  const token = await page.evaluate(() => {
    const raw = sessionStorage.getItem(
      'bigid-playground:v1:tokens:api-tutorial',
    )
    return (JSON.parse(raw ?? '[]') as { value: string }[])[0]?.value ?? ''
  })
  expect(token).toMatch(/^eyJ/)
  return token
}

async function typeHeader(form: Locator, name: string, value: string) {
  await form.getByRole('button', { name: 'Add header' }).click()
  await form.getByLabel('Header name').last().fill(name)
  await form.getByLabel('Header value').last().fill(value)
}

function jwtWith(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2ln`
}

test('a learner with a wrong password reads the hints, then fixes it', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  const login = loginForm(page)
  await expect(login.locator('[data-editor="monaco"]')).toBeVisible()
  const body = login.getByRole('textbox', { name: 'Body', exact: true })
  await replaceText(page, body, '{"username": "bigid", "password": "wrong"}')
  await login.getByRole('button', { name: 'Send' }).click()

  const response = login.getByRole('region', { name: 'Response' })
  await expect(response).toContainText('200 OK')
  await expect(login.getByText('Not yet.')).toBeVisible()
  await expect(login).toContainText('success is false, not true')

  await login.getByRole('button', { name: 'Show a hint' }).click()
  await expect(login).toContainText('read the body before you celebrate')
  await login.getByRole('button', { name: 'Another hint' }).click()
  await login.getByRole('button', { name: 'Show the answer' }).click()
  await expect(login).toContainText('"learner"')

  await replaceText(page, body, '{"username": "bigid", "password": "learner"}')
  await login.getByRole('button', { name: 'Send' }).click()
  await expect(login.getByText('Step done.')).toBeVisible()
})

test('a Bearer prefix is caught before Send and after it', async ({ page }) => {
  await page.goto(lessonUrl)
  const token = await signIn(page)
  const list = listForm(page)
  await typeHeader(list, 'Authorization', `Bearer ${token}`)
  await expect(list).toContainText('without "Bearer " in front')

  await list.getByRole('button', { name: 'Send' }).click()
  await expect(list.getByRole('region', { name: 'Response' })).toContainText(
    '401',
  )
  await expect(list.locator('[data-mistake="bearer_prefix"]')).toBeVisible()

  await list.getByRole('button', { name: 'Fix the token' }).click()
  await expect(list.getByLabel('Header value')).toHaveValue(token)
  await list.getByRole('button', { name: 'Send' }).click()
  await expect(list.getByText('Step done.')).toBeVisible()
})

test('a quoted, padded token is fixed with one click', async ({ page }) => {
  await page.goto(lessonUrl)
  const token = await signIn(page)
  const list = listForm(page)
  await typeHeader(list, 'Authorization', `  "${token}"\t`)
  await expect(list).toContainText('wrapped in quotes')
  await expect(list).toContainText('spaces before or after')

  await list.getByRole('button', { name: 'Fix the token' }).click()
  await expect(list.getByLabel('Header value')).toHaveValue(token)
  await expect(list).toContainText('Removed the quotes around the token.')
  await expect(list.locator('.lint-findings')).toHaveCount(0)
})

test('a learner carries the token to the next step and sees where it came from', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  const token = await signIn(page)
  const login = loginForm(page)
  await login.getByRole('button', { name: 'Use in next step' }).click()

  const list = listForm(page)
  const value = list.getByLabel('Header value')
  await expect(value).toHaveValue(token)
  await expect(value).toBeFocused()
  await expect(list.getByLabel('Header name')).toHaveValue('Authorization')
  await expect(list).toContainText(
    'Filled from step “login” (POST /api/v1/sessions)',
  )

  await list.getByRole('button', { name: 'Send' }).click()
  await expect(list.getByText('Step done.')).toBeVisible()
  await expect(page.getByText('2 request steps done.')).toBeVisible()
})

test('an expired token is flagged, and the 401 offers to sign in again', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  await signIn(page)
  const expired = jwtWith({
    user_name: 'bigid',
    type: 'access-token',
    iat: 1_600_000_000,
    exp: 1_600_086_400,
  })
  const list = listForm(page)
  await typeHeader(list, 'Authorization', expired)
  await expect(list).toContainText('This token has expired')
  await list.getByText('Inspect token').click()
  await expect(list).toContainText('Expired')

  await list.getByRole('button', { name: 'Send' }).click()
  await expect(list.locator('[data-mistake="expired_token"]')).toBeVisible()
  await list.getByRole('link', { name: 'Redo the sign-in step' }).click()
  await expect(page).toHaveURL(/#step-login$/)
})

test('a learner finishes the lesson with the keyboard alone', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  const login = loginForm(page)
  const list = listForm(page)

  await tabTo(page, login.getByRole('button', { name: 'Send' }))
  await page.keyboard.press('Enter')
  await expect(login.getByText('Step done.')).toBeVisible()
  await expect(
    page.getByRole('status').filter({ hasText: 'auth_token found' }),
  ).toHaveCount(1)

  await tabTo(page, login.getByRole('button', { name: 'Copy token' }))
  await page.keyboard.press('Enter')
  await tabTo(page, list.getByRole('button', { name: 'Add header' }))
  await page.keyboard.press('Enter')
  await page.keyboard.type('Authorization')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ControlOrMeta+V')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(list.getByText('Step done.')).toBeVisible()
  await expect(
    list.getByRole('table', { name: /Data sources/ }).getByRole('row'),
  ).toHaveCount(21)
})

test('a reload restores drafts, responses, carried values and progress', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  await signIn(page)
  await loginForm(page)
    .getByRole('button', { name: 'Use in next step' })
    .click()
  const list = listForm(page)
  await list.getByRole('button', { name: 'Send' }).click()
  await expect(list.getByText('Step done.')).toBeVisible()

  await page.reload()
  await expect(loginForm(page).getByText('Step done.')).toBeVisible()
  await expect(list.getByText('Step done.')).toBeVisible()
  await expect(list).toContainText('Filled from step “login”')
  await expect(list.getByRole('region', { name: 'Response' })).toContainText(
    '200 OK',
  )
  await expect(page.getByText('2 request steps done.')).toBeVisible()

  const stored = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }))
  expect(stored.local).not.toContain('eyJ')
  expect(stored.local).not.toContain('learner')

  await page.goto('/lessons')
  await expect(page.getByText('Done', { exact: true }).first()).toBeVisible()
})

test('a typed password is never stored', async ({ page }) => {
  await page.goto(lessonUrl)
  const login = loginForm(page)
  await expect(login.locator('[data-editor="monaco"]')).toBeVisible()
  await replaceText(
    page,
    login.getByRole('textbox', { name: 'Body', exact: true }),
    '{"username": "alice", "password": "hunter2"}',
  )
  await page.waitForTimeout(300)

  const stored = await page.evaluate(() =>
    JSON.stringify({ ...sessionStorage, ...localStorage }),
  )
  expect(stored).toContain('alice')
  expect(stored).not.toContain('hunter2')

  await page.reload()
  await expect(login).toContainText('Passwords are never saved')
})

test('every lesson page passes axe, before and after a Send', async ({
  page,
}) => {
  await page.goto('/lessons')
  const links = await page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((anchors) =>
      anchors
        .map((anchor) => anchor.getAttribute('href') ?? '')
        .filter((href) => href.startsWith('/lessons/')),
    )
  expect(links.length).toBeGreaterThan(0)

  for (const href of [...new Set(links)]) {
    await page.goto(href)
    await expect(page.locator('[data-editor="monaco"]').first()).toBeVisible()
    await expectNoViolations(page, href)

    const send = page.getByRole('button', { name: 'Send' }).first()
    await send.click()
    await expect(
      page.getByRole('region', { name: 'Response' }).first(),
    ).toBeVisible()
    await expectNoViolations(page, `${href} after Send`)
  }
  await page.goto('/lessons')
  await expectNoViolations(page, '/lessons')
})

async function expectNoViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('.monaco-editor .view-lines')
    .analyze()
  const found = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  )
  expect(found, `axe on ${where}`).toEqual([])
}

// Replaces an editor's text the way a learner pastes it: Monaco closes
// brackets and quotes as one types, so typing would not give the same text.
async function replaceText(page: Page, editor: Locator, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await editor.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

// Presses Tab until the target has focus. Inside Monaco, Tab types a tab,
// so the learner does what the page tells them: Ctrl+M, then Tab again.
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab')
    const where = await target.evaluate((element) => {
      const active = document.activeElement
      if (element === active) return 'there'
      return active?.closest('.monaco-editor') ? 'monaco' : 'elsewhere'
    })
    if (where === 'there') return
    if (where === 'monaco') await page.keyboard.press('Control+M')
  }
  throw new Error('The target cannot be reached with Tab.')
}

test('the body editor completes the sign-in fields from their schema', async ({
  page,
}) => {
  await page.goto(lessonUrl)
  const login = loginForm(page)
  const body = login.getByRole('textbox', { name: 'Body', exact: true })
  await expect(login.locator('[data-editor="monaco"]')).toBeVisible()
  await replaceText(page, body, '{\n  \n}')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('End')
  await page.keyboard.press('Control+Space')
  const suggestions = login.locator('.suggest-widget')
  await expect(suggestions).toContainText('username')
  await expect(suggestions).toContainText('password')
  await page.keyboard.press('Escape')
})

test('earlier exchanges of a step can be reopened', async ({ page }) => {
  await page.goto(lessonUrl)
  const list = listForm(page)
  await list.getByRole('button', { name: 'Send' }).click()
  const response = list.getByRole('region', { name: 'Response' })
  await expect(response).toContainText('401')

  await typeHeader(list, 'Authorization', 'SAMPLE')
  await list.getByRole('button', { name: 'Send' }).click()
  await expect(response).toContainText('200 OK')

  const picker = response.getByLabel('Exchange')
  await expect(picker.locator('option')).toHaveCount(2)
  await picker.selectOption({ index: 1 })
  await expect(response).toContainText('401')
  await expect(response).not.toContainText('200 OK')
})

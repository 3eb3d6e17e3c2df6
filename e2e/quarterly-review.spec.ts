import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import AxeBuilder from '@axe-core/playwright'
import { runSnippet, sealedEnv } from '../lib/snippets/run-snippet'
import { expect, test } from './fixtures'
import { carryToNext, expectDone, send, step, useToken } from './lesson-steps'

const run = promisify(execFile)
const listName = 'GET /api/v1/ds-connections'

test('a learner walks through the review by hand, downloads the bash script and runs it against the sandbox', async ({
  page,
  baseURL,
}) => {
  await page.goto('/lessons/quarterly-review')

  const make = step(page, 'POST /api/sandbox/user-tokens')
  await send(make)
  await expectDone(make)

  const exchange = step(page, 'GET /api/v1/refresh-access-token')
  const userToken = await carryToNext(make, exchange)
  await send(exchange)
  await expectDone(exchange)

  const firstPage = step(page, listName, 0)
  const systemToken = await carryToNext(exchange, firstPage)
  await expect(await send(firstPage)).toContainText(
    '10 in this reply, totalCount 20',
  )
  await expectDone(firstPage)

  const secondPage = step(page, listName, 1)
  await useToken(secondPage, systemToken)
  await expect(await send(secondPage)).toContainText(
    '10 in this reply, totalCount 20',
  )
  await expectDone(secondPage)
  await expect(page.getByText('4 request steps done.')).toBeVisible()

  const bash = page.getByRole('region', { name: 'quarterly-review.sh' })
  await expect(bash).toContainText('Run it with bash quarterly-review.sh')
  const downloading = page.waitForEvent('download')
  await bash.getByRole('link', { name: 'Download quarterly-review.sh' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('quarterly-review.sh')

  const folder = await mkdtemp(path.join(tmpdir(), 'quarterly-e2e-'))
  try {
    const script = path.join(folder, 'quarterly-review.sh')
    await download.saveAs(script)
    const { stderr } = await run('bash', [script], {
      cwd: folder,
      timeout: 30_000,
      killSignal: 'SIGKILL',
      env: sealedEnv(folder, {
        BIGID_BASE_URL: `${baseURL}/sandbox`,
        BIGID_USER_TOKEN: userToken,
      }),
    })
    expect(stderr).toContain('Wrote 20 data sources to data-sources.csv')
    const rows = (await readFile(path.join(folder, 'data-sources.csv'), 'utf8'))
      .trimEnd()
      .split('\n')
    expect(rows).toHaveLength(21)
    expect(rows[0]).toBe(
      '"name","type","enabled","location","security_tier","updated_at"',
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

test('each script is served as the file in the lesson', async ({ page }) => {
  await page.goto('/lessons/quarterly-review')
  for (const file of [
    'quarterly-review.sh',
    'quarterly-review.py',
    'quarterly-review.mjs',
  ]) {
    const region = page.getByRole('region', { name: file })
    await region.getByText(`Read ${file}`).click()
    const shown = await region.locator('pre').textContent()

    const response = await page.request.get(`/scripts/${file}`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-disposition']).toBe(
      `attachment; filename="${file}"`,
    )
    expect(await response.text()).toBe(shown)
  }
})

test('a learner copies a step as curl and gets the same answer in a terminal', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/lessons/quarterly-review')
  const make = step(page, 'POST /api/sandbox/user-tokens')
  await make.getByText('Code for this request').click()
  const language = make.getByLabel('Language')
  await expect(language).toHaveValue('curl')

  const code = make.getByRole('textbox', { name: 'Code', exact: true })
  await expect(code).toHaveValue(
    /--url http:\/\/127\.0\.0\.1:\d+\/sandbox\/api\/sandbox\/user-tokens/,
  )
  await expect(code).toHaveValue(/"days": 90/)
  await expect(code).not.toHaveValue(/api\/send/)

  // The code follows the edits, as Send would send them now.
  const body = make.getByRole('textbox', { name: 'Body', exact: true })
  await expect(make.locator('[data-editor="monaco"]')).toBeVisible()
  await page.evaluate(
    (value) => navigator.clipboard.writeText(value),
    '{"username": "bigid", "days": 7}',
  )
  await body.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(code).toHaveValue(/"days": 7}'/)

  await make.getByRole('button', { name: 'Copy code' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(await code.inputValue())

  const { stdout } = await runSnippet('curl', copied, 15_000)
  expect(JSON.parse(stdout).userToken).toMatch(/^eyJ/)

  await language.selectOption('python')
  await expect(code).toHaveValue(/import http\.client/)
})

test('the code panel and the scripts pass axe when open', async ({ page }) => {
  await page.goto('/lessons/quarterly-review')
  const make = step(page, 'POST /api/sandbox/user-tokens')
  await make.getByText('Code for this request').click()
  await expect(
    make.getByRole('textbox', { name: 'Code', exact: true }),
  ).toHaveValue(/curl/)
  for (const file of ['quarterly-review.sh', 'quarterly-review.py']) {
    await page
      .getByRole('region', { name: file })
      .getByText(`Read ${file}`)
      .click()
  }

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('.monaco-editor .view-lines')
    .analyze()
  expect(results.violations.map((violation) => violation.id)).toEqual([])
})

import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { carryToNext, expectDone, send, step, useToken } from './lesson-steps'

const listName = 'GET /api/v1/ds-connections'

function rowNames(response: Locator) {
  return response
    .getByRole('table', { name: /Data sources/ })
    .getByRole('rowheader')
    .allTextContents()
}

test('a learner pages, filters and sorts the list, then fetches one source by name', async ({
  page,
}) => {
  await page.goto('/lessons/paging')
  const signIn = step(page, 'POST /api/v1/sessions')
  await send(signIn)
  await expectDone(signIn)

  const firstPage = step(page, listName, 0)
  const token = await carryToNext(signIn, firstPage)
  const first = await send(firstPage)
  await expect(first).toContainText('5 in this reply, totalCount 20')
  await expectDone(firstPage)
  const firstNames = await rowNames(first)
  expect(firstNames).toHaveLength(5)

  const secondPage = step(page, listName, 1)
  await useToken(secondPage, token)
  const second = await send(secondPage)
  await expect(second).toContainText('5 in this reply, totalCount 20')
  const secondNames = await rowNames(second)
  expect(secondNames.filter((name) => firstNames.includes(name))).toEqual([])
  await expectDone(secondPage)

  const byName = step(page, listName, 2)
  await useToken(byName, token)
  const named = await send(byName)
  await expect(named).toContainText('1 in this reply, totalCount 1')
  expect(await rowNames(named)).toEqual(['Ads'])
  await expectDone(byName)

  const byType = step(page, listName, 3)
  await useToken(byType, token)
  expect((await rowNames(await send(byType))).sort()).toEqual([
    'Backups',
    'Models',
    'Share',
    'breach-investigation-Stolen Data',
  ])
  await expectDone(byType)

  const disabled = step(page, listName, 4)
  await useToken(disabled, token)
  expect((await rowNames(await send(disabled))).sort()).toEqual([
    'Models',
    'SalesForce',
    'breach-investigation-Stolen Data',
  ])
  await expectDone(disabled)

  const sorted = step(page, listName, 5)
  await useToken(sorted, token)
  const sortedNames = await rowNames(await send(sorted))
  expect(sortedNames).toHaveLength(5)
  expect(sortedNames).toEqual(
    [...sortedNames].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)),
  )
  await expectDone(sorted)

  const one = step(page, 'GET /api/v1/ds_connections/Ads')
  await useToken(one, token)
  await expect(await send(one)).toContainText('"ds_connection"')
  await expectDone(one)

  const missing = step(page, 'GET /api/v1/ds_connections/Adz')
  await useToken(missing, token)
  const notFound = await send(missing)
  await expect(notFound).toContainText('400')
  await expect(notFound).toContainText(
    'Unable to locate ds_connection with name: Adz',
  )
  await expectDone(missing)

  await expect(page.getByText('9 request steps done.')).toBeVisible()
})

test('a filter typed as plain JSON in the URL works as well as an encoded one', async ({
  page,
}) => {
  await page.goto('/lessons/paging')
  const byName = step(page, listName, 2)
  // The draft is restored once the page is live; edit after that.
  await expect(byName.getByLabel('URL')).toHaveValue(/^http/)
  await byName
    .getByLabel('URL')
    .fill(
      `${new URL(page.url()).origin}/sandbox/api/v1/ds-connections?filter=` +
        '[{"field":"name","value":"Songs","operator":"equal"}]',
    )
  await useToken(byName, 'SAMPLE')
  expect(await rowNames(await send(byName))).toEqual(['Songs'])
})

import { expect, test } from './fixtures'
import {
  carryToNext,
  expectDone,
  jwt,
  send,
  step,
  useToken,
} from './lesson-steps'

const makeName = 'POST /api/sandbox/user-tokens'
const exchangeName = 'GET /api/v1/refresh-access-token'
const listName = 'GET /api/v1/ds-connections'

test('a learner makes a user token, exchanges it and lists data sources with the system token', async ({
  page,
}) => {
  await page.goto('/lessons/user-token')
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in with a user token' }),
  ).toBeVisible()

  const make = step(page, makeName)
  await expect(await send(make)).toContainText('userToken')
  await expectDone(make)

  const exchange = step(page, exchangeName)
  const userToken = await carryToNext(make, exchange)
  const exchanged = await send(exchange)
  await expect(exchanged).toContainText('200 OK')
  await expect(exchanged).toContainText('systemToken')
  await expectDone(exchange)

  const list = step(page, listName)
  const systemToken = await carryToNext(exchange, list)
  expect(systemToken).not.toBe(userToken)
  const listed = await send(list)
  const table = listed.getByRole('table', { name: /Data sources/ })
  await expect(table).toContainText('totalCount 20')
  await expectDone(list)

  // What goes wrong: the user token on the list is refused with 401...
  const refused = step(page, listName, 1)
  await useToken(refused, userToken)
  const refusal = await send(refused)
  await expect(refusal).toContainText('401')
  await expect(refusal).toContainText('Failed to authenticate token.')
  await expectDone(refused)

  // ...a POST to the exchange is a 404...
  const posted = step(page, 'POST /api/v1/refresh-access-token')
  await expect(await send(posted)).toContainText(
    'Cannot POST /api/v1/refresh-access-token',
  )
  await expectDone(posted)

  // ...and two kinds of bad token are both 200 with success false.
  const garbage = step(page, exchangeName, 1)
  const garbageReply = await send(garbage)
  await expect(garbageReply).toContainText('200 OK')
  await expect(garbageReply).toContainText('Failed to authenticate token.')
  await expectDone(garbage)

  const expired = step(page, exchangeName, 2)
  await expect(expired.getByLabel('Header value')).toHaveValue(jwt)
  await expect(await send(expired)).toContainText('Refresh token not valid')
  await expectDone(expired)

  await expect(page.getByText('7 request steps done.')).toBeVisible()
})

test('the user-token lesson points to the sandbox Access Management page', async ({
  page,
}) => {
  await page.goto('/lessons/user-token')
  await page
    .getByRole('link', { name: "sandbox's Access Management page" })
    .click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Access Management' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Generate user token' }).click()
  await expect(page.getByRole('textbox', { name: 'User token' })).toHaveValue(
    jwt,
  )
})

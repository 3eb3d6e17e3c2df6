import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

// Moves shared by the lesson stories: find a step by its accessible name,
// send it, read a token, put one in. Steps that call the same endpoint
// share a name, so `index` counts them in page order.

export const jwt = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/

export function step(page: Page, name: string, index = 0): Locator {
  return page.getByRole('form', { name }).nth(index)
}

export async function send(form: Locator): Promise<Locator> {
  await form.getByRole('button', { name: 'Send' }).click()
  const response = form.getByRole('region', { name: 'Response' })
  await expect(response).toBeVisible()
  return response
}

export async function expectDone(form: Locator) {
  await expect(form.getByText('Step done.')).toBeVisible()
}

/** Presses "Use in next step" and returns the token it carried. */
export async function carryToNext(from: Locator, to: Locator) {
  await from.getByRole('button', { name: 'Use in next step' }).click()
  const value = to.getByLabel('Header value')
  await expect(value).toHaveValue(jwt)
  return value.inputValue()
}

export async function useToken(form: Locator, token: string) {
  await form.getByLabel('Header value').fill(token)
}

import { userTokenMaxDays, userTokenMinDays } from '@/lib/bigid/limits'
import { sandboxMessages } from './messages'

/** Where the Access Management form asks the sandbox for a user token. */
export const userTokensPath = '/sandbox/api/sandbox/user-tokens'

/**
 * The rule for a user token's lifetime, shared by the sandbox's endpoint
 * and the Access Management form. Not server-only: the form runs it too.
 */
export function isLifetimeDays(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= userTokenMinDays &&
    value <= userTokenMaxDays
  )
}

export type LifetimeInput =
  | { readonly ok: true; readonly days: number }
  | { readonly ok: false; readonly message: string }

/** Reads what a person typed into the lifetime field. */
export function parseLifetimeDays(text: string): LifetimeInput {
  const trimmed = text.trim()
  if (trimmed === '')
    return { ok: false, message: sandboxMessages.lifetimeEmpty }
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, message: sandboxMessages.lifetimeNotWhole }
  }

  const days = Number(trimmed)
  return isLifetimeDays(days)
    ? { ok: true, days }
    : { ok: false, message: sandboxMessages.lifetimeOutOfRange }
}

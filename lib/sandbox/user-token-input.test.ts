import { describe, expect, it } from 'vitest'
import { sandboxMessages } from './messages'
import { isLifetimeDays, parseLifetimeDays } from './user-token-input'

describe('user-token-input', () => {
  it.each([
    ['30', 30],
    [' 1 ', 1],
    ['999', 999],
  ])('reads %j as %i days', (text, days) => {
    expect(parseLifetimeDays(text)).toEqual({ ok: true, days })
  })

  it.each([
    ['', sandboxMessages.lifetimeEmpty],
    ['  ', sandboxMessages.lifetimeEmpty],
    ['1.5', sandboxMessages.lifetimeNotWhole],
    ['-3', sandboxMessages.lifetimeNotWhole],
    ['ten', sandboxMessages.lifetimeNotWhole],
    ['0', sandboxMessages.lifetimeOutOfRange],
    ['1000', sandboxMessages.lifetimeOutOfRange],
  ])('refuses %j with a message saying what to fix', (text, message) => {
    expect(parseLifetimeDays(text)).toEqual({ ok: false, message })
  })

  it('says the allowed range in each message', () => {
    expect(sandboxMessages.lifetimeOutOfRange).toContain('1 to 999')
    expect(sandboxMessages.lifetimeNotWhole).toContain('1 to 999')
  })

  it('accepts only whole numbers from 1 to 999 as a lifetime', () => {
    expect(isLifetimeDays(1)).toBe(true)
    expect(isLifetimeDays(999)).toBe(true)
    expect(isLifetimeDays(0)).toBe(false)
    expect(isLifetimeDays(2.5)).toBe(false)
    expect(isLifetimeDays('5')).toBe(false)
    expect(isLifetimeDays(Number.NaN)).toBe(false)
  })
})

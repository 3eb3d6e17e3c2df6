import { describe, expect, it } from 'vitest'
import recorded from '@/lib/sandbox/data/sessions-success.json'
import { bigidMessages } from './messages'
import {
  sessionFailureSchema,
  sessionReplySchema,
  sessionRequestSchema,
  sessionSuccessSchema,
} from './sessions'

describe('sessions', () => {
  it('accepts the recorded success body', () => {
    expect(sessionSuccessSchema.safeParse(recorded).success).toBe(true)
  })

  it('lists the success keys in the recorded order', () => {
    expect(Object.keys(sessionSuccessSchema.shape)).toEqual(
      Object.keys(recorded),
    )
  })

  it('tells a failure from a success by the success flag', () => {
    const failure = { success: false, message: bigidMessages.sessionFailure }
    expect(sessionFailureSchema.safeParse(failure).success).toBe(true)
    expect(sessionReplySchema.parse(failure).success).toBe(false)
    expect(sessionReplySchema.parse(recorded).success).toBe(true)
  })

  it('refuses a success without an auth_token', () => {
    const { auth_token: _, ...rest } = recorded
    expect(sessionSuccessSchema.safeParse(rest).success).toBe(false)
  })

  it('wants both credentials as strings', () => {
    expect(
      sessionRequestSchema.safeParse({ username: 'bigid', password: 'learner' })
        .success,
    ).toBe(true)
    expect(sessionRequestSchema.safeParse({ username: 'bigid' }).success).toBe(
      false,
    )
  })
})

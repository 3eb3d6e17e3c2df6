import { describe, expect, it } from 'vitest'
import { bigidMessages } from './messages'
import {
  refreshReplySchema,
  refreshSuccessSchema,
} from './refresh-access-token'

describe('refresh-access-token', () => {
  it('accepts a success with a systemToken', () => {
    const reply = { success: true, systemToken: 'eyJ.x.y' }
    expect(refreshSuccessSchema.safeParse(reply).success).toBe(true)
  })

  it('reads both observed failures as failures', () => {
    for (const message of [
      bigidMessages.tokenFailure,
      bigidMessages.refreshTokenNotValid,
    ]) {
      const reply = refreshReplySchema.parse({ success: false, message })
      expect(reply.success).toBe(false)
    }
  })

  it('refuses a success without a systemToken', () => {
    expect(refreshReplySchema.safeParse({ success: true }).success).toBe(false)
  })
})

import { z } from 'zod'
import { authFailureSchema } from './failure'

/** The reply to `GET /api/v1/refresh-access-token`: exactly these keys. */
export const refreshSuccessSchema = z.object({
  success: z.literal(true),
  systemToken: z.string(),
})

export type RefreshSuccess = z.infer<typeof refreshSuccessSchema>

export const refreshReplySchema = z.discriminatedUnion('success', [
  refreshSuccessSchema,
  authFailureSchema,
])

export type RefreshReply = z.infer<typeof refreshReplySchema>

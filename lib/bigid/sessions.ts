import { z } from 'zod'
import { authFailureSchema } from './failure'

/** The reply to `POST /api/v1/sessions`, keys in the recorded order. */
export const sessionSuccessSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  auth_token: z.string(),
  username: z.string(),
  firstName: z.string(),
  permissions: z.array(z.string()),
  email: z.string(),
  isPasswordChangeNeeded: z.boolean(),
  lastName: z.string(),
})

export type SessionSuccess = z.infer<typeof sessionSuccessSchema>

export const sessionFailureSchema = authFailureSchema

export type SessionFailure = z.infer<typeof sessionFailureSchema>

export const sessionReplySchema = z.discriminatedUnion('success', [
  sessionSuccessSchema,
  sessionFailureSchema,
])

export type SessionReply = z.infer<typeof sessionReplySchema>

/** The request body BigID expects; it answers anything else as a failure. */
export const sessionRequestSchema = z.object({
  username: z.string(),
  password: z.string(),
})

export type SessionRequest = z.infer<typeof sessionRequestSchema>

import { z } from 'zod'

/**
 * `{"success": false, "message": "..."}`: how both auth endpoints fail (with
 * HTTP 200) and how protected endpoints refuse a token (with HTTP 401).
 */
export const authFailureSchema = z.object({
  success: z.literal(false),
  message: z.string(),
})

export type AuthFailure = z.infer<typeof authFailureSchema>

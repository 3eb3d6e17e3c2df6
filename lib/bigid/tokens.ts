import { z } from 'zod'

/** Every BigID JWT carries exactly this protected header. */
export const jwtHeader = { alg: 'HS256', typ: 'JWT' } as const

const roleIdSchema = z.string().regex(/^[0-9a-f]{24}$/)
const epochSecondsSchema = z.number().int().nonnegative()

/** Claims of a session `auth_token`, in the order BigID writes them. */
export const sessionClaimsSchema = z.object({
  user_name: z.string(),
  type: z.literal('access-token'),
  roleIds: z.array(roleIdSchema),
  isAdmin: z.boolean(),
  iat: epochSecondsSchema,
  exp: epochSecondsSchema,
})

export type SessionClaims = z.infer<typeof sessionClaimsSchema>

/** Claims of a `systemToken`, in the order BigID writes them. */
export const systemClaimsSchema = z.object({
  user_name: z.string(),
  isAdmin: z.boolean(),
  roleIds: z.array(roleIdSchema),
  type: z.literal('access-token'),
  tenantId: z.string(),
  iat: epochSecondsSchema,
  exp: epochSecondsSchema,
})

export type SystemClaims = z.infer<typeof systemClaimsSchema>

/**
 * Claims of a user (refresh) token. Only `type` is known from BigID; the
 * other claims are the sandbox's choice (see docs/sandbox.md).
 */
export const userTokenClaimsSchema = z.object({
  user_name: z.string(),
  type: z.literal('refresh-token'),
  iat: epochSecondsSchema,
  exp: epochSecondsSchema,
})

export type UserTokenClaims = z.infer<typeof userTokenClaimsSchema>

/** Either kind of token that protected endpoints accept. */
export const accessClaimsSchema = z.union([
  systemClaimsSchema,
  sessionClaimsSchema,
])

export type AccessClaims = z.infer<typeof accessClaimsSchema>

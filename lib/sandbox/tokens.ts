import 'server-only'
import {
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
} from 'jose'
import { sessionTokenSeconds, systemTokenSeconds } from '@/lib/bigid/limits'
import {
  type AccessClaims,
  accessClaimsSchema,
  jwtHeader,
  type SessionClaims,
  type SystemClaims,
  type UserTokenClaims,
  userTokenClaimsSchema,
} from '@/lib/bigid/tokens'
import type { Clock } from './config'
import type { SandboxUser } from './users'

export type TokenSubject = Pick<SandboxUser, 'username' | 'isAdmin' | 'roleIds'>

export type TokenCheck =
  | {
      readonly ok: true
      readonly kind: 'access'
      readonly claims: AccessClaims
    }
  | {
      readonly ok: true
      readonly kind: 'refresh'
      readonly claims: UserTokenClaims
    }
  | {
      readonly ok: false
      /** malformed: not a JWT at all; invalid: not ours; expired: too old. */
      readonly reason: 'malformed' | 'invalid' | 'expired'
    }

export type IssuedUserToken = {
  readonly token: string
  readonly expiresAt: Date
}

export type TokenService = {
  issueSessionToken(user: TokenSubject): Promise<string>
  issueSystemToken(user: TokenSubject): Promise<string>
  issueUserToken(username: string, days: number): Promise<IssuedUserToken>
  checkToken(token: string): Promise<TokenCheck>
}

const daySeconds = 24 * 60 * 60

/**
 * Signs and checks the sandbox's HS256 tokens. The key is imported once:
 * handing jose the raw bytes would import it again on every call.
 */
export function createTokenService(
  secret: Uint8Array,
  clock: Clock,
): TokenService {
  const key = crypto.subtle.importKey(
    'raw',
    new Uint8Array(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  const nowSeconds = () => Math.floor(clock() / 1000)

  // Claims are written in BigID's order; jose keeps the object's key order.
  const sign = async (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ ...jwtHeader }).sign(await key)

  return {
    issueSessionToken(user) {
      const iat = nowSeconds()
      const claims: SessionClaims = {
        user_name: user.username,
        type: 'access-token',
        roleIds: [...user.roleIds],
        isAdmin: user.isAdmin,
        iat,
        exp: iat + sessionTokenSeconds,
      }
      return sign(claims)
    },

    issueSystemToken(user) {
      const iat = nowSeconds()
      const claims: SystemClaims = {
        user_name: user.username,
        isAdmin: false,
        roleIds: [...user.roleIds],
        type: 'access-token',
        tenantId: 'SINGLE_TENANT',
        iat,
        exp: iat + systemTokenSeconds,
      }
      return sign(claims)
    },

    async issueUserToken(username, days) {
      const iat = nowSeconds()
      const claims: UserTokenClaims = {
        user_name: username,
        type: 'refresh-token',
        iat,
        exp: iat + days * daySeconds,
      }
      const token = await sign(claims)
      return { token, expiresAt: new Date(claims.exp * 1000) }
    },

    async checkToken(token) {
      if (!isWellFormedJwt(token)) return { ok: false, reason: 'malformed' }

      let payload: unknown
      try {
        const verified = await jwtVerify(token, await key, {
          algorithms: [jwtHeader.alg],
          currentDate: new Date(clock()),
        })
        payload = verified.payload
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          return { ok: false, reason: 'expired' }
        }
        if (error instanceof errors.JOSEError) {
          return { ok: false, reason: 'invalid' }
        }
        throw error
      }

      const refresh = userTokenClaimsSchema.safeParse(payload)
      if (refresh.success) {
        return { ok: true, kind: 'refresh', claims: refresh.data }
      }
      const access = accessClaimsSchema.safeParse(payload)
      if (access.success) {
        return { ok: true, kind: 'access', claims: access.data }
      }
      return { ok: false, reason: 'invalid' }
    },
  }
}

/** A compact JWS whose header and payload both decode to JSON objects. */
function isWellFormedJwt(token: string): boolean {
  try {
    decodeProtectedHeader(token)
    decodeJwt(token)
    return true
  } catch {
    return false
  }
}

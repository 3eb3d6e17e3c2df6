import { describe, expect, it } from 'vitest'
import {
  accessClaimsSchema,
  sessionClaimsSchema,
  systemClaimsSchema,
  userTokenClaimsSchema,
} from './tokens'

const roleIds = ['5d9d6a3c1fc2930013a5b0e1']

describe('tokens', () => {
  it('lists session claims in BigID order', () => {
    expect(Object.keys(sessionClaimsSchema.shape)).toEqual([
      'user_name',
      'type',
      'roleIds',
      'isAdmin',
      'iat',
      'exp',
    ])
  })

  it('lists systemToken claims in BigID order', () => {
    expect(Object.keys(systemClaimsSchema.shape)).toEqual([
      'user_name',
      'isAdmin',
      'roleIds',
      'type',
      'tenantId',
      'iat',
      'exp',
    ])
  })

  it('wants role ids of 24 hex digits', () => {
    const claims = {
      user_name: 'bigid',
      type: 'access-token',
      roleIds: ['not-hex'],
      isAdmin: true,
      iat: 1,
      exp: 2,
    }
    expect(sessionClaimsSchema.safeParse(claims).success).toBe(false)
    expect(sessionClaimsSchema.safeParse({ ...claims, roleIds }).success).toBe(
      true,
    )
  })

  it('never takes a user token for an access token', () => {
    const user = { user_name: 'bigid', type: 'refresh-token', iat: 1, exp: 2 }
    expect(userTokenClaimsSchema.safeParse(user).success).toBe(true)
    expect(
      accessClaimsSchema.safeParse({ ...user, roleIds, isAdmin: false }),
    ).toMatchObject({ success: false })
  })
})

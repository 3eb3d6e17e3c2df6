import { describe, expect, it } from 'vitest'
import recorded from '@/lib/sandbox/data/ds-connections.json'
import {
  dsConnectionsEnvelopeSchema,
  envelopeErrorSchema,
  legacyDsConnectionsSchema,
} from './ds-connections'

describe('ds-connections', () => {
  it('accepts the recorded envelope', () => {
    expect(dsConnectionsEnvelopeSchema.safeParse(recorded).success).toBe(true)
  })

  it('lists the envelope keys in the recorded order', () => {
    expect(Object.keys(dsConnectionsEnvelopeSchema.shape)).toEqual(
      Object.keys(recorded),
    )
  })

  it('refuses an envelope without totalCount', () => {
    const broken = {
      ...recorded,
      data: { ds_connections: recorded.data.ds_connections },
    }
    expect(dsConnectionsEnvelopeSchema.safeParse(broken).success).toBe(false)
  })

  it('accepts the legacy bare list and the error shape', () => {
    const legacy = { ds_connections: recorded.data.ds_connections }
    expect(legacyDsConnectionsSchema.safeParse(legacy).success).toBe(true)
    const error = { status: 'error', statusCode: 400, message: 'x' }
    expect(envelopeErrorSchema.safeParse(error).success).toBe(true)
  })
})

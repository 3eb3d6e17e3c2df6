import { describe, expect, it } from 'vitest'
import seed from '@/lib/sandbox/data/ds-connections.json'
import { readDataSources } from './data-sources'

describe('readDataSources', () => {
  it('reads every source and the total from the recorded envelope', () => {
    const list = readDataSources(seed)
    expect(list?.totalCount).toBe(20)
    expect(list?.rows).toHaveLength(20)
    expect(list?.rows[3]).toEqual({
      name: 'Ads',
      type: 'rdb-mysql',
      location: 'United Kingdom',
      enabled: 'yes',
    })
  })

  it('leaves a missing location empty', () => {
    expect(readDataSources(seed)?.rows[0]?.location).toBe('')
  })

  it('reads the legacy bare list and a single source', () => {
    const one = { name: 'Ads', type: 'rdb-mysql', enabled: 'yes' }
    expect(readDataSources({ ds_connections: [one] })?.rows).toHaveLength(1)
    expect(readDataSources({ ds_connection: one })?.rows[0]?.name).toBe('Ads')
  })

  it('answers undefined for other bodies', () => {
    expect(readDataSources({ success: false })).toBeUndefined()
    expect(readDataSources([1, 2])).toBeUndefined()
    expect(readDataSources(null)).toBeUndefined()
  })
})

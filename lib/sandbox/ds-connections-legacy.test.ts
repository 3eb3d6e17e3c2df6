import { describe, expect, it } from 'vitest'
import recorded from './data/ds-connections.json'
import { createTestSandbox, get } from './testing'

describe('ds-connections-legacy', () => {
  it('answers the bare list, newest first, without an envelope', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get('/api/v1/ds_connections', { authorization: 'SAMPLE' }),
    )
    expect(response.status).toBe(200)
    const newestFirst = [...recorded.data.ds_connections].reverse()
    expect(await response.text()).toBe(
      JSON.stringify({ ds_connections: newestFirst }),
    )
  })

  it('answers the same bytes, and so the same ETag, every time', async () => {
    const { sandbox } = createTestSandbox({ extraSources: 5 })
    const first = await sandbox(
      get('/api/v1/ds_connections', { authorization: 'SAMPLE' }),
    )
    const second = await sandbox(
      get('/api/v1/ds_connections', { authorization: 'SAMPLE' }),
    )
    expect(first.headers.get('etag')).toBe(second.headers.get('etag'))
    const names = (await first.json()).ds_connections.map(
      (s: { name: string }) => s.name,
    )
    expect(names.slice(0, 2)).toEqual(['generated-00005', 'generated-00004'])
  })
})

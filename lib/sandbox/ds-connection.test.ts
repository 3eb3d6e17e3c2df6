import { describe, expect, it } from 'vitest'
import recorded from './data/ds-connections.json'
import { createTestSandbox, get } from './testing'

const sample = { authorization: 'SAMPLE' }

describe('ds-connection', () => {
  it('answers a known name with the source under ds_connection', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get('/api/v1/ds_connections/Ads', sample))
    expect(response.status).toBe(200)
    const ads = recorded.data.ds_connections.find((s) => s.name === 'Ads')
    expect(await response.text()).toBe(JSON.stringify({ ds_connection: ads }))
  })

  it('decodes a percent-encoded name', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get('/api/v1/ds_connections/Sales%20Drive', sample),
    )
    expect((await response.json()).ds_connection.type).toBe('googledrive')
  })

  it('answers an unknown name with 400 and Unable to locate', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get('/api/v1/ds_connections/Nope', sample))
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(
      '{"status":"error","statusCode":400,' +
        '"message":"Unable to locate ds_connection with name: Nope"}',
    )
  })

  it('matches names exactly, case included', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get('/api/v1/ds_connections/ads', sample))
    expect(response.status).toBe(400)
  })

  it('escapes markup echoed from the name', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get('/api/v1/ds_connections/%3Cimg%20src%3Dx%3E', sample),
    )
    const text = await response.text()
    expect(text).not.toContain('<img')
    expect(JSON.parse(text).message).toContain('<img src=x>')
  })

  it('answers a name that does not percent-decode with Express 400', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get('/api/v1/ds_connections/%E0%A4%A', sample),
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('<pre>Bad Request</pre>')
  })
})

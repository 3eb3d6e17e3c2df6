import { describe, expect, it } from 'vitest'
import recorded from './data/ds-connections.json'
import {
  createTestSandbox,
  exchangeUserToken,
  generateUserToken,
  get,
  signIn,
} from './testing'

const sample = { authorization: 'SAMPLE' }
const recordedNames = recorded.data.ds_connections.map((source) => source.name)

function listPath(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value))
  }
  const search = params.toString()
  return `/api/v1/ds-connections${search === '' ? '' : `?${search}`}`
}

async function listNames(query: Record<string, unknown>): Promise<string[]> {
  const { sandbox } = createTestSandbox()
  const response = await sandbox(get(listPath(query), sample))
  expect(response.status).toBe(200)
  const body = await response.json()
  return body.data.ds_connections.map((source: { name: string }) => source.name)
}

async function listError(query: Record<string, unknown>): Promise<string> {
  const { sandbox } = createTestSandbox()
  const response = await sandbox(get(listPath(query), sample))
  expect(response.status).toBe(400)
  const body = JSON.parse(await response.text())
  expect(Object.keys(body)).toEqual(['status', 'statusCode', 'message'])
  expect(body.status).toBe('error')
  return body.message
}

describe('ds-connections', () => {
  it('answers an unpaged call with the recorded body, byte for byte', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(get(listPath(), sample))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(JSON.stringify(recorded))
  })

  it('keeps the envelope keys and each source key in recorded order', async () => {
    const { sandbox } = createTestSandbox()
    const body = await (await sandbox(get(listPath(), sample))).json()
    expect(Object.keys(body)).toEqual([
      'status',
      'statusCode',
      'data',
      'message',
    ])
    expect(Object.keys(body.data)).toEqual(['ds_connections', 'totalCount'])
    body.data.ds_connections.forEach((source: object, index: number) => {
      const original = recorded.data.ds_connections[index] ?? {}
      expect(Object.keys(source)).toEqual(Object.keys(original))
    })
  })

  it('accepts a session auth_token and a systemToken', async () => {
    const { sandbox } = createTestSandbox()
    const authToken = await signIn(sandbox)
    const systemToken = await exchangeUserToken(
      sandbox,
      await generateUserToken(sandbox),
    )
    for (const token of [authToken, systemToken]) {
      const response = await sandbox(get(listPath(), { authorization: token }))
      expect(response.status).toBe(200)
    }
  })

  it('pages with skip and limit while totalCount counts every match', async () => {
    const { sandbox } = createTestSandbox()
    const response = await sandbox(
      get(
        listPath({ skip: '3', limit: '2', requireTotalCount: 'true' }),
        sample,
      ),
    )
    const body = await response.json()
    expect(body.data.totalCount).toBe(20)
    expect(
      body.data.ds_connections.map((s: { name: string }) => s.name),
    ).toEqual(recordedNames.slice(3, 5))
  })

  it('treats limit=0 as no limit and a skip past the end as an empty page', async () => {
    expect(await listNames({ limit: '0' })).toEqual(recordedNames)
    expect(await listNames({ skip: '25' })).toEqual([])
  })

  it('filters enabled by the string it is', async () => {
    expect(
      await listNames({
        filter: [{ field: 'enabled', value: 'no', operator: 'equal' }],
      }),
    ).toEqual(['Models', 'breach-investigation-Stolen Data', 'SalesForce'])
    expect(
      await listNames({
        filter: [{ field: 'enabled', value: false, operator: 'equals' }],
      }),
    ).toEqual([])
  })

  it('filters with in and combines filters with and', async () => {
    const names = await listNames({
      filter: [
        { field: 'type', value: ['smb', 'mongodb'], operator: 'in' },
        { field: 'enabled', value: 'yes', operator: 'equal' },
      ],
    })
    expect(names).toEqual(['Share', 'Profiles'])
  })

  it('reports totalCount of the filtered matches, not the page', async () => {
    const { sandbox } = createTestSandbox()
    const filter = [{ field: 'type', value: 'rdb-mysql', operator: 'equal' }]
    const response = await sandbox(
      get(listPath({ filter, limit: '1' }), sample),
    )
    const body = await response.json()
    expect(body.data.ds_connections).toHaveLength(1)
    expect(body.data.totalCount).toBe(12)
  })

  it('sorts by a field, descending, with ties in the default order', async () => {
    const byName = await listNames({ sort: [{ field: 'name', order: 'desc' }] })
    expect(byName.slice(0, 3)).toEqual([
      'breach-investigation-Stolen Data',
      'UsersUS',
      'UsersEU',
    ])

    const byType = await listNames({
      sort: [{ field: 'type', order: 'asc' }],
      limit: '3',
    })
    expect(byType).toEqual(['RestApiStore', 'Sales Drive', 'Profiles'])
  })

  it('sorts by updated_at descending to list the newest first', async () => {
    const names = await listNames({
      sort: [{ field: 'updated_at', order: 'desc' }],
    })
    expect(names).toEqual([...recordedNames].reverse())
  })

  it.each([
    [{ skip: '-1' }, /^skip must be a whole number/],
    [{ skip: '1.5' }, /^skip must be a whole number/],
    [{ limit: 'ten' }, /^limit must be a whole number/],
    [{ filter: '[{' }, /^filter is not valid JSON/],
    [{ filter: { field: 'type' } }, /^filter must be a JSON array/],
    [
      { filter: [{ value: 'x', operator: 'equal' }] },
      /^filter\[0\] needs a "field"/,
    ],
    [
      { filter: [{ field: 'type', operator: 'equal' }] },
      /^filter\[0\] needs a "value"/,
    ],
    [
      { filter: [{ field: 'type', value: 's3', operator: 'like' }] },
      /^filter\[0\] needs an "operator"/,
    ],
    [
      { filter: [{ field: 'type', value: 's3', operator: 'in' }] },
      /^filter\[0\] uses "in"/,
    ],
    [{ sort: 'name' }, /^sort is not valid JSON/],
    [{ sort: [{ field: 'name', order: 'up' }] }, /^sort\[0\] has an "order"/],
  ])('answers %j with 400 naming the parameter', async (query, message) => {
    expect(await listError(query)).toMatch(message)
  })

  it('appends generated sources after the recorded ones', async () => {
    const { sandbox } = createTestSandbox({ extraSources: 30 })
    const response = await sandbox(
      get(listPath({ skip: '19', limit: '2' }), sample),
    )
    const body = await response.json()
    expect(body.data.totalCount).toBe(50)
    expect(
      body.data.ds_connections.map((s: { name: string }) => s.name),
    ).toEqual(['Backups', 'generated-00001'])
  })
})

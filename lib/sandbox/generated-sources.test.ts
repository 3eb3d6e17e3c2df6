import { describe, expect, it } from 'vitest'
import { dsConnectionSchema } from '@/lib/bigid/ds-connection'
import { generateSources } from './generated-sources'
import { seedConnections } from './seed'

describe('generated-sources', () => {
  it('names sources generated-NNNNN from 00001', () => {
    const names = generateSources(3).map((source) => source.name)
    expect(names).toEqual([
      'generated-00001',
      'generated-00002',
      'generated-00003',
    ])
  })

  it('builds sources that fit the connection schema', () => {
    for (const source of generateSources(40)) {
      expect(dsConnectionSchema.safeParse(source).success).toBe(true)
    }
  })

  it('varies the type and adds the fields of each type', () => {
    const byType = new Map(generateSources(20).map((s) => [s.type, s]))
    expect([...byType.keys()].sort()).toEqual([
      'generic-rest-api',
      'googledrive',
      'mongodb',
      'rdb-mssql',
      'rdb-mysql',
      'rdb-oracle',
      'rdb-postgresql',
      's3',
      'salesforce',
      'smb',
    ])
    expect(byType.get('s3')).toHaveProperty('bucket_name')
    expect(byType.get('smb')).toHaveProperty('smbServer')
    expect(byType.get('mongodb')).toHaveProperty('mongo_url')
    expect(byType.get('rdb-postgresql')).toHaveProperty('rdb_url')
  })

  it('varies enabled, tier, location and tags', () => {
    const sources = generateSources(100)
    const distinct = (key: string) =>
      new Set(sources.map((s) => JSON.stringify(s[key]))).size
    expect(distinct('enabled')).toBe(2)
    expect(distinct('security_tier')).toBe(5)
    expect(distinct('location')).toBeGreaterThan(10)
    expect(distinct('tags')).toBe(3)
  })

  it('builds the same list every time, with unique ids', () => {
    const first = generateSources(500)
    expect(JSON.stringify(generateSources(500))).toBe(JSON.stringify(first))
    expect(new Set(first.map((s) => s._id)).size).toBe(500)
  })

  it('sorts after every recorded source by updated_at', () => {
    const lastRecorded = seedConnections.at(-1)?.updated_at ?? ''
    const [first] = generateSources(1)
    expect(first?.updated_at.localeCompare(lastRecorded)).toBe(1)
  })

  it('never names a real host', () => {
    const text = JSON.stringify(generateSources(50))
    const hosts = text.match(/[a-z0-9-]+\.[a-z]{2,}(?=["\\/:])/g) ?? []
    expect(hosts.every((host) => host.endsWith('example.com'))).toBe(true)
  })
})

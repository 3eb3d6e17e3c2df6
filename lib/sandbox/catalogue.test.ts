import { describe, expect, it } from 'vitest'
import { createCatalogue } from './catalogue'
import { generateSources } from './generated-sources'
import { seedConnections } from './seed'

describe('catalogue', () => {
  it('orders entries by ascending updated_at whatever the input order', () => {
    const catalogue = createCatalogue([...seedConnections].reverse())
    expect(catalogue.entries.map((e) => e.connection.name)).toEqual(
      seedConnections.map((source) => source.name),
    )
  })

  it('serialises each entry once, as the JSON of its connection', () => {
    const catalogue = createCatalogue(seedConnections)
    for (const entry of catalogue.entries) {
      expect(entry.json).toBe(JSON.stringify(entry.connection))
    }
  })

  it('finds by exact name', () => {
    const catalogue = createCatalogue([
      ...seedConnections,
      ...generateSources(2),
    ])
    expect(catalogue.find('generated-00002')?.connection.type).toBe(
      'rdb-postgresql',
    )
    expect(catalogue.find('GENERATED-00002')).toBeUndefined()
  })

  it('builds the legacy body once, newest first', () => {
    const catalogue = createCatalogue(seedConnections)
    const body = catalogue.legacyBody()
    expect(catalogue.legacyBody()).toBe(body)
    expect(JSON.parse(body).ds_connections[0].name).toBe('Backups')
  })
})

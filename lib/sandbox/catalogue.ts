import 'server-only'
import type { DsConnection } from '@/lib/bigid/ds-connection'
import { toJson } from './wire'

export type CatalogueEntry = {
  readonly connection: DsConnection
  /** Serialised once, so a big list is joined rather than re-stringified. */
  readonly json: string
}

export type Catalogue = {
  /** Every source, in BigID's default order: ascending `updated_at`. */
  readonly entries: readonly CatalogueEntry[]
  find(name: string): CatalogueEntry | undefined
  /** The body of the legacy list, newest first; built on first use. */
  legacyBody(): string
}

export function createCatalogue(
  connections: readonly DsConnection[],
): Catalogue {
  const entries = connections
    .map((connection) => ({ connection, json: toJson(connection) }))
    .sort((a, b) =>
      compareText(a.connection.updated_at, b.connection.updated_at),
    )
  const byName = new Map(entries.map((entry) => [entry.connection.name, entry]))
  let legacyBody: string | undefined

  return {
    entries,
    find: (name) => byName.get(name),
    legacyBody() {
      legacyBody ??= `{"ds_connections":[${entries
        .map((entry) => entry.json)
        .reverse()
        .join(',')}]}`
      return legacyBody
    },
  }
}

function compareText(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}

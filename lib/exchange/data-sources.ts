export type DataSourceRow = {
  name: string
  type: string
  location: string
  enabled: string
}

export type DataSourceList = { rows: DataSourceRow[]; totalCount?: number }

// Reads the data sources out of any of the list shapes BigID answers with:
// the enveloped /ds-connections, the bare legacy /ds_connections, or one
// source from /ds_connections/{name}.
export function readDataSources(body: unknown): DataSourceList | undefined {
  if (!isRecord(body)) return undefined

  const data = isRecord(body.data) ? body.data : undefined
  const list = data?.ds_connections ?? body.ds_connections
  if (Array.isArray(list)) {
    const totalCount =
      typeof data?.totalCount === 'number' ? data.totalCount : undefined
    return { rows: list.filter(isRecord).map(toRow), totalCount }
  }
  if (isRecord(body.ds_connection)) {
    return { rows: [toRow(body.ds_connection)] }
  }
  return undefined
}

function toRow(source: Record<string, unknown>): DataSourceRow {
  return {
    name: text(source.name),
    type: text(source.type),
    location: text(source.location),
    enabled: text(source.enabled),
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

import type { DataSourceList } from '@/lib/exchange/data-sources'

// Long lists are cut for the page; the body below still has every source.
const maxRows = 200

export function DataSourceTable({ list }: { list: DataSourceList }) {
  const shown = list.rows.slice(0, maxRows)
  const total = list.totalCount ?? list.rows.length
  const caption =
    list.rows.length === 1 && list.totalCount === undefined
      ? 'Data source'
      : `Data sources: ${list.rows.length} in this reply, totalCount ${total}`

  return (
    <div className="table-scroll">
      <table className="data-sources">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Location</th>
            <th scope="col">Enabled</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            // Names are unique in BigID, but a reply may still repeat one.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              <th scope="row">{row.name}</th>
              <td>{row.type}</td>
              <td>{row.location}</td>
              <td>{row.enabled}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.rows.length > maxRows ? (
        <p className="hint">
          The first {maxRows} are listed here; the body has them all.
        </p>
      ) : null}
    </div>
  )
}

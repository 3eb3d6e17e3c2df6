import type { HeaderPair } from '@/lib/exchange/types'

export function HeaderTable({ headers }: { headers: HeaderPair[] }) {
  return (
    <details className="response-headers">
      <summary>Headers ({headers.length})</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {headers.map(([name, value], index) => (
            // Repeated names are legal (set-cookie), so the place is the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

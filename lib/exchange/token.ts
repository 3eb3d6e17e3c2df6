export const tokenFields = ['auth_token', 'systemToken', 'userToken'] as const

export type TokenField = (typeof tokenFields)[number]

export type TokenLocation = {
  field: TokenField
  value: string
  // 1-based, as Monaco counts.
  line: number
  startColumn: number
  endColumn: number
}

// Finds the first token field on the top level of a pretty-printed JSON
// body (two-space indent, as viewBody writes it).
export function findToken(prettyJson: string): TokenLocation | undefined {
  const lines = prettyJson.split('\n')
  for (const [index, line] of lines.entries()) {
    for (const field of tokenFields) {
      const prefix = `  "${field}": "`
      if (!line.startsWith(prefix)) continue

      const end = line.lastIndexOf('"')
      if (end <= prefix.length) continue
      const value = line.slice(prefix.length, end)
      return {
        field,
        value,
        line: index + 1,
        startColumn: prefix.length + 1,
        endColumn: end + 1,
      }
    }
  }
  return undefined
}

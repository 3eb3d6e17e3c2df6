export type BodyView = {
  text: string
  isJson: boolean
  parsed?: unknown
}

// BigID sends JSON as text/html, so JSON is detected by content, never by
// the content type.
export function viewBody(body: string, encoding: string): BodyView {
  if (encoding !== 'utf8') return { text: body, isJson: false }

  const trimmed = body.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return { text: body, isJson: false }
  }
  try {
    const parsed: unknown = JSON.parse(trimmed)
    return { text: JSON.stringify(parsed, null, 2), isJson: true, parsed }
  } catch {
    return { text: body, isJson: false }
  }
}

export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return mediaType === 'application/json' || mediaType.endsWith('+json')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

export function findHeader(
  headers: readonly (readonly [string, string])[],
  name: string,
): string | undefined {
  const wanted = name.toLowerCase()
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1]
}

import { readFailure } from '@/lib/client/send-request'
import type { OutgoingRequest } from '@/lib/exchange/types'
import { snippetMessages } from '@/lib/snippets/messages'

type Snippet = { code: string; notes: string[] }

export type SnippetSet = {
  notes: string[]
  snippets: Record<(typeof languages)[number], Snippet>
}

const languages = ['curl', 'powershell', 'python', 'node'] as const

// Hand-written rather than zod: this module is in the lesson page's first
// download, and the reply comes from our own route.
function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function isSnippet(value: unknown): value is Snippet {
  if (typeof value !== 'object' || value === null) return false
  const { code, notes } = value as Record<string, unknown>
  return typeof code === 'string' && isStrings(notes)
}

function isSnippetSet(value: unknown): value is SnippetSet {
  if (typeof value !== 'object' || value === null) return false
  const { notes, snippets } = value as Record<string, unknown>
  if (!isStrings(notes) || typeof snippets !== 'object' || !snippets) {
    return false
  }
  const byLanguage = snippets as Record<string, unknown>
  return languages.every((language) => isSnippet(byLanguage[language]))
}

export type SnippetOutcome =
  | { ok: true; set: SnippetSet }
  | { ok: false; message: string }

/** Asks the snippets route for the request as code in every language. */
export async function fetchSnippets(
  request: OutgoingRequest,
  signal: AbortSignal,
): Promise<SnippetOutcome> {
  let reply: unknown
  try {
    const response = await fetch('/api/snippets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal,
    })
    reply = await response.json()
  } catch {
    return { ok: false, message: snippetMessages.unreachable }
  }

  if (isSnippetSet(reply)) return { ok: true, set: reply }
  const failure = readFailure(reply)
  return { ok: false, message: failure?.message ?? snippetMessages.badReply }
}

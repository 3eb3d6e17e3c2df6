import { z } from 'zod'
import type { OutgoingRequest } from '@/lib/exchange/types'
import { snippetMessages } from '@/lib/snippets/messages'

const snippetSchema = z.object({
  code: z.string(),
  notes: z.array(z.string()),
})

const snippetSetSchema = z.object({
  notes: z.array(z.string()),
  snippets: z.object({
    curl: snippetSchema,
    powershell: snippetSchema,
    python: snippetSchema,
    node: snippetSchema,
  }),
})

const failureSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
})

export type SnippetSet = z.infer<typeof snippetSetSchema>

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

  const set = snippetSetSchema.safeParse(reply)
  if (set.success) return { ok: true, set: set.data }
  const failure = failureSchema.safeParse(reply)
  if (failure.success) return { ok: false, message: failure.data.error.message }
  return { ok: false, message: snippetMessages.badReply }
}

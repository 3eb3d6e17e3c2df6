import type { Exchange, HeaderPair } from '@/lib/exchange/types'

export type Draft = {
  method: string
  url: string
  headers: HeaderPair[]
  body: string
}

export type SavedStep = { draft: Draft; exchange?: Exchange }

// TODO(limit): drafts and responses are kept in sessionStorage, so they
// survive a reload but not a closed tab; issue 3 decides what may be kept
// longer (never passwords, tokens at most for the browser session).
const prefix = 'bigid-playground:v1:'

// Responses above this are not saved: sessionStorage holds ~5 MB a site.
const maxSavedExchangeChars = 1_000_000

export function loadStep(key: string): SavedStep | undefined {
  try {
    const raw = window.sessionStorage.getItem(prefix + key)
    if (!raw) return undefined
    const saved: unknown = JSON.parse(raw)
    return isSavedStep(saved) ? saved : undefined
  } catch {
    return undefined
  }
}

export function saveStep(key: string, step: SavedStep): void {
  const keep =
    step.exchange && step.exchange.body.length > maxSavedExchangeChars
      ? { draft: step.draft }
      : step
  try {
    window.sessionStorage.setItem(prefix + key, JSON.stringify(keep))
  } catch {
    // A full or disabled storage costs the reload, not the edit.
  }
}

function isSavedStep(value: unknown): value is SavedStep {
  if (typeof value !== 'object' || value === null) return false
  const draft = (value as { draft?: unknown }).draft
  if (typeof draft !== 'object' || draft === null) return false
  const { method, url, headers, body } = draft as Record<string, unknown>
  return (
    typeof method === 'string' &&
    typeof url === 'string' &&
    typeof body === 'string' &&
    Array.isArray(headers) &&
    headers.every(
      (pair) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        pair.every((part) => typeof part === 'string'),
    )
  )
}

import type { Verdict } from '@/lib/checks/diagnose'
import type { Exchange, HeaderPair, SendFailure } from '@/lib/exchange/types'
import { dropPasswords } from './secrets'

export type Draft = {
  method: string
  url: string
  headers: HeaderPair[]
  body: string
}

// Where a carried value came from: shown beside the header it filled.
export type Provenance = {
  fromStep: string
  fromRequest: string
  field: string
  at: number
}

export type HistoryEntry = { exchange: Exchange; at: number }

export type SavedStep = {
  draft: Draft
  // Newest first.
  history: HistoryEntry[]
  verdict?: Verdict
  failure?: SendFailure
  carried?: Provenance
  isPasswordDropped?: boolean
}

// Drafts, responses and tokens live in sessionStorage: they survive a
// reload and end with the browser session. Passwords are never stored
// (see secrets.ts). Progress, which holds no secret, is in localStorage.
const prefix = 'bigid-playground:v1:step:'

export const historyLength = 5

// sessionStorage holds about 5 MB a site; larger responses are kept in
// memory for the page's life only.
const maxSavedBodyChars = 500_000

export function stepKey(lesson: string, step: string): string {
  return `${prefix}${lesson}:${step}`
}

export function loadStep(key: string): SavedStep | undefined {
  try {
    const raw = window.sessionStorage.getItem(key)
    if (!raw) return undefined
    const saved: unknown = JSON.parse(raw)
    return isSavedStep(saved) ? saved : undefined
  } catch {
    return undefined
  }
}

export function saveStep(
  key: string,
  step: SavedStep,
  lessonBody: string,
): void {
  const { body, isDropped } = dropPasswords(step.draft.body, lessonBody)
  const kept: SavedStep = {
    ...step,
    draft: { ...step.draft, body },
    history: step.history.filter(
      (entry) => entry.exchange.body.length <= maxSavedBodyChars,
    ),
    isPasswordDropped: isDropped || undefined,
  }
  try {
    window.sessionStorage.setItem(key, JSON.stringify(kept))
  } catch {
    // A full or disabled storage costs the reload, not the edit.
  }
}

export function forgetStep(key: string): void {
  try {
    window.sessionStorage.removeItem(key)
  } catch {
    // Nothing to forget.
  }
}

function isSavedStep(value: unknown): value is SavedStep {
  if (typeof value !== 'object' || value === null) return false
  const { draft, history } = value as Record<string, unknown>
  if (!Array.isArray(history)) return false
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

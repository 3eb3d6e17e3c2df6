'use client'

import { useEffect, useRef, useState } from 'react'
import { useLesson } from '@/components/lesson/lesson-context'
import type { Verdict } from '@/lib/checks/diagnose'
import {
  type Draft,
  forgetStep,
  historyLength,
  loadStep,
  type Provenance,
  type SavedStep,
  saveStep,
  stepKey,
} from '@/lib/client/draft-store'
import { resolveUrl } from '@/lib/exchange/request'
import type { Exchange, SendFailure } from '@/lib/exchange/types'

export type StepState = SavedStep

// One step's state: the lesson's request until the learner edits it, then
// their draft, saved on every change and restored after a reload.
export function useStep(stepId: string, lessonDraft: Draft) {
  const lesson = useLesson()
  const key = stepKey(lesson.slug, stepId)
  const [state, setState] = useState<StepState>({
    draft: lessonDraft,
    history: [],
  })
  const [isRestored, setIsRestored] = useState(false)
  const lessonDraftRef = useRef(lessonDraft)
  const { resetVersion } = lesson

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetVersion is the trigger: a lesson reset starts every step again
  useEffect(() => {
    const saved = loadStep(key)
    const initial = lessonDraftRef.current
    setState(
      saved ?? {
        draft: {
          ...initial,
          url: resolveUrl(initial.url, window.location.origin),
        },
        history: [],
      },
    )
    setIsRestored(true)
  }, [key, resetVersion])

  useEffect(() => {
    if (isRestored) saveStep(key, state, lessonDraftRef.current.body)
  }, [isRestored, key, state])

  function updateDraft(change: Partial<Draft>) {
    setState((current) => ({
      ...current,
      draft: { ...current.draft, ...change },
      isPasswordDropped: undefined,
    }))
  }

  function recordExchange(exchange: Exchange, verdict: Verdict) {
    setState((current) => ({
      ...current,
      history: [{ exchange, at: Date.now() }, ...current.history].slice(
        0,
        historyLength,
      ),
      verdict,
      failure: undefined,
    }))
  }

  function recordFailure(failure: SendFailure, verdict: Verdict) {
    setState((current) => ({ ...current, failure, verdict }))
  }

  function applyCarry(value: string, provenance: Provenance) {
    setState((current) => {
      const headers = [...current.draft.headers]
      const at = headers.findIndex(
        ([name]) => name.trim().toLowerCase() === 'authorization',
      )
      if (at >= 0) headers[at] = [headers[at]?.[0] ?? 'Authorization', value]
      else headers.push(['Authorization', value])
      return {
        ...current,
        draft: { ...current.draft, headers },
        carried: provenance,
      }
    })
  }

  function reset() {
    forgetStep(key)
    const initial = lessonDraftRef.current
    setState({
      draft: {
        ...initial,
        url: resolveUrl(initial.url, window.location.origin),
      },
      history: [],
    })
  }

  return {
    state,
    isRestored,
    updateDraft,
    recordExchange,
    recordFailure,
    applyCarry,
    reset,
  }
}

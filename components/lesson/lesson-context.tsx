'use client'

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { forgetStep, type Provenance, stepKey } from '@/lib/client/draft-store'
import {
  clearProgress,
  loadProgress,
  type StepStatus,
  saveProgress,
} from '@/lib/client/progress-store'

export type IssuedToken = Provenance & { value: string }

export type Carry = IssuedToken & { id: number }

type LessonApi = {
  slug: string
  register: (stepId: string) => () => void
  issuedTokens: readonly IssuedToken[]
  recordToken: (token: IssuedToken) => void
  carryToNext: (token: IssuedToken) => string | undefined
  nextStepAfter: (stepId: string) => string | undefined
  carryFor: (stepId: string) => Carry | undefined
  statuses: Readonly<Record<string, StepStatus>>
  reportStatus: (stepId: string, status: StepStatus | undefined) => void
  resetVersion: number
  resetLesson: () => void
}

const LessonContext = createContext<LessonApi | null>(null)

const tokenPrefix = 'bigid-playground:v1:tokens:'
const maxTokens = 10

export function LessonProvider({
  slug,
  children,
}: {
  slug: string
  children: ReactNode
}) {
  const order = useRef<string[]>([])
  const [stepCount, setStepCount] = useState(0)
  const [issuedTokens, setIssuedTokens] = useState<IssuedToken[]>([])
  const [carries, setCarries] = useState<Record<string, Carry>>({})
  const [statuses, setStatuses] = useState<Record<string, StepStatus>>({})
  const [isLoaded, setIsLoaded] = useState(false)
  const [resetVersion, setResetVersion] = useState(0)
  const carryCount = useRef(0)

  useEffect(() => {
    setStatuses(loadProgress(slug)?.steps ?? {})
    setIssuedTokens(loadTokens(slug))
    setIsLoaded(true)
  }, [slug])

  useEffect(() => {
    if (!isLoaded) return
    saveProgress(slug, { steps: statuses, total: stepCount })
  }, [isLoaded, slug, statuses, stepCount])

  const register = useCallback((stepId: string) => {
    // Steps mount in document order, which is the lesson's order.
    if (!order.current.includes(stepId)) order.current.push(stepId)
    setStepCount(order.current.length)
    return () => {
      order.current = order.current.filter((id) => id !== stepId)
      setStepCount(order.current.length)
    }
  }, [])

  const recordToken = useCallback(
    (token: IssuedToken) => {
      setIssuedTokens((current) => {
        const next = [
          token,
          ...current.filter((known) => known.value !== token.value),
        ].slice(0, maxTokens)
        saveTokens(slug, next)
        return next
      })
    },
    [slug],
  )

  // stepCount changes whenever a step registers, so readers of the order
  // render again once every step has mounted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepCount is the trigger
  const nextStepAfter = useCallback(
    (stepId: string) => {
      const steps = order.current
      const at = steps.indexOf(stepId)
      return at >= 0 ? steps[at + 1] : undefined
    },
    [stepCount],
  )

  const carryToNext = useCallback(
    (token: IssuedToken) => {
      const next = nextStepAfter(token.fromStep)
      if (!next) return undefined
      carryCount.current += 1
      const carry = { ...token, id: carryCount.current }
      setCarries((current) => ({ ...current, [next]: carry }))
      return next
    },
    [nextStepAfter],
  )

  const reportStatus = useCallback(
    (stepId: string, status: StepStatus | undefined) => {
      setStatuses((current) => {
        if (current[stepId] === status) return current
        const next = { ...current }
        if (status) next[stepId] = status
        else delete next[stepId]
        return next
      })
    },
    [],
  )

  const resetLesson = useCallback(() => {
    for (const stepId of order.current) forgetStep(stepKey(slug, stepId))
    saveTokens(slug, [])
    clearProgress(slug)
    setIssuedTokens([])
    setCarries({})
    setStatuses({})
    setResetVersion((version) => version + 1)
  }, [slug])

  const api = useMemo<LessonApi>(
    () => ({
      slug,
      register,
      issuedTokens,
      recordToken,
      carryToNext,
      nextStepAfter,
      carryFor: (stepId) => carries[stepId],
      statuses,
      reportStatus,
      resetVersion,
      resetLesson,
    }),
    [
      slug,
      register,
      issuedTokens,
      recordToken,
      carryToNext,
      nextStepAfter,
      carries,
      statuses,
      reportStatus,
      resetVersion,
      resetLesson,
    ],
  )

  return <LessonContext value={api}>{children}</LessonContext>
}

export function useLesson(): LessonApi {
  const api = useContext(LessonContext)
  if (!api) throw new Error('A lesson component was used outside a lesson.')
  return api
}

function loadTokens(slug: string): IssuedToken[] {
  try {
    const raw = window.sessionStorage.getItem(tokenPrefix + slug)
    const value: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(value) ? (value as IssuedToken[]) : []
  } catch {
    return []
  }
}

function saveTokens(slug: string, tokens: IssuedToken[]): void {
  try {
    window.sessionStorage.setItem(tokenPrefix + slug, JSON.stringify(tokens))
  } catch {
    // The stale-token hint is the only thing lost.
  }
}

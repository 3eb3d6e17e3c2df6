// Step outcomes are kept in localStorage: they hold no secret, and the
// lesson index shows them across visits.
const prefix = 'bigid-playground:v1:progress:'

export type StepStatus = 'done' | 'failed'

export type LessonProgress = {
  steps: Record<string, StepStatus>
  total: number
}

export function loadProgress(slug: string): LessonProgress | undefined {
  try {
    const raw = window.localStorage.getItem(prefix + slug)
    if (!raw) return undefined
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return undefined
    const { steps, total } = value as Record<string, unknown>
    if (typeof total !== 'number' || typeof steps !== 'object' || !steps) {
      return undefined
    }
    return { steps: steps as Record<string, StepStatus>, total }
  } catch {
    return undefined
  }
}

export function saveProgress(slug: string, progress: LessonProgress): void {
  try {
    window.localStorage.setItem(prefix + slug, JSON.stringify(progress))
  } catch {
    // Progress is a convenience; a full storage must not break the lesson.
  }
}

export function clearProgress(slug: string): void {
  try {
    window.localStorage.removeItem(prefix + slug)
  } catch {
    // As above.
  }
}

export function countDone(progress: LessonProgress | undefined): number {
  if (!progress) return 0
  return Object.values(progress.steps).filter((status) => status === 'done')
    .length
}

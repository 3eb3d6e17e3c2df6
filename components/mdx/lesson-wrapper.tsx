import type { ReactNode } from 'react'

export function LessonWrapper({ children }: { children?: ReactNode }) {
  return <>{children}</>
}

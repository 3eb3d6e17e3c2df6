'use client'

import { createContext, type ReactNode, useContext } from 'react'

const LessonSlug = createContext('')

export function LessonProvider({
  slug,
  children,
}: {
  slug: string
  children: ReactNode
}) {
  return <LessonSlug value={slug}>{children}</LessonSlug>
}

export function useLessonSlug(): string {
  return useContext(LessonSlug)
}

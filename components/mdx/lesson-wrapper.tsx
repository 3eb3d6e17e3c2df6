import 'server-only'
import path from 'node:path'
import type { ReactNode } from 'react'
import { readRevision } from '@/lib/lessons/revision'
import { DevReload } from './dev-reload'

const contentDir = path.join(process.cwd(), 'content')

/** Wraps every lesson's content (MDX's `wrapper` component). */
export async function LessonWrapper({ children }: { children?: ReactNode }) {
  if (process.env.NODE_ENV !== 'development') return <>{children}</>
  // The revision the page was rendered from, so an edit saved before the
  // page finished loading still reloads it.
  const revision = await readRevision(contentDir)
  return (
    <>
      {children}
      <DevReload revision={revision} />
    </>
  )
}

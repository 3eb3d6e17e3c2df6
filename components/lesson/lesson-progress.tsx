'use client'

import { useEffect, useState } from 'react'
import { countDone, loadProgress } from '@/lib/client/progress-store'

// "2 of 2 steps done" on the lesson index, from this browser's progress.
export function LessonProgress({ slug }: { slug: string }) {
  const [text, setText] = useState('')

  useEffect(() => {
    const progress = loadProgress(slug)
    const done = countDone(progress)
    const isUntouched = !progress || Object.keys(progress.steps).length === 0
    if (isUntouched) setText('Not started')
    else if (done >= progress.total) setText('Done')
    else setText(`${done} of ${progress.total} steps done`)
  }, [slug])

  return <span className="lesson-progress">{text}</span>
}

'use client'

import { countDone } from '@/lib/client/progress-store'
import { messages } from '@/lib/messages'
import { useLesson } from './lesson-context'

// The lesson's own controls: how far the learner is, what the page keeps,
// and a way to start again.
export function LessonTools() {
  const lesson = useLesson()
  const total = Object.keys(lesson.statuses).length
  const done = countDone({ steps: lesson.statuses, total })

  return (
    <section className="lesson-tools" aria-label="Lesson progress">
      <p>
        {total === 0
          ? 'No request sent yet.'
          : `${done} request ${done === 1 ? 'step' : 'steps'} done.`}
      </p>
      <p className="hint">{messages.storage.policy}</p>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          if (window.confirm(messages.storage.confirmReset)) {
            lesson.resetLesson()
          }
        }}
      >
        Reset lesson
      </button>
    </section>
  )
}

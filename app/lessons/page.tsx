import type { Metadata } from 'next'
import Link from 'next/link'
import { LessonProgress } from '@/components/lesson/lesson-progress'
import { Prerequisites } from '@/components/lesson/prerequisites'
import { listLessons } from '@/lib/lessons/catalog'

export const metadata: Metadata = { title: 'Lessons' }

export default async function LessonsPage() {
  const lessons = await listLessons()
  const titles = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]))
  return (
    <div className="prose">
      <h1>Lessons</h1>
      <p>
        Each lesson sends real requests to a built-in BigID sandbox that runs
        inside this app. Nothing you send leaves this machine unless an operator
        has allowed a real BigID deployment.
      </p>
      <ol className="lesson-list">
        {lessons.map((lesson) => (
          <li key={lesson.slug}>
            <h2>
              <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
            </h2>
            <p>{lesson.summary}</p>
            <Prerequisites
              prerequisites={lesson.prerequisites}
              titles={titles}
            />
            <p className="hint">
              About {lesson.minutes} minutes ·{' '}
              <LessonProgress slug={lesson.slug} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { LessonProgress } from '@/components/lesson/lesson-progress'
import { type Lesson, listLessons } from '@/lib/lessons/catalog'

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
            <Prerequisites lesson={lesson} titles={titles} />
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

function Prerequisites({
  lesson,
  titles,
}: {
  lesson: Lesson
  titles: Map<string, string>
}) {
  if (lesson.prerequisites.length === 0) return null
  return (
    <p className="hint">
      First do:{' '}
      {lesson.prerequisites.map((slug, index) => (
        <span key={slug}>
          {index > 0 ? ', ' : null}
          <Link href={`/lessons/${slug}`}>{titles.get(slug) ?? slug}</Link>
        </span>
      ))}
    </p>
  )
}

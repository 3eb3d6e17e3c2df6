import { getMDXComponent } from 'mdx-bundler/client'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { LessonProvider } from '@/components/lesson/lesson-context'
import { LessonTools } from '@/components/lesson/lesson-tools'
import { Prerequisites } from '@/components/lesson/prerequisites'
import { lessonComponents } from '@/components/mdx/lesson-components'
import { findLesson, listLessons } from '@/lib/lessons/catalog'

type Params = { params: Promise<{ slug: string }> }

export const dynamicParams = false

export async function generateStaticParams() {
  const lessons = await listLessons()
  return lessons.map((lesson) => ({ slug: lesson.slug }))
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await findLesson((await params).slug)
  return lesson ? { title: lesson.title, description: lesson.summary } : {}
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params
  const lessons = await listLessons()
  const at = lessons.findIndex((entry) => entry.slug === slug)
  const lesson = lessons[at]
  if (!lesson) notFound()
  const next = lessons[at + 1]
  const titles = new Map(lessons.map((entry) => [entry.slug, entry.title]))

  const Content = getMDXComponent(lesson.code)
  return (
    <article className="prose lesson">
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <Prerequisites prerequisites={lesson.prerequisites} titles={titles} />
      <LessonProvider slug={lesson.slug}>
        <Content components={lessonComponents} />
        <LessonTools />
      </LessonProvider>
      {next ? (
        <p className="next-lesson">
          Next lesson: <Link href={`/lessons/${next.slug}`}>{next.title}</Link>
        </p>
      ) : (
        <p className="next-lesson">
          That was the last lesson. <Link href="/lessons">All lessons</Link>
        </p>
      )}
    </article>
  )
}

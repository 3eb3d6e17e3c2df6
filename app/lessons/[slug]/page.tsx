import { getMDXComponent } from 'mdx-bundler/client'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { LessonProvider } from '@/components/lesson/lesson-context'
import { LessonTools } from '@/components/lesson/lesson-tools'
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
  const lesson = await findLesson(slug)
  if (!lesson) notFound()

  const Content = getMDXComponent(lesson.code)
  return (
    <article className="prose lesson">
      <h1>{lesson.title}</h1>
      <p className="lead">{lesson.summary}</p>
      <LessonProvider slug={lesson.slug}>
        <Content components={lessonComponents} />
        <LessonTools />
      </LessonProvider>
    </article>
  )
}

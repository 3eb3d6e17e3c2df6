import 'server-only'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { type CompiledLesson, compileLessonFile } from './compile'
import { findFieldLine } from './frontmatter'
import { LessonBuildError } from './problems'

export type Lesson = CompiledLesson & { slug: string }

const contentDir = path.join(process.cwd(), 'content')

// Lessons are compiled once per process (at build time for the static
// pages) and one at a time: parallel esbuild runs can exhaust memory. In
// development they are compiled afresh, so an edit shows on the next
// request (and the open page reloads itself, see lesson-components.ts).
let cache: Promise<Lesson[]> | undefined

export function listLessons(): Promise<Lesson[]> {
  if (process.env.NODE_ENV === 'development') return compileAll(contentDir)
  cache ??= compileAll(contentDir)
  return cache
}

export async function findLesson(slug: string): Promise<Lesson | undefined> {
  const lessons = await listLessons()
  return lessons.find((lesson) => lesson.slug === slug)
}

/** Every lesson in a folder, in index order, checked against each other. */
export async function compileAll(folder: string): Promise<Lesson[]> {
  const files = (await readdir(folder))
    .filter((name) => name.endsWith('.mdx'))
    .sort()
  const lessons: Lesson[] = []
  for (const file of files) {
    const compiled = await compileLessonFile(
      path.join(folder, file),
      displayPath(folder, file),
    )
    lessons.push({ ...compiled, slug: file.replace(/\.mdx$/, '') })
  }
  await checkPrerequisites(folder, lessons)
  return lessons.sort((a, b) => a.order - b.order)
}

async function checkPrerequisites(folder: string, lessons: Lesson[]) {
  const slugs = new Set(lessons.map((lesson) => lesson.slug))
  for (const lesson of lessons) {
    const unknown = lesson.prerequisites.filter((slug) => !slugs.has(slug))
    if (unknown.length === 0) continue

    const file = path.join(folder, `${lesson.slug}.mdx`)
    const source = await readFile(file, 'utf8')
    throw new LessonBuildError(displayPath(folder, `${lesson.slug}.mdx`), [
      {
        line: findFieldLine(source, 'prerequisites'),
        column: 1,
        message:
          `frontmatter prerequisites: no lesson is called ` +
          `${unknown.join(', ')}. Use the file names of lessons in ` +
          `content/, without .mdx (here: ${[...slugs].join(', ')}).`,
      },
    ])
  }
}

function displayPath(folder: string, file: string): string {
  return path.relative(process.cwd(), path.join(folder, file))
}

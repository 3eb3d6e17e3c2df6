import 'server-only'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import { type Frontmatter, parseFrontmatter } from './frontmatter'

export type Lesson = Frontmatter & { slug: string; code: string }

const contentDir = path.join(process.cwd(), 'content')

// Lessons are compiled once per process (at build time for the static
// pages) and one at a time: parallel esbuild runs can exhaust memory. In
// development they are compiled afresh, so an edit shows on reload.
let cache: Promise<Lesson[]> | undefined

export function listLessons(): Promise<Lesson[]> {
  if (process.env.NODE_ENV === 'development') return compileAll()
  cache ??= compileAll()
  return cache
}

export async function findLesson(slug: string): Promise<Lesson | undefined> {
  const lessons = await listLessons()
  return lessons.find((lesson) => lesson.slug === slug)
}

async function compileAll(): Promise<Lesson[]> {
  const files = (await readdir(contentDir))
    .filter((name) => name.endsWith('.mdx'))
    .sort()
  const lessons: Lesson[] = []
  for (const file of files) lessons.push(await compileLesson(file))
  return lessons.sort((a, b) => a.order - b.order)
}

async function compileLesson(file: string): Promise<Lesson> {
  const source = await readFile(path.join(contentDir, file), 'utf8')
  const { code, frontmatter } = await bundleMDX({ source, cwd: contentDir })
  const parsed = parseFrontmatter(`content/${file}`, frontmatter)
  if (!parsed.success) throw new Error(parsed.message)

  return { ...parsed.data, slug: file.replace(/\.mdx$/, ''), code }
}

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileAll } from './catalog'

const contentDir = path.join(process.cwd(), 'content')

describe('catalog.ts', () => {
  it('builds every lesson in content/, in index order', async () => {
    const lessons = await compileAll(contentDir)
    const orders = lessons.map((lesson) => lesson.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(lessons[0]?.slug).toBe('api-tutorial')
    for (const lesson of lessons) expect(lesson.steps.length).toBeGreaterThan(0)
  })

  it('names the line of a prerequisite that is not a lesson', async () => {
    const folder = path.join(
      import.meta.dirname,
      'fixtures',
      'unknown-prerequisite',
    )
    await expect(compileAll(folder)).rejects.toThrow(
      'lib/lessons/fixtures/unknown-prerequisite/first.mdx:6:1: frontmatter ' +
        'prerequisites: no lesson is called first-calls.',
    )
  })
})

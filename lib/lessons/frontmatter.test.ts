import { describe, expect, it } from 'vitest'
import { parseFrontmatter } from './frontmatter'

const valid = {
  title: 'First calls',
  summary: 'Sign in and list data sources.',
  order: 1,
  minutes: 10,
}

describe('frontmatter', () => {
  it('accepts a complete frontmatter and defaults prerequisites', () => {
    const result = parseFrontmatter('a.mdx', valid)
    expect(result).toEqual({
      success: true,
      data: { ...valid, prerequisites: [] },
    })
  })

  it('names the file and the field that is wrong', () => {
    const result = parseFrontmatter('content/a.mdx', { ...valid, order: 'x' })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.message).toMatch(/^content\/a\.mdx: bad frontmatter/)
    expect(result.message).toContain('order:')
  })

  it('refuses a field it does not know', () => {
    const result = parseFrontmatter('a.mdx', { ...valid, tittle: 'typo' })
    expect(result.success).toBe(false)
  })
})

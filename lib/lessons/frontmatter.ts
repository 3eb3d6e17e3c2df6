import { z } from 'zod'

export const frontmatterSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int().nonnegative(),
  minutes: z.number().int().positive(),
  prerequisites: z.array(z.string().min(1)).default([]),
})

export type Frontmatter = z.infer<typeof frontmatterSchema>

/** One field that is wrong, named as the author wrote it. */
export type FrontmatterProblem = { field: string; message: string }

export type FrontmatterResult =
  | { success: true; data: Frontmatter }
  | { success: false; message: string; problems: FrontmatterProblem[] }

export function parseFrontmatter(
  file: string,
  raw: unknown,
): FrontmatterResult {
  const result = frontmatterSchema.safeParse(raw)
  if (result.success) return { success: true, data: result.data }

  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: key,
        message: `not a frontmatter field (the fields are ${fieldList})`,
      }))
    }
    const field = issue.path.join('.') || '(frontmatter)'
    return [{ field, message: issue.message }]
  })
  const text = problems.map((p) => `${p.field}: ${p.message}`).join('; ')
  return {
    success: false,
    message: `${file}: bad frontmatter — ${text}`,
    problems,
  }
}

const fieldList = Object.keys(frontmatterSchema.shape).join(', ')

/**
 * The 1-based line of a top-level field in a lesson's frontmatter block,
 * or of the opening `---` when the field is missing.
 */
export function findFieldLine(source: string, field: string): number {
  const key = field.split('.')[0] ?? field
  const lines = source.split(/\r?\n/)
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (/^(---|\.\.\.)\s*$/.test(line)) break
    if (line.startsWith(`${key}:`) || line.startsWith(`${key} :`)) {
      return index + 1
    }
  }
  return 1
}

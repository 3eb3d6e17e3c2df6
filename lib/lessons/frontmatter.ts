import { z } from 'zod'

export const frontmatterSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  order: z.number().int().nonnegative(),
  minutes: z.number().int().positive(),
  prerequisites: z.array(z.string().min(1)).default([]),
})

export type Frontmatter = z.infer<typeof frontmatterSchema>

export type FrontmatterResult =
  | { success: true; data: Frontmatter }
  | { success: false; message: string }

export function parseFrontmatter(
  file: string,
  raw: unknown,
): FrontmatterResult {
  const result = frontmatterSchema.safeParse(raw)
  if (result.success) return { success: true, data: result.data }

  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(frontmatter)'
    return `${field}: ${issue.message}`
  })
  return {
    success: false,
    message: `${file}: bad frontmatter — ${problems.join('; ')}`,
  }
}

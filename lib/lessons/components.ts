import { z } from 'zod'
import { expectationSchema, jsonValue } from '@/lib/checks/expectation'
import { methods } from '@/lib/exchange/request'
import { quarterlyScriptFiles } from '@/lib/quarterly/scripts'

// What each component a lesson may use accepts, checked when the lesson is
// built. components/mdx/lesson-components.ts must provide exactly these
// names (its type says so); docs/authoring.md documents them.

export const lessonComponentProps = {
  RequestEditor: z.strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        'use lower-case letters, digits and hyphens, e.g. "list-sources"',
      ),
    method: z.enum(methods),
    url: z.string().min(1),
    headers: z.array(z.tuple([z.string(), z.string()])).optional(),
    body: z.union([z.string(), jsonValue]).optional(),
    success: expectationSchema,
  }),
  Note: z.strictObject({
    kind: z.enum(['note', 'warning']).optional(),
    title: z.string().min(1).optional(),
  }),
  ScriptDownload: z.strictObject({
    file: z.enum(quarterlyScriptFiles),
  }),
} as const

export type LessonComponentName = keyof typeof lessonComponentProps

export const lessonComponentNames = Object.keys(
  lessonComponentProps,
) as LessonComponentName[]

export function isLessonComponentName(
  name: string,
): name is LessonComponentName {
  return Object.hasOwn(lessonComponentProps, name)
}

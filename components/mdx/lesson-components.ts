import type { ComponentType } from 'react'
import { RequestEditor } from '@/components/request-editor/request-editor'
import { ScriptDownload } from '@/components/scripts/script-download'
import type { LessonComponentName } from '@/lib/lessons/components'
import { LessonWrapper } from './lesson-wrapper'
import { Note } from './note'

// The components a lesson's MDX may use, documented in docs/authoring.md.
// Their names and props are checked when a lesson is built, against
// lib/lessons/components.ts; `satisfies` keeps the two lists the same.
const byName = {
  RequestEditor,
  Note,
  ScriptDownload,
} satisfies Record<LessonComponentName, ComponentType<never>>

export const lessonComponents = { ...byName, wrapper: LessonWrapper }

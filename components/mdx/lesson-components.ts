import { RequestEditor } from '@/components/request-editor/request-editor'
import { Note } from './note'

// The components a lesson's MDX may use, documented in docs/authoring.md.
export const lessonComponents = { RequestEditor, Note }

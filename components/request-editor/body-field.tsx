'use client'

import { useCodeEditor } from '@/components/monaco/lazy-code-editor'
import { requestBodySchemaFor } from '@/lib/bigid/request-schemas'
import { fill, messages } from '@/lib/messages'

type Props = {
  id: string
  path: string
  value: string
  // The URL the body goes to: known endpoints get completion and checks.
  schemaFor: string
  onChange: (value: string) => void
  onRun: () => void
}

// The body is a plain textarea, rendered on the server and sendable at
// once; Monaco takes its place when it has loaded.
export function BodyField({
  id,
  path,
  value,
  schemaFor,
  onChange,
  onRun,
}: Props) {
  const CodeEditor = useCodeEditor()
  const hintId = `${id}-body-hint`
  const problem = jsonProblem(value)

  return (
    <div className="field">
      <span className="label" id={`${id}-body-label`}>
        Body
      </span>
      {CodeEditor ? (
        <div className="code-frame" data-editor="monaco">
          <CodeEditor
            path={path}
            value={value}
            language="json"
            ariaLabel="Body"
            schema={requestBodySchemaFor(schemaFor)}
            onChange={onChange}
            onRun={onRun}
          />
        </div>
      ) : (
        <textarea
          className="code-fallback"
          aria-labelledby={`${id}-body-label`}
          aria-describedby={hintId}
          value={value}
          rows={Math.min(14, Math.max(4, value.split('\n').length))}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
              event.preventDefault()
              onRun()
            }
          }}
        />
      )}
      {problem ? (
        <p className="field-error">
          {fill(messages.editor.bodyNotJson, { problem })}
        </p>
      ) : null}
      <p className="hint" id={hintId}>
        {messages.editor.tabTrap}
      </p>
    </div>
  )
}

function jsonProblem(body: string): string | undefined {
  if (body.trim() === '') return undefined
  try {
    JSON.parse(body)
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

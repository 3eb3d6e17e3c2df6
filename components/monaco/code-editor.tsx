'use client'

import Editor, { loader, type OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import * as monaco from './monaco'

// Monaco and its workers come from our own build: loader.config stops
// @monaco-editor/react from fetching Monaco from a CDN.
self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') {
      return new Worker(
        new URL('monaco-editor/language/json/json.worker.js', import.meta.url),
        { type: 'module' },
      )
    }
    return new Worker(
      new URL('monaco-editor/editor/editor.worker.js', import.meta.url),
      { type: 'module' },
    )
  },
}
loader.config({ monaco })

// Body schemas by model path: Monaco's JSON support takes one list for
// every editor on the page.
const schemas = new Map<string, object>()

function registerSchema(path: string, schema: object | undefined) {
  const had = schemas.get(path)
  if (had === schema) return
  if (schema) schemas.set(path, schema)
  else schemas.delete(path)
  monaco.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    schemas: [...schemas].map(([modelPath, entry]) => ({
      uri: `playground://schemas/${modelPath}`,
      fileMatch: [`*${modelPath}`],
      schema: entry,
    })),
  })
}

export type Highlight = {
  line: number
  startColumn: number
  endColumn: number
}

export type CodeEditorProps = {
  path: string
  value: string
  language: 'json' | 'plaintext'
  ariaLabel: string
  readOnly?: boolean
  onChange?: (value: string) => void
  onRun?: () => void
  highlight?: Highlight
  schema?: object
  minLines?: number
  maxHeight?: number
}

const lineHeight = 19

export function CodeEditor({
  path,
  value,
  language,
  ariaLabel,
  readOnly = false,
  onChange,
  onRun,
  highlight,
  schema,
  minLines = 4,
  maxHeight = 420,
}: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection>(null)
  const onRunRef = useRef(onRun)
  onRunRef.current = onRun
  const valueRef = useRef(value)
  valueRef.current = value
  // What this editor reported through onChange and has not seen come back
  // as `value` yet. An echo can arrive a render late, behind keys typed
  // since; written back, it would erase them. So only a value the editor
  // did not report (a reset, a restored draft) is written into it.
  const reported = useRef<string[]>([])
  // True while the effect below writes a value in: that change is not the
  // learner's, and recorded as reported it could later pass for an echo.
  const isWriting = useRef(false)
  const [height, setHeight] = useState(minLines * lineHeight + 10)

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor
    decorations.current = editor.createDecorationsCollection()
    editor.onDidContentSizeChange(({ contentHeight }) => {
      const min = minLines * lineHeight + 10
      setHeight(Math.min(maxHeight, Math.max(min, contentHeight)))
    })
    // addAction is scoped to this editor; addCommand is not. Its disposable
    // must go with the editor, or Monaco's command registry keeps every
    // editor of every page the learner has visited alive.
    const action = editor.addAction({
      id: 'playground.send',
      label: 'Send request',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => onRunRef.current?.(),
    })
    editor.onDidDispose(() => action.dispose())
    // The value may have moved on while Monaco was being built.
    if (editor.getValue() !== valueRef.current) {
      editor.setValue(valueRef.current)
    }
    paintHighlight(editor, decorations.current, highlight)
  }

  useEffect(() => {
    const editor = editorRef.current
    if (!editor) return
    const echo = reported.current.indexOf(value)
    if (echo !== -1) {
      reported.current.splice(0, echo + 1)
      return
    }
    reported.current = []
    const model = editor.getModel()
    if (!model || value === model.getValue()) return
    isWriting.current = true
    try {
      if (readOnly) editor.setValue(value)
      else {
        // An edit, not setValue, so the learner can undo it.
        editor.executeEdits('', [
          {
            range: model.getFullModelRange(),
            text: value,
            forceMoveMarkers: true,
          },
        ])
        editor.pushUndoStop()
      }
    } finally {
      isWriting.current = false
    }
  }, [value, readOnly])

  useEffect(() => {
    if (language === 'json') registerSchema(path, schema)
  }, [language, path, schema])

  useEffect(() => {
    const editor = editorRef.current
    if (editor && decorations.current) {
      paintHighlight(editor, decorations.current, highlight)
    }
  }, [highlight])

  return (
    <Editor
      path={path}
      // Read when a model is made; later changes go through the effect
      // above, never through the library's own `value` (see `reported`).
      defaultValue={value}
      language={language}
      height={height}
      onChange={(next) => {
        const text = next ?? ''
        if (!isWriting.current) {
          reported.current.push(text)
          if (reported.current.length > 100) reported.current.shift()
        }
        onChange?.(text)
      }}
      onMount={handleMount}
      loading={null}
      // Monaco's theme sets its colour variables on .monaco-editor and
      // .monaco-component. The context menu is drawn in a shadow root
      // beside .monaco-editor, not inside it: without the class on the
      // shared container it has no background and no border.
      className="monaco-component"
      options={{
        ariaLabel,
        readOnly,
        domReadOnly: readOnly,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fontSize: 14,
        lineHeight,
        tabSize: 2,
        wordWrap: readOnly ? 'on' : 'off',
        renderLineHighlight: readOnly ? 'none' : 'line',
        fixedOverflowWidgets: true,
      }}
    />
  )
}

function paintHighlight(
  editor: monaco.editor.IStandaloneCodeEditor,
  collection: monaco.editor.IEditorDecorationsCollection,
  highlight: Highlight | undefined,
) {
  if (!highlight) {
    collection.clear()
    return
  }
  const range = new monaco.Range(
    highlight.line,
    highlight.startColumn,
    highlight.line,
    highlight.endColumn,
  )
  collection.set([{ range, options: { inlineClassName: 'token-highlight' } }])
  // A token near the top is in view already; scrolling to it would hide
  // the lines above, which show where it sits in the body.
  if (highlight.line > 10) editor.revealLineNearTop(highlight.line)
}

export default CodeEditor

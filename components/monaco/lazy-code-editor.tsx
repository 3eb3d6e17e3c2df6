'use client'

import { type ComponentType, useEffect, useState } from 'react'
import type { CodeEditorProps } from './code-editor'

type Loaded = ComponentType<CodeEditorProps>

// One download for every editor on the page. Monaco is about 750 KB
// compressed, so it loads after the lesson has painted and the request can
// already be sent.
let loading: Promise<Loaded> | undefined
// Once loaded, editors mounted later (a new response) start as Monaco at
// once, instead of first laying out a plain copy of a large body. The
// first render after a page load still matches the server's: Monaco is
// never loaded before hydration.
let loaded: Loaded | undefined

function loadCodeEditor(): Promise<Loaded> {
  loading ??= import('./code-editor').then((module) => {
    loaded = module.CodeEditor
    return module.CodeEditor
  })
  return loading
}

export function useCodeEditor(): Loaded | undefined {
  const [editor, setEditor] = useState<{ component: Loaded } | undefined>(() =>
    loaded ? { component: loaded } : undefined,
  )

  useEffect(() => {
    let isCurrent = true
    loadCodeEditor().then(
      (component) => {
        if (isCurrent) setEditor({ component })
      },
      (error: unknown) => {
        // The plain text fallback stays usable; say why in devtools.
        console.warn('The code editor did not load.', error)
      },
    )
    return () => {
      isCurrent = false
    }
  }, [])

  return editor?.component
}

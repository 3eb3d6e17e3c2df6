'use client'

import { useEffect, useId, useState } from 'react'
import type { OutgoingRequest } from '@/lib/exchange/types'
import {
  isSnippetLanguage,
  type SnippetLanguage,
  snippetLanguages,
} from '@/lib/snippets/languages'
import { snippetMessages as text } from '@/lib/snippets/messages'
import { fetchSnippets, type SnippetOutcome } from './fetch-snippets'
import styles from './snippet-panel.module.css'

const languageKey = 'snippets:language'
// Edits arrive a keystroke at a time; the code is asked for once they pause.
const pauseMs = 250

/**
 * The request as code, in the language the learner picks. Closed until
 * asked for; while open it follows every edit, because the code must be
 * exactly what Send would send now.
 */
export function SnippetPanel({ request }: { request: OutgoingRequest }) {
  const ids = useId()
  const [isOpen, setIsOpen] = useState(false)
  const [language, setLanguage] = useState<SnippetLanguage>('curl')
  const [outcome, setOutcome] = useState<SnippetOutcome>()
  const [copyStatus, setCopyStatus] = useState('')
  const requestKey = JSON.stringify(request)

  useEffect(() => {
    const saved = window.localStorage.getItem(languageKey)
    if (saved && isSnippetLanguage(saved)) setLanguage(saved)
  }, [])

  useEffect(() => {
    if (!isOpen) return
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      const current = JSON.parse(requestKey) as OutgoingRequest
      void fetchSnippets(current, controller.signal).then((result) => {
        if (!controller.signal.aborted) setOutcome(result)
      })
    }, pauseMs)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [isOpen, requestKey])

  function choose(next: string) {
    if (!isSnippetLanguage(next)) return
    setLanguage(next)
    setCopyStatus('')
    window.localStorage.setItem(languageKey, next)
  }

  const snippet = outcome?.ok ? outcome.set.snippets[language] : undefined
  const notes = outcome?.ok
    ? [...outcome.set.notes, ...(snippet?.notes ?? [])]
    : []

  async function copy() {
    if (!snippet) return
    try {
      await navigator.clipboard.writeText(snippet.code)
      setCopyStatus(text.copied)
    } catch {
      setCopyStatus(text.copyFailed)
    }
  }

  return (
    <details
      className={styles.panel}
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
    >
      <summary>{text.panelTitle}</summary>
      <div className={styles.toolbar}>
        <div className={styles.field}>
          {/* Not wrapping the select: its value would join the label, and
              "curl" would then answer to a search for "URL". */}
          <label htmlFor={`${ids}-language`}>{text.languageLabel}</label>
          <select
            id={`${ids}-language`}
            value={language}
            onChange={(event) => choose(event.target.value)}
          >
            {snippetLanguages.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button-secondary"
          disabled={!snippet}
          onClick={() => void copy()}
        >
          {text.copy}
        </button>
        <span role="status">{copyStatus}</span>
      </div>

      {outcome === undefined ? <p className="hint">{text.writing}</p> : null}
      {outcome && !outcome.ok ? (
        <p className={styles.error}>{outcome.message}</p>
      ) : null}
      {snippet ? (
        <>
          <label htmlFor={`${ids}-code`} className="visually-hidden">
            {text.codeLabel}
          </label>
          <textarea
            id={`${ids}-code`}
            className={styles.code}
            value={snippet.code}
            readOnly
            spellCheck={false}
            wrap="off"
            rows={Math.min(snippet.code.split('\n').length + 1, 24)}
          />
          <p className="hint">{text.sameAsSend}</p>
        </>
      ) : null}
      {notes.length > 0 ? (
        <ul className={styles.notes}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </details>
  )
}

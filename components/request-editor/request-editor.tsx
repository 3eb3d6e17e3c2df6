'use client'

import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useLessonSlug } from '@/components/lesson/lesson-context'
import { ResponseView } from '@/components/response-view/response-view'
import { type Draft, loadStep, saveStep } from '@/lib/client/draft-store'
import { sendRequest } from '@/lib/client/send-request'
import { formatBytes, viewBody } from '@/lib/exchange/body'
import {
  buildRequest,
  checkUrl,
  describeRequest,
  hasBody,
  methods,
  resolveUrl,
} from '@/lib/exchange/request'
import { findToken } from '@/lib/exchange/token'
import type { Exchange, HeaderPair, SendFailure } from '@/lib/exchange/types'
import { fill, messages } from '@/lib/messages'
import { BodyField } from './body-field'
import { HeaderRows } from './header-rows'

export type RequestEditorProps = {
  id: string
  method: string
  url: string
  headers?: HeaderPair[]
  // A JSON value is written out with two-space indents; a string is sent
  // as it is. MDX strips the indentation of multi-line strings in props,
  // so lessons pass JSON bodies as values.
  body?: string | JsonValue
}

type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue }

export function RequestEditor(props: RequestEditorProps) {
  const lesson = useLessonSlug()
  const storageKey = `${lesson}:${props.id}`
  const domId = `step-${props.id}`
  const name = describeRequest(props.method, props.url)

  const [draft, setDraft] = useState<Draft>(() => ({
    method: props.method,
    url: props.url,
    headers: props.headers ?? [],
    body: initialBody(props.body),
  }))
  const [exchange, setExchange] = useState<Exchange>()
  const [failure, setFailure] = useState<SendFailure>()
  const [isSending, setIsSending] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [focusRow, setFocusRow] = useState<number>()
  const [isRestored, setIsRestored] = useState(false)
  const inFlight = useRef<AbortController>(null)
  const urlInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const saved = loadStep(storageKey)
    if (saved) {
      setDraft(saved.draft)
      setExchange(saved.exchange)
    } else {
      setDraft((current) => ({
        ...current,
        url: resolveUrl(current.url, window.location.origin),
      }))
    }
    setIsRestored(true)
  }, [storageKey])

  useEffect(() => {
    if (isRestored) saveStep(storageKey, { draft, exchange })
  }, [isRestored, storageKey, draft, exchange])

  useEffect(() => () => inFlight.current?.abort(), [])

  const urlCheck = checkUrl(resolveUrl(draft.url, currentOrigin()))
  // The server renders the lesson's path before the page knows its origin,
  // so the URL is judged only once the draft is restored.
  const urlError =
    urlCheck.ok || !isRestored
      ? undefined
      : fill(messages.editor.invalidUrl, {
          example: resolveUrl('/sandbox/api/v1/sessions', currentOrigin()),
        })

  async function send() {
    if (isSending) return
    if (!urlCheck.ok) {
      urlInput.current?.focus()
      return
    }
    inFlight.current?.abort()
    const controller = new AbortController()
    inFlight.current = controller

    setIsSending(true)
    setFailure(undefined)
    setAnnouncement(messages.send.sending)
    const request = buildRequest(
      draft.method,
      resolveUrl(draft.url, currentOrigin()),
      draft.headers,
      draft.body,
    )
    const outcome = await sendRequest(request, controller.signal)
    if (controller.signal.aborted) return

    setIsSending(false)
    if (outcome.ok) {
      setExchange(outcome.exchange)
      setAnnouncement(describeOutcome(outcome.exchange))
    } else {
      setFailure(outcome.failure)
      setAnnouncement(outcome.failure.message)
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    void send()
  }

  function update(change: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...change }))
  }

  return (
    <form
      className="request-editor"
      aria-label={name}
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault()
          void send()
        }
      }}
      noValidate
    >
      <div className="request-line">
        <label className="field field-method">
          <span className="label">Method</span>
          <select
            value={draft.method}
            onChange={(event) => update({ method: event.target.value })}
          >
            {methods.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </label>
        <label className="field field-url">
          <span className="label">URL</span>
          <input
            ref={urlInput}
            value={draft.url}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? `${domId}-url-error` : undefined}
            onChange={(event) => update({ url: event.target.value })}
          />
        </label>
        <button type="submit" className="button-primary" disabled={isSending}>
          Send
        </button>
      </div>
      {urlError ? (
        <p className="field-error" id={`${domId}-url-error`}>
          {urlError}
        </p>
      ) : null}

      <fieldset className="headers">
        <legend>Headers</legend>
        <HeaderRows
          headers={draft.headers}
          focusRow={focusRow}
          onChange={(headers) => update({ headers })}
        />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setFocusRow(draft.headers.length)
            update({ headers: [...draft.headers, ['', '']] })
          }}
        >
          Add header
        </button>
      </fieldset>

      {hasBody(draft.method) ? (
        <BodyField
          id={domId}
          path={`${lesson}/${props.id}/body.json`}
          value={draft.body}
          onChange={(body) => update({ body })}
          onRun={() => void send()}
        />
      ) : null}

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {failure ? (
        <div className="send-failure" role="alert">
          <p>{failure.message}</p>
          <p className="hint">
            Error code: <code>{failure.code}</code>
          </p>
        </div>
      ) : null}
      {exchange ? (
        <ResponseView
          exchange={exchange}
          modelPath={`${lesson}/${props.id}/response.json`}
        />
      ) : null}
    </form>
  )
}

function initialBody(body: RequestEditorProps['body']): string {
  if (body === undefined) return ''
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}

function currentOrigin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin
}

function describeOutcome(exchange: Exchange): string {
  const parts = [
    `${exchange.status} ${exchange.statusText}`.trim(),
    `${Math.round(exchange.durationMs)} ms`,
    formatBytes(exchange.sizeBytes),
  ]
  const view = viewBody(exchange.body, exchange.bodyEncoding)
  const token = view.isJson ? findToken(view.text) : undefined
  if (token) parts.push(`${token.field} found`)
  return parts.join(', ')
}

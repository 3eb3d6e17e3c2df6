'use client'

import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react'
import { type IssuedToken, useLesson } from '@/components/lesson/lesson-context'
import { ResponseView } from '@/components/response-view/response-view'
import { SnippetPanel } from '@/components/snippets/snippet-panel'
import { diagnose, isTokenExchange, type Verdict } from '@/lib/checks/diagnose'
import { readExpectation } from '@/lib/checks/expected'
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
import type { Exchange, HeaderPair } from '@/lib/exchange/types'
import { fill, messages } from '@/lib/messages'
import { BodyField } from './body-field'
import { HeaderRows } from './header-rows'
import { StepVerdict } from './step-verdict'
import { useStep } from './use-step'

export type RequestEditorProps = {
  id: string
  method: string
  url: string
  headers?: HeaderPair[]
  // A JSON value is written out with two-space indents; a string is sent
  // as it is. MDX strips the indentation of multi-line strings in props,
  // so lessons pass JSON bodies as values.
  body?: string | JsonValue
  // What success means for this step: see lib/checks/expectation.ts.
  success?: unknown
}

type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue }

export function RequestEditor(props: RequestEditorProps) {
  const lesson = useLesson()
  const domId = `step-${props.id}`
  const name = describeRequest(props.method, props.url)
  const lessonDraft = useMemo(
    () => ({
      method: props.method,
      url: props.url,
      headers: props.headers ?? [],
      body: initialBody(props.body),
    }),
    [props.method, props.url, props.headers, props.body],
  )
  const step = useStep(props.id, lessonDraft)
  const { draft, history, verdict, failure, carried } = step.state
  const expectation = readExpectation(props.success ?? {})

  const [shownEntry, setShownEntry] = useState(0)
  const [isSending, setIsSending] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [focus, setFocus] = useState<{
    row: number
    part: 'name' | 'value'
    id: number
  }>()
  const inFlight = useRef<AbortController>(null)
  const urlInput = useRef<HTMLInputElement>(null)
  const form = useRef<HTMLFormElement>(null)

  const { register, reportStatus, carryFor } = lesson
  useEffect(() => register(props.id), [register, props.id])
  useEffect(() => () => inFlight.current?.abort(), [])

  const carry = carryFor(props.id)
  const applyCarry = step.applyCarry
  const carryId = carry?.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: a carry is applied once, when its id changes
  useEffect(() => {
    if (!carry) return
    applyCarry(carry.value, carry)
    const row = draft.headers.findIndex(
      ([header]) => header.trim().toLowerCase() === 'authorization',
    )
    setFocus({
      row: row >= 0 ? row : draft.headers.length,
      part: 'value',
      id: carry.id,
    })
    form.current?.scrollIntoView({ block: 'start' })
  }, [carryId])

  const isRestored = step.isRestored
  const fullUrl = resolveUrl(draft.url, currentOrigin())
  const urlCheck = checkUrl(fullUrl)
  // The server renders the lesson's path before the page knows its origin,
  // so the URL is judged only once the draft is restored.
  const urlError =
    urlCheck.ok || !isRestored
      ? undefined
      : fill(
          urlCheck.reason === 'unsupported_scheme'
            ? messages.editor.unsupportedScheme
            : messages.editor.invalidUrl,
          { example: resolveUrl('/sandbox/api/v1/sessions', currentOrigin()) },
        )

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
    setAnnouncement(messages.send.sending)
    const request = buildRequest(
      draft.method,
      fullUrl,
      draft.headers,
      draft.body,
    )
    const outcome = await sendRequest(request, controller.signal)
    if (controller.signal.aborted) return
    setIsSending(false)

    const judged: Verdict = expectation
      ? diagnose(request, outcome, expectation, {
          issuedTokens: lesson.issuedTokens.map((token) => token.value),
          nowMs: Date.now(),
        })
      : { passed: true }
    reportStatus(props.id, judged.passed ? 'done' : 'failed')

    if (outcome.ok) {
      step.recordExchange(outcome.exchange, judged)
      setShownEntry(0)
      const token = tokenOf(outcome.exchange)
      if (token) {
        lesson.recordToken({
          value: token.value,
          field: token.field,
          fromStep: props.id,
          fromRequest: name,
          at: Date.now(),
        })
      }
      setAnnouncement(describeOutcome(outcome.exchange, judged, token))
    } else {
      step.recordFailure(outcome.failure, judged)
      setAnnouncement(outcome.failure.message)
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    void send()
  }

  function resetStep() {
    inFlight.current?.abort()
    setIsSending(false)
    step.reset()
    reportStatus(props.id, undefined)
    setAnnouncement(messages.editor.stepReset)
  }

  function carryToken(token: IssuedToken) {
    const next = lesson.carryToNext(token)
    setAnnouncement(next ? messages.carry.carried : messages.carry.noNextStep)
  }

  const shown = history[shownEntry]
  const redoStep =
    !verdict?.passed &&
    (verdict?.mistake === 'expired_token' || verdict?.mistake === 'stale_token')
      ? lesson.issuedTokens[0]?.fromStep
      : undefined
  const nextStep = lesson.nextStepAfter(props.id)

  return (
    <form
      ref={form}
      id={domId}
      className="request-editor"
      aria-label={name}
      data-status={lesson.statuses[props.id]}
      data-restored={isRestored || undefined}
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
          event.preventDefault()
          void send()
        }
      }}
      noValidate
    >
      {!expectation ? (
        <p className="field-error" role="alert">
          {messages.editor.badSuccessCheck}
        </p>
      ) : null}
      <div className="request-line">
        <label className="field field-method">
          <span className="label">Method</span>
          <select
            value={draft.method}
            onChange={(event) =>
              step.updateDraft({ method: event.target.value })
            }
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
            onChange={(event) => step.updateDraft({ url: event.target.value })}
          />
        </label>
        {/* aria-disabled, not disabled: a disabled button drops the focus,
            and a keyboard or screen-reader user would lose their place. */}
        <button
          type="submit"
          className="button-primary"
          aria-disabled={isSending || undefined}
        >
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
          idPrefix={domId}
          headers={draft.headers}
          focus={focus}
          carried={carried}
          lintContext={{
            isTokenExchange: isTokenExchange(fullUrl),
            nowMs: Date.now(),
          }}
          onChange={(headers) => step.updateDraft({ headers })}
        />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setFocus({
              row: draft.headers.length,
              part: 'name',
              id: Date.now(),
            })
            step.updateDraft({ headers: [...draft.headers, ['', '']] })
          }}
        >
          Add header
        </button>
      </fieldset>

      {hasBody(draft.method) ? (
        <BodyField
          id={domId}
          path={`${lesson.slug}/${props.id}/body.json`}
          value={draft.body}
          schemaFor={fullUrl}
          onChange={(body) => step.updateDraft({ body })}
          onRun={() => void send()}
        />
      ) : null}
      {step.state.isPasswordDropped ? (
        <p className="hint">{messages.editor.passwordDropped}</p>
      ) : null}

      <SnippetPanel
        request={buildRequest(draft.method, fullUrl, draft.headers, draft.body)}
      />

      <div className="step-tools">
        <button type="button" className="button-quiet" onClick={resetStep}>
          Reset step
        </button>
      </div>

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
      {verdict && expectation ? (
        <StepVerdict
          verdict={verdict}
          nextStep={nextStep}
          redoStep={redoStep}
        />
      ) : null}
      {shown ? (
        <ResponseView
          exchange={shown.exchange}
          modelPath={`${lesson.slug}/${props.id}/response.json`}
          history={history}
          shownEntry={shownEntry}
          onShowEntry={setShownEntry}
          onUseInNextStep={(token) =>
            carryToken({
              value: token.value,
              field: token.field,
              fromStep: props.id,
              fromRequest: name,
              at: shown.at,
            })
          }
          hasNextStep={nextStep !== undefined}
        />
      ) : null}
    </form>
  )
}

function tokenOf(exchange: Exchange) {
  const view = viewBody(exchange.body, exchange.bodyEncoding)
  return view.isJson ? findToken(view.text) : undefined
}

function initialBody(body: RequestEditorProps['body']): string {
  if (body === undefined) return ''
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}

function currentOrigin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin
}

function describeOutcome(
  exchange: Exchange,
  verdict: Verdict,
  token: ReturnType<typeof tokenOf>,
): string {
  const parts = [
    `${exchange.status} ${exchange.statusText}`.trim(),
    `${Math.round(exchange.durationMs)} ms`,
    formatBytes(exchange.sizeBytes),
  ]
  if (token) parts.push(`${token.field} found`)
  parts.push(verdict.passed ? 'step done' : 'step not done yet')
  return parts.join(', ')
}

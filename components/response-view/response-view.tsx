'use client'

import { useId, useMemo, useState } from 'react'
import { JwtInspector } from '@/components/jwt/jwt-inspector'
import { useCodeEditor } from '@/components/monaco/lazy-code-editor'
import type { HistoryEntry } from '@/lib/client/draft-store'
import {
  findHeader,
  formatBytes,
  isJsonContentType,
  viewBody,
} from '@/lib/exchange/body'
import { readDataSources } from '@/lib/exchange/data-sources'
import { findToken, type TokenLocation } from '@/lib/exchange/token'
import type { Exchange } from '@/lib/exchange/types'
import { fill, messages } from '@/lib/messages'
import { DataSourceTable } from './data-source-table'
import { HeaderTable } from './header-table'

type Props = {
  exchange: Exchange
  modelPath: string
  history?: HistoryEntry[]
  shownEntry?: number
  onShowEntry?: (index: number) => void
  onUseInNextStep?: (token: TokenLocation) => void
  hasNextStep?: boolean
}

export function ResponseView({
  exchange,
  modelPath,
  history = [],
  shownEntry = 0,
  onShowEntry,
  onUseInNextStep,
  hasNextStep = false,
}: Props) {
  const headingId = useId()
  const [isRaw, setIsRaw] = useState(false)
  const pretty = useMemo(
    () => viewBody(exchange.body, exchange.bodyEncoding),
    [exchange.body, exchange.bodyEncoding],
  )
  const view = isRaw ? { text: exchange.body, isJson: false } : pretty
  const token = pretty.isJson ? findToken(pretty.text) : undefined
  const sources = pretty.isJson ? readDataSources(pretty.parsed) : undefined
  const contentType = findHeader(exchange.headers, 'content-type')
  const typeDisagrees =
    pretty.isJson &&
    contentType !== undefined &&
    !isJsonContentType(contentType)
  const isError = exchange.status >= 400

  return (
    <section className="response" aria-labelledby={headingId}>
      <div className="response-head">
        <h3 id={headingId} className="response-title">
          Response
        </h3>
        {history.length > 1 && onShowEntry ? (
          <label className="history-picker">
            <span className="label">Exchange</span>
            <select
              value={shownEntry}
              onChange={(event) => onShowEntry(Number(event.target.value))}
            >
              {history.map((entry, index) => (
                <option key={entry.at} value={index}>
                  {index === 0 ? 'Latest' : `${index} earlier`}:{' '}
                  {entry.exchange.status} at{' '}
                  {new Date(entry.at).toLocaleTimeString()}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <p className="response-summary">
        <strong className={isError ? 'status status-error' : 'status'}>
          {exchange.status} {exchange.statusText}
        </strong>
        <span>{Math.round(exchange.durationMs)} ms</span>
        <span>{formatBytes(exchange.sizeBytes)}</span>
      </p>
      {typeDisagrees ? (
        <p className="hint">
          {fill(messages.response.typeDisagrees, { type: contentType })}
        </p>
      ) : null}
      {exchange.truncated ? (
        <p className="notice">
          {messages.response.truncated} <DownloadLink exchange={exchange} />
        </p>
      ) : null}
      {token ? (
        <TokenBar
          token={token}
          onUseInNextStep={
            hasNextStep && onUseInNextStep
              ? () => onUseInNextStep(token)
              : undefined
          }
        />
      ) : null}
      {sources ? <DataSourceTable list={sources} /> : null}
      <HeaderTable headers={exchange.headers} />
      {pretty.isJson ? (
        <div className="view-switch">
          <button
            type="button"
            className="button-quiet"
            aria-pressed={!isRaw}
            onClick={() => setIsRaw(false)}
          >
            Pretty
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-pressed={isRaw}
            onClick={() => setIsRaw(true)}
          >
            Raw
          </button>
        </div>
      ) : null}
      <ResponseBody
        view={view}
        exchange={exchange}
        token={isRaw ? undefined : token}
        modelPath={modelPath}
      />
    </section>
  )
}

function DownloadLink({ exchange }: { exchange: Exchange }) {
  const [href, setHref] = useState<string>()
  const name = exchange.truncated
    ? 'response-body-cut.txt'
    : 'response-body.txt'
  return (
    <a
      href={href ?? '#'}
      download={name}
      onClick={(event) => {
        if (href) return
        event.preventDefault()
        const bytes =
          exchange.bodyEncoding === 'base64'
            ? Uint8Array.from(atob(exchange.body), (char) => char.charCodeAt(0))
            : new TextEncoder().encode(exchange.body)
        const url = URL.createObjectURL(new Blob([bytes]))
        setHref(url)
        const link = document.createElement('a')
        link.href = url
        link.download = name
        link.click()
      }}
    >
      Download what arrived
    </a>
  )
}

function TokenBar({
  token,
  onUseInNextStep,
}: {
  token: TokenLocation
  onUseInNextStep?: () => void
}) {
  const [note, setNote] = useState('')

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.value)
      setNote(messages.response.tokenCopied)
    } catch {
      setNote(messages.response.copyFailed)
    }
  }

  return (
    <div className="token-bar">
      <p>
        <code>{token.field}</code> is highlighted on line {token.line} of the
        body.
      </p>
      <button type="button" className="button-secondary" onClick={copy}>
        Copy token
      </button>
      {onUseInNextStep ? (
        <button
          type="button"
          className="button-secondary"
          onClick={onUseInNextStep}
        >
          Use in next step
        </button>
      ) : null}
      <p className="hint" role="status">
        {note}
      </p>
      <JwtInspector token={token.value} />
    </div>
  )
}

type BodyProps = {
  view: { text: string; isJson: boolean }
  exchange: Exchange
  token: TokenLocation | undefined
  modelPath: string
}

// Past this many characters the view shows the beginning only: laying out
// (or building a Monaco model of) megabytes freezes the tab for seconds.
const maxShownChars = 1_000_000
const shownChars = 200_000

function ResponseBody({ view, exchange, token, modelPath }: BodyProps) {
  const CodeEditor = useCodeEditor()
  const isCut = view.text.length > maxShownChars
  const text = isCut ? cutAtLine(view.text, shownChars) : view.text

  if (exchange.body === '') {
    return <p className="hint">{messages.response.empty}</p>
  }
  return (
    <div className="field">
      <span className="label">Body</span>
      {exchange.bodyEncoding === 'base64' ? (
        <p className="hint">{messages.response.binary}</p>
      ) : null}
      {isCut ? (
        <p className="notice">
          {fill(messages.response.shownCut, {
            shown: formatBytes(text.length),
            total: formatBytes(view.text.length),
          })}{' '}
          <DownloadLink exchange={exchange} />
        </p>
      ) : null}
      {CodeEditor ? (
        <div className="code-frame" data-editor="monaco">
          <CodeEditor
            path={modelPath}
            value={text}
            language={view.isJson ? 'json' : 'plaintext'}
            ariaLabel="Response body"
            readOnly
            highlight={token}
            minLines={3}
            maxHeight={480}
          />
        </div>
      ) : (
        <pre className="code-fallback">
          <PlainBody text={text} token={token} />
        </pre>
      )}
    </div>
  )
}

function cutAtLine(text: string, length: number): string {
  const end = text.lastIndexOf('\n', length)
  return text.slice(0, end > 0 ? end : length)
}

function PlainBody({
  text,
  token,
}: {
  text: string
  token: TokenLocation | undefined
}) {
  if (!token) return text
  const lineStart = text
    .split('\n')
    .slice(0, token.line - 1)
    .reduce((offset, line) => offset + line.length + 1, 0)
  const at = lineStart + token.startColumn - 1
  return (
    <>
      {text.slice(0, at)}
      <mark className="token-highlight">{token.value}</mark>
      {text.slice(at + token.value.length)}
    </>
  )
}

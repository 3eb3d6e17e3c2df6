'use client'

import { useId, useMemo, useState } from 'react'
import { useCodeEditor } from '@/components/monaco/lazy-code-editor'
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

type Props = { exchange: Exchange; modelPath: string }

export function ResponseView({ exchange, modelPath }: Props) {
  const headingId = useId()
  const view = useMemo(
    () => viewBody(exchange.body, exchange.bodyEncoding),
    [exchange.body, exchange.bodyEncoding],
  )
  const token = view.isJson ? findToken(view.text) : undefined
  const sources = view.isJson ? readDataSources(view.parsed) : undefined
  const contentType = findHeader(exchange.headers, 'content-type')
  const typeDisagrees =
    view.isJson && contentType !== undefined && !isJsonContentType(contentType)
  const isError = exchange.status >= 400

  return (
    <section className="response" aria-labelledby={headingId}>
      <h3 id={headingId} className="response-title">
        Response
      </h3>
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
        <p className="notice">{messages.response.truncated}</p>
      ) : null}
      {token ? <TokenBar token={token} /> : null}
      {sources ? <DataSourceTable list={sources} /> : null}
      <HeaderTable headers={exchange.headers} />
      <ResponseBody
        view={view}
        exchange={exchange}
        token={token}
        modelPath={modelPath}
      />
    </section>
  )
}

function TokenBar({ token }: { token: TokenLocation }) {
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
      <p className="hint" role="status">
        {note}
      </p>
    </div>
  )
}

type BodyProps = {
  view: ReturnType<typeof viewBody>
  exchange: Exchange
  token: TokenLocation | undefined
  modelPath: string
}

function ResponseBody({ view, exchange, token, modelPath }: BodyProps) {
  const CodeEditor = useCodeEditor()

  if (exchange.body === '') {
    return <p className="hint">{messages.response.empty}</p>
  }
  return (
    <div className="field">
      <span className="label">Body</span>
      {exchange.bodyEncoding === 'base64' ? (
        <p className="hint">{messages.response.binary}</p>
      ) : null}
      {CodeEditor ? (
        <div className="code-frame" data-editor="monaco">
          <CodeEditor
            path={modelPath}
            value={view.text}
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
          <PlainBody text={view.text} token={token} />
        </pre>
      )}
    </div>
  )
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

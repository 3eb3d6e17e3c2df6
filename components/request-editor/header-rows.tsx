'use client'

import { useEffect, useRef, useState } from 'react'
import { JwtInspector } from '@/components/jwt/jwt-inspector'
import {
  type Fix,
  type LintContext,
  type LintFinding,
  lintHeader,
} from '@/lib/checks/lint-header'
import type { Provenance } from '@/lib/client/draft-store'
import type { HeaderPair } from '@/lib/exchange/types'
import { messages } from '@/lib/messages'

type Props = {
  idPrefix: string
  headers: HeaderPair[]
  onChange: (headers: HeaderPair[]) => void
  lintContext: LintContext
  carried?: Provenance
  // Index of a row that should take focus: a new row's name field, or the
  // value field of a row a carry just filled.
  focus?: { row: number; part: 'name' | 'value'; id: number }
}

export function HeaderRows({
  idPrefix,
  headers,
  onChange,
  lintContext,
  carried,
  focus,
}: Props) {
  const list = useRef<HTMLUListElement>(null)
  const [fixNote, setFixNote] = useState<{ row: number; text: string }>()

  useEffect(() => {
    if (!focus) return
    const selector = `input[data-part="${focus.part}"]`
    const rows = list.current?.querySelectorAll<HTMLElement>('li')
    rows?.[focus.row]?.querySelector<HTMLInputElement>(selector)?.focus()
  }, [focus])

  const update = (index: number, pair: HeaderPair) => {
    setFixNote(undefined)
    onChange(headers.map((current, at) => (at === index ? pair : current)))
  }

  if (headers.length === 0) return null
  return (
    <ul className="header-rows" ref={list}>
      {headers.map(([name, value], index) => {
        const findings = lintHeader(name, value, lintContext)
        const isNameless = name.trim() === '' && value !== ''
        const findingsId = `${idPrefix}-header-${index}-findings`
        const isAuthorization = name.trim().toLowerCase() === 'authorization'
        return (
          // Rows have no identity beyond their place; keys follow it.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="header-row">
            <div className="header-fields">
              <input
                aria-label="Header name"
                data-part="name"
                value={name}
                placeholder="Name"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => update(index, [event.target.value, value])}
              />
              <input
                aria-label="Header value"
                data-part="value"
                value={value}
                placeholder="Value"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={findings.length > 0 || undefined}
                aria-describedby={findings.length > 0 ? findingsId : undefined}
                onChange={(event) => update(index, [name, event.target.value])}
              />
              <button
                type="button"
                className="button-quiet"
                aria-label={name ? `Remove header ${name}` : 'Remove header'}
                onClick={() =>
                  onChange(headers.filter((_, at) => at !== index))
                }
              >
                Remove
              </button>
            </div>
            {isNameless ? (
              <p className="field-error">{messages.editor.headerNameMissing}</p>
            ) : null}
            {findings.length > 0 ? (
              <div className="lint-findings" id={findingsId}>
                <ul>
                  {findings.map((finding) => (
                    <li key={finding.code} data-code={finding.code}>
                      {finding.message}
                    </li>
                  ))}
                </ul>
                {uniqueFixes(findings).map((fix) => (
                  <button
                    key={fix.done}
                    type="button"
                    className="button-secondary button-small"
                    onClick={() => {
                      update(index, [fix.name ?? name, fix.value ?? value])
                      setFixNote({ row: index, text: fix.done })
                    }}
                  >
                    {fix.name ? `Rename to ${fix.name}` : 'Fix the token'}
                  </button>
                ))}
              </div>
            ) : null}
            <p className="hint" role="status">
              {fixNote?.row === index ? fixNote.text : ''}
            </p>
            {isAuthorization && carried ? (
              <p className="provenance">
                Filled from step “{carried.fromStep}” ({carried.fromRequest}
                ): the <code>{carried.field}</code> of its response at{' '}
                {new Date(carried.at).toLocaleTimeString()}.
              </p>
            ) : null}
            {isAuthorization ? <JwtInspector token={value} /> : null}
          </li>
        )
      })}
    </ul>
  )
}

function uniqueFixes(findings: LintFinding[]): Fix[] {
  const fixes = findings.flatMap((finding) =>
    finding.fix ? [finding.fix] : [],
  )
  return [...new Set(fixes)]
}

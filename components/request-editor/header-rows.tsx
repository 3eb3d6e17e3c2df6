'use client'

import { useEffect, useRef } from 'react'
import type { HeaderPair } from '@/lib/exchange/types'

type Props = {
  headers: HeaderPair[]
  onChange: (headers: HeaderPair[]) => void
  // Index of a row just added, whose name field takes focus.
  focusRow?: number
}

export function HeaderRows({ headers, onChange, focusRow }: Props) {
  const list = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (focusRow === undefined) return
    const inputs = list.current?.querySelectorAll<HTMLInputElement>(
      'input[data-part="name"]',
    )
    inputs?.[focusRow]?.focus()
  }, [focusRow])

  const update = (index: number, part: 0 | 1, text: string) => {
    onChange(
      headers.map((pair, at): HeaderPair => {
        if (at !== index) return pair
        return part === 0 ? [text, pair[1]] : [pair[0], text]
      }),
    )
  }

  if (headers.length === 0) return null
  return (
    <ul className="header-rows" ref={list}>
      {headers.map(([name, value], index) => (
        // Rows have no identity beyond their place; keys follow it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index} className="header-row">
          <input
            aria-label="Header name"
            data-part="name"
            value={name}
            placeholder="Name"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => update(index, 0, event.target.value)}
          />
          <input
            aria-label="Header value"
            value={value}
            placeholder="Value"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => update(index, 1, event.target.value)}
          />
          <button
            type="button"
            className="button-quiet"
            aria-label={name ? `Remove header ${name}` : 'Remove header'}
            onClick={() => onChange(headers.filter((_, at) => at !== index))}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  )
}

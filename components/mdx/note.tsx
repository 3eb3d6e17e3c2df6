import type { ReactNode } from 'react'

type Props = {
  kind?: 'note' | 'warning'
  title?: string
  children: ReactNode
}

export function Note({ kind = 'note', title, children }: Props) {
  const heading = title ?? (kind === 'warning' ? 'Watch out' : 'Note')
  return (
    <aside className={`note note-${kind}`} aria-label={heading}>
      <p className="note-title">{heading}</p>
      {children}
    </aside>
  )
}

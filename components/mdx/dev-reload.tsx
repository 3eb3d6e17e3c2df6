'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'

const pollMs = 1000

/**
 * In `npm run dev`, re-renders the lesson when a file under content/ is
 * saved: Next does not watch files the catalog only reads, so this asks
 * the dev server for a fingerprint of content/ and refreshes the page's
 * server components when it differs from the one the page was rendered
 * from. Edits in the page's editors stay.
 */
export function DevReload({ revision }: { revision: string }) {
  const router = useRouter()
  const requested = useRef(revision)

  useEffect(() => {
    requested.current = revision
    const timer = window.setInterval(async () => {
      try {
        const response = await fetch('/api/lessons/revision', {
          cache: 'no-store',
        })
        const latest = ((await response.json()) as { revision?: string })
          .revision
        if (latest && latest !== requested.current) {
          requested.current = latest
          router.refresh()
        }
      } catch {
        // The dev server is restarting; the next poll tries again.
      }
    }, pollMs)
    return () => window.clearInterval(timer)
  }, [router, revision])

  return null
}

'use client'

import { useEffect, useState } from 'react'
import { decodeJwt, formatDuration, lifetimeOf } from '@/lib/checks/jwt'

// A token opened up: its header, its claims, when it was issued, and a live
// countdown to when it expires.
export function JwtInspector({ token }: { token: string }) {
  const jwt = decodeJwt(token.trim())
  const now = useNow(jwt?.expiresAt !== undefined)
  if (!jwt) return null

  const lifetime = lifetimeOf(jwt, now)
  return (
    <details className="jwt-inspector">
      <summary>Inspect token</summary>
      <dl>
        {jwt.issuedAt !== undefined ? (
          <>
            <dt>Issued (iat)</dt>
            <dd>{formatTime(jwt.issuedAt)}</dd>
          </>
        ) : null}
        {jwt.expiresAt !== undefined ? (
          <>
            <dt>Expires (exp)</dt>
            <dd>{formatTime(jwt.expiresAt)}</dd>
          </>
        ) : null}
        <dt>Time left</dt>
        <dd className={lifetime.state === 'valid' ? undefined : 'warning'}>
          {describeLifetime(lifetime)}
        </dd>
      </dl>
      <p className="label">Header</p>
      <pre className="jwt-json">{JSON.stringify(jwt.header, null, 2)}</pre>
      <p className="label">Claims</p>
      <pre className="jwt-json">{JSON.stringify(jwt.claims, null, 2)}</pre>
      <p className="hint">
        Anyone can read a token's claims; only the server can check its
        signature. Treat a token like a password.
      </p>
    </details>
  )
}

function describeLifetime(lifetime: ReturnType<typeof lifetimeOf>): string {
  switch (lifetime.state) {
    case 'no-expiry':
      return 'This token does not say when it expires.'
    case 'expired':
      return `Expired ${formatDuration(lifetime.secondsAgo)} ago.`
    case 'expiring':
      return `${formatDuration(lifetime.secondsLeft)}: expires soon.`
    case 'valid':
      return formatDuration(lifetime.secondsLeft)
  }
}

function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  })
}

export function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!isTicking) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [isTicking])
  return now
}

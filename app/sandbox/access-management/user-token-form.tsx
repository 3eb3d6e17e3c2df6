'use client'

import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { userTokenMaxDays, userTokenMinDays } from '@/lib/bigid/limits'
import { sandboxMessages } from '@/lib/sandbox/messages'
import {
  parseLifetimeDays,
  userTokensPath,
} from '@/lib/sandbox/user-token-input'
import styles from './page.module.css'

type IssuedToken = { readonly token: string; readonly expiresAt: string }

type TokenRequest =
  | { readonly ok: true; readonly issued: IssuedToken }
  | { readonly ok: false; readonly message: string }

/** The sandbox labels JSON as text/html, like BigID, so parse by content. */
async function requestUserToken(
  username: string,
  days: number,
): Promise<TokenRequest> {
  let text: string
  try {
    const response = await fetch(userTokensPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, days }),
    })
    text = await response.text()
  } catch {
    return { ok: false, message: sandboxMessages.userTokenUnreachable }
  }

  let reply: unknown
  try {
    reply = JSON.parse(text)
  } catch {
    return { ok: false, message: sandboxMessages.userTokenUnexpected }
  }
  if (typeof reply !== 'object' || reply === null) {
    return { ok: false, message: sandboxMessages.userTokenUnexpected }
  }
  if ('userToken' in reply && 'expiresAt' in reply) {
    const { userToken, expiresAt } = reply
    if (typeof userToken === 'string' && typeof expiresAt === 'string') {
      return { ok: true, issued: { token: userToken, expiresAt } }
    }
  }
  const message =
    'message' in reply && typeof reply.message === 'string'
      ? reply.message
      : sandboxMessages.userTokenUnexpected
  return { ok: false, message }
}

export function UserTokenForm({
  usernames,
}: {
  readonly usernames: readonly string[]
}) {
  const ids = useId()
  const [username, setUsername] = useState(usernames[0] ?? '')
  const [daysText, setDaysText] = useState('30')
  const [daysError, setDaysError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const [isPending, setIsPending] = useState(false)
  const [issued, setIssued] = useState<IssuedToken>()
  const [copyStatus, setCopyStatus] = useState('')
  const daysInput = useRef<HTMLInputElement>(null)
  const tokenHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (issued !== undefined) tokenHeading.current?.focus()
  }, [issued])

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // A number input reports letters as an empty value plus badInput.
    const isBadInput = daysInput.current?.validity.badInput === true
    const lifetime = isBadInput
      ? { ok: false as const, message: sandboxMessages.lifetimeNotWhole }
      : parseLifetimeDays(daysText)
    if (!lifetime.ok) {
      setDaysError(lifetime.message)
      daysInput.current?.focus()
      return
    }

    setDaysError(undefined)
    setFormError(undefined)
    setCopyStatus('')
    setIsPending(true)
    const result = await requestUserToken(username, lifetime.days)
    setIsPending(false)
    if (result.ok) {
      setIssued(result.issued)
    } else {
      setFormError(result.message)
    }
  }

  async function copyToken(token: string) {
    try {
      await navigator.clipboard.writeText(token)
      setCopyStatus(sandboxMessages.copyDone)
    } catch {
      setCopyStatus(sandboxMessages.copyFailed)
    }
  }

  const daysHintId = `${ids}-days-hint`
  const daysErrorId = `${ids}-days-error`

  return (
    <>
      <form className={styles.form} onSubmit={handleSubmit} noValidate>
        <div className={styles.field}>
          <label htmlFor={`${ids}-user`}>User</label>
          <select
            id={`${ids}-user`}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          >
            {usernames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>

        <div className={styles.field}>
          <label htmlFor={`${ids}-days`}>Lifetime (days)</label>
          <input
            ref={daysInput}
            id={`${ids}-days`}
            type="number"
            inputMode="numeric"
            min={userTokenMinDays}
            max={userTokenMaxDays}
            step={1}
            value={daysText}
            onChange={(event) => setDaysText(event.target.value)}
            aria-invalid={daysError === undefined ? undefined : true}
            aria-describedby={
              daysError === undefined
                ? daysHintId
                : `${daysErrorId} ${daysHintId}`
            }
          />
          <p id={daysHintId} className={styles.hint}>
            From {userTokenMinDays} to {userTokenMaxDays} days.
          </p>
          {daysError !== undefined && (
            <p id={daysErrorId} className={styles.error}>
              {daysError}
            </p>
          )}
        </div>

        <button type="submit" className={styles.button} disabled={isPending}>
          Generate user token
        </button>
        <p role="status" className={styles.status}>
          {isPending ? 'Generating…' : ''}
        </p>
        {formError !== undefined && (
          <p role="alert" className={styles.error}>
            {formError}
          </p>
        )}
      </form>

      {issued !== undefined && (
        <section
          className={styles.issued}
          aria-labelledby={`${ids}-token-title`}
        >
          <h2 id={`${ids}-token-title`} ref={tokenHeading} tabIndex={-1}>
            Your user token
          </h2>
          <p>
            Copy it now: <strong>it will not be shown again</strong>. It expires
            on{' '}
            <time dateTime={issued.expiresAt}>
              {new Date(issued.expiresAt).toLocaleString(undefined, {
                dateStyle: 'long',
                timeStyle: 'short',
              })}
            </time>
            .
          </p>
          <label htmlFor={`${ids}-token`}>User token</label>
          <textarea
            id={`${ids}-token`}
            className={styles.token}
            value={issued.token}
            readOnly
            rows={4}
            spellCheck={false}
          />
          <button
            type="button"
            className={styles.button}
            onClick={() => copyToken(issued.token)}
          >
            Copy token
          </button>
          <p role="status" className={styles.status}>
            {copyStatus}
          </p>
        </section>
      )}
    </>
  )
}

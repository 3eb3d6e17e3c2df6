import 'server-only'

export interface SendLogEntry {
  readonly method: string | undefined
  /** Origin and path only. */
  readonly target: string | undefined
  /** The upstream's status, or the error code. */
  readonly outcome: number | string
  readonly sizeBytes: number
  readonly durationMs: number
}

const MAX_TARGET_LENGTH = 512

/**
 * One line per send: `send POST http://127.0.0.1:3000/sandbox/api/v1/sessions
 * 200 15808B 12ms`. Fields are reduced to visible ASCII so a crafted value
 * cannot forge a second line.
 */
export function formatSendLogLine(entry: SendLogEntry): string {
  return [
    'send',
    clean(entry.method, 16),
    clean(entry.target, MAX_TARGET_LENGTH),
    clean(String(entry.outcome), 64),
    `${Math.max(0, Math.round(entry.sizeBytes))}B`,
    `${Math.max(0, Math.round(entry.durationMs))}ms`,
  ].join(' ')
}

export function writeSendLog(line: string): void {
  process.stdout.write(`${line}\n`)
}

function clean(value: string | undefined, maxLength: number): string {
  if (value === undefined || value === '') return '-'
  return value.replace(/[^\x21-\x7e]/g, '?').slice(0, maxLength)
}

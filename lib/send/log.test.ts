import { describe, expect, it } from 'vitest'
import { formatSendLogLine } from './log'

describe('formatSendLogLine', () => {
  it('writes method, target, outcome, bytes and duration', () => {
    expect(
      formatSendLogLine({
        method: 'POST',
        target: 'http://127.0.0.1:3000/sandbox/api/v1/sessions',
        outcome: 200,
        sizeBytes: 15808,
        durationMs: 12.4,
      }),
    ).toBe(
      'send POST http://127.0.0.1:3000/sandbox/api/v1/sessions 200 15808B 12ms',
    )
  })

  it('writes a dash for what is unknown and an error code as the outcome', () => {
    expect(
      formatSendLogLine({
        method: undefined,
        target: undefined,
        outcome: 'invalid_json',
        sizeBytes: 0,
        durationMs: 0,
      }),
    ).toBe('send - - invalid_json 0B 0ms')
  })

  it('cannot be split into two lines by a crafted field', () => {
    const line = formatSendLogLine({
      method: 'GET',
      target: 'http://a.example/x\nsend GET forged 200 0B 0ms',
      outcome: 200,
      sizeBytes: 1,
      durationMs: 1,
    })
    expect(line).not.toContain('\n')
    expect(line.split(' ')).toHaveLength(6)
  })
})

import { viewBody } from '@/lib/exchange/body'
import type { Exchange } from '@/lib/exchange/types'
import { type Expectation, readExpected } from './expected'
import { looksLikeJwt } from './jwt'

export type Evaluation = { passed: true } | { passed: false; unmet: string[] }

// Compares a response with what the step declared success to be, and
// names each part that does not hold ("status is 401, not 200").
export function evaluate(
  expectation: Expectation,
  exchange: Exchange,
): Evaluation {
  const unmet: string[] = []
  if (exchange.status !== expectation.status) {
    unmet.push(`status is ${exchange.status}, not ${expectation.status}`)
  }

  const paths = Object.entries(expectation.json)
  if (paths.length > 0) {
    const view = viewBody(exchange.body, exchange.bodyEncoding)
    if (!view.isJson) {
      unmet.push('the body is not JSON')
    } else {
      for (const [path, wanted] of paths) {
        const problem = checkPath(view.parsed, path, wanted)
        if (problem) unmet.push(problem)
      }
    }
  }
  return unmet.length === 0 ? { passed: true } : { passed: false, unmet }
}

export function readPath(body: unknown, path: string): unknown {
  let current = body
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function checkPath(
  body: unknown,
  path: string,
  wanted: unknown,
): string | undefined {
  const actual = readPath(body, path)
  const expected = readExpected(wanted)
  const isMet = (() => {
    switch (expected.kind) {
      case 'equal':
        return JSON.stringify(actual) === JSON.stringify(expected.value)
      case 'present':
        return actual !== undefined
      case 'jwt':
        return typeof actual === 'string' && looksLikeJwt(actual)
      case 'array':
        return Array.isArray(actual)
      case 'object':
        return (
          typeof actual === 'object' &&
          actual !== null &&
          !Array.isArray(actual)
        )
      default:
        return typeof actual === expected.kind
    }
  })()
  if (isMet) return undefined

  const wants =
    expected.kind === 'equal' ? JSON.stringify(expected.value) : expected.kind
  if (actual === undefined) return `${path} is missing (wanted ${wants})`
  return `${path} is ${JSON.stringify(actual)?.slice(0, 60)}, not ${wants}`
}

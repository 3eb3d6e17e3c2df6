import { viewBody } from '@/lib/exchange/body'
import type { OutgoingRequest, SendOutcome } from '@/lib/exchange/types'
import { evaluate } from './evaluate'
import type { Expectation } from './expected'
import { type Hints, type MistakeCode, mistakeHints } from './hints'
import { decodeJwt, lifetimeOf } from './jwt'
import { type LintCode, lintHeader } from './lint-header'

export type Verdict =
  | { passed: true }
  | {
      passed: false
      mistake: MistakeCode
      unmet: string[]
      hints: Hints
    }

export type DiagnoseContext = {
  // Tokens the sandbox handed out in this lesson, newest first.
  issuedTokens: readonly string[]
  nowMs: number
}

// Decides whether a step succeeded and, when it did not, which kind of
// mistake explains it best.
export function diagnose(
  request: OutgoingRequest,
  outcome: SendOutcome,
  expectation: Expectation,
  context: DiagnoseContext,
): Verdict {
  if (!outcome.ok) {
    // The failure's own message is shown beside the step already.
    return failed(classifySendFailure(outcome.failure.code), [
      'the request was not sent, or no answer came back',
    ])
  }

  const evaluation = evaluate(expectation, outcome.exchange)
  if (evaluation.passed) return { passed: true }
  const mistake = classifyReply(request, outcome.exchange, context)
  return failed(mistake, evaluation.unmet)
}

function failed(mistake: MistakeCode, unmet: string[]): Verdict {
  return { passed: false, mistake, unmet, hints: mistakeHints[mistake] }
}

function classifySendFailure(code: string): MistakeCode {
  if (code === 'target_not_allowed' || code === 'unsafe_sandbox_path') {
    return 'off_sandbox'
  }
  const upstream = [
    'dns_failure',
    'connection_refused',
    'connection_reset',
    'host_unreachable',
    'tls_failure',
    'invalid_upstream_response',
    'upstream_body_undecodable',
    'upstream_failed',
    'app_unreachable',
  ]
  if (upstream.includes(code) || code.endsWith('timeout')) {
    return 'upstream_failed'
  }
  return 'send_refused'
}

function classifyReply(
  request: OutgoingRequest,
  exchange: { status: number; body: string; bodyEncoding: string },
  context: DiagnoseContext,
): MistakeCode {
  const view = viewBody(exchange.body, exchange.bodyEncoding)
  const body = view.isJson ? view.parsed : undefined
  const isExchange = isTokenExchange(request.url)

  if (exchange.status === 200 && readSuccess(body) === false) {
    if (isExchange) return 'token_refused_200'
    return sendsJson(request) ? 'auth_failed' : 'missing_content_type'
  }
  if (exchange.status === 400 && request.body && !isJson(request.body)) {
    return 'malformed_json'
  }
  if (exchange.status === 404) {
    return isExchange && request.method !== 'GET'
      ? 'wrong_method'
      : 'wrong_path'
  }
  if (exchange.status === 401) return classifyRefusedToken(request, context)
  return view.isJson && exchange.status === 200
    ? 'unexpected_body'
    : 'unexpected_status'
}

function classifyRefusedToken(
  request: OutgoingRequest,
  context: DiagnoseContext,
): MistakeCode {
  const lintContext = {
    isTokenExchange: isTokenExchange(request.url),
    nowMs: context.nowMs,
  }
  const authorization = request.headers.find(
    ([name]) => name.toLowerCase() === 'authorization',
  )
  if (!authorization) {
    const nearMiss = request.headers.some(([name, value]) =>
      lintHeader(name, value, lintContext).some(
        (finding) => finding.code === 'misspelled_name',
      ),
    )
    return nearMiss ? 'misspelled_header' : 'missing_authorization'
  }

  const [name, value] = authorization
  const found = new Set<LintCode>(
    lintHeader(name, value, lintContext).map((finding) => finding.code),
  )
  if (found.has('empty_value')) return 'empty_authorization'
  if (found.has('bearer_prefix')) return 'bearer_prefix'
  const mangled: LintCode[] = [
    'pasted_with_key',
    'quoted',
    'surrounding_space',
    'invisible_character',
  ]
  if (mangled.some((code) => found.has(code))) return 'malformed_token'
  if (found.has('truncated_token')) return 'truncated_token'
  if (found.has('user_token')) return 'user_token'
  if (found.has('expired_token')) return 'expired_token'

  const jwt = decodeJwt(value)
  if (jwt && lifetimeOf(jwt, context.nowMs).state === 'expired') {
    return 'expired_token'
  }
  if (jwt && !context.issuedTokens.includes(value)) return 'stale_token'
  return 'token_refused'
}

export function isTokenExchange(url: string): boolean {
  return /\/api\/v1\/refresh-access-token\/?(?:[?#]|$)/.test(url)
}

// Like Express, BigID reads a JSON body only when Content-Type says JSON.
function sendsJson(request: OutgoingRequest): boolean {
  if (!request.body) return true
  return request.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' && /\bjson\b/i.test(value),
  )
}

function readSuccess(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  return (body as { success?: unknown }).success
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

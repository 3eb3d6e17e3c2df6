import { messages } from '@/lib/messages'
import { decodeJwt, lifetimeOf, looksLikeJwt } from './jwt'

export type LintCode =
  | 'misspelled_name'
  | 'empty_value'
  | 'pasted_with_key'
  | 'quoted'
  | 'surrounding_space'
  | 'invisible_character'
  | 'bearer_prefix'
  | 'truncated_token'
  | 'user_token'
  | 'session_token_for_exchange'
  | 'expired_token'
  | 'expiring_token'

export type Fix = { name?: string; value?: string; done: string }

export type LintFinding = { code: LintCode; message: string; fix?: Fix }

export type LintContext = {
  // The refresh endpoint takes a user token; every other one a session token.
  isTokenExchange: boolean
  nowMs: number
}

const invisible = /[\u00ad\u00a0\u200b-\u200d\u2060\ufeff]/g
const withKey =
  /^\s*["']?(?:auth_token|systemToken|userToken|token)["']?\s*:\s*["']?([^"'\s,}]*)["']?\s*,?\s*$/

// Checks one header as the learner types, before Send. Each finding says
// what is wrong and, where the intent is clear, offers a fix.
export function lintHeader(
  name: string,
  value: string,
  context: LintContext,
): LintFinding[] {
  const findings: LintFinding[] = []
  const isAuthorization = name.trim().toLowerCase() === 'authorization'

  if (!isAuthorization && isNearAuthorization(name)) {
    findings.push({
      code: 'misspelled_name',
      message: messages.lint.misspelledName,
      fix: { name: 'Authorization', done: messages.lint.fixedName },
    })
  }
  if (!isAuthorization && !isNearAuthorization(name)) return findings

  if (value.trim() === '') {
    findings.push({ code: 'empty_value', message: messages.lint.emptyValue })
    return findings
  }

  const keyed = withKey.exec(value)
  if (keyed?.[1]) {
    findings.push({
      code: 'pasted_with_key',
      message: messages.lint.pastedWithKey,
      fix: { value: keyed[1], done: messages.lint.fixedKey },
    })
    return findings
  }

  const withoutInvisible = value.replace(invisible, '')
  if (withoutInvisible !== value) {
    findings.push({
      code: 'invisible_character',
      message: messages.lint.invisibleCharacter,
      fix: { value: withoutInvisible, done: messages.lint.fixedInvisible },
    })
  }
  if (value !== value.trim()) {
    findings.push({
      code: 'surrounding_space',
      message: /[\r\n]/.test(value)
        ? messages.lint.lineBreak
        : messages.lint.surroundingSpace,
      fix: { value: value.trim(), done: messages.lint.fixedSpace },
    })
  }

  const trimmed = withoutInvisible.trim()
  const unquoted = trimmed.replace(/^(["'])(.*)\1$/s, '$2')
  if (unquoted !== trimmed) {
    findings.push({
      code: 'quoted',
      message: messages.lint.quoted,
      fix: { value: unquoted.trim(), done: messages.lint.fixedQuotes },
    })
  }

  const bearer = /^bearer\s+/i.exec(unquoted)
  if (bearer) {
    findings.push({
      code: 'bearer_prefix',
      message: messages.lint.bearerPrefix,
      fix: {
        value: unquoted.slice(bearer[0].length),
        done: messages.lint.fixedBearer,
      },
    })
  }

  const token = unquoted.slice(bearer?.[0].length ?? 0).trim()
  findings.push(...lintToken(token, context))
  return findings
}

function lintToken(token: string, context: LintContext): LintFinding[] {
  // The training sandbox's fixed token is not a JWT, and is meant to work.
  if (token === 'SAMPLE') return []
  if (!looksLikeJwt(token)) {
    return [{ code: 'truncated_token', message: messages.lint.truncated }]
  }

  const jwt = decodeJwt(token)
  if (!jwt)
    return [{ code: 'truncated_token', message: messages.lint.truncated }]

  const findings: LintFinding[] = []
  const isUserToken = jwt.claims.type === 'refresh-token'
  if (isUserToken && !context.isTokenExchange) {
    findings.push({ code: 'user_token', message: messages.lint.userToken })
  }
  if (!isUserToken && context.isTokenExchange) {
    findings.push({
      code: 'session_token_for_exchange',
      message: messages.lint.sessionTokenForExchange,
    })
  }

  const lifetime = lifetimeOf(jwt, context.nowMs)
  if (lifetime.state === 'expired') {
    findings.push({ code: 'expired_token', message: messages.lint.expired })
  } else if (lifetime.state === 'expiring') {
    findings.push({ code: 'expiring_token', message: messages.lint.expiring })
  }
  return findings
}

// "Authorisation", "Authorizaton", "auth", "Authorization:" and the like.
function isNearAuthorization(name: string): boolean {
  const word = name.trim().toLowerCase().replace(/:$/, '')
  if (word === 'authorization') return false
  if (word === 'auth' || word === 'token' || word === 'auth-token') return true
  return distance(word, 'authorization') <= 3
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

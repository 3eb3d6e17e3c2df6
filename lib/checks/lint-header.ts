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
    findings.push({
      code: 'empty_value',
      message: context.isTokenExchange
        ? messages.lint.emptyValueForExchange
        : messages.lint.emptyValue,
    })
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

  // Each paste problem is named on its own, and every one of them offers
  // the same fix: the token with all of them undone, in one click.
  const withoutInvisible = value.replace(invisible, '')
  const trimmed = withoutInvisible.trim()
  const unquoted = trimmed.replace(/^(["'])(.*)\1$/s, '$2').trim()
  const bearer = /^bearer\s+/i.exec(unquoted)
  const token = unquoted.slice(bearer?.[0].length ?? 0).trim()

  const pasteProblems: [LintCode, string, string][] = []
  if (withoutInvisible !== value) {
    pasteProblems.push([
      'invisible_character',
      messages.lint.invisibleCharacter,
      messages.lint.fixedInvisible,
    ])
  }
  if (value !== value.trim()) {
    pasteProblems.push([
      'surrounding_space',
      /[\r\n]/.test(value)
        ? messages.lint.lineBreak
        : messages.lint.surroundingSpace,
      messages.lint.fixedSpace,
    ])
  }
  if (unquoted !== trimmed) {
    pasteProblems.push([
      'quoted',
      messages.lint.quoted,
      messages.lint.fixedQuotes,
    ])
  }
  if (bearer) {
    pasteProblems.push([
      'bearer_prefix',
      messages.lint.bearerPrefix,
      messages.lint.fixedBearer,
    ])
  }
  const fix: Fix = {
    value: token,
    done: pasteProblems.map(([, , done]) => done).join(' '),
  }
  for (const [code, message] of pasteProblems) {
    findings.push({ code, message, fix })
  }

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

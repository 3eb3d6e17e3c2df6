// String literals for the languages snippets are written in. Each one keeps
// every character of the value as it is sent: nothing is expanded,
// interpolated or re-encoded by the shell or the language.

const shellSafe = /^[\w@%+=:,./-]+$/

/** A bash word: bare when nothing in it is special, else single-quoted. */
export function quoteForShell(value: string): string {
  return shellSafe.test(value) ? value : singleQuoteForShell(value)
}

/** A single-quoted bash word; a quote inside closes, escapes and reopens. */
export function singleQuoteForShell(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

const javaScriptEscapes: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
}

/** A single-quoted JavaScript string literal. */
export function quoteForJavaScript(value: string): string {
  return `'${escapeEach(value, javaScriptEscapes)}'`
}

const pythonEscapes: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
}

/** A double-quoted Python 3 str literal. */
export function quoteForPython(value: string): string {
  return `"${escapeEach(value, pythonEscapes)}"`
}

/**
 * A single-quoted PowerShell string: nothing inside is expanded, and a
 * quote is written twice. PowerShell also reads the typographic single
 * quotes as quote marks, so they are doubled too.
 */
export function quoteForPowerShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`
}

// Control characters, DEL, the C1 range and the two Unicode line
// separators are written as \u escapes, so that no invisible character
// ends up in the code a learner copies.
// biome-ignore lint/suspicious/noControlCharactersInRegex: see above
const invisible = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

function escapeEach(value: string, escapes: Record<string, string>): string {
  let literal = ''
  for (const char of value) {
    const replacement = escapes[char]
    if (replacement !== undefined) literal += replacement
    else if (invisible.test(char)) literal += toUnicodeEscape(char)
    else literal += char
  }
  return literal
}

function toUnicodeEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0
  return `\\u${code.toString(16).padStart(4, '0')}`
}

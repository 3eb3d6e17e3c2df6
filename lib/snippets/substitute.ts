/** A pattern in generated code and what to write in its place. */
export type Rule = {
  readonly pattern: RegExp
  readonly replace: (match: RegExpExecArray) => string
}

/**
 * Applies every rule to the code as it was generated, in one pass: text a
 * replacement writes is never searched again, so a learner's value that
 * happens to look like a marker stays as it is. Throws when a marker is
 * left over, because then the code would not say what Send sends.
 */
export function substitute(
  code: string,
  rules: readonly Rule[],
  marker: RegExp,
): string {
  const edits: { start: number; end: number; text: string }[] = []
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern.source, withGlobal(rule.pattern))
    for (const match of code.matchAll(pattern)) {
      const start = match.index
      edits.push({
        start,
        end: start + match[0].length,
        text: rule.replace(match),
      })
    }
  }
  edits.sort((a, b) => a.start - b.start)

  let result = ''
  let position = 0
  for (const edit of edits) {
    if (edit.start < position) {
      throw new Error('snippet rules overlap; a rule is too wide')
    }
    result += checkNoMarker(code.slice(position, edit.start), marker)
    result += edit.text
    position = edit.end
  }
  return result + checkNoMarker(code.slice(position), marker)
}

function withGlobal(pattern: RegExp): string {
  return pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`
}

function checkNoMarker(text: string, marker: RegExp): string {
  if (marker.test(text)) {
    throw new Error(`a snippet marker was left in the code: ${text.trim()}`)
  }
  return text
}

// Passwords never reach storage. A password the lesson itself wrote (the
// sandbox's public training password) is kept, so a reload does not undo
// the lesson; any other is dropped, and the learner is told.
const passwordField = /("[^"]*password[^"]*"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi

export function dropPasswords(
  body: string,
  lessonBody: string,
): { body: string; isDropped: boolean } {
  const allowed = new Set<string>()
  for (const match of lessonBody.matchAll(passwordField)) {
    allowed.add(match[2] ?? '')
  }

  let isDropped = false
  const kept = body.replace(passwordField, (whole, open, value, close) => {
    if (value === '' || allowed.has(value)) return whole
    isDropped = true
    return `${open}${close}`
  })
  return { body: kept, isDropped }
}

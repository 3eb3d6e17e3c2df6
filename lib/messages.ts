// Every sentence the interface says to a learner, in one place.
export const messages = {
  send: {
    cancelled: 'The request was cancelled before an answer came back.',
    appUnreachable:
      'The playground server did not answer. Check that it is still ' +
      'running (npm start), then press Send again.',
    badReply:
      'The playground server sent back something it should not have. ' +
      'Reload the page and press Send again; if it happens again, ' +
      'the server log says more.',
    sending: 'Sending…',
  },
  editor: {
    invalidUrl:
      'This is not a full URL. Start it with http:// or https://, for ' +
      'example {example}.',
    bodyNotJson:
      'The body is not valid JSON: {problem}. Fix the underlined part, ' +
      'or send it anyway if that is what you want to test.',
    headerNameMissing: 'Give this header a name, or remove the row.',
    bodyIgnored: 'A {method} request has no body, so none is sent.',
    tabTrap:
      'In the body editor, Tab types a tab. Press Ctrl+M (Ctrl+Shift+M ' +
      'on macOS) to make Tab move focus instead.',
  },
  response: {
    typeDisagrees:
      'Served as {type}, but the body is JSON, so it is shown as JSON.',
    truncated:
      'The body was larger than the playground keeps, so it is cut. ' +
      'What is shown is the beginning.',
    tokenCopied: 'Token copied. Paste it where the next step asks for it.',
    copyFailed:
      'The browser did not allow copying. Select the highlighted token ' +
      'and copy it with Ctrl+C (Cmd+C on macOS).',
    binary: 'The body is binary; it is shown as base64.',
    empty: 'The body is empty.',
  },
} as const

export function fill(
  template: string,
  values: Record<string, string | number>,
): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  )
}

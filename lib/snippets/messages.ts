// Everything the snippet panel and the snippets route say to a learner.
// Not server-only: the panel shows them.
export const snippetMessages = {
  panelTitle: 'Code for this request',
  languageLabel: 'Language',
  codeLabel: 'Code',
  copy: 'Copy code',
  copied: 'Code copied.',
  copyFailed:
    'The browser did not allow copying. Select the code and copy it with ' +
    'Ctrl+C (Cmd+C on macOS).',
  writing: 'Writing the code…',
  unreachable:
    'The playground server did not answer, so there is no code yet. Check ' +
    'that it is still running, then edit the request or reopen this panel.',
  badReply:
    'The playground server sent back something unexpected instead of the ' +
    'code. Reload the page and open this panel again.',
  sameAsSend:
    'This is exactly what Send sends now: the same method, URL, headers ' +
    'and body bytes. Each tool may add its own User-Agent or Accept header ' +
    'when the request sets none.',
  notes: {
    duplicateHeader: (name: string) =>
      `There is more than one "${name}" header. Send sends each one, but ` +
      'the code keeps only one of them (fetch joins them with a comma). ' +
      'Remove the extra header to make the code match.',
    sendWouldRefuse: (message: string) =>
      `Send would refuse this request, so the code is only what it would ` +
      `look like: ${message}`,
    headerLeftOut: (message: string) =>
      `${message} The code leaves it out too.`,
    nonAsciiHeader: (name: string) =>
      `The "${name}" header has characters outside ASCII. Tools encode ` +
      'those differently (curl as UTF-8, the others as Latin-1), so the ' +
      'server may read them differently. Use ASCII, or encode the value.',
    nulInBody:
      'The body contains a NUL character, which a shell command cannot ' +
      'carry: bash drops it. Use the Python or Node.js code for this body.',
    powershellDefaultType:
      'The request has a body but no Content-Type header. PowerShell then ' +
      'labels the body application/x-www-form-urlencoded, which Send does ' +
      'not do. Add a Content-Type header to make the PowerShell code match.',
  },
} as const

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
    unsupportedScheme:
      'The playground sends HTTP requests only: start the URL with http:// ' +
      'or https://, for example {example}.',
    bodyNotJson:
      'The body is not valid JSON: {problem}. Fix the underlined part, ' +
      'or send it anyway if that is what you want to test.',
    headerNameMissing:
      'This header has no name, so it will not be sent. Give it a name, or ' +
      'remove the row.',
    bodyIgnored: 'A {method} request has no body, so none is sent.',
    stepReset: "The step is back to the lesson's request.",
    passwordDropped:
      'Passwords are never saved, so the one you typed was not kept over ' +
      'the reload. Type it again before you press Send.',
    badSuccessCheck:
      "Lesson author: this step's success check is not an object with " +
      'status and json. See docs/authoring.md.',
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
    shownCut:
      'The body is {total}; the first {shown} are shown here, so the page ' +
      'stays quick.',
    empty: 'The body is empty.',
  },
  carry: {
    carried:
      "The token is in the next step's Authorization header. The note " +
      'under it says where it came from.',
    noNextStep: 'There is no next request step in this lesson.',
  },
  storage: {
    confirmReset:
      'Start this lesson again? Your edits, responses and progress in it ' +
      'will be cleared.',
    policy:
      'What this page keeps: your edits, responses and tokens stay in this ' +
      'browser until you close it (session storage); which steps are done ' +
      'is kept longer (local storage). Passwords you type are never saved.',
  },
  lint: {
    misspelledName:
      'BigID reads the token from a header named exactly Authorization. ' +
      'This name is close but not the same.',
    fixedName: 'Renamed the header to Authorization.',
    emptyValue:
      'The Authorization header is empty. Paste the token an earlier step ' +
      'returned: the auth_token of a sign-in, or the systemToken of an ' +
      'exchange.',
    emptyValueForExchange:
      'The Authorization header is empty. Paste the user token you made on ' +
      'the Access Management page.',
    pastedWithKey:
      'This looks like a line copied from the JSON body, key and all. The ' +
      'header takes the token alone.',
    fixedKey: 'Kept the token and dropped the JSON key and quotes around it.',
    invisibleCharacter:
      'The value has an invisible character in it (a zero-width space or ' +
      'a non-breaking space), often picked up when copying from a page or ' +
      'a chat. BigID will not recognise the token.',
    fixedInvisible: 'Removed the invisible characters.',
    surroundingSpace:
      'There are spaces before or after the token. BigID compares the ' +
      'token exactly, so they make it fail.',
    lineBreak:
      'There is a line break before or after the token. BigID compares ' +
      'the token exactly, so it makes it fail.',
    fixedSpace: 'Removed the spaces and line breaks around the token.',
    quoted:
      'The token is wrapped in quotes. The quotes belong to the JSON body, ' +
      'not to the token.',
    fixedQuotes: 'Removed the quotes around the token.',
    bearerPrefix:
      'BigID expects the token on its own, without "Bearer " in front. ' +
      'Many other APIs want Bearer; this one refuses it.',
    fixedBearer: 'Removed "Bearer " from the front of the token.',
    truncated:
      'This is not a whole token: a BigID token is three parts joined by ' +
      'dots, starting with eyJ. Copy it again from the response.',
    userToken:
      'This is a user token. BigID only accepts it at ' +
      '/api/v1/refresh-access-token, which exchanges it for a system token; ' +
      'send that one here instead.',
    sessionTokenForExchange:
      'This endpoint exchanges a user token (made on the Access Management ' +
      'page), but this is a session or system token.',
    expired:
      'This token has expired, so BigID will refuse it. Send the sign-in ' +
      'step again to get a fresh one.',
    expiring:
      'This token expires in under five minutes. Sign in again soon, or ' +
      'now, to avoid a 401 halfway through.',
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

// Three tiers for each kind of mistake: a nudge, then what to look at,
// then the answer. A patient teacher starts with the first.
export type Hints = readonly [nudge: string, look: string, answer: string]

export const mistakeHints = {
  auth_failed: [
    'The status says 200 OK, but read the body before you celebrate.',
    'Look at "success" and "message" in the body: BigID reports a failed ' +
      'sign-in with HTTP 200.',
    "The username or password is wrong. The sandbox's training user is " +
      '"bigid" with the password "learner": put them back in the body and ' +
      'press Send.',
  ],
  missing_content_type: [
    'The username and password look right, yet BigID says they are wrong.',
    'Look at the headers: how does BigID know the body is JSON?',
    'Add the header Content-Type with the value application/json (or ' +
      'reset the step), then press Send. Without it BigID does not read ' +
      'the body at all, so it sees no username and no password.',
  ],
  token_refused_200: [
    'The status says 200 OK, but the body says something else.',
    'Look at "success" and "message": the refresh endpoint reports a bad ' +
      'token with HTTP 200.',
    '"Failed to authenticate token." means the value is not a token at ' +
      'all; "Refresh token not valid" means it is unknown or expired. Make ' +
      'a new user token on the Access Management page and paste it as the ' +
      'Authorization value.',
  ],
  malformed_json: [
    'The server could not read the body you sent.',
    'Look for the underlined part of the body: a missing comma, quote or ' +
      'brace.',
    'Make the body valid JSON, for example {"username": "bigid", ' +
      '"password": "learner"}, then press Send.',
  ],
  wrong_method: [
    'The endpoint exists, but not for this method.',
    'Look at the method next to the URL.',
    'BigID answers POST on /api/v1/refresh-access-token with 404: it only ' +
      'takes GET. Pick GET and press Send.',
  ],
  wrong_path: [
    'Nothing answers at this address.',
    'Compare the path in the URL with the one in the lesson, letter by ' +
      'letter: ds-connections has a hyphen, ds_connections/{name} an ' +
      'underscore.',
    "Reset the step to get the lesson's URL back, then press Send.",
  ],
  missing_authorization: [
    'BigID does not know who is asking.',
    'Look at the headers: this endpoint needs a token.',
    'Press Add header, name it Authorization, paste the token an earlier ' +
      'step returned (the auth_token of a sign-in, or the systemToken of ' +
      'an exchange) as its value, and press Send.',
  ],
  misspelled_header: [
    'The token is there, but BigID is not finding it.',
    'Look closely at the header name.',
    'Rename the header to exactly Authorization, then press Send.',
  ],
  empty_authorization: [
    'The Authorization header is there but empty.',
    'Look at the header value field.',
    'Paste the token an earlier step returned into the value, then press ' +
      'Send: the auth_token of a sign-in, or the systemToken of an exchange.',
  ],
  bearer_prefix: [
    'Almost: the token is right, the way it is written is not.',
    'Look at the start of the Authorization value.',
    'Remove "Bearer " so the value starts with eyJ, then press Send.',
  ],
  malformed_token: [
    'The token was changed on its way into the header.',
    'Look at the warning under the header value.',
    'Use the fix offered under the value (it shows what it changed), or ' +
      'paste the token again without quotes, spaces or the JSON key.',
  ],
  truncated_token: [
    'This is only part of a token.',
    'A token is three parts joined by dots; count them in the value.',
    'Copy the token again with Copy token in the sign-in step and paste it ' +
      'as the value.',
  ],
  user_token: [
    'This kind of token does not open this endpoint.',
    'Decode the token: its type says refresh-token.',
    'Exchange the user token at GET /api/v1/refresh-access-token first, ' +
      'then send the systemToken you get back here.',
  ],
  expired_token: [
    'The token was good once.',
    "Look at the token's expiry: it is in the past.",
    'Send the sign-in step again and use the new token.',
  ],
  stale_token: [
    'This token is not the one the sandbox gave you last.',
    'Compare the value with the token in the latest sign-in response.',
    'Copy the token from the latest sign-in (or sign in again) and paste ' +
      'it as the value. Tokens from another lesson, an older login or an ' +
      'earlier run of the server are refused.',
  ],
  token_refused: [
    'BigID refused the token.',
    'Check the token is whole and current: decode it and look at its ' +
      'expiry.',
    'Sign in again, copy the new token and paste it as the value.',
  ],
  off_sandbox: [
    'The playground would not send this request.',
    "Look at the URL's start: it must be this app's /sandbox/ address, " +
      'or a deployment the operator allowed.',
    'Reset the step to get the sandbox URL back, then press Send.',
  ],
  send_refused: [
    'The playground refused to send this request.',
    'Read the message above: it names what to change.',
    'Fix what the message names (or reset the step), then press Send.',
  ],
  upstream_failed: [
    'The request left, but no usable answer came back.',
    'Read the message above: it says whether the server was slow, ' +
      'refused the connection or broke it off.',
    'Wait a moment and press Send again; if it keeps failing, check the ' +
      'URL points at a server that is up.',
  ],
  unexpected_status: [
    'The answer came back, but with a different status than this step ' +
      'expects.',
    "Compare the request with the lesson's: method, URL and headers.",
    "Reset the step to start again from the lesson's request.",
  ],
  unexpected_body: [
    'The status is right, but the body is not what this step expects.',
    'Read the body: is it the endpoint the lesson asks for?',
    "Reset the step and send the lesson's request unchanged first.",
  ],
} as const satisfies Record<string, Hints>

export type MistakeCode = keyof typeof mistakeHints

import { userTokenMaxDays, userTokenMinDays } from '@/lib/bigid/limits'

const lifetimeRange = `${userTokenMinDays} to ${userTokenMaxDays}`

/**
 * Every text the sandbox writes itself, as opposed to the texts BigID is
 * observed to send (those are in lib/bigid/messages.ts). Each one says what
 * to do next. Not server-only: the Access Management form shows some of them.
 */
export const sandboxMessages = {
  malformedJson: (detail: string) =>
    `The request body is not valid JSON (${detail}). Send a JSON object ` +
    'such as {"username": "bigid", "password": "learner"}.',
  malformedUserTokenJson: (detail: string) =>
    `The request body is not valid JSON (${detail}). Send a JSON object ` +
    'such as {"username": "bigid", "days": 30}.',
  crossSiteUserToken:
    "User tokens are made only from the sandbox's own Access Management " +
    'page. Open it on this app and generate the token there.',
  bodyTooLarge:
    'The request body is larger than 100 KB. Send only the JSON object the ' +
    'endpoint expects.',
  userTokenNotExchanged:
    'Failed to authenticate token. This is a user token: exchange it for a ' +
    'systemToken with GET /api/v1/refresh-access-token first, then send the ' +
    'systemToken here.',
  invalidSkip: 'skip must be a whole number of 0 or more, for example skip=20.',
  invalidLimit:
    'limit must be a whole number of 0 or more (0 means no limit), for ' +
    'example limit=10.',
  filterNotJson: (detail: string) =>
    `filter is not valid JSON (${detail}). Send a URL-encoded JSON array ` +
    'such as [{"field":"type","value":"s3","operator":"equal"}].',
  filterNotArray:
    'filter must be a JSON array of {"field", "value", "operator"} objects, ' +
    'for example [{"field":"enabled","value":"yes","operator":"equal"}].',
  filterItem: (index: number, problem: string) => `filter[${index}] ${problem}`,
  filterFieldMissing: 'needs a "field" that is a non-empty string.',
  filterValueMissing: 'needs a "value".',
  filterOperatorUnknown: 'needs an "operator" of "equal", "equals" or "in".',
  filterInNeedsArray:
    'uses "in", so its "value" must be an array, for example ["s3","smb"].',
  sortNotJson: (detail: string) =>
    `sort is not valid JSON (${detail}). Send a URL-encoded JSON array ` +
    'such as [{"field":"name","order":"asc"}].',
  sortNotArray:
    'sort must be a JSON array of {"field", "order"} objects, for example ' +
    '[{"field":"updated_at","order":"desc"}].',
  sortItem: (index: number, problem: string) => `sort[${index}] ${problem}`,
  sortFieldMissing: 'needs a "field" that is a non-empty string.',
  sortOrderUnknown: 'has an "order" that is neither "asc" nor "desc".',
  unknownConnection: (name: string) =>
    `Unable to locate ds_connection with name: ${name}`,
  userTokenBodyNotObject:
    'Send a JSON object such as {"username": "bigid", "days": 30}.',
  userTokenUnknownUser:
    'username must be one of the sandbox users listed by GET ' +
    '/sandbox/api/sandbox/users.',
  userTokenInvalidDays: `days must be a whole number from ${lifetimeRange}.`,
  userTokenUnreachable:
    'Could not reach the sandbox. Check that the app is still running, then ' +
    'press Generate user token again.',
  userTokenUnexpected:
    'The sandbox sent a reply this screen does not understand. Reload the ' +
    'page and try again.',
  copyDone: 'Copied to the clipboard.',
  copyFailed:
    'Copying failed. Select the token in the box and copy it by hand.',
  lifetimeEmpty: `Enter a lifetime in days, from ${lifetimeRange}.`,
  lifetimeNotWhole: `Enter a whole number of days, from ${lifetimeRange}.`,
  lifetimeOutOfRange: `Choose a lifetime from ${lifetimeRange} days.`,
} as const

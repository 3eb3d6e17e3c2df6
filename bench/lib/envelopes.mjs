// The calls the bench makes, in the shapes each path takes.
import { describeRequest } from './load.mjs'

export const LOGIN_BODY = '{"username":"bigid","password":"learner"}'
export const JSON_TYPE = { 'content-type': 'application/json' }

/** What a browser sends with the lesson's own POST to /api/send. */
export function sendHeaders(appOrigin) {
  return { ...JSON_TYPE, origin: appOrigin, 'sec-fetch-site': 'same-origin' }
}

export function listUrl(appOrigin, query = '') {
  return `${appOrigin}/sandbox/api/v1/ds-connections${query}`
}

export function loginUrl(appOrigin) {
  return `${appOrigin}/sandbox/api/v1/sessions`
}

/** The send route's (and the bare forwarder's) input for a list call. */
export function listEnvelope(appOrigin, query = '') {
  return {
    method: 'GET',
    url: listUrl(appOrigin, query),
    headers: [['Authorization', 'SAMPLE']],
  }
}

export function directList(appOrigin) {
  return describeRequest(listUrl(appOrigin), {
    headers: { authorization: 'SAMPLE' },
  })
}

export function viaForwarder(forwarderUrl, envelope) {
  return describeRequest(forwarderUrl, {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify(envelope),
  })
}

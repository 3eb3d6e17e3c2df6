export type HeaderPair = [name: string, value: string]

export type OutgoingRequest = {
  method: string
  url: string
  headers: HeaderPair[]
  body?: string
}

// What POST /api/send answers with when the upstream answered.
export type Exchange = {
  status: number
  statusText: string
  headers: HeaderPair[]
  body: string
  bodyEncoding: 'utf8' | 'base64'
  sizeBytes: number
  durationMs: number
  truncated: boolean
}

export type SendFailure = { code: string; message: string }

export type SendOutcome =
  | { ok: true; exchange: Exchange }
  | { ok: false; failure: SendFailure }

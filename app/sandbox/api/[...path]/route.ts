import { getSandbox } from '@/lib/sandbox/instance'

// Tokens, cookies and expiry depend on the moment of the request.
export const dynamic = 'force-dynamic'

// Built when Next first loads this module, so bad SANDBOX_* settings fail
// loudly there, with every problem listed, not on some later request.
const sandbox = getSandbox()

export const GET = sandbox
export const POST = sandbox
export const PUT = sandbox
export const PATCH = sandbox
export const DELETE = sandbox
export const HEAD = sandbox
export const OPTIONS = sandbox

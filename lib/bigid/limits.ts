/**
 * Lifetimes of BigID's tokens. Kept free of zod so a client component can
 * import them without pulling a schema library into the browser bundle.
 */
export const sessionTokenSeconds = 24 * 60 * 60
export const systemTokenSeconds = 7 * 24 * 60 * 60
export const userTokenMinDays = 1
export const userTokenMaxDays = 999

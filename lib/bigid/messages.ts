/**
 * Texts the real BigID API is observed to send. Lessons, hints and the
 * sandbox match on these exact strings, so they live in one place.
 */
export const bigidMessages = {
  sessionSuccess: 'Enjoy your token!',
  sessionFailure:
    'Authentication failed. Username / Password incorrect or insufficient ' +
    'roles in AD.',
  tokenFailure: 'Failed to authenticate token.',
  refreshTokenNotValid: 'Refresh token not valid',
} as const

// Runs once when the server starts: a bad setting stops the app at boot
// with a message naming it, instead of failing a learner's first Send.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return

  const { loadSendSettings } = await import('./lib/send/settings')
  const { getSandbox } = await import('./lib/sandbox/instance')
  loadSendSettings(process.env)
  getSandbox()
}

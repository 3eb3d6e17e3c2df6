// A CPU profile of one of our own servers, started with
// --inspect=127.0.0.1:PORT, taken over the DevTools protocol exactly around
// the load (so start-up is not in it).
import { WebSocket } from 'undici'

export async function connectInspector(port) {
  const targets = await (
    await fetch(`http://127.0.0.1:${port}/json/list`)
  ).json()
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true })
    socket.addEventListener('error', reject, { once: true })
  })
  let lastId = 0
  const pending = new Map()
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data))
    const waiter = pending.get(message.id)
    if (!waiter) return
    pending.delete(message.id)
    if (message.error) waiter.reject(new Error(message.error.message))
    else waiter.resolve(message.result)
  })
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId
      pending.set(id, { resolve, reject })
      socket.send(JSON.stringify({ id, method, params }))
    })
  return { send, close: () => socket.close() }
}

/** Profiles while `load` runs; returns the profile and what load returned. */
export async function profileDuring(port, load, intervalMicros = 250) {
  const inspector = await connectInspector(port)
  try {
    await inspector.send('Profiler.enable')
    await inspector.send('Profiler.setSamplingInterval', {
      interval: intervalMicros,
    })
    await inspector.send('Profiler.start')
    const result = await load()
    const { profile } = await inspector.send('Profiler.stop')
    return { profile, result }
  } finally {
    inspector.close()
  }
}

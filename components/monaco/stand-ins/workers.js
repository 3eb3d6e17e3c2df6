// Stand-in for monaco-editor/esm/vs/internal/common/workers.js (see
// next.config.mjs). The JSON language starts its worker through that
// module, which also imports every editor feature. This keeps its one job:
// start the worker from MonacoEnvironment, then send it its settings.
import { editor } from '../../editor/editor.api.js'

export function createWebWorker({ label, createData, host, keepIdleModels }) {
  const worker = Promise.resolve(
    globalThis.MonacoEnvironment.getWorker('workerMain.js', label),
  ).then((started) => {
    // The first message wakes the worker; the second is its settings.
    started.postMessage('ignore')
    started.postMessage(createData)
    return started
  })
  return editor.createWebWorker({ worker, host, keepIdleModels })
}

import type { WorkerOptions } from 'node:worker_threads'
import { Worker } from 'node:worker_threads'

const tsxApi = import.meta.resolve('tsx/esm/api')

/**
 * A worker thread running a TypeScript module of the server. The server runs its TypeScript
 * through tsx; the worker registers tsx's loader itself before it imports the module, so it
 * starts the same way under `npm start`, the CLIs and the tests.
 */
export function startTsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(tsx => { tsx.register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

import { Worker } from 'node:worker_threads'
import type { CheckedBatch, CheckRequest } from './import.check'

// the worker registers tsx's loader itself before it imports the checks, as the reminder job's does
const tsxApi = import.meta.resolve('tsx/esm/api')
const workerModule = new URL('./import.check.worker.ts', import.meta.url).href
const workerBootstrap = `import(${JSON.stringify(tsxApi)}).then(tsx => { tsx.register(); return import(${JSON.stringify(workerModule)}) })`

/**
 * The import's checks on a second core. Reading and validating an exam (FHIR structure by
 * @medplum/core above all) costs about twice what writing it does; in a worker thread they run
 * beside the writes of the request before, not in front of them, and the main thread stays free
 * for everyone else's requests. One worker, started at the first import and kept: the machine
 * this serves has two cores. It holds the process open only while it has work.
 */
export function createImportChecker() {
  let worker: Worker | null = null
  let nextId = 0
  const pending = new Map<number, { resolve: (batch: CheckedBatch) => void, reject: (error: Error) => void }>()

  function failAll(error: Error) {
    for (const waiting of pending.values())
      waiting.reject(error)
    pending.clear()
  }

  function started(): Worker {
    if (worker !== null)
      return worker
    const fresh = new Worker(workerBootstrap, { eval: true })
    fresh.on('message', (message: { id: number, batch?: CheckedBatch, error?: string }) => {
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if (pending.size === 0)
        fresh.unref()
      if (message.batch !== undefined)
        waiting?.resolve(message.batch)
      else
        waiting?.reject(new Error(`the import's checks failed: ${message.error}`))
    })
    fresh.on('error', (error) => {
      worker = null
      failAll(error)
    })
    fresh.on('exit', (code) => {
      worker = null
      failAll(new Error(`the import's checking worker stopped (exit code ${code})`))
    })
    worker = fresh
    return fresh
  }

  return {
    check(request: CheckRequest): Promise<CheckedBatch> {
      const running = started()
      const id = nextId++
      running.ref()
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        // oxlint-disable-next-line unicorn/require-post-message-target-origin
        running.postMessage({ id, request })
      })
    },
    async close() {
      const stopping = worker
      worker = null
      await stopping?.terminate()
    },
  }
}

export type ImportChecker = ReturnType<typeof createImportChecker>

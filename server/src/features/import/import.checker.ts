import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { startTsWorker } from '../../ts-worker'
import type { CheckedBatch, CheckRequest } from './import.check'

interface Pending { resolve: (batch: CheckedBatch) => void, reject: (error: Error) => void }
interface Checker { worker: Worker, pending: Map<number, Pending> }

/**
 * The import's checks in worker threads. Reading and validating an exam (FHIR structure by
 * @medplum/core above all) costs about twice what writing it does; in workers they run beside
 * the writes of the requests before, not in front of them, and the main thread stays free for
 * everyone else's requests. One worker per core the main thread leaves (on two cores, one: a
 * second made the import slower, measured), started at the first import and kept; each holds
 * the process open only while it has work. A request goes to the worker with the least waiting.
 */
export function createImportChecker(size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
  const checkers: (Checker | null)[] = Array.from({ length: size }, () => null)
  let nextId = 0

  function start(slot: number): Checker {
    const worker = startTsWorker(new URL('./import.check.worker.ts', import.meta.url))
    const checker: Checker = { worker, pending: new Map() }
    const failAll = (error: Error) => {
      if (checkers[slot] === checker)
        checkers[slot] = null
      for (const waiting of checker.pending.values())
        waiting.reject(error)
      checker.pending.clear()
    }
    worker.on('message', (message: { id: number, batch?: CheckedBatch, error?: string }) => {
      const waiting = checker.pending.get(message.id)
      checker.pending.delete(message.id)
      if (checker.pending.size === 0)
        worker.unref()
      if (message.batch !== undefined)
        waiting?.resolve(message.batch)
      else
        waiting?.reject(new Error(`the import's checks failed: ${message.error}`))
    })
    worker.on('error', failAll)
    worker.on('exit', code => failAll(new Error(`an import checking worker stopped (exit code ${code})`)))
    checkers[slot] = checker
    return checker
  }

  function leastBusy(): Checker {
    let best = -1
    for (let slot = 0; slot < checkers.length; slot++) {
      const checker = checkers[slot]
      if (checker === null || checker === undefined)
        return start(slot)
      if (best < 0 || checker.pending.size < checkers[best]!.pending.size)
        best = slot
    }
    return checkers[best]!
  }

  return {
    check(request: CheckRequest): Promise<CheckedBatch> {
      const { worker, pending } = leastBusy()
      const id = nextId++
      worker.ref()
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        // a worker's port has no target origin: the rule is about window.postMessage
        // oxlint-disable-next-line unicorn/require-post-message-target-origin
        worker.postMessage({ id, request })
      })
    },
    async close() {
      const running = checkers.filter(c => c !== null)
      checkers.fill(null)
      await Promise.all(running.map(c => c.worker.terminate()))
    },
  }
}

export type ImportChecker = ReturnType<typeof createImportChecker>

import { parentPort } from 'node:worker_threads'
import type { CheckRequest } from './import.check'
import { checkBatch } from './import.check'

/** The import's checks in a worker thread of the server (import.checker.ts): one message in, one out. */
parentPort!.on('message', ({ id, request }: { id: number, request: CheckRequest }) => {
  try {
    // a worker's port has no target origin: the rule is about window.postMessage
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    parentPort!.postMessage({ id, batch: checkBatch(request) })
  }
  catch (error) {
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    parentPort!.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) })
  }
})

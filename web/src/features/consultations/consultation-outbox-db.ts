/**
 * The IndexedDB store of the consultation outbox, shared by the page and the service worker
 * (which sends it on Background Sync). No schema library here: the worker stays small, and
 * logout's wipe (device-wipe.ts, on the first screen's path) names the database without
 * loading the outbox.
 */
export const OUTBOX_DATABASE = 'kangban-outbox'
const STORE = 'consultation-messages'
/** The Background Sync tag the page registers when it queues a message. */
export const OUTBOX_SYNC_TAG = 'consultation-outbox'

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(OUTBOX_DATABASE, 1)
    request.addEventListener('upgradeneeded', () => request.result.createObjectStore(STORE, { keyPath: 'key' }))
    request.addEventListener('success', () => resolve(request.result))
    request.addEventListener('error', () => reject(request.error))
  })
}

/**
 * One IndexedDB transaction. The connection is closed straight after: an open one would block
 * logout's deleteDatabase until the page or worker goes away.
 */
async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await openDatabase()
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = work(tx.objectStore(STORE))
      tx.addEventListener('complete', () => resolve(request?.result))
      tx.addEventListener('error', () => reject(tx.error))
      tx.addEventListener('abort', () => reject(tx.error))
    })
  }
  finally {
    db.close()
  }
}

export const outboxRows = {
  all: async (): Promise<unknown[]> => await withStore<unknown[]>('readonly', store => store.getAll()) ?? [],
  put: async <T extends { key: string }>(row: T): Promise<void> => {
    await withStore('readwrite', store => store.put(row))
  },
  delete: async (key: string): Promise<void> => {
    await withStore('readwrite', store => store.delete(key))
  },
}

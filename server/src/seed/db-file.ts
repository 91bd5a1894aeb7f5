import { rmSync, statSync } from 'node:fs'

const companions = ['', '-wal', '-shm', '-journal']

/** Bytes of a SQLite database on disk, its WAL included. */
export function databaseFileBytes(file: string): number {
  let bytes = 0
  for (const suffix of companions) {
    try {
      bytes += statSync(file + suffix).size
    }
    catch {
      // a companion file that does not exist holds nothing
    }
  }
  return bytes
}

/** Deletes a database and its WAL and shared-memory files. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of companions)
    rmSync(file + suffix, { force: true })
}

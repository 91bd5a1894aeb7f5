import { randomBytes } from 'node:crypto'
import { base32Id } from '../../shared/ids'

/** A new opaque random id (16 base32 characters). */
export function newId(): string {
  return base32Id(randomBytes(10))
}

/** A new exam id: a random 48-bit integer, opaque like the others but compact (db/schema/exams.ts). */
export function newExamId(): number {
  return randomBytes(6).readUIntBE(0, 6) || 1
}

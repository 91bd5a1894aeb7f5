import { randomBytes } from 'node:crypto'
import { base32Id } from '../../shared/ids'

/** A new opaque random id (16 base32 characters). */
export function newId(): string {
  return base32Id(randomBytes(10))
}

import { ErrorCode } from '../../shared/errors'
import { AppError } from './errors'

/** Keyset cursors: the sort key of the last row sent, opaque to the client. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

export function decodeCursor<K extends readonly ('string' | 'number')[]>(cursor: string | undefined, shape: K): { [I in keyof K]: K[I] extends 'string' ? string : number } | null {
  if (cursor === undefined)
    return null
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i]))
      return key as { [I in keyof K]: K[I] extends 'string' ? string : number }
  }
  catch {}
  throw new AppError(ErrorCode.VALIDATION_FAILED, 'cursor: not a cursor this API gave out', { field: 'cursor' })
}

/** Splits the extra row a query fetched (limit + 1) into the page and the next cursor. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]) {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null }
}

import { eq, or } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { apiKeys, institutions } from '../../db/schema'
import { newId } from '../../ids'
import { newToken, sha256 } from '../auth/secrets'

/**
 * Creates a machine API key for an institution (named by id or by its exact name) and returns
 * it: the only time it is seen, since only its SHA-256 is stored. Production keys start `kb_`
 * and never `kb_demo_`, the prefix the server refuses outside demo mode.
 */
export function createApiKey(db: Db, institution: string, label: string, now: number): { key: string, institutionId: string, institutionName: string } {
  const found = db.select({ id: institutions.id, name: institutions.name }).from(institutions)
    .where(or(eq(institutions.id, institution), eq(institutions.name, institution))).all()
  if (found.length !== 1)
    throw new Error(found.length === 0 ? `no institution has the id or name "${institution}"` : `"${institution}" names ${found.length} institutions: give its id`)
  const key = `kb_${newToken()}`
  db.insert(apiKeys).values({ id: newId(), institutionId: found[0]!.id, keyHash: sha256(key), label, createdAt: now }).run()
  return { key, institutionId: found[0]!.id, institutionName: found[0]!.name }
}

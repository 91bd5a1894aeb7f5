import { type APIRequestContext, expect } from '@playwright/test'
import Database from 'better-sqlite3'
import type { FixtureExam as ImportExam } from '../server/src/features/import/import.samples'
import { fhirBundle } from '../server/src/features/import/import.samples'
import { idNumberCheckChar } from '../shared/residents/id-number'

/**
 * What the import spec sends and who it sends it for: exams as an institution's system posts
 * them (a FHIR R4 Bundle), and generated residents no other spec signs in as.
 */

/** The demo API keys of demo.md. */
export const apiKey = { fengqiao: 'kb_demo_fengqiao', jiyang: 'kb_demo_jiyang' } as const

export type { FixtureExam as ImportExam, FixtureItem as ImportItem } from '../server/src/features/import/import.samples'

/** Posts exams as the institution's system does; every exam gets an outcome, in order. */
export async function postExams(request: APIRequestContext, key: string, exams: ImportExam[]): Promise<{ outcome: string, problems: unknown[] }[]> {
  const response = await request.post('/api/import/exams', {
    headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/fhir+json' },
    data: JSON.stringify(fhirBundle(exams)),
  })
  expect(response.status()).toBe(200)
  return (await response.json() as { exams: { outcome: string, problems: unknown[] }[] }).exams
}

function openDb(): Database.Database {
  const file = process.env.KANGBAN_DB
  if (!file)
    throw new Error('KANGBAN_DB is not set: run the e2e suite with `npm run test:e2e`')
  const db = new Database(file, { readonly: true })
  db.pragma('busy_timeout = 5000')
  return db
}

export interface GeneratedResident { name: string, phone: string, idNumber: string, birthDate: string }

/**
 * Adults of the generated county (phones 137…, demo.md) with no family-doctor contract, so that
 * their exams are reviewed by the doctors of the institution that did them, and with no exam
 * since `noExamFrom`. No other spec signs in as them or counts their exams, so the import
 * spec's exams change nothing the others assert.
 */
export function residentsWithoutFamilyDoctor(count: number, noExamFrom = '2026-11-01'): GeneratedResident[] {
  const db = openDb()
  try {
    const rows = db.prepare(`
      select r.name, r.phone, r.id_number as idNumber, r.birth_date as birthDate from residents r
      where r.phone like '137%' and r.status = 'active' and r.birth_date between '1940-01-01' and '1990-12-31'
        and not exists (select 1 from contracts c where c.resident_id = r.id)
        and not exists (select 1 from accounts a where a.phone = r.phone)
        and not exists (select 1 from exams e where e.resident_id = r.id and e.date >= ?)
      order by r.phone limit ?`).all(noExamFrom, count) as GeneratedResident[]
    if (rows.length < count)
      throw new Error(`only ${rows.length} generated adults without a family doctor: seed more residents`)
    return rows
  }
  finally {
    db.close()
  }
}

/** A valid ID number (GB 11643, check character included) that no resident of the register has. */
export function unknownIdNumber(birthDate: string): string {
  const db = openDb()
  try {
    const taken = db.prepare('select 1 from residents where id_number = ?')
    for (let sequence = 901; sequence < 1000; sequence++) {
      const first17 = `330681${birthDate.replaceAll('-', '')}${sequence}`
      const idNumber = first17 + idNumberCheckChar(first17)
      if (taken.get(idNumber) === undefined)
        return idNumber
    }
    throw new Error(`every sequence of ${birthDate} is taken`)
  }
  finally {
    db.close()
  }
}

/** Where posted exams stand, by the institution's exam id: released or not, and with which comment. */
export function examsByExternalId(externalIds: readonly string[]): { externalId: string, status: string, releaseComment: string | null }[] {
  const db = openDb()
  try {
    const find = db.prepare('select external_id as externalId, status, release_comment as releaseComment from exams where external_id = ?')
    return externalIds.map(id => find.get(id) as { externalId: string, status: string, releaseComment: string | null })
  }
  finally {
    db.close()
  }
}

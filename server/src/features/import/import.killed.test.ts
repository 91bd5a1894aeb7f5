import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { examItems } from '../../../../shared/clinical/exam-items'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { openDb } from '../../db/client'
import { buildWorld, ids } from '../../test/world'
import type { FixtureExam } from './import.fixture'
import { fhirBundle, postImport } from './import.fixture'

const dir = mkdtempSync(join(tmpdir(), 'kangban-killed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ITEMS = 6
const EXAMS = 60
/**
 * The 3rd item of the 55th exam. Commits are grouped by 50 exams (import.service.ts): the first
 * 50 are committed, the 51st to 54th are written but not committed, the 55th is half-written.
 */
const COMMITTED = 50
const KILL_AT = 54 * ITEMS + 3

describe('an import killed mid-exam', () => {
  it('leaves every exam whole or absent, and the same import again completes it', async () => {
    const file = join(dir, 'killed.db')
    const setup = openDb(file)
    buildWorld(setup.db)
    const subject = setup.sqlite.prepare('select id_number idNumber, name, birth_date birthDate from residents where id = ?').get(ids.mother) as Pick<FixtureExam, 'idNumber' | 'name' | 'birthDate'>
    setup.sqlite.close()
    const numeric = examItems.filter(i => i.kind === 'numeric' && i.ranges[0]?.low != null && i.ranges[0].high != null).slice(0, ITEMS)
    expect(numeric).toHaveLength(ITEMS)
    const exams: FixtureExam[] = Array.from({ length: EXAMS }, (_, e) => ({
      ...subject,
      externalId: `KILL-${e}`,
      date: `2026-11-${String(1 + (e % 20)).padStart(2, '0')}`,
      items: numeric.map(i => ({ code: i.code, value: (i.ranges[0]!.low! + i.ranges[0]!.high!) / 2 })),
    }))
    const bundleFile = join(dir, 'bundle.json')
    writeFileSync(bundleFile, JSON.stringify(fhirBundle(exams)))

    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import.killed.child.ts'), file, bundleFile, String(KILL_AT)], { encoding: 'utf8', timeout: 60_000 })
    expect(child.signal).toBe('SIGKILL')
    expect(child.stdout).not.toContain('finished')

    const after = openDb(file)
    const perExam = after.sqlite.prepare(`select e.external_id id, count(i.exam_id) items from exams e left join exam_items i on i.exam_id = e.id
      where e.external_id like 'KILL-%' group by e.id order by cast(substr(e.external_id, 6) as integer)`).all()
    expect(perExam).toEqual(Array.from({ length: COMMITTED }, (_, e) => ({ id: `KILL-${e}`, items: ITEMS })))
    expect(after.sqlite.prepare('select count(*) n from exam_items where exam_id not in (select id from exams)').get()).toEqual({ n: 0 })

    const app = await buildApp({ config: loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_TODAY: '2026-11-22' }), db: after.db, sqlite: after.sqlite })
    const again = await postImport(app, fhirBundle(exams))
    expect(again.json().totals).toEqual({ created: EXAMS - COMMITTED, unchanged: COMMITTED, corrected: 0, quarantined: 0, rejected: 0 })
    expect(after.sqlite.prepare(`select count(*) n from exam_items i join exams e on e.id = i.exam_id where e.external_id like 'KILL-%'`).get()).toEqual({ n: EXAMS * ITEMS })
    after.sqlite.close()
  }, 60_000)
})

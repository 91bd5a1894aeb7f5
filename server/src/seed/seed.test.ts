import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { examItemsByCode, flagExamText, flagExamValue, worstOf } from '../../../shared/clinical/exam-items'
import { ageOn } from '../../../shared/dates'
import { isValidIdNumber } from '../../../shared/residents/id-number'
import { openDb } from '../db/client'
import { seedDemoCounty, type SeedStats } from './seed'

const today = '2026-11-22'

function seeded(residents: number, seed = 42): { sqlite: Database.Database, stats: SeedStats } {
  const { sqlite } = openDb(':memory:')
  return { sqlite, stats: seedDemoCounty(sqlite, { residents, seed, today }) }
}

function tables(sqlite: Database.Database): string[] {
  return sqlite.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`).all().map(t => t.name)
}

/** A digest of every row of every table, in a fixed order. */
function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256')
  for (const table of tables(sqlite)) {
    const columns = sqlite.prepare(`SELECT * FROM ${table} LIMIT 0`).columns().map(c => c.name)
    hash.update(table)
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${columns.map((_, i) => i + 1).join(',')}`).raw().iterate())
      hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}

function indexSql(sqlite: Database.Database): string[] {
  return sqlite.prepare<[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all().map(i => i.sql)
}

describe('determinism', () => {
  it('gives identical content for the same residents, seed and today', () => {
    const a = seeded(300)
    const b = seeded(300)
    expect(a.stats.exams).toBe(b.stats.exams)
    expect(contentHash(a.sqlite)).toBe(contentHash(b.sqlite))
    const c = seeded(300, 43)
    expect(contentHash(c.sqlite)).not.toBe(contentHash(a.sqlite))
  })

  it('keeps resident k the same whatever N is', () => {
    const small = seeded(50).sqlite
    const large = seeded(120).sqlite
    const row = `SELECT id, name, birth_date, id_number FROM residents WHERE phone = '13700000037'`
    expect(large.prepare(row).get()).toEqual(small.prepare(row).get())
  })
})

describe('a seeded county', () => {
  let sqlite: Database.Database
  let stats: SeedStats
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[]

  beforeAll(() => {
    ({ sqlite, stats } = seeded(3000))
  })

  it('reports what it wrote', () => {
    expect(stats.residents).toBe(3005)
    expect(stats.exams).toBe(one<{ n: number }>('SELECT count(*) AS n FROM exams').n)
    expect(stats.examItems).toBe(one<{ n: number }>('SELECT count(*) AS n FROM exam_items').n)
    expect(stats.followups).toBe(one<{ n: number }>('SELECT count(*) AS n FROM followups').n)
    expect(stats.immunizations).toBe(one<{ n: number }>('SELECT count(*) AS n FROM immunizations').n)
    expect(stats.examItems / stats.exams).toBeGreaterThan(25)
  })

  it('passes foreign_key_check and integrity_check', () => {
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('restores exactly the indexes of the migration', () => {
    const fresh = openDb(':memory:').sqlite
    expect(indexSql(sqlite)).toEqual(indexSql(fresh))
    expect(indexSql(sqlite).length).toBeGreaterThan(25)
  })

  it('gives every resident a valid, unique GB 11643 number matching their birth date and sex', () => {
    const rows = all<{ id_number: string, birth_date: string, sex: string }>('SELECT id_number, birth_date, sex FROM residents')
    expect(new Set(rows.map(r => r.id_number)).size).toBe(rows.length)
    expect(rows.filter(r => !isValidIdNumber(r.id_number))).toEqual([])
    expect(rows.filter(r => r.id_number.slice(6, 14) !== r.birth_date.replaceAll('-', ''))).toEqual([])
    expect(rows.filter(r => Number(r.id_number[16]) % 2 !== (r.sex === 'male' ? 1 : 0))).toEqual([])
  })

  it('numbers generated residents 13700000001 upwards, with random-looking ids', () => {
    const phones = all<{ phone: string }>(`SELECT phone FROM residents WHERE phone LIKE '137%' ORDER BY phone`).map(r => r.phone)
    expect(phones).toHaveLength(3000)
    expect(phones[0]).toBe('13700000001')
    expect(phones[2999]).toBe('13700003000')
    const ids = all<{ id: string }>('SELECT id FROM residents').map(r => r.id)
    for (const id of ids)
      expect(id).toMatch(/^[a-z2-7]{16}$/)
    const examIds = all<{ id: number }>('SELECT id FROM exams').map(r => r.id)
    for (const id of examIds)
      expect(id > 0 && id < 2 ** 48 && Number.isInteger(id)).toBe(true)
    expect(Math.max(...examIds)).toBeGreaterThan(2 ** 40)
  })

  it('gives generated residents no accounts: the server links one at first sign-in', () => {
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM accounts WHERE phone LIKE '137%'`).n).toBe(0)
    expect(all<{ phone: string }>('SELECT phone FROM accounts ORDER BY phone').map(a => a.phone)).toEqual([
      '13600000001', '13800000001', '13800000002', '13800000004', '13800000005', '13900000001', '13900000002', '13900000003', '13900000010', '13900000011',
    ])
  })

  it('stores every exam item flagged by the catalogue, and each exam\'s worst flag', () => {
    const residents = new Map(all<{ id: string, sex: 'male' | 'female', birth_date: string }>('SELECT id, sex, birth_date FROM residents').map(r => [r.id, r]))
    const exams = all<{ id: number, resident_id: string, date: string, worst: string }>('SELECT id, resident_id, date, worst FROM exams ORDER BY id LIMIT 400')
    const items = sqlite.prepare<[number], { code: string, value: number | null, value_text: string | null, flag: string, ref_low: number | null, ref_high: number | null }>('SELECT * FROM exam_items WHERE exam_id = ?')
    const mismatches: string[] = []
    for (const exam of exams) {
      const r = residents.get(exam.resident_id)!
      const subject = { sex: r.sex, age: ageOn(r.birth_date, exam.date) }
      const flags = items.all(exam.id).map((i) => {
        const item = examItemsByCode.get(i.code)!
        const printed = i.ref_low === null && i.ref_high === null ? undefined : { low: i.ref_low, high: i.ref_high }
        const expected = i.value === null ? flagExamText(item, i.value_text!) : flagExamValue(item, i.value, subject, printed)
        if (i.flag !== expected)
          mismatches.push(`exam ${exam.id} ${i.code} ${i.value ?? i.value_text}: ${i.flag}, expected ${expected}`)
        return expected
      })
      if (exam.worst !== worstOf(flags))
        mismatches.push(`exam ${exam.id} worst ${exam.worst}`)
    }
    expect(exams.length).toBe(400)
    expect(mismatches).toEqual([])
  })

  it('looks like an ageing county: ~20% aged 65+, hypertension ~25% and diabetes ~10% of adults', () => {
    const rows = all<{ id: string, birth_date: string }>(`SELECT id, birth_date FROM residents WHERE phone LIKE '137%'`)
    const adults = new Set(rows.filter(r => ageOn(r.birth_date, today) >= 18).map(r => r.id))
    const elderly = rows.filter(r => ageOn(r.birth_date, today) >= 65).length / rows.length
    expect(elderly).toBeGreaterThan(0.16)
    expect(elderly).toBeLessThan(0.24)
    const share = (code: string) => all<{ resident_id: string }>('SELECT resident_id FROM conditions WHERE code = ?', code).filter(c => adults.has(c.resident_id)).length / adults.size
    expect(share('hypertension')).toBeGreaterThan(0.2)
    expect(share('hypertension')).toBeLessThan(0.3)
    expect(share('diabetes')).toBeGreaterThan(0.07)
    expect(share('diabetes')).toBeLessThan(0.13)
  })

  it('releases most exams and leaves only the last weeks pending review', () => {
    const pending = all<{ date: string, released_on: string | null, released_by: string | null }>(`SELECT date, released_on, released_by FROM exams WHERE status = 'pending-review'`)
    for (const exam of pending) {
      expect(exam.released_on).toBeNull()
      expect(exam.date >= '2026-10-01').toBe(true)
    }
    const released = one<{ n: number, bad: number }>(`SELECT count(*) AS n, sum(released_on IS NULL OR released_by IS NULL OR released_on > ?) AS bad FROM exams WHERE status = 'released'`, today)
    expect(released.bad).toBe(0)
    expect(released.n).toBeGreaterThan(pending.length * 10)
  })

  it('has every township health centre offer the 90-yuan base package, optional items and weekday slots for the next 60 days', () => {
    const fengqiao = one<{ id: string }>('SELECT id FROM institutions WHERE name = ?', '枫桥镇卫生院').id
    expect(all('SELECT kind, price_fen, subsidy_fen FROM exam_packages WHERE institution_id = ? AND kind = \'base\'', fengqiao)).toEqual([{ kind: 'base', price_fen: 9000, subsidy_fen: 9000 }])
    expect(one<{ n: number }>('SELECT count(*) AS n FROM exam_packages WHERE institution_id = ? AND kind = \'optional\'', fengqiao).n).toBe(4)
    const days = all<{ date: string, n: number }>('SELECT date, count(*) AS n FROM exam_slots WHERE institution_id = ? GROUP BY date ORDER BY date', fengqiao)
    expect(days[0]!.date).toBe('2026-11-23')
    expect(days.at(-1)!.date <= '2027-01-21').toBe(true)
    // 60 days hold 42 or 43 weekdays; a morning and an afternoon each
    expect(days.length).toBeGreaterThanOrEqual(42)
    expect(days.every(d => d.n === 2 && ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))).toBe(true)
    expect(one<{ n: number }>('SELECT count(*) AS n FROM exam_slots WHERE booked <> 0').n).toBe(0)
  })

  it('follows managed hypertension and diabetes patients about every quarter', () => {
    const perYear = one<{ visits: number, patients: number }>(`
      SELECT count(DISTINCT f.resident_id || f.date) AS visits, count(DISTINCT f.resident_id) AS patients
      FROM followups f JOIN conditions c ON c.resident_id = f.resident_id AND c.managed = 1 AND c.code IN ('hypertension', 'diabetes') AND c.diagnosed_on < '2025-01-01'
      WHERE f.date BETWEEN '2025-01-01' AND '2025-12-31' AND f.programme <> 'severe-mental-disorder'`)
    expect(perYear.visits / perYear.patients).toBeGreaterThan(3)
    expect(perYear.visits / perYear.patients).toBeLessThan(5)
  })
})

describe('the personas of demo.md', () => {
  let sqlite: Database.Database
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[]
  const residentId = (phone: string) => one<{ id: string }>('SELECT id FROM residents WHERE phone = ?', phone).id

  beforeAll(() => {
    sqlite = seeded(200).sqlite
  })

  it('has 王秀英 as demo.md describes her', () => {
    expect(one('SELECT name, sex, birth_date, id_number, hukou_region, insurance, township, smoker, family_history_cvd, status FROM residents WHERE phone = ?', '13800000001')).toEqual({
      name: '王秀英', sex: 'female', birth_date: '1952-04-18', id_number: '330681195204183620', hukou_region: '330681', insurance: 'resident',
      township: '枫桥镇', smoker: 0, family_history_cvd: 0, status: 'active',
    })
    const wang = residentId('13800000001')
    expect(all('SELECT code, managed FROM conditions WHERE resident_id = ? ORDER BY code', wang)).toEqual([{ code: 'diabetes', managed: 1 }, { code: 'hypertension', managed: 1 }])
    expect(all<{ name: string }>('SELECT name FROM medications WHERE resident_id = ? AND stopped_on IS NULL ORDER BY name', wang).map(m => m.name)).toEqual(['盐酸二甲双胍片', '苯磺酸氨氯地平片'])
    expect(all('SELECT substance FROM allergies WHERE resident_id = ?', wang)).toEqual([{ substance: '青霉素' }])
    expect(one('SELECT max(date) AS d FROM immunizations WHERE resident_id = ? AND vaccine = ?', wang, 'influenza')).toEqual({ d: '2025-10-12' })
    expect(all('SELECT kind, date, result FROM screenings WHERE resident_id = ?', wang)).toEqual([{ kind: 'crc-screening', date: '2021-06-10', result: 'negative' }])
    expect(one('SELECT max(date) AS d FROM followups WHERE resident_id = ? AND mode = ?', wang, 'face-to-face')).toEqual({ d: '2026-08-15' })
    expect(one('SELECT max(date) AS d FROM followups WHERE resident_id = ?', wang)).toEqual({ d: '2026-08-15' })
    expect(one<{ n: number }>('SELECT count(*) AS n FROM encounters WHERE resident_id = ?', wang).n).toBeGreaterThanOrEqual(3)
  })

  it('has her exams: three released, the 2026 one with fasting glucose and LDL-C high, and one pending review', () => {
    const wang = residentId('13800000001')
    expect(all('SELECT date, status, released_on IS NOT NULL AS released FROM exams WHERE resident_id = ? ORDER BY date', wang)).toEqual([
      { date: '2024-05-20', status: 'released', released: 1 },
      { date: '2025-05-22', status: 'released', released: 1 },
      { date: '2026-05-19', status: 'released', released: 1 },
      { date: '2026-10-28', status: 'pending-review', released: 0 },
    ])
    const exam = one<{ id: number, worst: string }>('SELECT id, worst FROM exams WHERE resident_id = ? AND date = ?', wang, '2026-05-19')
    expect(exam.worst).toBe('abnormal')
    expect(all('SELECT code, flag FROM exam_items WHERE exam_id = ? AND flag <> ? ORDER BY code', exam.id, 'normal')).toEqual([
      { code: '14771-0', flag: 'high' },
      { code: '22748-8', flag: 'high' },
    ])
    const waists = all<{ n: number }>(`SELECT count(i.code) AS n FROM exams e LEFT JOIN exam_items i ON i.exam_id = e.id AND i.code = '8280-0' WHERE e.resident_id = ? GROUP BY e.id`, wang)
    expect(waists.map(w => w.n)).toEqual([1, 1, 1, 1])
    expect(one('SELECT s.name FROM exams e JOIN staff s ON s.id = e.released_by WHERE e.id = ?', exam.id)).toEqual({ name: '陈明' })
  })

  it('signs 王秀英, 李建国 and 李小雨 with Dr 陈明 and 张伟 with Dr 刘芳, running on 2026-11-22', () => {
    const signed = all<{ name: string, doctor: string }>(`
      SELECT r.name, s.name AS doctor FROM contracts c JOIN residents r ON r.id = c.resident_id JOIN staff s ON s.id = c.doctor_id
      WHERE (r.phone LIKE '138%' OR r.name = '李小雨') AND c.starts_on <= ? AND c.ends_on >= ? ORDER BY r.name`, today, today)
    expect(signed.filter(c => c.doctor === '陈明').map(c => c.name)).toEqual(expect.arrayContaining(['王秀英', '李建国', '李小雨']))
    expect(signed.filter(c => c.name === '张伟').map(c => c.doctor)).toEqual(['刘芳'])
    expect(signed.filter(c => c.name === '王秀英').every(c => c.doctor === '陈明')).toBe(true)
  })

  it('gives 王秀英\'s grants to 李建国, 赵丽 and 王磊 with the scopes of demo.md, accepted', () => {
    const grants = all(`
      SELECT g.grantee_phone AS phone, g.scopes, g.status, a.display_name AS grantee, a.resident_id IS NULL AS familyAccount
      FROM proxy_grants g JOIN accounts a ON a.id = g.grantee_account_id WHERE g.resident_id = ? ORDER BY g.grantee_phone`, residentId('13800000001'))
    expect(grants).toEqual([
      { phone: '13600000001', scopes: 'view,consult', status: 'accepted', grantee: '王磊', familyAccount: 1 },
      { phone: '13800000002', scopes: 'view,book,consult', status: 'accepted', grantee: '李建国', familyAccount: 0 },
      { phone: '13800000005', scopes: 'view', status: 'accepted', grantee: '赵丽', familyAccount: 0 },
    ])
    expect(one<{ n: number }>('SELECT count(*) AS n FROM proxy_grants WHERE resident_id = ?', residentId('13800000004')).n).toBe(0)
  })

  it('puts 李小雨 in 李建国\'s household as his child, a primary pupil last examined 2025-09-10', () => {
    const father = one<{ household_id: string, relation_to_head: string }>('SELECT household_id, relation_to_head FROM residents WHERE phone = ?', '13800000002')
    const child = one<{ id: string, household_id: string, relation_to_head: string, school_stage: string, id_number: string, phone: string | null }>(`SELECT * FROM residents WHERE name = '李小雨' AND birth_date = '2016-03-15'`)
    expect(father.relation_to_head).toBe('head')
    expect(child).toMatchObject({ household_id: father.household_id, relation_to_head: 'child', school_stage: 'primary', id_number: '330681201603153646', phone: null })
    expect(one('SELECT max(date) AS d FROM exams WHERE resident_id = ?', child.id)).toEqual({ d: '2025-09-10' })
    expect(one('SELECT max(date) AS d FROM exams WHERE resident_id = ?', residentId('13800000004'))).toEqual({ d: '2024-12-31' })
  })

  it('has the staff personas in their roles, teams and institutions, with accounts', () => {
    expect(all(`
      SELECT s.name, s.role, i.name AS institution, a.phone, s.team_id IS NOT NULL AS inTeam FROM staff s
      JOIN institutions i ON i.id = s.institution_id JOIN accounts a ON a.id = s.account_id ORDER BY a.phone`)).toEqual([
      { name: '陈明', role: 'doctor', institution: '枫桥镇卫生院', phone: '13900000001', inTeam: 1 },
      { name: '刘芳', role: 'doctor', institution: '暨阳街道社区卫生服务中心', phone: '13900000002', inTeam: 1 },
      { name: '孙婷', role: 'nurse', institution: '枫桥镇卫生院', phone: '13900000003', inTeam: 1 },
      { name: '周敏', role: 'institution-staff', institution: '枫桥镇卫生院', phone: '13900000010', inTeam: 0 },
      { name: '钱华', role: 'institution-staff', institution: '暨阳街道社区卫生服务中心', phone: '13900000011', inTeam: 0 },
    ])
    const teams = all<{ name: string, team_id: string }>(`SELECT name, team_id FROM staff WHERE name IN ('陈明', '孙婷')`)
    expect(teams[0]!.team_id).toBe(teams[1]!.team_id)
    expect(one('SELECT reply_time FROM staff WHERE name = ?', '陈明')).toEqual({ reply_time: '1个工作日内' })
  })

  it('stores the demo API keys only as SHA-256', () => {
    const sha = (key: string) => createHash('sha256').update(key).digest('hex')
    expect(all('SELECT institution_id FROM api_keys')).toHaveLength(2)
    expect(one('SELECT i.name FROM api_keys k JOIN institutions i ON i.id = k.institution_id WHERE k.key_hash = ?', sha('kb_demo_fengqiao'))).toEqual({ name: '枫桥镇卫生院' })
    expect(one('SELECT i.name FROM api_keys k JOIN institutions i ON i.id = k.institution_id WHERE k.key_hash = ?', sha('kb_demo_jiyang'))).toEqual({ name: '暨阳街道社区卫生服务中心' })
  })
})

describe('seeding a database file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kangban-seed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('leaves it in WAL mode with foreign keys on, and refuses to seed it twice', () => {
    const { sqlite } = openDb(join(dir, 'county.db'))
    seedDemoCounty(sqlite, { residents: 100, seed: 7, today })
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(() => seedDemoCounty(sqlite, { residents: 100, seed: 7, today })).toThrow(/already holds 105 residents/)
    sqlite.close()
  })
})

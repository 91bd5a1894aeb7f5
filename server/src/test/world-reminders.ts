import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { accounts, exams, households, residents, screenings } from '../db/schema'
import { ids } from './world'

/**
 * The facts of demo.md that the reminder engine reads and the base world leaves out: exam
 * histories, 王秀英's colorectal screening, 李小雨 at primary school. Plus a resident of Changji
 * with her own account, for the region's rule set. Call after `buildWorld`.
 */
export const reminderIds = {
  changji: 'changjichangjich',
  changjiChild: 'changjichildaaaa',
  /** 王秀英's exam of 2026-10-28, imported and still pending review */
  pendingExam: 900_000_004,
} as const

export const reminderPhones = { changji: '13700000001' } as const

export function buildReminderWorld(db: Db) {
  db.update(residents).set({ schoolStage: 'primary' }).where(eq(residents.id, ids.child)).run()
  const exam = (id: number, residentId: string, date: string, worst: 'normal' | 'abnormal' | 'critical', releasedOn: string | null) => ({
    id,
    residentId,
    institutionId: 'instfengqiaoaaaa',
    date,
    status: releasedOn === null ? 'pending-review' as const : 'released' as const,
    worst,
    releasedOn,
    releasedBy: releasedOn === null ? null : 'staffchenaaaaaaa',
  })
  db.insert(exams).values([
    exam(900_000_001, ids.mother, '2024-05-20', 'abnormal', '2024-05-27'),
    exam(900_000_002, ids.mother, '2025-05-22', 'abnormal', '2025-05-29'),
    // demo.md: fasting glucose and LDL-C high
    exam(900_000_003, ids.mother, '2026-05-19', 'abnormal', '2026-05-26'),
    exam(reminderIds.pendingExam, ids.mother, '2026-10-28', 'normal', null),
    exam(900_000_005, ids.child, '2025-09-10', 'normal', '2025-09-20'),
    exam(900_000_006, ids.stranger, '2024-12-31', 'normal', '2025-01-08'),
  ]).run()
  db.insert(screenings).values({ id: 'screeningcrcaaaa', residentId: ids.mother, kind: 'crc-screening', date: '2021-06-10', result: 'negative' }).run()

  // an in-migrant family in Changji: the mother from Urumqi with a residence permit, her son of 5
  db.insert(households).values({ id: 'householdchangji', address: '昌吉市延安北路1号', region: '652301' }).run()
  const changji = { township: '宁边路街道', address: '昌吉市延安北路1号', insurance: 'resident' as const, insuranceRegion: '650102', hukouRegion: '650102', residenceRegion: '652301', recordOpenedOn: '2020-01-01', householdId: 'householdchangji' }
  db.insert(residents).values([
    { ...changji, id: reminderIds.changji, name: '古丽', sex: 'female', birthDate: '1990-06-01', idNumber: '650102199006010020', phone: reminderPhones.changji, relationToHead: 'head', residencePermitSince: '2024-03-01' },
    { ...changji, id: reminderIds.changjiChild, name: '小明', sex: 'male', birthDate: '2021-02-01', idNumber: '650102202102010011', relationToHead: 'child', insuranceRegion: null, insurance: 'none' },
  ]).run()
  db.insert(accounts).values({ id: 'acctchangjiaaaaa', phone: reminderPhones.changji, residentId: reminderIds.changji, createdAt: Date.parse('2026-01-01T00:00:00Z') }).run()
}

import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { examItems, exams } from '../db/schema'
import { ids } from './world'
import { reminderIds } from './world-reminders'

/**
 * The items of 王秀英's exams (demo.md: 2026-05-19 fasting glucose and LDL-C high; 2026-10-28
 * pending review, with values she must never see), and pending exams for the doctors' review
 * queues. Values follow the demo seed (server/src/seed/personas.ts). Call after
 * `buildReminderWorld`, which inserts the exams themselves.
 */
export const examIds = {
  mother2024: 900_000_001,
  mother2025: 900_000_002,
  mother2026: 900_000_003,
  motherPending: reminderIds.pendingExam,
  /** 李建国, signed with 陈明: pending since 2026-09-30, nothing abnormal */
  sonPending: 900_000_007,
  /** 李小雨, signed with 陈明, acted for by her father through the household */
  childPending: 900_000_011,
  /** 吴过, whose contract ended: done at 枫桥 (陈明's institution), a critical glucose */
  lapsedFengqiao: 900_000_008,
  /** 张伟, signed with 刘芳, done at 枫桥: his family doctor's to review, not 枫桥's */
  strangerFengqiao: 900_000_009,
  /** 吴过 again, done at 暨阳 (刘芳's institution) */
  lapsedJiyang: 900_000_010,
} as const

const glucose = (value: number, flag: 'normal' | 'high' | 'low' | 'critical') => ({ code: '14771-0', value, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, flag })
const ldl = (value: number, flag: 'normal' | 'high') => ({ code: '22748-8', value, unit: 'mmol/L', refLow: null, refHigh: 3.4, flag })
const sbp = (value: number, flag: 'normal' | 'high') => ({ code: '8480-6', value, unit: 'mmHg', refLow: 90, refHigh: 140, flag })
const haemoglobin = (value: number, flag: 'normal' | 'low') => ({ code: '718-7', value, unit: 'g/L', refLow: 115, refHigh: 150, flag })
const hba1c = (value: number) => ({ code: '4548-4', value, unit: '%', refLow: null, refHigh: 6.5, flag: 'normal' as const })
const ecg = { code: '11524-6', valueText: '窦性心律，正常心电图', flag: 'normal' as const }

export function buildExamWorld(db: Db) {
  db.update(exams).set({ worst: 'abnormal' }).where(eq(exams.id, examIds.motherPending)).run()
  const exam = (id: number, residentId: string, institutionId: string, date: string, worst: 'normal' | 'abnormal' | 'critical') =>
    ({ id, residentId, institutionId, date, status: 'pending-review' as const, worst })
  db.insert(exams).values([
    exam(examIds.sonPending, ids.son, 'instfengqiaoaaaa', '2026-09-30', 'normal'),
    exam(examIds.childPending, ids.child, 'instfengqiaoaaaa', '2026-11-05', 'abnormal'),
    exam(examIds.lapsedFengqiao, ids.lapsed, 'instfengqiaoaaaa', '2026-11-10', 'critical'),
    exam(examIds.strangerFengqiao, ids.stranger, 'instfengqiaoaaaa', '2026-11-01', 'normal'),
    exam(examIds.lapsedJiyang, ids.lapsed, 'instjiyangaaaaaa', '2026-11-15', 'abnormal'),
  ]).run()

  type Item = Omit<typeof examItems.$inferInsert, 'examId'>
  const of = (examId: number, ...items: Item[]) => items.map(item => ({ examId, ...item }))
  db.insert(examItems).values([
    ...of(examIds.mother2024, sbp(142, 'high'), haemoglobin(128, 'normal'), glucose(7.8, 'high'), ldl(3.5, 'high'), ecg),
    ...of(examIds.mother2025, sbp(138, 'normal'), haemoglobin(128, 'normal'), glucose(7.1, 'high'), ldl(3.3, 'normal'), ecg),
    // demo.md: fasting glucose and LDL-C high; HbA1c measured this time only
    ...of(examIds.mother2026, sbp(132, 'normal'), haemoglobin(128, 'normal'), glucose(7.42, 'high'), hba1c(6.3), ldl(3.62, 'high'), ecg),
    ...of(examIds.motherPending, sbp(136, 'normal'), haemoglobin(128, 'normal'), glucose(6.9, 'high'), ldl(3.1, 'normal'), ecg),
    ...of(examIds.sonPending, sbp(134, 'normal')),
    ...of(examIds.childPending, haemoglobin(108, 'low')),
    ...of(examIds.lapsedFengqiao, sbp(150, 'high'), haemoglobin(102, 'low'), glucose(17.2, 'critical'), ldl(4.2, 'high')),
    ...of(examIds.strangerFengqiao, sbp(120, 'normal')),
    ...of(examIds.lapsedJiyang, ldl(3.9, 'high')),
  ]).run()
}

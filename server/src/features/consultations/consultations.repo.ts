import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { accounts, conditions, consultationMessages, consultationThreads, contracts, examItems, exams, residentReminders, residents, staff } from '../../db/schema'
import { contractRunsOn } from '../../db/running-contract'

export type ThreadRow = typeof consultationThreads.$inferSelect
export type MessageRow = typeof consultationMessages.$inferSelect

const LIST_LIMIT = 100

/** Consultation threads and messages (issue 8). Hot reads are prepared once. */
export function createConsultationsRepo(db: Db) {
  const findThread = db.select().from(consultationThreads).where(eq(consultationThreads.id, sql.placeholder('id'))).prepare()
  const listThreads = db.select().from(consultationThreads)
    .where(eq(consultationThreads.residentId, sql.placeholder('residentId')))
    .orderBy(desc(consultationThreads.lastMessageAt))
    .limit(LIST_LIMIT)
    .prepare()
  const listMessages = db.select().from(consultationMessages)
    .where(eq(consultationMessages.threadId, sql.placeholder('threadId')))
    .orderBy(asc(consultationMessages.createdAt), asc(consultationMessages.id))
    .prepare()
  const findByKey = db.select().from(consultationMessages)
    .where(and(eq(consultationMessages.authorAccountId, sql.placeholder('accountId')), eq(consultationMessages.clientKey, sql.placeholder('key'))))
    .prepare()
  const findRunningContract = db.select({ teamId: contracts.teamId, doctorId: contracts.doctorId, name: staff.name, title: staff.title, replyTime: staff.replyTime })
    .from(contracts)
    .innerJoin(staff, eq(staff.id, contracts.doctorId))
    .where(and(eq(contracts.residentId, sql.placeholder('residentId')), contractRunsOn(contracts, sql.placeholder('on'))))
    .orderBy(desc(contracts.endsOn))
    .limit(1)
    .prepare()
  const findDoctor = db.select({ name: staff.name, title: staff.title, replyTime: staff.replyTime }).from(staff).where(eq(staff.id, sql.placeholder('id'))).prepare()
  // the inbox: waiting threads of the team, oldest first, of residents whose contract with the team still runs
  const inbox = db.select({
    id: consultationThreads.id,
    residentId: consultationThreads.residentId,
    residentName: residents.name,
    birthDate: residents.birthDate,
    topic: consultationThreads.topic,
    examId: consultationThreads.examId,
    examDate: exams.date,
    itemCode: consultationThreads.itemCode,
    preview: consultationThreads.preview,
    waitingSince: consultationThreads.waitingSince,
  }).from(consultationThreads)
    .innerJoin(residents, eq(residents.id, consultationThreads.residentId))
    .leftJoin(exams, eq(exams.id, consultationThreads.examId))
    .where(and(
      eq(consultationThreads.teamId, sql.placeholder('teamId')),
      isNotNull(consultationThreads.waitingSince),
      sql`exists (select 1 from ${contracts} where ${contracts.residentId} = ${consultationThreads.residentId} and ${contracts.teamId} = ${consultationThreads.teamId} and ${contractRunsOn(contracts, sql.placeholder('on'))})`,
    ))
    .orderBy(asc(consultationThreads.waitingSince))
    .limit(sql.placeholder('limit'))
    .prepare()
  const findExam = db.select({ id: exams.id, residentId: exams.residentId, date: exams.date, status: exams.status }).from(exams).where(eq(exams.id, sql.placeholder('id'))).prepare()
  const factsResident = db.select({ sex: residents.sex, birthDate: residents.birthDate }).from(residents).where(eq(residents.id, sql.placeholder('residentId'))).prepare()
  const factsConditions = db.select({ name: conditions.name }).from(conditions).where(eq(conditions.residentId, sql.placeholder('residentId'))).orderBy(asc(conditions.diagnosedOn)).prepare()
  const latestReleased = db.select({ id: exams.id, date: exams.date }).from(exams)
    .where(and(eq(exams.residentId, sql.placeholder('residentId')), equalsConstant(exams.status, 'released')))
    .orderBy(desc(exams.date)).limit(1).prepare()
  const abnormalItems = db.select({ code: examItems.code, value: examItems.value, valueText: examItems.valueText, unit: examItems.unit, flag: examItems.flag })
    .from(examItems).where(and(eq(examItems.examId, sql.placeholder('examId')), ne(examItems.flag, 'normal'))).prepare()
  const remindersDue = db.select({ kind: residentReminders.kind, status: residentReminders.status, dueBy: residentReminders.dueBy })
    .from(residentReminders)
    .where(and(eq(residentReminders.residentId, sql.placeholder('residentId')), inArray(residentReminders.status, ['overdue', 'due'])))
    .prepare()
  const ownAccount = db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, sql.placeholder('accountId')), eq(accounts.residentId, sql.placeholder('residentId')))).prepare()
  const hasItem = db.select({ code: examItems.code }).from(examItems).where(and(eq(examItems.examId, sql.placeholder('examId')), eq(examItems.code, sql.placeholder('code')))).prepare()

  return {
    findById: (id: string): ThreadRow | null => findThread.get({ id }) ?? null,
    list: (residentId: string): ThreadRow[] => listThreads.all({ residentId }),
    messages: (threadId: string): MessageRow[] => listMessages.all({ threadId }),
    messageByKey: (accountId: string, key: string): MessageRow | null => findByKey.get({ accountId, key }) ?? null,
    runningContract: (residentId: string, on: string) => findRunningContract.get({ residentId, on }) ?? null,
    doctor: (staffId: string) => findDoctor.get({ id: staffId }) ?? null,
    inbox: (teamId: string, on: string, limit: number) => inbox.all({ teamId, on, limit }),
    exam: (id: number) => findExam.get({ id }) ?? null,
    accountIsResident: (accountId: string, residentId: string) => ownAccount.get({ accountId, residentId }) !== undefined,
    examHasItem: (examId: number, code: string) => hasItem.get({ examId, code }) !== undefined,
    examDates(ids: number[]): Map<number, string> {
      if (ids.length === 0)
        return new Map()
      return new Map(db.select({ id: exams.id, date: exams.date }).from(exams).where(inArray(exams.id, ids)).all().map(r => [r.id, r.date]))
    },
    createThread(row: typeof consultationThreads.$inferInsert) {
      db.insert(consultationThreads).values(row).run()
    },
    createMessage(row: typeof consultationMessages.$inferInsert) {
      db.insert(consultationMessages).values(row).run()
    },
    update(id: string, set: Partial<ThreadRow>): ThreadRow | null {
      return db.update(consultationThreads).set(set).where(eq(consultationThreads.id, id)).returning().get() ?? null
    },

    /** What the care team sees beside a thread: conditions, her latest released exam's abnormal items, reminders due. */
    facts(residentId: string) {
      const resident = factsResident.get({ residentId })!
      const latest = latestReleased.get({ residentId })
      return {
        ...resident,
        conditions: factsConditions.all({ residentId }).map(r => r.name),
        abnormal: latest === undefined
          ? []
          : abnormalItems.all({ examId: latest.id }).map(item => ({ examDate: latest.date, ...item, flag: item.flag as 'high' | 'low' | 'critical' })),
        reminders: remindersDue.all({ residentId }).map(r => ({ kind: r.kind, status: r.status as 'overdue' | 'due', dueBy: r.dueBy })),
      }
    },

    setReplyTime(staffId: string, replyTime: string) {
      db.update(staff).set({ replyTime }).where(eq(staff.id, staffId)).run()
    },
  }
}
export type ConsultationsRepo = ReturnType<typeof createConsultationsRepo>

import { ResidentAction } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { Consultation, ConsultationList, ConsultationMessage, ConsultationSummary, CreateConsultationBody, CreateConsultationMessageBody, DoctorInbox } from '../../../../shared/schemas/consultations'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import { newId } from '../../ids'
import type { AllowedAccess, ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createNotificationsRepo, prepareNotify } from '../notifications/notifications.repo'
import type { MessageRow, ThreadRow } from './consultations.repo'
import { createConsultationsRepo } from './consultations.repo'

const PREVIEW_LENGTH = 60
const MINUTE_MS = 60_000

const iso = (ms: number) => new Date(ms).toISOString()
const previewOf = (body: string) => [...body.replace(/\s+/g, ' ')].slice(0, PREVIEW_LENGTH).join('')

function keyMisused(): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'idempotency-key: this key was used for another message; make a new key for each new message', { field: 'idempotency-key' })
}

/** The author's side as the thread shows it: hers (herself, a parent, a proxy) or her care team's. */
function authorRoleOf(allowed: AllowedAccess, actor: Actor): MessageRow['authorRole'] {
  if (allowed.relation === 'care-team')
    return actor.staff?.role === 'nurse' ? 'nurse' : 'doctor'
  return allowed.relation === 'household-parent' || allowed.relation === 'proxy' ? allowed.relation : 'self'
}

function toMessage(row: MessageRow): ConsultationMessage {
  return { id: row.id, authorName: row.authorName, authorRole: row.authorRole, fromTeam: row.authorRole === 'doctor' || row.authorRole === 'nurse', body: row.body, createdAt: iso(row.createdAt) }
}

function toSummary(row: ThreadRow, examDate: string | null): ConsultationSummary {
  return {
    id: row.id,
    residentId: row.residentId,
    topic: row.topic,
    exam: row.examId === null || examDate === null ? null : { examId: String(row.examId), examDate, itemCode: row.itemCode },
    status: row.status,
    preview: row.preview,
    createdAt: iso(row.createdAt),
    lastMessageAt: iso(row.lastMessageAt),
    waitingSince: row.waitingSince === null ? null : iso(row.waitingSince),
    unread: row.unreadByResident,
  }
}

/**
 * 家庭医生咨询 (product.md capability 8, issue 8). Every method asks the access gate first: her
 * side reads with CONSULT_READ and writes with CONSULT_WRITE (a proxy needs `consult`); her
 * signed team reads and answers with CONSULT_REPLY. A message carries the sender's idempotency
 * key: the same key again returns the message stored the first time.
 */
export function createConsultationsService(ctx: AppContext, access: ResidentAccess) {
  const repo = createConsultationsRepo(ctx.db)
  const notify = prepareNotify(ctx.db)
  const notices = createNotificationsRepo(ctx.db)

  function examDateOf(row: ThreadRow) {
    return row.examId === null ? null : repo.examDates([row.examId]).get(row.examId) ?? null
  }

  function detail(row: ThreadRow, allowed: AllowedAccess): Consultation {
    const asTeam = allowed.relation === 'care-team'
    const facts = asTeam ? repo.facts(row.residentId) : null
    return {
      ...toSummary(row, examDateOf(row)),
      residentName: allowed.resident.name,
      doctor: repo.doctor(row.doctorId),
      messages: repo.messages(row.id).map(toMessage),
      asTeam,
      facts: facts === null
        ? null
        : { age: ageOn(facts.birthDate, ctx.clock.today()), sex: facts.sex, conditions: facts.conditions, abnormal: facts.abnormal, reminders: facts.reminders },
    }
  }

  /** Her side writes with CONSULT_WRITE; a member of the thread's team answers with CONSULT_REPLY. */
  function authorizeWrite(actor: Actor, thread: ThreadRow): AllowedAccess {
    const team = actor.residentId !== thread.residentId && actor.staff !== null && actor.staff.teamId === thread.teamId
    // a reply is itself the notice she gets: logged as the team reading her consultation, not as a second "someone changed your record" notice
    return team
      ? access.authorize(actor, thread.residentId, ResidentAction.CONSULT_REPLY, 'read', 'consultations')
      : access.authorize(actor, thread.residentId, ResidentAction.CONSULT_WRITE, 'change', 'consultations')
  }

  return {
    list(actor: Actor, residentId: string): ConsultationList {
      access.authorize(actor, residentId, ResidentAction.CONSULT_READ, 'read', 'consultations')
      const rows = repo.list(residentId)
      const dates = repo.examDates(rows.flatMap(r => r.examId === null ? [] : [r.examId]))
      const contract = repo.runningContract(residentId, ctx.clock.today())
      return {
        doctor: contract === null ? null : { name: contract.name, title: contract.title, replyTime: contract.replyTime },
        items: rows.map(r => toSummary(r, r.examId === null ? null : dates.get(r.examId) ?? null)),
      }
    },

    /**
     * Starts a consultation with her running family-doctor team. A result consultation names
     * one of her released exams (and an item of it): a reference the reader opens through the
     * exam routes, never a copy of its values.
     * @returns created false when the key was seen before: the thread the first request made
     */
    create(actor: Actor, residentId: string, body: CreateConsultationBody, key: string | null): { consultation: Consultation, created: boolean } {
      return ctx.db.transaction(() => {
        const first = key === null ? null : repo.messageByKey(actor.accountId, key)
        if (first !== null) {
          const thread = repo.findById(first.threadId)!
          if (thread.residentId !== residentId || repo.messages(thread.id)[0]?.id !== first.id)
            throw keyMisused()
          const allowed = access.authorize(actor, residentId, ResidentAction.CONSULT_READ, 'read', 'consultations')
          return { consultation: detail(thread, allowed), created: false }
        }
        const allowed = access.authorize(actor, residentId, ResidentAction.CONSULT_WRITE, 'change', 'consultations')
        const contract = repo.runningContract(residentId, ctx.clock.today())
        if (contract === null)
          throw new AppError(ErrorCode.NO_FAMILY_DOCTOR, 'She has no running family-doctor contract, so there is no one to write to: sign one at the township health centre')
        let examId: number | null = null
        if (body.examId !== undefined) {
          const exam = repo.exam(Number(body.examId))
          // a pending or retracted exam's values are hers to see only once released
          if (exam === null || exam.residentId !== residentId || exam.status !== 'released')
            throw new AppError(ErrorCode.VALIDATION_FAILED, 'examId: not one of her released exams; pick one from her exam list', { field: 'examId' })
          // attaching is reading her exam: the gate decides and logs it like any other read
          access.authorize(actor, residentId, ResidentAction.READ, 'read', 'exams')
          if (body.itemCode !== undefined && !repo.examHasItem(exam.id, body.itemCode))
            throw new AppError(ErrorCode.VALIDATION_FAILED, 'itemCode: that exam has no such item', { field: 'itemCode' })
          examId = exam.id
        }
        const now = ctx.clock.now()
        const id = newId()
        repo.createThread({
          id, residentId, teamId: contract.teamId, doctorId: contract.doctorId, topic: body.topic, examId, itemCode: body.itemCode ?? null,
          status: 'waiting', waitingSince: now, preview: previewOf(body.body), createdByAccountId: actor.accountId, createdAt: now, lastMessageAt: now,
        })
        repo.createMessage({ id: newId(), threadId: id, authorAccountId: actor.accountId, authorName: actor.name, authorRole: authorRoleOf(allowed, actor), body: body.body, clientKey: key ?? newId(), createdAt: now })
        return { consultation: detail(repo.findById(id)!, allowed), created: true }
      }, { behavior: 'immediate' })
    },

    /** One thread with its messages; opening it from her side marks the team's answer read. */
    get(actor: Actor, id: string): Consultation {
      const row = repo.findById(id)
      if (row === null)
        throw notFound()
      const allowed = access.authorize(actor, row.residentId, ResidentAction.CONSULT_READ, 'read', 'consultations')
      if (allowed.relation === 'care-team')
        return detail(row, allowed)
      // her side has read the answer: the thread and the notices that announced it
      notices.markReadAbout(actor.accountId, actor.residentId, NotificationKind.CONSULTATION_REPLY, 'consultationId', id, ctx.clock.now())
      return detail(row.unreadByResident ? repo.update(id, { unreadByResident: false }) ?? row : row, allowed)
    },

    /**
     * A message in a thread. From her side it waits for the team (the inbox keeps the first
     * unanswered message's time); from the team it answers, and she and whoever wrote for her
     * get a notice (SMS and push follow by the notice dispatcher, for those who asked).
     */
    write(actor: Actor, id: string, body: CreateConsultationMessageBody, key: string): { message: ConsultationMessage, created: boolean } {
      return ctx.db.transaction(() => {
        const thread = repo.findById(id)
        if (thread === null)
          throw notFound()
        const first = repo.messageByKey(actor.accountId, key)
        if (first !== null) {
          if (first.threadId !== id)
            throw keyMisused()
          access.authorize(actor, thread.residentId, ResidentAction.CONSULT_READ, 'read', 'consultations')
          return { message: toMessage(first), created: false }
        }
        const allowed = authorizeWrite(actor, thread)
        const now = ctx.clock.now()
        const role = authorRoleOf(allowed, actor)
        const row = { id: newId(), threadId: id, authorAccountId: actor.accountId, authorName: actor.name, authorRole: role, body: body.body, clientKey: key, createdAt: now }
        repo.createMessage(row)
        if (allowed.relation === 'care-team') {
          repo.update(id, { status: 'answered', waitingSince: null, unreadByResident: true, lastMessageAt: now, doneAt: null })
          const params = { residentId: thread.residentId, consultationId: id, residentName: allowed.resident.name, authorName: actor.name }
          notify(thread.residentId, NotificationKind.CONSULTATION_REPLY, params, now)
          // whoever wrote for her (a son in another city) reads his own notices, not hers
          if (!repo.accountIsResident(thread.createdByAccountId, thread.residentId))
            notices.createForAccount(thread.createdByAccountId, NotificationKind.CONSULTATION_REPLY, params, now)
        }
        else {
          repo.update(id, { status: 'waiting', waitingSince: thread.waitingSince ?? now, lastMessageAt: now, doneAt: null })
        }
        return { message: toMessage(row), created: true }
      }, { behavior: 'immediate' })
    },

    /** The team closes a thread that needs nothing more; a new message from her side opens it again. */
    markDone(actor: Actor, id: string): Consultation {
      return ctx.db.transaction(() => {
        const thread = repo.findById(id)
        if (thread === null)
          throw notFound()
        const allowed = access.authorize(actor, thread.residentId, ResidentAction.CONSULT_REPLY, 'read', 'consultations')
        const row = repo.update(id, { status: 'done', waitingSince: null, doneAt: ctx.clock.now() })!
        return detail(row, allowed)
      }, { behavior: 'immediate' })
    },

    /** The team's waiting threads, oldest first, with how long each has waited. */
    inbox(actor: Actor, limit: number): DoctorInbox {
      const teamId = teamOf(actor)
      const now = ctx.clock.now()
      const today = ctx.clock.today()
      const rows = repo.inbox(teamId, today, limit)
      return {
        replyTime: actor.staff?.role === 'doctor' ? repo.doctor(actor.staff.id)?.replyTime ?? null : null,
        items: rows.map(r => ({
          id: r.id,
          residentId: r.residentId,
          residentName: r.residentName,
          age: ageOn(r.birthDate, today),
          topic: r.topic,
          exam: r.examId === null || r.examDate === null ? null : { examId: String(r.examId), examDate: r.examDate, itemCode: r.itemCode },
          preview: r.preview,
          waitingSince: iso(r.waitingSince!),
          waitedMinutes: Math.max(0, Math.floor((now - r.waitingSince!) / MINUTE_MS)),
        })),
      }
    },

    replyTime(actor: Actor): { replyTime: string | null } {
      const doctor = doctorOf(actor)
      return { replyTime: repo.doctor(doctor)?.replyTime ?? null }
    },

    /** The doctor posts how soon he usually replies; residents see it before they write. */
    setReplyTime(actor: Actor, replyTime: string): { replyTime: string } {
      repo.setReplyTime(doctorOf(actor), replyTime)
      ctx.careTeamCache.forget()
      return { replyTime }
    },
  }
}

function teamOf(actor: Actor): string {
  const staff = actor.staff
  if (staff === null || staff.teamId === null || staff.role === 'institution-staff')
    throw new AppError(ErrorCode.FORBIDDEN, 'Only doctors and nurses of a family-doctor team have a consultation inbox')
  return staff.teamId
}

function doctorOf(actor: Actor): string {
  if (actor.staff === null || actor.staff.role !== 'doctor')
    throw new AppError(ErrorCode.FORBIDDEN, 'Only a family doctor posts a reply time')
  return actor.staff.id
}

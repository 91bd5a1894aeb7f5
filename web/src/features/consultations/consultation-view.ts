import type { ConsultationMessage } from '../../../../shared/schemas/consultations'
import type { ActingFor } from '../../../../shared/schemas/me'
import type { OutboxEntry } from './consultations.api'

/** How long a thread has waited, in the largest whole unit: "已等3小时", never "已等187分钟"; under a minute, "刚刚". */
export function waitedParts(minutes: number): { unit: 'now' | 'minutes' | 'hours' | 'days', n: number } {
  if (minutes < 1)
    return { unit: 'now', n: 0 }
  if (minutes < 60)
    return { unit: 'minutes', n: minutes }
  if (minutes < 24 * 60)
    return { unit: 'hours', n: Math.floor(minutes / 60) }
  return { unit: 'days', n: Math.floor(minutes / (24 * 60)) }
}

/** Writes to her doctor: she herself, a household parent, or a proxy holding `consult` (product.md "API shape"). */
export function canWriteFor(person: ActingFor | null | undefined): boolean {
  if (!person || person.status !== 'active')
    return false
  return person.relation !== 'proxy' || person.scopes.includes('consult')
}

export interface TimelineItem {
  key: string
  body: string
  fromTeam: boolean
  authorName: string
  /** null for her own messages still on the phone */
  authorRole: ConsultationMessage['authorRole'] | null
  at: string
  /** still on the phone: "等待发送", or the error code the server refused it with */
  pending: null | { failed: string | null }
}

/** The thread as she sees it: the server's messages, then hers still waiting in the outbox. */
export function timeline(messages: readonly ConsultationMessage[], waiting: readonly OutboxEntry[], selfName: string): TimelineItem[] {
  return [
    ...messages.map(m => ({ key: m.id, body: m.body, fromTeam: m.fromTeam, authorName: m.authorName, authorRole: m.authorRole, at: m.createdAt, pending: null })),
    ...[...waiting].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(e => ({ key: e.key, body: e.body, fromTeam: false, authorName: selfName, authorRole: null, at: e.createdAt, pending: { failed: e.failed } })),
  ]
}

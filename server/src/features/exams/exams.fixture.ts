import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'

/**
 * The exams API tests' app: the reminders and exams worlds on a fresh database, everyone of the
 * test world signed in. `t` and `cookies` are set by `boot()` (a test file calls it in beforeAll).
 */
export type Who = keyof typeof phones
export let t: Awaited<ReturnType<typeof testApp>>
export let cookies: Record<Who, string>

export async function boot() {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll(phones)
}

export const get = (url: string, who?: Who) => t.app.inject({ url, headers: who ? { cookie: cookies[who] } : {} })
export const post = (url: string, payload: unknown, who?: Who) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: who ? { cookie: cookies[who], origin: ORIGIN } : { origin: ORIGIN } })
export const release = (examId: number, who?: Who, payload: unknown = {}) => post(`/api/doctor/exams/${examId}/release`, payload, who)
export const mother = `/api/residents/${ids.mother}`
export const logRows = (residentId: string) =>
  t.sqlite.prepare('select actor_name, actor_role, action, what from access_log where resident_id = ? order by id').all(residentId) as { actor_name: string, actor_role: string, action: string, what: string }[]

import type { testApp } from '../../test/test-app'
import { ORIGIN } from '../../test/test-app'
import { apiKeyOf } from '../../test/world'

export type { FixtureExam, FixtureItem } from './import.samples'
export { csvOf, fhirBundle, usualItems } from './import.samples'

type App = Awaited<ReturnType<typeof testApp>>['app']

/** Posts to the import with an institution's key (枫桥 by default). */
export function postImport(app: App, body: unknown, options: { key?: string, type?: string, dryRun?: boolean } = {}) {
  const type = options.type ?? (typeof body === 'string' || Buffer.isBuffer(body) ? 'text/csv' : 'application/fhir+json')
  return app.inject({
    method: 'POST',
    url: `/api/import/exams${options.dryRun === true ? '?dryRun=true' : ''}`,
    headers: { 'authorization': `Bearer ${options.key ?? apiKeyOf.fengqiao}`, 'content-type': type },
    payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  })
}

/** A request of the institution's side (quarantine, retraction) with its key, or as a signed-in person. */
export function institutionRequest(app: App, method: 'GET' | 'POST', url: string, as: { key: string } | { cookie: string }, payload?: unknown) {
  const headers: Record<string, string> = 'key' in as ? { authorization: `Bearer ${as.key}` } : { cookie: as.cookie, origin: ORIGIN }
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) })
}

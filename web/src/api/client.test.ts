import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { FROM_CACHE_HEADER } from './cache-header'
import { api, ApiError, isNotFound, observeApi } from './client'

const ThingSchema = z.object({ id: z.string(), count: z.number() })

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('api client', () => {
  it('sends a same-origin GET with the query and returns the parsed body', async () => {
    const fetch = answer(200, { id: 'a', count: 2, extra: 'dropped' })
    vi.stubGlobal('fetch', fetch)
    const thing = await api.get('/things', ThingSchema, { limit: 5, cursor: undefined, q: '' })
    expect(thing).toEqual({ id: 'a', count: 2 })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/things?limit=5')
    expect(init?.method).toBe('GET')
    expect(init?.credentials).toBe('same-origin')
    expect(init?.body).toBeUndefined()
  })

  it('posts JSON with a content type', async () => {
    const fetch = answer(202, { id: 'b', count: 0 })
    vi.stubGlobal('fetch', fetch)
    await api.post('/things', ThingSchema, { phone: '13800000001' })
    const [, init] = fetch.mock.calls[0]!
    expect(init?.method).toBe('POST')
    expect(init?.body).toBe('{"phone":"13800000001"}')
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json')
  })

  it('turns an error body into one ApiError with status, code, message and field', async () => {
    vi.stubGlobal('fetch', answer(400, { error: { code: 'PIN_INVALID', message: 'Wrong PIN; 3 tries left', field: 'pin' } }))
    const error = await api.post('/auth/pin', ThingSchema, { pin: '000000' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'PIN_INVALID', message: 'Wrong PIN; 3 tries left', field: 'pin' })
  })

  it('reports a 404 as NOT_FOUND, the same for every unknown record', async () => {
    vi.stubGlobal('fetch', answer(404, { error: { code: 'NOT_FOUND', message: 'Not found' } }))
    await expect(api.get('/residents/aaaaaaaaaaaaaaaa', ThingSchema)).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' })
  })

  it('treats a malformed record id like an unknown one', () => {
    expect(isNotFound(new ApiError(404, 'NOT_FOUND', 'Not found'))).toBe(true)
    expect(isNotFound(new ApiError(400, 'VALIDATION_FAILED', 'id: expected a resident id', 'id'))).toBe(true)
    expect(isNotFound(new ApiError(400, 'VALIDATION_FAILED', 'limit: too big', 'limit'))).toBe(false)
    expect(isNotFound(new ApiError(403, 'FORBIDDEN', 'scope'))).toBe(false)
  })

  it('says NETWORK with status 0 when nothing answers', async () => {
    vi.stubGlobal('fetch', vi.fn<() => Promise<Response>>(async () => { throw new TypeError('Failed to fetch') }))
    await expect(api.get('/me', ThingSchema)).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
  })

  it('says BAD_RESPONSE when an answer does not match the shared schema', async () => {
    vi.stubGlobal('fetch', answer(200, { id: 1 }))
    await expect(api.get('/things', ThingSchema)).rejects.toMatchObject({ status: 200, code: 'BAD_RESPONSE' })
  })

  it('tells observers whether the service worker answered from its cache', async () => {
    const seen: boolean[] = []
    const stop = observeApi({ onAnswer: fromCache => seen.push(fromCache), onNoAnswer: () => seen.push(true) })
    vi.stubGlobal('fetch', answer(200, { id: 'a', count: 1 }, { [FROM_CACHE_HEADER]: '1' }))
    await api.get('/things', ThingSchema)
    vi.stubGlobal('fetch', answer(200, { id: 'a', count: 1 }))
    await api.get('/things', ThingSchema)
    stop()
    expect(seen).toEqual([true, false])
  })
})

import type { z } from 'zod'
import { ErrorBodySchema, ErrorCode } from '../../../shared/errors'
import { FROM_CACHE_HEADER } from './cache-header'

/** Codes the client adds for failures that never reached the API's error handler. */
export const ClientErrorCode = {
  /** no answer: offline, DNS, or the server is down */
  NETWORK: 'NETWORK',
  /** an answer that does not match the shared schema: a server and web out of step */
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode]

/** The one error the web sees for every failed request. `status` is 0 when nothing answered. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ApiObserver {
  /** called after every answer: `fromCache` is true when the service worker answered offline */
  onAnswer: (fromCache: boolean) => void
  /** called when nothing answered */
  onNoAnswer: () => void
}

const observers = new Set<ApiObserver>()

/** Lets the connectivity store learn, from real traffic, whether the data is live. */
export function observeApi(observer: ApiObserver): () => void {
  observers.add(observer)
  return () => observers.delete(observer)
}

type Query = Record<string, string | number | undefined>

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '')
      params.set(key, String(value))
  }
  const search = params.toString()
  return search === '' ? `/api${path}` : `/api${path}?${search}`
}

async function request<T extends z.ZodType>(method: string, path: string, schema: T, options: { query?: Query, body?: unknown, headers?: Record<string, string> } = {}): Promise<z.infer<T>> {
  let response: Response
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        ...(options.body === undefined ? { Accept: 'application/json' } : { 'Accept': 'application/json', 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  }
  catch (cause) {
    observers.forEach(o => o.onNoAnswer())
    throw new ApiError(0, ClientErrorCode.NETWORK, cause instanceof Error ? cause.message : 'network error')
  }
  observers.forEach(o => o.onAnswer(response.headers.get(FROM_CACHE_HEADER) === '1'))

  const json: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const body = ErrorBodySchema.safeParse(json)
    if (body.success)
      throw new ApiError(response.status, body.data.error.code, body.data.error.message, body.data.error.field)
    throw new ApiError(response.status, ClientErrorCode.BAD_RESPONSE, `HTTP ${response.status} without an error body`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new ApiError(response.status, ClientErrorCode.BAD_RESPONSE, `${method} ${path}: ${parsed.error.message}`)
  return parsed.data
}

/** Same-origin JSON calls to the API, every answer parsed by its shared schema. */
export const api = {
  get: <T extends z.ZodType>(path: string, schema: T, query?: Query) => request('GET', path, schema, { query }),
  /** `headers` for the few routes that take one, such as a booking's `Idempotency-Key` */
  post: <T extends z.ZodType>(path: string, schema: T, body: unknown = {}, headers?: Record<string, string>) => request('POST', path, schema, { body, headers }),
  put: <T extends z.ZodType>(path: string, schema: T, body: unknown) => request('PUT', path, schema, { body }),
  delete: <T extends z.ZodType>(path: string, schema: T) => request('DELETE', path, schema),
}

/**
 * Whether an error means "no such record, or not yours": the two look the same on purpose. A
 * pasted id that is not even well-formed (400 naming `id`) is just as unknown.
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError
    && (error.status === 404 || (error.code === ErrorCode.VALIDATION_FAILED && error.field === 'id'))
}

import { isDeepStrictEqual } from 'node:util'
import Ajv from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

type Serialize = (data: unknown) => string
type SerializerCompiler = (route: Parameters<FastifySchemaCompiler<unknown>>[0]) => Serialize

/**
 * Every answer is checked against its response schema from shared/ and cut down to it (what the
 * client must not see is stripped) before it is written. zod's own encode copies each object it
 * checks: 12 µs of a record read that takes 120. ajv, compiled once per schema from the zod
 * schema's JSON Schema, checks in place and removes what the schema does not name: 2 µs.
 *
 * What JSON Schema cannot say (a refinement, such as a date that exists) only zod checks. With
 * `crossCheck` (the tests and the e2e server) each answer is encoded by zod as well, and any
 * difference between the two is an error, so every API test holds the fast path to zod.
 */
export function createResponseSerializerCompiler({ crossCheck }: { crossCheck: boolean }): SerializerCompiler {
  const ajv = new Ajv({ removeAdditional: true, strict: false, unicodeRegExp: false, validateFormats: false })
  // many routes share a schema (the error body): each is compiled once, on its first answer
  const compiled = new WeakMap<z.ZodType, Serialize>()

  function compile(schema: z.ZodType, method: string, url: string, zodSerialize: Serialize): Serialize {
    let json: object
    try {
      json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' })
    }
    catch {
      // a transform or custom type has no JSON Schema: zod serializes it
      return zodSerialize
    }
    const validate = ajv.compile(json)
    return (data) => {
      if (!validate(data))
        throw new Error(`${method} ${url}: the response does not match its schema: ${ajv.errorsText(validate.errors)}`)
      return JSON.stringify(data)
    }
  }

  return ({ schema, method, url }) => {
    const zodSerialize = zodSerializerCompiler({ schema, method, url } as never) as Serialize
    const zodSchema = schema as z.ZodType
    let serialize: Serialize | undefined
    const fast: Serialize = (data) => {
      serialize ??= compiled.get(zodSchema) ?? compiled.set(zodSchema, compile(zodSchema, method, url, zodSerialize)).get(zodSchema)!
      return serialize(data)
    }
    if (!crossCheck)
      return fast
    return (data) => {
      // zod first: ajv removes what the schema does not name from `data` itself
      let expected: string | Error
      try {
        expected = zodSerialize(data)
      }
      catch (error) {
        expected = error as Error
      }
      let actual: string | Error
      try {
        actual = fast(data)
      }
      catch (error) {
        actual = error as Error
      }
      if (typeof expected === 'string' && typeof actual === 'string' && isDeepStrictEqual(JSON.parse(expected), JSON.parse(actual)))
        return actual
      if (expected instanceof Error && actual instanceof Error)
        throw expected
      throw new Error(`${method} ${url}: the response serializer and zod disagree\n  zod: ${String(expected)}\n  ajv: ${String(actual)}`)
    }
  }
}

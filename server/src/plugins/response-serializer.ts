import { isDeepStrictEqual } from 'node:util'
import type { ValidateFunction } from 'ajv'
import Ajv from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

type Serialize = (data: unknown) => string
type SerializerCompiler = (route: Parameters<FastifySchemaCompiler<unknown>>[0]) => Serialize

/** A union with two object branches or more: ajv would strip a branch's fields while trying another. */
function hasUnionOfObjects(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null)
    return false
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value) && value.filter(branch => branch?.type === 'object').length > 1)
      return true
    if (hasUnionOfObjects(value))
      return true
  }
  return false
}

/**
 * Every answer is checked against its response schema from shared/ and cut down to it (what the
 * client must not see is stripped) before it is written. zod's own encode copies each object it
 * checks: 12 µs of a record read that takes 120. ajv, compiled from the zod schema's JSON Schema,
 * checks in place and removes what the schema does not name: 2 µs.
 *
 * What JSON Schema cannot say (a refinement, such as a date that exists) only zod checks. With
 * `crossCheck` (the tests and the e2e server) each answer is encoded by zod as well, and any
 * difference between the two is an error, so every API test holds the fast path to zod.
 */
export function createResponseSerializerCompiler({ crossCheck }: { crossCheck: boolean }): SerializerCompiler {
  // strict: false lets ajv take the annotations zod writes (description, examples); strictNumbers
  // keeps NaN and Infinity out of `number`, as zod does, where JSON.stringify would write null.
  // unicodeRegExp: false runs zod's patterns as the plain JavaScript regular expressions they are.
  // No schema of ours has a format (it would be checked by zod alone).
  const ajv = new Ajv({ removeAdditional: true, strict: false, strictNumbers: true, unicodeRegExp: false, validateFormats: false })
  // Compiled on a schema's first answer, not at start: the tests build the app hundreds of times.
  // Many routes share a schema (the error body); null: zod serializes it.
  const validators = new WeakMap<z.ZodType, ValidateFunction | null>()

  function validatorOf(schema: z.ZodType): ValidateFunction | null {
    let validate = validators.get(schema)
    if (validate === undefined) {
      validate = null
      try {
        const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' })
        if (!hasUnionOfObjects(json))
          validate = ajv.compile(json)
      }
      catch (error) {
        // a transform or a custom type: what zod alone can serialize
        if (!(error instanceof Error && error.message.includes('cannot be represented in JSON Schema')))
          throw error
      }
      validators.set(schema, validate)
    }
    return validate
  }

  return ({ schema, method, url }) => {
    const zodSerialize = zodSerializerCompiler({ schema, method, url } as never) as Serialize
    const fast: Serialize = (data) => {
      const validate = validatorOf(schema as z.ZodType)
      if (validate === null)
        return zodSerialize(data)
      if (!validate(data))
        throw new Error(`${method} ${url}: the response does not match its schema: ${ajv.errorsText(validate.errors)}`)
      return JSON.stringify(data)
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

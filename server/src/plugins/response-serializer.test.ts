import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { IsoDateSchema } from '../../../shared/schemas/common'
import { createResponseSerializerCompiler } from './response-serializer'

const Schema = z.object({
  name: z.string(),
  birthDate: IsoDateSchema,
  age: z.number().int(),
  weightKg: z.number(),
  sex: z.enum(['male', 'female']),
  contract: z.object({ doctor: z.string() }).nullable(),
  tags: z.array(z.object({ code: z.string() })),
})
const serializerOf = (crossCheck: boolean, schema: z.ZodType = Schema, compile = createResponseSerializerCompiler({ crossCheck }), url = '/api/x') =>
  compile({ schema, method: 'GET', url, httpStatus: '200' } as never)
const answer = () => ({ name: '王秀英', birthDate: '1950-03-08', age: 76, weightKg: 58.5, sex: 'female', contract: { doctor: '陈明' }, tags: [{ code: 'hypertension' }] })

describe.each([false, true])('the response serializer (zod cross-check %s)', (crossCheck) => {
  it('writes an answer that matches its schema as JSON', () => {
    expect(JSON.parse(serializerOf(crossCheck)(answer()))).toEqual(answer())
  })

  it('leaves out what the schema does not name, at every depth', () => {
    const leaky = { ...answer(), idNumber: '330681195003080021', contract: { doctor: '陈明', doctorPhone: '13900000001' }, tags: [{ code: 'hiv', sensitive: true }] }
    const written = serializerOf(crossCheck)(leaky)
    expect(written).not.toContain('3306811950')
    expect(written).not.toContain('13900000001')
    expect(written).not.toContain('sensitive')
    expect(JSON.parse(written)).toEqual({ ...answer(), tags: [{ code: 'hiv' }] })
  })

  it.each([
    ['a number where text belongs', { name: 7 }],
    ['a fraction where an integer belongs', { age: 76.5 }],
    ['NaN where a number belongs', { weightKg: Number.NaN }],
    ['Infinity where a number belongs', { weightKg: Number.POSITIVE_INFINITY }],
    ['a value outside the enum', { sex: 'unknown' }],
    ['a missing field', { birthDate: undefined }],
    ['a malformed date', { birthDate: '1950-3-8' }],
    ['null for an object that may not be null', { tags: [null] }],
  ])('refuses %s', (_, change) => {
    expect(() => serializerOf(crossCheck)({ ...answer(), ...change })).toThrow(/match (its|the) schema/)
  })
})

describe('the zod cross-check', () => {
  it('catches what JSON Schema cannot say: a date that does not exist passes ajv alone', () => {
    const impossible = { ...answer(), birthDate: '1950-02-30' }
    expect(JSON.parse(serializerOf(false)(impossible)).birthDate).toBe('1950-02-30')
    expect(() => serializerOf(true)(impossible)).toThrow(/disagree/)
  })

  it('names the route that answered, when routes share a schema', () => {
    const compile = createResponseSerializerCompiler({ crossCheck: false })
    serializerOf(false, Schema, compile, '/api/first')(answer())
    expect(() => serializerOf(false, Schema, compile, '/api/second')({ ...answer(), age: 'old' })).toThrow('GET /api/second: the response does not match its schema')
  })

  it('leaves a union of objects to zod: ajv would strip one branch\'s fields while trying another', () => {
    const Either = z.object({ shape: z.union([z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), y: z.string() })]) })
    expect(serializerOf(false, Either)({ shape: { kind: 'b', y: '1', z: 2 } })).toBe('{"shape":{"kind":"b","y":"1"}}')
  })

  it('leaves a schema JSON Schema cannot hold to zod', () => {
    const WithDate = z.object({ at: z.date() })
    expect(serializerOf(false, WithDate)({ at: new Date(0), extra: 1 })).toBe('{"at":"1970-01-01T00:00:00.000Z"}')
    expect(() => serializerOf(false, WithDate)({ at: '1970-01-01' })).toThrow('Response doesn\'t match the schema')
  })
})

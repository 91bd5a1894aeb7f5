import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { IsoDateSchema } from '../../../shared/schemas/common'
import { createResponseSerializerCompiler } from './response-serializer'

const Schema = z.object({
  name: z.string(),
  birthDate: IsoDateSchema,
  age: z.number().int(),
  sex: z.enum(['male', 'female']),
  contract: z.object({ doctor: z.string() }).nullable(),
  tags: z.array(z.object({ code: z.string() })),
})
const serializerOf = (crossCheck: boolean, schema: z.ZodType = Schema) =>
  createResponseSerializerCompiler({ crossCheck })({ schema, method: 'GET', url: '/api/x', httpStatus: '200' } as never)
const answer = () => ({ name: '王秀英', birthDate: '1950-03-08', age: 76, sex: 'female', contract: { doctor: '陈明' }, tags: [{ code: 'hypertension' }] })

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

  it('leaves a schema JSON Schema cannot hold to zod', () => {
    const WithDate = z.object({ at: z.date() })
    expect(serializerOf(false, WithDate)({ at: new Date(0), extra: 1 })).toBe('{"at":"1970-01-01T00:00:00.000Z"}')
    expect(() => serializerOf(false, WithDate)({ at: '1970-01-01' })).toThrow('Response doesn\'t match the schema')
  })
})

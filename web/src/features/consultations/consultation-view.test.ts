import { describe, expect, it } from 'vitest'
import type { ActingFor } from '../../../../shared/schemas/me'
import { canWriteFor, timeline, waitedParts } from './consultation-view'

describe('waitedParts', () => {
  it.each([
    [0, { unit: 'now', n: 0 }],
    [1, { unit: 'minutes', n: 1 }],
    [59, { unit: 'minutes', n: 59 }],
    [187, { unit: 'hours', n: 3 }],
    [1439, { unit: 'hours', n: 23 }],
    [3000, { unit: 'days', n: 2 }],
  ] as const)('%i minutes → %o', (minutes, expected) => {
    expect(waitedParts(minutes)).toEqual(expected)
  })
})

describe('canWriteFor', () => {
  const person = (relation: ActingFor['relation'], scopes: ActingFor['scopes'], status: ActingFor['status'] = 'active'): ActingFor =>
    ({ residentId: 'r', name: '王秀英', sex: 'female', age: 74, status, relation, kinship: null, scopes })
  it.each([
    ['herself', person('self', ['view', 'book', 'consult']), true],
    ['a household parent', person('household-parent', ['view', 'book', 'consult']), true],
    ['a proxy with consult', person('proxy', ['view', 'consult']), true],
    ['a proxy with view only', person('proxy', ['view']), false],
    ['a proxy with view and book', person('proxy', ['view', 'book']), false],
    ['a deceased resident\'s own record', person('self', ['view', 'book', 'consult'], 'deceased'), false],
    ['nobody', null, false],
  ])('%s → %s', (_, who, expected) => {
    expect(canWriteFor(who)).toBe(expected)
  })
})

describe('timeline', () => {
  it('puts messages still on the phone after the server\'s, oldest first, marked as waiting or refused', () => {
    const items = timeline(
      [{ id: 'm1', authorName: '陈明', authorRole: 'doctor', fromTeam: true, body: '请来复查', createdAt: '2026-11-22T08:00:00Z' }],
      [
        { key: 'k2', accountId: 'a', residentId: 'r', consultationId: 'c', topic: 'other', body: '第二条', createdAt: '2026-11-22T09:02:00Z', failed: 'FORBIDDEN' },
        { key: 'k1', accountId: 'a', residentId: 'r', consultationId: 'c', topic: 'other', body: '<b>第一条</b>', createdAt: '2026-11-22T09:01:00Z', failed: null },
      ],
      '李建国',
    )
    expect(items.map(i => [i.key, i.fromTeam, i.authorName, i.authorRole, i.pending])).toEqual([
      ['m1', true, '陈明', 'doctor', null],
      ['k1', false, '李建国', null, { failed: null }],
      ['k2', false, '李建国', null, { failed: 'FORBIDDEN' }],
    ])
    expect(items[1]!.body).toBe('<b>第一条</b>')
  })
})

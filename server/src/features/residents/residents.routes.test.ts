import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contracts } from '../../db/schema'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'

let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<string, string>
beforeAll(async () => {
  t = await testApp()
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})

const get = (url: string, who?: keyof typeof phones) => t.app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} })
const logRows = () => t.sqlite.prepare('select resident_id, actor_name, actor_role, action, what from access_log order by id').all()

describe('GET /api/residents/:id — who may read 王秀英\'s record', () => {
  it.each([
    ['the resident herself', 'mother', 200],
    ['her son (grant view, book, consult)', 'son', 200],
    ['赵丽 (grant view only)', 'viewer', 200],
    ['王磊, a family account (grant view, consult)', 'family', 200],
    ['a proxy whose grant expired', 'expired', 404],
    ['a proxy whose grant was revoked', 'revoked', 404],
    ['her signed family doctor', 'doctor', 200],
    ['a nurse of his team', 'nurse', 200],
    ['a doctor of another team', 'otherDoctor', 404],
    ['institution staff', 'institutionStaff', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s → %i', async (_, who, status) => {
    expect((await get(`/api/residents/${ids.mother}`, who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    const response = await get(`/api/residents/${ids.mother}`)
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('a stranger gets exactly what a made-up id gets', async () => {
    const hidden = await get(`/api/residents/${ids.mother}`, 'stranger')
    const missing = await get('/api/residents/zzzzzzzzzzzzzzzz', 'stranger')
    expect(hidden.statusCode).toBe(404)
    expect(hidden.body).toBe(missing.body)
  })

  it('shows the resident her record with ID number and phone masked', async () => {
    const record = (await get(`/api/residents/${ids.mother}`, 'mother')).json()
    expect(record).toMatchObject({ name: '王秀英', age: 74, phoneMasked: '138****0001', viewerRelation: 'self', sensitiveHidden: false })
    expect(record.idNumberMasked).toMatch(/^3306\*{10}\d{3}[\dX]$/)
    expect(record.allergies.map((a: { substance: string }) => a.substance)).toEqual(['青霉素'])
    expect(record.conditions.map((c: { code: string }) => c.code)).toEqual(['tuberculosis', 'hypertension', 'diabetes'])
    expect(record.contract).toMatchObject({ doctor: { name: '陈明', replyTime: '1个工作日内' }, institution: { name: '枫桥镇卫生院' } })
    expect(record.contract.team.members.map((m: { name: string }) => m.name)).toEqual(['陈明', '孙婷'])
  })

  it('hides sensitive items from a proxy and says so', async () => {
    const record = (await get(`/api/residents/${ids.mother}`, 'viewer')).json()
    expect(record.viewerRelation).toBe('proxy')
    expect(record.sensitiveHidden).toBe(true)
    expect(record.conditions.map((c: { code: string }) => c.code)).toEqual(['hypertension', 'diabetes'])
    const visits = (await get(`/api/residents/${ids.mother}/encounters`, 'viewer')).json()
    expect(visits.items.map((e: { date: string }) => e.date)).toEqual(['2026-08-15', '2025-11-03'])
  })

  it('lets a household parent read a child under 14 but not a child who turned 14', async () => {
    expect((await get(`/api/residents/${ids.child}`, 'son')).json()).toMatchObject({ name: '李小雨', viewerRelation: 'household-parent' })
    expect((await get(`/api/residents/${ids.teen}`, 'son')).statusCode).toBe(404)
  })

  it('keeps a deceased resident readable to a proxy and marks it', async () => {
    expect((await get(`/api/residents/${ids.deceased}`, 'son')).json()).toMatchObject({ status: 'deceased', statusSince: '2026-03-01' })
  })

  it('closes the record to the doctor when the contract has ended', async () => {
    expect((await get(`/api/residents/${ids.lapsed}`, 'doctor')).statusCode).toBe(404)
  })
})

describe('the access log', () => {
  it('records every read by someone other than the resident, and none of hers', async () => {
    t.sqlite.prepare('delete from access_log').run()
    await get(`/api/residents/${ids.mother}`, 'mother')
    await get(`/api/residents/${ids.mother}/followups`, 'mother')
    await get(`/api/residents/${ids.mother}`, 'nurse')
    await get(`/api/residents/${ids.mother}/medications`, 'son')
    await get(`/api/residents/${ids.mother}`, 'stranger')
    expect(logRows()).toEqual([
      { resident_id: ids.mother, actor_name: '孙婷', actor_role: 'nurse', action: 'read', what: 'record' },
      { resident_id: ids.mother, actor_name: '李建国', actor_role: 'proxy', action: 'read', what: 'medications' },
    ])
  })

  it('is shown to the resident, newest first', async () => {
    const log = (await get(`/api/residents/${ids.mother}/access-log`, 'mother')).json()
    expect(log.items.map((e: { actorName: string, what: string }) => `${e.actorName}:${e.what}`)).toEqual(['李建国:medications', '孙婷:record'])
  })

  it('pages from newest to oldest, each entry once', async () => {
    const first = (await get(`/api/residents/${ids.mother}/access-log?limit=1`, 'mother')).json()
    const second = (await get(`/api/residents/${ids.mother}/access-log?limit=1&cursor=${first.nextCursor}`, 'mother')).json()
    expect([...first.items, ...second.items].map((e: { actorName: string }) => e.actorName)).toEqual(['李建国', '孙婷'])
    expect(second.nextCursor).toBeNull()
  })

  it.each([
    ['a proxy with every scope', 'son', 403],
    ['her family doctor', 'doctor', 403],
    ['a stranger', 'stranger', 404],
  ] as const)('is not shown to %s (%i)', async (_, who, status) => {
    expect((await get(`/api/residents/${ids.mother}/access-log`, who)).statusCode).toBe(status)
  })

  it('of a child is shown to the household parent', async () => {
    expect((await get(`/api/residents/${ids.child}/access-log`, 'son')).statusCode).toBe(200)
  })
})

describe('record sections', () => {
  it('page newest first with a cursor', async () => {
    const first = (await get(`/api/residents/${ids.mother}/followups?limit=2`, 'mother')).json()
    expect(first.items.map((f: { date: string }) => f.date)).toEqual(['2026-08-15', '2026-05-10'])
    expect(first.items[0]).toMatchObject({ mode: 'face-to-face', sbp: 138, dbp: 84, classification: 'controlled', staffName: '陈明' })
    const second = (await get(`/api/residents/${ids.mother}/followups?limit=2&cursor=${first.nextCursor}`, 'mother')).json()
    expect(second.items.map((f: { date: string }) => f.date)).toEqual(['2026-02-12', '2025-11-20'])
    const third = (await get(`/api/residents/${ids.mother}/followups?limit=2&cursor=${second.nextCursor}`, 'mother')).json()
    expect(third).toEqual({ items: [expect.objectContaining({ date: '2025-08-18' })], nextCursor: null })
  })

  it('list immunizations and the medication list', async () => {
    const shots = (await get(`/api/residents/${ids.mother}/immunizations`, 'mother')).json()
    expect(shots.items).toEqual([{ id: 'immunizationflua', date: '2025-10-12', vaccine: 'influenza', institution: '枫桥镇卫生院', selfReported: false }])
    const meds = (await get(`/api/residents/${ids.mother}/medications`, 'mother')).json()
    expect(meds.items.map((m: { name: string }) => m.name)).toEqual(['二甲双胍片', '苯磺酸氨氯地平片'])
  })

  it.each([
    ['/api/residents/NOT-AN-ID', 'id'],
    [`/api/residents/${ids.mother}/followups?limit=0`, 'limit'],
    [`/api/residents/${ids.mother}/followups?limit=abc`, 'limit'],
    [`/api/residents/${ids.mother}/followups?cursor=bm90LWEtY3Vyc29y`, 'cursor'],
  ])('reject %s naming the field %s', async (url, field) => {
    const response = await get(url, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })
})

describe('the doctor\'s list of signed residents', () => {
  it('lists the team\'s residents whose contracts run, by name', async () => {
    const list = (await get('/api/doctor/residents', 'doctor')).json()
    const names = list.items.map((r: { name: string }) => r.name)
    expect(names).toHaveLength(4)
    expect(names).toEqual(expect.arrayContaining(['王秀英', '李建国', '李小雨', '周老']))
    expect(list.items.find((r: { name: string }) => r.name === '王秀英').conditions).toEqual(expect.arrayContaining(['hypertension', 'diabetes']))
  })

  it('is the same for a nurse of the team, and searchable by name', async () => {
    const list = (await get(`/api/doctor/residents?q=${encodeURIComponent('王')}`, 'nurse')).json()
    expect(list.items.map((r: { name: string }) => r.name)).toEqual(['王秀英'])
  })

  it('pages with a cursor', async () => {
    const first = (await get('/api/doctor/residents?limit=3', 'doctor')).json()
    const second = (await get(`/api/doctor/residents?limit=3&cursor=${first.nextCursor}`, 'doctor')).json()
    expect(first.items).toHaveLength(3)
    expect(second).toMatchObject({ items: [expect.anything()], nextCursor: null })
  })

  it('is refused to a resident and to institution staff', async () => {
    expect((await get('/api/doctor/residents', 'mother')).statusCode).toBe(403)
    expect((await get('/api/doctor/residents', 'institutionStaff')).statusCode).toBe(403)
  })
})

describe('/api/me', () => {
  it('lists whom 李建国 acts for: himself, his daughter under 14, his mother by grant', async () => {
    const me = (await get('/api/me', 'son')).json()
    expect(me.actingFor.map((p: { name: string, relation: string, kinship: string | null, scopes: string[] }) => [p.name, p.relation, p.kinship, p.scopes.join(',')])).toEqual([
      ['李建国', 'self', null, 'view,book,consult'],
      ['李小雨', 'household-parent', 'daughter', 'view,book,consult'],
      ['王秀英', 'proxy', 'mother', 'view,book,consult'],
      ['周老', 'proxy', null, 'view'],
    ])
  })

  it('shows 王磊\'s family account only his mother', async () => {
    const me = (await get('/api/me', 'family')).json()
    expect(me.actingFor).toEqual([expect.objectContaining({ name: '王秀英', relation: 'proxy', kinship: 'mother', scopes: ['view', 'consult'] })])
  })

  it('gives a doctor his staff profile', async () => {
    const me = (await get('/api/me', 'doctor')).json()
    expect(me.staff).toMatchObject({ name: '陈明', role: 'doctor', institution: { name: '枫桥镇卫生院' }, team: { name: '陈明家庭医生团队' } })
  })
})

describe('the contract on the record', () => {
  it('is the renewal when one signed early overlaps the running contract', async () => {
    const own = await testApp()
    try {
      own.db.insert(contracts).values({ id: 'contractrenewala', residentId: ids.mother, doctorId: 'staffchenaaaaaaa', teamId: 'teamchenaaaaaaaa', servicePackage: '慢病管理服务包', signedOn: '2026-10-20', startsOn: '2026-11-01', endsOn: '2027-10-31' }).run()
      const record = (await own.app.inject({ url: `/api/residents/${ids.mother}`, headers: { cookie: await own.signIn(phones.mother) } })).json()
      expect(record.contract).toMatchObject({ servicePackage: '慢病管理服务包', signedOn: '2026-10-20', startsOn: '2026-11-01', endsOn: '2027-10-31', doctor: { name: '陈明' } })
    }
    finally {
      await own.app.close()
    }
  })

  it('shows the doctor\'s new reply time at once', async () => {
    const own = await testApp()
    try {
      const [mother, doctor] = [await own.signIn(phones.mother), await own.signIn(phones.doctor)]
      const replyTime = async () => (await own.app.inject({ url: `/api/residents/${ids.mother}`, headers: { cookie: mother } })).json().contract.doctor.replyTime
      expect(await replyTime()).toBe('1个工作日内')
      const changed = await own.app.inject({ method: 'PUT', url: '/api/doctor/reply-time', payload: { replyTime: '当天' }, headers: { cookie: doctor, origin: ORIGIN } })
      expect(changed.statusCode).toBe(200)
      expect(await replyTime()).toBe('当天')
    }
    finally {
      await own.app.close()
    }
  })
})

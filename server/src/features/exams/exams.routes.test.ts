import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids } from '../../test/world'
import { examIds } from '../../test/world-exams'
import { boot, get, logRows, mother, t } from './exams.fixture'

describe('a resident\'s exams', () => {
  beforeAll(boot)
  afterAll(async () => {
    await t.app.close()
  })

  it('lists 王秀英\'s exams newest first, the pending one without values', async () => {
    const response = await get(`${mother}/exams`, 'mother')
    expect(response.statusCode).toBe(200)
    const page = response.json()
    expect(page.items.map((e: { date: string, status: string }) => `${e.date} ${e.status}`)).toEqual([
      '2026-10-28 pending-review',
      '2026-05-19 released',
      '2025-05-22 released',
      '2024-05-20 released',
    ])
    expect(page.items[0]).toEqual({
      id: String(examIds.motherPending),
      date: '2026-10-28',
      status: 'pending-review',
      institution: { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院' },
      releasedOn: null,
      releasedBy: null,
      releaseComment: null,
      worst: null,
      abnormalItems: null,
      version: 1,
      retractedOn: null,
      retractionReason: null,
    })
    expect(page.items[1]).toMatchObject({ id: String(examIds.mother2026), worst: 'abnormal', abnormalItems: 2, releasedOn: '2026-05-26', releasedBy: '陈明' })
    expect(page.items.map((e: { abnormalItems: number | null }) => e.abnormalItems)).toEqual([null, 2, 1, 3])
    expect(page.nextCursor).toBeNull()
  })

  it('pages by keyset without repeating or skipping an exam', async () => {
    const first = (await get(`${mother}/exams?limit=3`, 'mother')).json()
    expect(first.items).toHaveLength(3)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = (await get(`${mother}/exams?limit=3&cursor=${first.nextCursor}`, 'mother')).json()
    expect(second.items.map((e: { date: string }) => e.date)).toEqual(['2024-05-20'])
    expect(second.nextCursor).toBeNull()
  })

  it('shows a released exam item by item, in catalogue order, with the previous value', async () => {
    const response = await get(`${mother}/exams/${examIds.mother2026}`, 'mother')
    expect(response.statusCode).toBe(200)
    const exam = response.json()
    expect(exam).toMatchObject({ id: String(examIds.mother2026), date: '2026-05-19', status: 'released', worst: 'abnormal', abnormalItems: 2 })
    expect(exam.items.map((i: { code: string, flag: string }) => `${i.code} ${i.flag}`)).toEqual([
      '8480-6 normal',
      '718-7 normal',
      '14771-0 high',
      '4548-4 normal',
      '22748-8 high',
      '11524-6 normal',
    ])
    const glucose = exam.items.find((i: { code: string }) => i.code === '14771-0')
    expect(glucose).toEqual({
      code: '14771-0',
      value: 7.42,
      valueText: null,
      unit: 'mmol/L',
      refLow: 3.9,
      refHigh: 6.1,
      flag: 'high',
      previous: { examId: String(examIds.mother2025), date: '2025-05-22', value: 7.1, valueText: null, unit: 'mmol/L', flag: 'high' },
    })
    const ldl = exam.items.find((i: { code: string }) => i.code === '22748-8')
    expect(ldl.previous).toMatchObject({ value: 3.3, flag: 'normal' })
    expect(ldl.value - ldl.previous.value).toBeCloseTo(0.32)
    // HbA1c was not measured in 2025
    expect(exam.items.find((i: { code: string }) => i.code === '4548-4').previous).toBeNull()
    expect(exam.items.find((i: { code: string }) => i.code === '11524-6')).toMatchObject({ value: null, valueText: '窦性心律，正常心电图', previous: { valueText: '窦性心律，正常心电图' } })
  })

  it('gives a value stored without unit or range the catalogue\'s, in the exam and in the series', async () => {
    const stored = t.sqlite.prepare('select unit, ref_low, ref_high from exam_items where exam_id = ? and code = \'14771-0\'').get(examIds.mother2026) as { unit: string, ref_low: number, ref_high: number }
    t.sqlite.prepare('update exam_items set unit = null, ref_low = null, ref_high = 99 where exam_id = ? and code = \'14771-0\'').run(examIds.mother2026)
    // a printed range wins: only its high side here
    expect((await get(`${mother}/exams/${examIds.mother2026}`, 'mother')).json().items.find((i: { code: string }) => i.code === '14771-0')).toMatchObject({ unit: 'mmol/L', refLow: null, refHigh: 99 })
    t.sqlite.prepare('update exam_items set ref_high = null where exam_id = ? and code = \'14771-0\'').run(examIds.mother2026)
    try {
      // 2020 Chinese diabetes guideline: 3.9 to 6.1 mmol/L
      expect((await get(`${mother}/exams/${examIds.mother2026}`, 'mother')).json().items.find((i: { code: string }) => i.code === '14771-0')).toMatchObject({ unit: 'mmol/L', refLow: 3.9, refHigh: 6.1 })
      const point = (await get(`${mother}/observations?code=14771-0`, 'mother')).json().points.find((p: { examId: string }) => p.examId === String(examIds.mother2026))
      expect(point).toMatchObject({ unit: 'mmol/L', refLow: 3.9, refHigh: 6.1 })
    }
    finally {
      t.sqlite.prepare('update exam_items set unit = ?, ref_low = ?, ref_high = ? where exam_id = ? and code = \'14771-0\'').run(stored.unit, stored.ref_low, stored.ref_high, examIds.mother2026)
    }
  })

  it('gives the first exam no previous values', async () => {
    const exam = (await get(`${mother}/exams/${examIds.mother2024}`, 'mother')).json()
    expect(exam.items).toHaveLength(5)
    expect(exam.items.every((i: { previous: unknown }) => i.previous === null)).toBe(true)
  })

  it.each([
    ['the resident herself', 'mother'],
    ['李建国 (grant view, book, consult)', 'son'],
    ['赵丽 (grant view only)', 'viewer'],
    ['王磊 (a family account)', 'family'],
    ['her signed family doctor', 'doctor'],
    ['a nurse of his team', 'nurse'],
  ] as const)('the exam under review shows %s its date and status, never its values', async (_, who) => {
    const response = await get(`${mother}/exams/${examIds.motherPending}`, who)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      id: String(examIds.motherPending),
      date: '2026-10-28',
      status: 'pending-review',
      institution: { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院' },
      releasedOn: null,
      releasedBy: null,
      releaseComment: null,
      worst: null,
      abnormalItems: null,
      version: 1,
      retractedOn: null,
      retractionReason: null,
      items: [],
      corrections: [],
    })
    expect(response.body).not.toContain('6.9')
  })

  it('shows a household parent his child\'s exams, the pending one without values', async () => {
    const list = (await get(`/api/residents/${ids.child}/exams`, 'son')).json()
    expect(list.items.map((e: { date: string, worst: string | null }) => `${e.date} ${e.worst}`)).toEqual(['2026-11-05 null', '2025-09-10 normal'])
    const pending = (await get(`/api/residents/${ids.child}/exams/${examIds.childPending}`, 'son')).json()
    expect(pending).toMatchObject({ status: 'pending-review', worst: null, abnormalItems: null, items: [] })
  })

  it('answers an exam of another resident exactly as an unknown id', async () => {
    const other = await get(`${mother}/exams/${examIds.sonPending}`, 'mother')
    const unknown = await get(`${mother}/exams/123456789`, 'mother')
    expect(other.statusCode).toBe(404)
    expect(other.body).toBe(unknown.body)
    // the son may see his own exam, but not through his mother's record
    expect((await get(`${mother}/exams/${examIds.sonPending}`, 'son')).statusCode).toBe(404)
  })

  it('gives the series of one item across released exams, oldest first, the pending one left out', async () => {
    const response = await get(`${mother}/observations?code=14771-0`, 'mother')
    expect(response.statusCode).toBe(200)
    const series = response.json()
    expect(series.code).toBe('14771-0')
    expect(series.points).toEqual([
      { examId: String(examIds.mother2024), date: '2024-05-20', value: 7.8, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, flag: 'high', institution: '枫桥镇卫生院' },
      { examId: String(examIds.mother2025), date: '2025-05-22', value: 7.1, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, flag: 'high', institution: '枫桥镇卫生院' },
      { examId: String(examIds.mother2026), date: '2026-05-19', value: 7.42, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, flag: 'high', institution: '枫桥镇卫生院' },
    ])
    expect((await get(`${mother}/observations?code=4548-4`, 'viewer')).json().points.map((p: { value: number }) => p.value)).toEqual([6.3])
    expect((await get(`${mother}/observations?code=2345-7`, 'mother')).json()).toEqual({ code: '2345-7', points: [] })
  })

  const routes = [
    ['list', `${mother}/exams`],
    ['detail', `${mother}/exams/${examIds.mother2026}`],
    ['observations', `${mother}/observations?code=14771-0`],
  ] as const
  describe.each(routes)('who may read 王秀英\'s exams: %s', (_route, url) => {
    it.each([
      ['the resident herself', 'mother', 200],
      ['李建国 (grant view, book, consult)', 'son', 200],
      ['赵丽 (grant view only)', 'viewer', 200],
      ['王磊 (a family account)', 'family', 200],
      ['a proxy whose grant expired', 'expired', 404],
      ['a proxy whose grant was revoked', 'revoked', 404],
      ['her signed family doctor 陈明', 'doctor', 200],
      ['the nurse 孙婷', 'nurse', 200],
      ['刘芳, not her doctor', 'otherDoctor', 404],
      ['institution staff', 'institutionStaff', 404],
      ['the stranger 张伟', 'stranger', 404],
    ] as const)('%s (%s) → %i', async (_, who, status) => {
      expect((await get(url, who)).statusCode).toBe(status)
    })

    it('without a session → 401', async () => {
      expect((await get(url)).statusCode).toBe(401)
    })
  })

  it('lets a household parent read his child under 14, not the one who turned 14', async () => {
    expect((await get(`/api/residents/${ids.child}/exams`, 'son')).statusCode).toBe(200)
    expect((await get(`/api/residents/${ids.child}/observations?code=718-7`, 'son')).statusCode).toBe(200)
    expect((await get(`/api/residents/${ids.teen}/exams`, 'son')).statusCode).toBe(404)
  })

  it('logs a proxy\'s and the doctor\'s reads, not the resident\'s own', async () => {
    const before = logRows(ids.mother).length
    await get(`${mother}/exams/${examIds.mother2026}`, 'mother')
    await get(`${mother}/exams/${examIds.mother2026}`, 'viewer')
    await get(`${mother}/observations?code=14771-0`, 'doctor')
    expect(logRows(ids.mother).slice(before)).toEqual([
      { actor_name: '赵丽', actor_role: 'proxy', action: 'read', what: 'exams' },
      { actor_name: '陈明', actor_role: 'doctor', action: 'read', what: 'exams' },
    ])
  })

  it.each([
    ['a bad exam id', `${mother}/exams/abc`, 'examId'],
    ['a bad resident id', '/api/residents/NOPE/exams', 'id'],
    ['a limit too large', `${mother}/exams?limit=1000`, 'limit'],
    ['a cursor this API did not give', `${mother}/exams?cursor=bm9wZQ`, 'cursor'],
    ['no code', `${mother}/observations`, 'code'],
    ['a code with a space', `${mother}/observations?code=14771%200`, 'code'],
  ])('%s → 400 naming the field', async (_, url, field) => {
    const response = await get(url, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client'
import { conditions, contracts, followups, immunizations, questionnaireResponses, screenings } from '../../db/schema'
import { buildWorld, ids } from '../../test/world'
import { buildReminderWorld, reminderIds } from '../../test/world-reminders'
import { createSnapshotLoader } from './reminders.snapshot'

const on = '2026-11-22'
let opened: ReturnType<typeof openDb>
let loader: ReturnType<typeof createSnapshotLoader>

beforeAll(() => {
  opened = openDb(':memory:')
  const { db } = opened
  buildWorld(db)
  buildReminderWorld(db)
  db.insert(conditions).values([
    { id: 'condhivaaaaaaaaa', residentId: ids.stranger, code: 'hiv', name: 'HIV', sensitive: true },
    { id: 'condotheraaaaaaa', residentId: ids.stranger, code: 'other', name: '腰椎间盘突出' },
    { id: 'conddyslipaaaaaa', residentId: ids.stranger, code: 'dyslipidaemia', name: '血脂异常', managed: false },
  ]).run()
  db.insert(screenings).values([
    { id: 'screeningspiroaa', residentId: ids.stranger, kind: 'spirometry', date: '2026-02-01', result: null },
    { id: 'screeningcolonoa', residentId: ids.stranger, kind: 'colonoscopy', date: '2025-03-01', result: null },
    // the lab has not reported: not yet a screening
    { id: 'screeningfobtnul', residentId: ids.stranger, kind: 'crc-screening', date: '2026-11-01', result: null },
    { id: 'screeningcopdsqa', residentId: ids.stranger, kind: 'copd-questionnaire', date: '2024-01-01', result: 'negative' },
  ]).run()
  db.insert(immunizations).values([
    { id: 'immunizationself', residentId: ids.stranger, vaccine: 'influenza', date: '2026-10-01', selfReported: true },
    { id: 'immunizationcovi', residentId: ids.stranger, vaccine: 'covid-19', date: '2026-10-02' },
  ]).run()
  db.insert(followups).values({ id: 'followupphoneaaa', residentId: ids.stranger, date: '2026-09-09', programme: 'hypertension', mode: 'phone', classification: 'controlled' }).run()
  const taken = { takenAt: Date.parse('2026-11-20T02:00:00Z'), takenByAccountId: 'acctmotheraaaaaa', takenByName: '王秀英', reasons: '[]' }
  db.insert(questionnaireResponses).values([
    { ...taken, id: 'questionnairecop', residentId: ids.stranger, questionnaire: 'copd-sq', takenOn: '2026-11-20', answers: '{"age":36}', score: 17, result: 'positive' },
    { ...taken, id: 'questionnairecrc', residentId: ids.stranger, questionnaire: 'crc-high-risk', takenOn: '2026-11-21', answers: '{"fobt":"negative"}', result: 'negative' },
    { ...taken, id: 'questionnairecr2', residentId: ids.stranger, questionnaire: 'crc-high-risk', takenOn: '2026-11-22', answers: '{"ownCancer":true,"fobt":"positive"}', result: 'positive' },
  ]).run()
  // a contract that ended early no longer makes the resident signed
  db.insert(contracts).values({ id: 'contractviewerea', residentId: ids.viewer, doctorId: 'staffchenaaaaaaa', teamId: 'teamchenaaaaaaaa', servicePackage: '基础包', signedOn: '2025-12-01', startsOn: '2026-01-01', endsOn: '2026-12-31', endedOn: '2026-11-01' }).run()
  loader = createSnapshotLoader(db)
})
afterAll(() => opened.sqlite.close())

describe('loadSnapshots — one resident\'s record as the engine\'s snapshot', () => {
  it('maps 王秀英\'s facts, conditions and history', () => {
    const snapshot = loader.loadSnapshots([ids.mother], on).get(ids.mother)!
    expect(snapshot).toMatchObject({
      birthDate: '1952-04-18',
      sex: 'female',
      hukouRegion: '330681',
      residenceRegion: '330681',
      residencePermitSince: null,
      insurance: 'resident',
      insuranceRegion: null,
      schoolStage: null,
      publicEmployee: false,
      signedDoctor: true,
      parentResidence: null,
    })
    // the engine does not read the conditions in any order
    expect([...snapshot.conditions].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'diabetes', managed: true },
      { code: 'hypertension', managed: true },
      { code: 'tuberculosis', managed: false },
    ])
    const events = snapshot.events.map(e => JSON.stringify(e)).sort()
    expect(events).toEqual([
      { kind: 'crc-screening', date: '2021-06-10', result: 'negative' },
      { kind: 'exam', date: '2024-05-20', examId: '900000001' },
      { kind: 'exam', date: '2025-05-22', examId: '900000002' },
      { kind: 'exam', date: '2026-05-19', examId: '900000003' },
      // pending review: completed, so it counts for the exam cycle, but nothing is released
      { kind: 'exam', date: '2026-10-28', examId: '900000004' },
      { kind: 'exam-released', date: '2024-05-27', examId: '900000001', releasedOn: '2024-05-27', worst: 'abnormal' },
      { kind: 'exam-released', date: '2025-05-29', examId: '900000002', releasedOn: '2025-05-29', worst: 'abnormal' },
      { kind: 'exam-released', date: '2026-05-26', examId: '900000003', releasedOn: '2026-05-26', worst: 'abnormal' },
      { kind: 'flu-shot', date: '2025-10-12', selfReported: false },
      ...['2025-08-18', '2025-11-20', '2026-02-12', '2026-05-10', '2026-08-15'].map(date => ({ kind: 'followup', date, mode: 'face-to-face' })),
    ].map(e => JSON.stringify(e)).sort())
  })

  it('skips hiv and other conditions, keeps screenings without a result out, reads app questionnaires and a positive FOBT given with one', () => {
    const snapshot = loader.loadSnapshots([ids.stranger], on).get(ids.stranger)!
    expect(snapshot.signedDoctor).toBe(true)
    expect(snapshot.conditions).toEqual([{ code: 'dyslipidaemia', managed: false }])
    expect(snapshot.events.filter(e => e.kind !== 'exam' && e.kind !== 'exam-released').map(e => JSON.stringify(e)).sort()).toEqual([
      { kind: 'spirometry', date: '2026-02-01' },
      { kind: 'colonoscopy', date: '2025-03-01' },
      { kind: 'copd-questionnaire', date: '2024-01-01', result: 'negative' },
      { kind: 'flu-shot', date: '2026-10-01', selfReported: true },
      { kind: 'followup', date: '2026-09-09', mode: 'phone' },
      { kind: 'copd-questionnaire', date: '2026-11-20', result: 'positive' },
      // a negative FOBT she tells us is no record of the test; a positive one opens the colonoscopy
      { kind: 'crc-questionnaire', date: '2026-11-21', result: 'negative' },
      { kind: 'crc-questionnaire', date: '2026-11-22', result: 'positive' },
      { kind: 'crc-screening', date: '2026-11-22', result: 'positive' },
    ].map(e => JSON.stringify(e)).sort())
  })

  it('reads a primary-school pupil\'s stage, and a contract ended early as no contract', () => {
    const batch = loader.loadSnapshots([ids.child, ids.viewer], on)
    expect(batch.get(ids.child)).toMatchObject({ schoolStage: 'primary', signedDoctor: true })
    expect(batch.get(ids.viewer)).toMatchObject({ signedDoctor: false, events: [] })
  })

  it('gives a child of in-migrants the residence facts of a parent in the household', () => {
    const batch = loader.loadSnapshots([reminderIds.changjiChild, reminderIds.changji], on)
    expect(batch.get(reminderIds.changjiChild)!.parentResidence).toEqual({ hukouRegion: '650102', residencePermitSince: '2024-03-01', insurance: 'resident', insuranceRegion: '650102' })
    // the mother herself is an adult: no parent is read for her
    expect(batch.get(reminderIds.changji)!.parentResidence).toBeNull()
  })

  it('gives an acknowledged critical value its critical-acknowledged event, in batches by id and by range', () => {
    opened.sqlite.prepare('update exams set worst = \'critical\', critical_acknowledged_on = \'2026-05-25\', critical_acknowledged_by = \'staffchenaaaaaaa\' where id = 900000003').run()
    try {
      const acknowledged = { kind: 'critical-acknowledged', date: '2026-05-25', examId: '900000003' }
      expect(loader.loadSnapshots([ids.mother], on).get(ids.mother)!.events).toContainEqual(acknowledged)
      expect(loader.loadSnapshotRange(ids.mother, ids.mother, on).get(ids.mother)!.events).toContainEqual(acknowledged)
      // the others are not acknowledged
      expect(loader.loadSnapshots([ids.mother], on).get(ids.mother)!.events.filter(e => e.kind === 'critical-acknowledged')).toHaveLength(1)
    }
    finally {
      opened.sqlite.prepare('update exams set worst = \'abnormal\', critical_acknowledged_on = null, critical_acknowledged_by = null where id = 900000003').run()
    }
  })

  it('leaves out residents who are not active, and ids that do not exist', () => {
    const batch = loader.loadSnapshots([ids.deceased, 'zzzzzzzzzzzzzzzz', ids.mother], on)
    expect([...batch.keys()]).toEqual([ids.mother])
    expect(loader.loadSnapshots([], on).size).toBe(0)
  })

  it('loads a batch exactly as it loads each resident alone', () => {
    const all = [ids.mother, ids.son, ids.child, ids.stranger, reminderIds.changjiChild]
    const batch = loader.loadSnapshots(all, on)
    for (const id of all)
      expect(batch.get(id)).toEqual(loader.loadSnapshots([id], on).get(id))
  })

  it('reads a batch in one query per table, however many residents and events', () => {
    const fresh = openDb(':memory:')
    buildWorld(fresh.db)
    buildReminderWorld(fresh.db)
    let prepared = 0
    let executed = 0
    const prepare = fresh.sqlite.prepare.bind(fresh.sqlite)
    fresh.sqlite.prepare = ((source: string) => {
      prepared++
      const statement = prepare(source)
      const all = statement.all.bind(statement)
      statement.all = ((...params: unknown[]) => {
        executed++
        return all(...params)
      }) as typeof statement.all
      return statement
    }) as typeof fresh.sqlite.prepare
    const counted = createSnapshotLoader(fresh.db)
    const afterPreparing = prepared
    counted.loadSnapshots([ids.mother, ids.son, ids.child, ids.stranger, reminderIds.changjiChild], on)
    expect(executed).toBe(10)
    counted.loadSnapshots([ids.mother], on)
    expect(executed).toBe(20)
    // the free exam's judgement reads five of the ten tables
    counted.loadExamSnapshots([ids.mother], on)
    expect(executed).toBe(25)
    expect(prepared).toBe(afterPreparing)
    fresh.sqlite.close()
  })

  it('loads for the free exam\'s judgement her facts, conditions, parent, exams and bookings as the whole snapshot has them', () => {
    const all = [ids.mother, ids.son, ids.child, ids.stranger, reminderIds.changjiChild]
    const examOnly = loader.loadExamSnapshots(all, on)
    for (const id of all) {
      const whole = loader.loadSnapshots([id], on).get(id)!
      const examKinds = new Set(['exam', 'exam-released', 'critical-acknowledged', 'booking'])
      expect(examOnly.get(id)).toEqual({ ...whole, signedDoctor: false, events: whole.events.filter(e => examKinds.has(e.kind)) })
    }
    expect(examOnly.get(ids.mother)!.events.some(e => e.kind === 'exam')).toBe(true)
  })
})

import { idNumberCheckChar } from '../../../shared/residents/id-number'
import type { Db } from '../db/client'
import { sha256 } from '../features/auth/secrets'
import { accounts, apiKeys, allergies, careTeams, conditions, contracts, encounters, followups, households, immunizations, institutions, medications, proxyGrants, residents, staff } from '../db/schema'

/**
 * A small county for API tests: one person per access rule of product.md, with fixed ids so a
 * failing test names who failed. Evaluation date of the tests: 2026-11-22.
 */
export const ids = {
  mother: 'mothermothermoth',
  son: 'sonsonsonsonsons',
  child: 'childchildchildc',
  teen: 'teenteenteenteen',
  viewer: 'viewerviewerview',
  expired: 'expiredexpiredex',
  revoked: 'revokedrevokedre',
  stranger: 'strangerstranger',
  deceased: 'deceaseddeceased',
  lapsed: 'lapsedlapsedlaps',
} as const

export const phones = {
  mother: '13800000001',
  son: '13800000002',
  viewer: '13800000005',
  expired: '13800000006',
  revoked: '13800000007',
  stranger: '13800000004',
  family: '13600000001',
  doctor: '13900000001',
  nurse: '13900000003',
  otherDoctor: '13900000002',
  institutionStaff: '13900000010',
} as const

function resident(id: string, name: string, sex: 'male' | 'female', birthDate: string, extra: Partial<typeof residents.$inferInsert> = {}) {
  const first17 = `330681${birthDate.replaceAll('-', '')}${String(Object.values(ids).indexOf(id as never)).padStart(3, '0')}`
  const idNumber = first17 + idNumberCheckChar(first17)
  return { id, name, sex, birthDate, idNumber, hukouRegion: '330681', residenceRegion: '330681', township: '枫桥镇', address: '枫桥镇某村1号', insurance: 'resident' as const, recordOpenedOn: '2010-01-01', ...extra }
}

/** The institutions' machine API keys (demo.md's demo keys, and one revoked). */
export const apiKeyOf = { fengqiao: 'kb_demo_fengqiao', jiyang: 'kb_demo_jiyang', revoked: 'kb_test_revoked' } as const

export function buildWorld(db: Db) {
  const t = Date.parse('2026-01-01T00:00:00Z')
  db.insert(institutions).values([
    { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院', kind: 'township-health-centre', region: '330681', address: '枫桥镇', phone: '0575-87000000' },
    { id: 'instjiyangaaaaaa', name: '暨阳街道社区卫生服务中心', kind: 'community-health-centre', region: '330681', address: '暨阳街道', phone: '0575-87111111' },
  ]).run()
  db.insert(apiKeys).values([
    { id: 'keyfengqiaoaaaaa', institutionId: 'instfengqiaoaaaa', keyHash: sha256(apiKeyOf.fengqiao), label: 'demo', createdAt: t },
    { id: 'keyjiyangaaaaaaa', institutionId: 'instjiyangaaaaaa', keyHash: sha256(apiKeyOf.jiyang), label: 'demo', createdAt: t },
    { id: 'keyrevokedaaaaaa', institutionId: 'instfengqiaoaaaa', keyHash: sha256(apiKeyOf.revoked), label: 'old', createdAt: t, revokedAt: t },
  ]).run()
  db.insert(careTeams).values([
    { id: 'teamchenaaaaaaaa', institutionId: 'instfengqiaoaaaa', name: '陈明家庭医生团队' },
    { id: 'teamliuaaaaaaaaa', institutionId: 'instjiyangaaaaaa', name: '刘芳家庭医生团队' },
  ]).run()
  db.insert(households).values({ id: 'householdliaaaaa', address: '暨阳街道某小区', region: '330681' }).run()
  db.insert(residents).values([
    resident(ids.mother, '王秀英', 'female', '1952-04-18', { phone: phones.mother }),
    resident(ids.son, '李建国', 'male', '1978-09-02', { phone: phones.son, householdId: 'householdliaaaaa', relationToHead: 'head' }),
    resident(ids.child, '李小雨', 'female', '2016-03-15', { householdId: 'householdliaaaaa', relationToHead: 'child' }),
    // turned 14 on 2026-11-01: her father no longer acts for her through the household
    resident(ids.teen, '李小风', 'male', '2012-11-01', { householdId: 'householdliaaaaa', relationToHead: 'child' }),
    resident(ids.viewer, '赵丽', 'female', '1985-07-07', { phone: phones.viewer }),
    resident(ids.expired, '钱多', 'male', '1980-01-01', { phone: phones.expired }),
    resident(ids.revoked, '孙少', 'male', '1981-01-01', { phone: phones.revoked }),
    resident(ids.stranger, '张伟', 'male', '1990-01-01', { phone: phones.stranger }),
    resident(ids.deceased, '周老', 'male', '1940-01-01', { status: 'deceased', statusSince: '2026-03-01' }),
    resident(ids.lapsed, '吴过', 'female', '1960-01-01'),
  ]).run()
  db.insert(accounts).values([
    { id: 'acctmotheraaaaaa', phone: phones.mother, residentId: ids.mother, createdAt: t },
    { id: 'acctsonaaaaaaaaa', phone: phones.son, residentId: ids.son, createdAt: t },
    { id: 'acctvieweraaaaaa', phone: phones.viewer, residentId: ids.viewer, createdAt: t },
    { id: 'acctexpiredaaaaa', phone: phones.expired, residentId: ids.expired, createdAt: t },
    { id: 'acctrevokedaaaaa', phone: phones.revoked, residentId: ids.revoked, createdAt: t },
    { id: 'acctfamilyaaaaaa', phone: phones.family, createdAt: t },
    { id: 'acctdoctoraaaaaa', phone: phones.doctor, createdAt: t },
    { id: 'acctnurseaaaaaaa', phone: phones.nurse, createdAt: t },
    { id: 'acctotherdocaaaa', phone: phones.otherDoctor, createdAt: t },
    { id: 'acctinststaffaaa', phone: phones.institutionStaff, createdAt: t },
  ]).run()
  db.insert(staff).values([
    { id: 'staffchenaaaaaaa', accountId: 'acctdoctoraaaaaa', name: '陈明', role: 'doctor', institutionId: 'instfengqiaoaaaa', teamId: 'teamchenaaaaaaaa', title: '主治医师', replyTime: '1个工作日内' },
    { id: 'staffsunaaaaaaaa', accountId: 'acctnurseaaaaaaa', name: '孙婷', role: 'nurse', institutionId: 'instfengqiaoaaaa', teamId: 'teamchenaaaaaaaa', title: '护师' },
    { id: 'staffliuaaaaaaaa', accountId: 'acctotherdocaaaa', name: '刘芳', role: 'doctor', institutionId: 'instjiyangaaaaaa', teamId: 'teamliuaaaaaaaaa', title: '主治医师' },
    { id: 'staffzhouaaaaaaa', accountId: 'acctinststaffaaa', name: '周敏', role: 'institution-staff', institutionId: 'instfengqiaoaaaa' },
  ]).run()
  const contract = (id: string, residentId: string, endsOn: string, teamId = 'teamchenaaaaaaaa', doctorId = 'staffchenaaaaaaa') =>
    ({ id, residentId, doctorId, teamId, servicePackage: '基础包', signedOn: '2025-12-01', startsOn: '2026-01-01', endsOn })
  db.insert(contracts).values([
    contract('contractmotheraa', ids.mother, '2026-12-31'),
    contract('contractsonaaaaa', ids.son, '2026-12-31'),
    contract('contractchildaaa', ids.child, '2026-12-31'),
    contract('contractdeceased', ids.deceased, '2026-12-31'),
    contract('contractlapsedaa', ids.lapsed, '2026-06-30'),
    contract('contractstranger', ids.stranger, '2026-12-31', 'teamliuaaaaaaaaa', 'staffliuaaaaaaaa'),
  ]).run()
  const grant = (id: string, granteePhone: string, granteeAccountId: string, scopes: string, extra: Partial<typeof proxyGrants.$inferInsert> = {}) =>
    ({ id, residentId: ids.mother, granteePhone, granteeAccountId, scopes, status: 'accepted' as const, createdAt: t, acceptedAt: t, ...extra })
  db.insert(proxyGrants).values([
    grant('grantsonaaaaaaaa', phones.son, 'acctsonaaaaaaaaa', 'view,book,consult', { relationship: 'child' }),
    grant('grantvieweraaaaa', phones.viewer, 'acctvieweraaaaaa', 'view'),
    grant('grantfamilyaaaaa', phones.family, 'acctfamilyaaaaaa', 'view,consult', { relationship: 'child' }),
    grant('grantexpiredaaaa', phones.expired, 'acctexpiredaaaaa', 'view,book', { endsOn: '2026-10-01' }),
    grant('grantrevokedaaaa', phones.revoked, 'acctrevokedaaaaa', 'view', { status: 'revoked', revokedAt: t }),
    { ...grant('grantdeceasedaaa', phones.son, 'acctsonaaaaaaaaa', 'view'), residentId: ids.deceased },
  ]).run()
  db.insert(conditions).values([
    { id: 'condhtnaaaaaaaaa', residentId: ids.mother, code: 'hypertension', name: '高血压', diagnosedOn: '2012-03-01', managed: true },
    { id: 'conddmaaaaaaaaaa', residentId: ids.mother, code: 'diabetes', name: '2型糖尿病', diagnosedOn: '2016-07-01', managed: true },
    { id: 'condtbaaaaaaaaaa', residentId: ids.mother, code: 'tuberculosis', name: '肺结核（已治愈）', diagnosedOn: '1990-01-01', sensitive: true },
  ]).run()
  db.insert(allergies).values({ id: 'allergypenicilli', residentId: ids.mother, substance: '青霉素', reaction: '皮疹', recordedOn: '2010-01-01' }).run()
  db.insert(encounters).values([
    { id: 'encounteraaaaaaa', residentId: ids.mother, institutionId: 'instfengqiaoaaaa', date: '2026-08-15', kind: 'outpatient', department: '全科', diagnosis: '高血压复诊' },
    { id: 'encounterbbbbbbb', residentId: ids.mother, institutionId: 'instfengqiaoaaaa', date: '2026-02-01', kind: 'outpatient', department: '结核门诊', diagnosis: '结核复查', sensitive: true },
    { id: 'encounterccccccc', residentId: ids.mother, institutionId: 'instjiyangaaaaaa', date: '2025-11-03', kind: 'inpatient', department: '内科', diagnosis: '肺炎' },
  ]).run()
  db.insert(followups).values(['2026-08-15', '2026-05-10', '2026-02-12', '2025-11-20', '2025-08-18'].map((date, i) => ({
    id: `followup${'abcde'[i]!.repeat(8)}`,
    residentId: ids.mother,
    staffId: 'staffchenaaaaaaa',
    date,
    programme: 'hypertension' as const,
    mode: 'face-to-face' as const,
    sbp: 138 - i,
    dbp: 84,
    fastingGlucose: 6.8,
    classification: 'controlled' as const,
  }))).run()
  db.insert(immunizations).values({ id: 'immunizationflua', residentId: ids.mother, vaccine: 'influenza', date: '2025-10-12', institutionId: 'instfengqiaoaaaa' }).run()
  db.insert(medications).values([
    { id: 'medamlodipineaaa', residentId: ids.mother, name: '苯磺酸氨氯地平片', dose: '5 mg', frequency: '每日1次', startedOn: '2012-03-01' },
    { id: 'medmetforminaaaa', residentId: ids.mother, name: '二甲双胍片', dose: '0.5 g', frequency: '每日2次', startedOn: '2016-07-01' },
  ]).run()
}

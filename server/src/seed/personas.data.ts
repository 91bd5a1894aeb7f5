/**
 * The fixed personas of demo.md. Their facts and dates are fixed, independent of the anchor
 * date, because the e2e tests pin KANGBAN_TODAY=2026-11-22 and rely on them.
 */

export interface StaffPersona {
  name: string
  phone: string
  role: 'doctor' | 'nurse' | 'institution-staff'
  institution: string
  title: string | null
  replyTime: string | null
  accountSince: string
}

export const staffPersonas = {
  chenMing: { name: '陈明', phone: '13900000001', role: 'doctor', institution: '枫桥镇卫生院', title: '主治医师', replyTime: '1个工作日内', accountSince: '2025-12-01' },
  liuFang: { name: '刘芳', phone: '13900000002', role: 'doctor', institution: '暨阳街道社区卫生服务中心', title: '副主任医师', replyTime: '2个工作日内', accountSince: '2025-12-01' },
  sunTing: { name: '孙婷', phone: '13900000003', role: 'nurse', institution: '枫桥镇卫生院', title: '护师', replyTime: null, accountSince: '2025-12-01' },
  zhouMin: { name: '周敏', phone: '13900000010', role: 'institution-staff', institution: '枫桥镇卫生院', title: '公卫科科员', replyTime: null, accountSince: '2025-12-01' },
  qianHua: { name: '钱华', phone: '13900000011', role: 'institution-staff', institution: '暨阳街道社区卫生服务中心', title: '公卫科科员', replyTime: null, accountSince: '2025-12-01' },
} as const satisfies Record<string, StaffPersona>

export type StaffPersonaKey = keyof typeof staffPersonas

export interface ResidentPersona {
  name: string
  sex: 'male' | 'female'
  birthDate: string
  idNumber: string
  phone: string | null
  township: string
  address: string
  insurance: 'resident' | 'employee'
  schoolStage: 'primary' | null
  smoker: boolean | null
  familyHistoryCvd: boolean | null
  recordOpenedOn: string
}

export const residentPersonas = {
  wangXiuying: { name: '王秀英', sex: 'female', birthDate: '1952-04-18', idNumber: '330681195204183620', phone: '13800000001', township: '枫桥镇', address: '浙江省诸暨市枫桥镇枫源村56号', insurance: 'resident', schoolStage: null, smoker: false, familyHistoryCvd: false, recordOpenedOn: '2010-05-12' },
  liJianguo: { name: '李建国', sex: 'male', birthDate: '1978-09-02', idNumber: '330681197809023514', phone: '13800000002', township: '枫桥镇', address: '浙江省诸暨市枫桥镇和平路18号', insurance: 'resident', schoolStage: null, smoker: false, familyHistoryCvd: false, recordOpenedOn: '2011-03-08' },
  liXiaoyu: { name: '李小雨', sex: 'female', birthDate: '2016-03-15', idNumber: '330681201603153646', phone: null, township: '枫桥镇', address: '浙江省诸暨市枫桥镇和平路18号', insurance: 'resident', schoolStage: 'primary', smoker: null, familyHistoryCvd: null, recordOpenedOn: '2016-03-22' },
  zhangWei: { name: '张伟', sex: 'male', birthDate: '1990-01-01', idNumber: '330681199001011237', phone: '13800000004', township: '暨阳街道', address: '浙江省诸暨市暨阳街道人民路120号3幢502室', insurance: 'resident', schoolStage: null, smoker: true, familyHistoryCvd: false, recordOpenedOn: '2012-07-19' },
  zhaoLi: { name: '赵丽', sex: 'female', birthDate: '1985-07-07', idNumber: '330681198507072462', phone: '13800000005', township: '陶朱街道', address: '浙江省诸暨市陶朱街道望云路66号8幢201室', insurance: 'resident', schoolStage: null, smoker: false, familyHistoryCvd: true, recordOpenedOn: '2013-09-02' },
} as const satisfies Record<string, ResidentPersona>

export type ResidentPersonaKey = keyof typeof residentPersonas

/** 王磊, 王秀英's younger son in Shanghai: a family account with no record of its own. */
export const familyAccountPersona = { name: '王磊', phone: '13600000001', accountSince: '2026-02-01' }

/** 王秀英's grants (demo.md): every one accepted. */
export const wangGrants = [
  { grantee: 'liJianguo', phone: '13800000002', relationship: 'child', scopes: 'view,book,consult', createdAt: '2026-02-01' },
  { grantee: 'zhaoLi', phone: '13800000005', relationship: 'friend', scopes: 'view', createdAt: '2026-03-15' },
  { grantee: 'wangLei', phone: '13600000001', relationship: 'child', scopes: 'view,consult', createdAt: '2026-02-01' },
] as const

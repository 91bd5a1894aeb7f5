import type { Rng } from './random'

/** 诸暨市: seed 002's county, GB/T 2260 code 330681. */
export const zhujiRegion = '330681'

export interface Township {
  name: string
  /** 街道 are served by a 社区卫生服务中心, 镇 and 乡 by a 卫生院 */
  kind: 'street' | 'town'
  /** relative share of the county's residents (census-like, rounded) */
  weight: number
}

export const townships: readonly Township[] = [
  { name: '暨阳街道', kind: 'street', weight: 17 },
  { name: '陶朱街道', kind: 'street', weight: 14 },
  { name: '浣东街道', kind: 'street', weight: 7 },
  { name: '大唐街道', kind: 'street', weight: 7 },
  { name: '暨南街道', kind: 'street', weight: 6 },
  { name: '店口镇', kind: 'town', weight: 9 },
  { name: '枫桥镇', kind: 'town', weight: 6 },
  { name: '牌头镇', kind: 'town', weight: 5 },
  { name: '山下湖镇', kind: 'town', weight: 4 },
  { name: '次坞镇', kind: 'town', weight: 4 },
  { name: '姚江镇', kind: 'town', weight: 4 },
  { name: '安华镇', kind: 'town', weight: 3 },
  { name: '璜山镇', kind: 'town', weight: 3 },
  { name: '赵家镇', kind: 'town', weight: 3 },
  { name: '草塔镇', kind: 'town', weight: 2 },
  { name: '同山镇', kind: 'town', weight: 2 },
  { name: '应店街镇', kind: 'town', weight: 2 },
  { name: '阮市镇', kind: 'town', weight: 2 },
  { name: '五泄镇', kind: 'town', weight: 2 },
  { name: '东白湖镇', kind: 'town', weight: 2 },
  { name: '马剑镇', kind: 'town', weight: 1 },
  { name: '陈宅镇', kind: 'town', weight: 1 },
  { name: '岭北镇', kind: 'town', weight: 1 },
  { name: '东和乡', kind: 'town', weight: 1 },
]

export const townshipWeights = townships.map(t => t.weight)
const totalWeight = townshipWeights.reduce((a, b) => a + b, 0)

export function townshipShare(index: number): number {
  return townships[index]!.weight / totalWeight
}

export function healthCentreName(township: Township): string {
  return township.kind === 'street' ? `${township.name}社区卫生服务中心` : `${township.name}卫生院`
}

const placeStems = '东西南北新上下大小前后石溪塘湖桥岭坞竹枫杨梅金花山泉安和兴丰宅'
const roads = ['人民路', '解放路', '东二路', '西施大街', '浣纱路', '艮塔路', '望云路', '暨东路', '健民路', '永昌路']

/** A household's address: a village house in a town, a flat in a street (街道). */
export function drawAddress(rng: Rng, township: Township): string {
  if (township.kind === 'street') {
    const road = rng.pick(roads)
    return `浙江省诸暨市${township.name}${road}${rng.between(1, 399)}号${rng.between(1, 30)}幢${rng.between(1, 6)}0${rng.between(1, 4)}室`
  }
  const village = placeStems[rng.int(placeStems.length)]! + placeStems[rng.int(placeStems.length)]!
  return `浙江省诸暨市${township.name}${village}村${rng.between(1, 260)}号`
}

/** Where people registered elsewhere come from (GB/T 2260): other Zhejiang counties, then the usual provinces of Zhuji's migrant workers. */
export const otherZhejiangRegions = ['330624', '330683', '330602', '330106', '330782']
export const outOfProvinceRegions = ['520102', '341222', '510722', '411524', '362321', '433122', '532128']

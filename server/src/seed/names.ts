import type { Rng } from './random'

/**
 * Chinese names. Surnames are weighted toward those common in Zhuji (陈, 王, 张, 周, 何, 楼, 斯,
 * 宣, 郦, 寿, 骆); given names follow the fashions of the decade of birth, so a woman born in
 * 1940 is a 秀英 or 桂花 and a girl born in 2015 a 梓涵 or 欣怡.
 */

const surnames = '陈王张周何楼斯宣郦寿骆李赵吴徐杨黄金郭朱俞蒋孙马钱冯胡方孟蔡丁沈汪姚翁傅袁屠章应边'
const surnameWeights = [
  9, 8, 6, 6, 5, 4, 3, 3, 2, 2, 2, 5, 3, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1,
]

interface Fashion {
  until: number
  male: string
  female: string
}

// first and second characters drawn independently from each era's pool
const fashions: readonly Fashion[] = [
  { until: 1959, male: '国建志明德金根福荣海林水永华祥土宝兴文生财', female: '秀英桂花兰珍凤玉美娥香梅金翠月素彩琴菊仙' },
  { until: 1979, male: '建国伟军平华明刚卫东红勇林强斌新峰洪亮忠', female: '丽红英霞芳燕萍琴华美玲敏秀珍艳娟雪梅丹' },
  { until: 1999, male: '伟磊涛杰超勇俊斌鹏飞浩剑峰宇军波辉晨阳明', female: '丽婷静敏燕芳娜倩洁颖佳莉雪琳丹晶慧蕾瑶' },
  { until: 9999, male: '梓轩浩宇子豪一辰俊熙博文晨睿涵泽铭皓逸宸', female: '梓涵欣怡子萱诗雨可馨一诺语彤思琪雅若汐' },
]

function eraOf(birthYear: number): Fashion {
  return fashions.find(f => birthYear <= f.until) ?? fashions[fashions.length - 1]!
}

export function drawSurname(rng: Rng): string {
  return surnames[rng.weighted(surnameWeights)]!
}

/** A given name of one or (mostly) two characters. */
export function drawGivenName(rng: Rng, sex: 'male' | 'female', birthYear: number): string {
  const pool = sex === 'male' ? eraOf(birthYear).male : eraOf(birthYear).female
  const first = pool[rng.int(pool.length)]!
  if (rng.chance(0.12))
    return first
  let second = pool[rng.int(pool.length)]!
  if (second === first)
    second = pool[(pool.indexOf(first) + 1) % pool.length]!
  return first + second
}

/**
 * Names of the GB/T 2260 divisions Kangban's rule sets know, so a record reads 浙江省诸暨市
 * rather than 330681. A code not listed falls back to its province, then to the code itself.
 */
const divisions: Record<string, { 'zh-CN': string, 'en': string }> = {
  33: { 'zh-CN': '浙江省', 'en': 'Zhejiang' },
  330681: { 'zh-CN': '浙江省诸暨市', 'en': 'Zhuji, Zhejiang' },
  65: { 'zh-CN': '新疆维吾尔自治区', 'en': 'Xinjiang' },
  652301: { 'zh-CN': '新疆昌吉市', 'en': 'Changji, Xinjiang' },
}

export function regionName(code: string, locale: 'zh-CN' | 'en'): string {
  const known = divisions[code] ?? divisions[code.slice(0, 2)]
  return known ? known[locale] : code
}

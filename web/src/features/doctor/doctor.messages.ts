import { defineFeatureI18n } from '../../i18n'

/** The doctor's pages' words, loaded with them rather than with the first screen. */
export const useDoctorI18n = defineFeatureI18n({
  'zh-CN': {
    doctor: {
      title: '我的签约居民',
      search: '按姓名搜索',
      searchPlaceholder: '输入居民姓名',
      searchButton: '搜索',
      empty: '没有找到符合的签约居民',
      contractEnds: '签约至 {date}',
    },
  },
  'en': {
    doctor: {
      title: 'My signed residents',
      search: 'Search by name',
      searchPlaceholder: 'Resident name',
      searchButton: 'Search',
      empty: 'No signed residents match',
      contractEnds: 'contract to {date}',
    },
  },
})

import { defineFeatureI18n } from '../../i18n'

/**
 * The words of the annual report's and home readings' notices, loaded with the notifications
 * page rather than with the first screen.
 */
const zhCN = {
  notifications: {
    openAssessment: '查看年度报告',
    openMeasurements: '查看居家测量',
    kind: {
      'home-reading-danger': '{residentName} {takenOn} 在家测得 {reading}，超过了危险值，请尽快联系。',
      'assessment-signed': '{doctorName}医生已审阅并签名您的{year}年度健康评估报告。',
    },
  },
}

const en: typeof zhCN = {
  notifications: {
    openAssessment: 'Open the annual report',
    openMeasurements: 'Open home readings',
    kind: {
      'home-reading-danger': '{residentName} measured {reading} at home on {takenOn}, past the danger threshold. Please get in touch soon.',
      'assessment-signed': 'Dr {doctorName} reviewed and signed your {year} annual health report.',
    },
  },
}

export const useAssessmentNoticesI18n = defineFeatureI18n({ 'zh-CN': zhCN, 'en': en })

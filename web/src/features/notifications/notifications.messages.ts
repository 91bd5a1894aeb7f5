import { defineFeatureI18n } from '../../i18n'

/** The notification inbox's words, loaded with its page rather than with the first screen. */
export const useNotificationsI18n = defineFeatureI18n({
  'zh-CN': {
    notifications: {
      title: '消息',
      empty: '没有消息',
      unread: '未读',
      markedRead: '已读',
      open: '打开相关档案',
      openExams: '查看体检报告',
      openReview: '去审核体检结果',
      openBooking: '查看预约和二维码',
      kind: {
        welcome: '欢迎使用康伴。您可以在这里查看健康档案和家庭医生的服务。',
        'acted-for-you': '{actorName} 代您处理了{what}',
        'result-released': '您 {examDate} 的体检结果已经由医生审核，可以查看了。',
        'result-corrected': '您 {examDate} 的体检结果有更正：{items}。请打开体检报告查看更正前后的结果。',
        'result-corrected-unnamed': '您 {examDate} 的体检结果有更正，请打开体检报告查看。',
        'result-retracted': '您 {examDate} 的体检结果已被体检机构撤回，不再显示。撤回原因：{reason}',
        'critical-result': '{residentName} {examDate} 的体检结果有危急值，请尽快查看并处理。',
        'booking-withdrawn': '体检机构取消了您 {date} {halfDay} 的体检预约，名额已退回。请另选时间重新预约。',
        'booking-tomorrow': '明天{halfDay}，{name}在{institution}（{address}）体检。请带好身份证；今晚 22:00 以后不要再吃东西，空腹去体检。',
        generic: '您有一条新消息',
      },
    },
  },
  'en': {
    notifications: {
      title: 'Messages',
      empty: 'No messages',
      unread: 'Unread',
      markedRead: 'Read',
      open: 'Open the record',
      openExams: 'See the health check results',
      openReview: 'Review the results',
      openBooking: 'Open the booking and its QR code',
      kind: {
        'welcome': 'Welcome to Kangban. Here you can see your health record and your family doctor\'s services.',
        'acted-for-you': '{actorName} acted for you on {what}',
        'result-released': 'Your exam results of {examDate} have been reviewed by the doctor and can be viewed.',
        'result-corrected': 'Your exam results of {examDate} were corrected: {items}. Open the report to see them before and after.',
        'result-corrected-unnamed': 'Your exam results of {examDate} were corrected. Open the report to see what changed.',
        'result-retracted': 'Your exam results of {examDate} were withdrawn by the institution and are no longer shown. Reason: {reason}',
        'critical-result': '{residentName}\'s exam of {examDate} has a critical value. Please look at it soon.',
        'booking-withdrawn': 'The health centre withdrew your exam booking of {date} ({halfDay}). Please choose another time and book again.',
        'booking-tomorrow': 'Tomorrow {halfDay}, {name} has a health check at {institution} ({address}). Bring the ID card, and eat nothing after 10 pm tonight: the blood test needs an empty stomach.',
        'generic': 'You have a new message',
      },
    },
  },
})

import { defineFeatureI18n } from '../../i18n'

/**
 * The words of a consultation reply's notice and of the notice channels page (SMS, Web Push),
 * loaded with the notifications pages rather than with the first screen.
 */
const zhCN = {
  notifications: {
    openConsultation: '查看回复',
    channels: '短信和推送提醒',
    kind: { 'consultation-reply': '家庭医生团队的{authorName}回复了{residentName}的咨询。' },
  },
  channels: {
    title: '短信和推送提醒',
    sms: '短信提醒',
    smsHint: '康伴里的消息都会收到。下面勾选的几类要紧的事，还会发短信到您的手机。不勾选就不发；全部取消即退订。',
    choice: {
      replies: '家庭医生回复了咨询',
      critical: '体检结果需要马上处理',
      tomorrow: '明天要去体检',
      actedForYou: '有人代我办理了事项',
      forOthers: '我代为照顾的家人的这些提醒，也发给我',
    },
    save: '保存',
    saved: '已保存',
    push: '手机推送',
    pushHint: '在支持的浏览器上，康伴没打开时也能弹出提醒。很多手机收不到推送，短信更可靠。',
    pushUnsupported: '这个浏览器不支持推送，请使用短信提醒。',
    pushOn: '这台手机已开启推送',
    pushOff: '这台手机没有开启推送',
    pushTurnOn: '开启推送',
    pushTurnOff: '关闭推送',
  },
}

const en: typeof zhCN = {
  notifications: {
    openConsultation: 'Open the reply',
    channels: 'Text messages and push',
    kind: { 'consultation-reply': '{authorName} of the family-doctor team replied to {residentName}\'s question.' },
  },
  channels: {
    title: 'Text messages and push',
    sms: 'Text messages (SMS)',
    smsHint: 'Every notice is in the app. The kinds ticked below are also texted to your phone. Nothing ticked, nothing texted: untick all to unsubscribe.',
    choice: {
      replies: 'The family doctor replied to a question',
      critical: 'An exam result needs attention now',
      tomorrow: 'An exam tomorrow',
      actedForYou: 'Someone acted for me',
      forOthers: 'Send me these for the family members I look after, too',
    },
    save: 'Save',
    saved: 'Saved',
    push: 'Push notifications',
    pushHint: 'On browsers that support it, notices pop up even with Kangban closed. Many phones here cannot receive push; text messages are more reliable.',
    pushUnsupported: 'This browser has no push notifications: use text messages.',
    pushOn: 'Push is on for this phone',
    pushOff: 'Push is off for this phone',
    pushTurnOn: 'Turn push on',
    pushTurnOff: 'Turn push off',
  },
}

export const useConsultationNoticesI18n = defineFeatureI18n({ 'zh-CN': zhCN, 'en': en })

import { defineFeatureI18n } from '../../i18n'

/** The words of 亲情账户's notices, loaded with the notifications page rather than with the first screen. */
const zhCN = {
  notifications: {
    openFamily: '打开亲情账户',
    kind: {
      'grant-offered': '{grantorName}邀请您代为查看和办理TA的健康事务。请打开亲情账户，接受或拒绝。',
      'grant-accepted': '{name}已接受您的亲情授权，现在可以按您授权的范围代您办理。',
      'grant-ended': '{name}结束了亲情授权。',
      'grant-confirm-due': '您给{name}的亲情授权已满18个月。如需继续，请在{lapsesOn}前确认；不确认的话，授权将自动停止。',
    },
  },
}

const en: typeof zhCN = {
  notifications: {
    openFamily: 'Open family access',
    kind: {
      'grant-offered': '{grantorName} invites you to see their record and help with their health matters. Open family access to accept or decline.',
      'grant-accepted': '{name} accepted your family access and can now act for you within it.',
      'grant-ended': '{name} ended the family access.',
      'grant-confirm-due': 'Your family access for {name} is 18 months old. To keep it, confirm by {lapsesOn}; otherwise it stops.',
    },
  },
}

export const useFamilyNoticesI18n = defineFeatureI18n({ 'zh-CN': zhCN, 'en': en })

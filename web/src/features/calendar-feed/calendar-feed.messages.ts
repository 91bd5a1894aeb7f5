import { defineFeatureI18n } from '../../i18n'

/** The calendar subscription page's words, loaded with its chunk. */
const zhCN = {
  calendarFeed: {
    title: '加到手机日历',
    intro: '开通后，体检、打疫苗这些该办的事会自动出现在您手机的日历里，到时候日历会提醒您。提醒有变化时，日历也会跟着更新。',
    private: '订阅链接是专门给您的，请不要发给别人。不想用了，可以随时停用。',
    statusTitle: '现在的状态',
    active: '已开通 · {date}开通',
    inactive: '还没有开通',
    create: '开通日历订阅',
    renew: '重新生成链接',
    renewHint: '重新生成后，旧链接马上停用。',
    linkTitle: '您的订阅链接',
    linkOnce: '这个链接只显示这一次。离开这个页面后就看不到了；需要时可以重新生成。',
    subscribe: '加到手机日历',
    copy: '复制链接',
    copied: '已复制，可以粘贴到日历应用的“订阅日历”里',
    copyFailed: '没能自动复制，请长按上面的链接手动复制',
    revoke: '停用日历订阅',
    revokeConfirm: '停用后，手机日历里的提醒不再更新。确定停用吗？',
    revokeYes: '确定停用',
    revokeNo: '不停用',
    revoked: '已停用，手机日历不会再收到更新',
    notAllowed: '日历订阅只能由{name}本人开通。',
  },
}

const en: typeof zhCN = {
  calendarFeed: {
    title: 'Add to your phone\'s calendar',
    intro: 'Once on, what is due (health checks, vaccinations) shows up in your phone\'s calendar, which reminds you in time. When a reminder changes, the calendar follows.',
    private: 'The subscription link is yours alone; please do not send it to anyone. You can turn it off at any time.',
    statusTitle: 'Status',
    active: 'On (since {date})',
    inactive: 'Not turned on yet',
    create: 'Turn on the calendar',
    renew: 'Make a new link',
    renewHint: 'A new link stops the old one at once.',
    linkTitle: 'Your subscription link',
    linkOnce: 'This link is shown only this once. After you leave this page you cannot see it again; you can make a new one when needed.',
    subscribe: 'Add to my phone\'s calendar',
    copy: 'Copy the link',
    copied: 'Copied. Paste it into your calendar app\'s "subscribe to calendar".',
    copyFailed: 'Could not copy. Press and hold the link above to copy it.',
    revoke: 'Turn off the calendar',
    revokeConfirm: 'After this, your phone\'s calendar gets no more updates. Turn it off?',
    revokeYes: 'Yes, turn it off',
    revokeNo: 'Keep it on',
    revoked: 'Turned off. Your phone\'s calendar gets no more updates.',
    notAllowed: 'Only {name} can turn on the calendar subscription.',
  },
}

/** `useI18n` with these words added. */
export const useCalendarFeedI18n = defineFeatureI18n({ 'zh-CN': zhCN, 'en': en })

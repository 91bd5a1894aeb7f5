import { defineFeatureI18n } from '../../i18n'

/** The settings page's words, loaded with it rather than with the first screen. */
export const useSettingsI18n = defineFeatureI18n({
  'zh-CN': {
    settings: {
      title: '我的',
      language: '语言',
      elder: '长辈版（大字大按钮）',
      device: '此设备',
      rememberDevice: '记住此设备（设置6位密码）',
      forgetDevice: '忘记此设备',
      deviceRemembered: '此设备已记住，下次可用密码登录',
      deviceForgotten: '已忘记此设备',
      accessLog: '谁看过我的档案',
      calendar: '把提醒加到手机日历',
      withdraw: '撤回同意并注销账户',
      withdrawConfirm: '撤回同意后，您的账户将被注销，需要时可重新登录并同意。确定撤回吗？',
      withdrawYes: '确定撤回并注销',
      withdrawNo: '不撤回',
      logout: '退出登录',
      account: '账户 {phone}',
    },
  },
  'en': {
    settings: {
      title: 'Me',
      language: 'Language',
      elder: 'Elder mode (large text and buttons)',
      device: 'This device',
      rememberDevice: 'Remember this device (set a 6-digit PIN)',
      forgetDevice: 'Forget this device',
      deviceRemembered: 'This device is remembered; sign in with your PIN next time',
      deviceForgotten: 'This device is forgotten',
      accessLog: 'Who viewed my record',
      calendar: 'Add reminders to your phone\'s calendar',
      withdraw: 'Withdraw consent and close account',
      withdrawConfirm: 'Withdrawing closes your account. You can sign in and agree again later. Withdraw now?',
      withdrawYes: 'Withdraw and close',
      withdrawNo: 'Keep my account',
      logout: 'Sign out',
      account: 'Account {phone}',
    },
  },
})

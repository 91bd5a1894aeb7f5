import { defineFeatureI18n } from '../../i18n'

/**
 * The access log's words (谁看过我的档案, issue 7's report included), loaded with the pages that
 * show its entries (the log, and the notices that name a part of the record) rather than with
 * the first screen.
 */
export const accessLogWords = {
  'zh-CN': {
    accessLog: {
      title: '谁看过我的档案',
      intro: '除您本人以外，每一次查看或修改您的档案都会记在这里。',
      empty: '还没有其他人查看过这份档案',
      role: { 'proxy': '亲友', 'household-parent': '父母', 'doctor': '医生', 'nurse': '护士', 'institution-staff': '卫生院工作人员' },
      action: { read: '查看了', change: '修改了' },
      line: '{actor}（{role}）{action}{what}',
      // the parts of a record the server names in its access log and notices
      what: {
        'record': '档案', 'exams': '体检结果', 'reminders': '提醒', 'booking': '体检预约', 'bookings': '体检预约', 'questionnaires': '问卷', 'export': '档案导出', 'calendar-feed': '日历订阅',
        'immunizations': '疫苗接种记录', 'medications': '用药记录', 'followups': '随访记录', 'encounters': '诊疗记录', 'proxies': '亲情账户授权', 'access-log': '访问记录', 'access-report': '访问记录举报',
        'consultations': '家庭医生咨询', 'measurements': '居家监测', 'assessments': '年度健康评估报告',
      },
    },
    accessReport: {
      report: '这不是我认识的人',
      question: '把这条记录报告给您的家庭医生所在的机构吗？他们会核查是谁查看了您的档案。',
      yes: '确定报告',
      no: '取消',
      reported: '已报告，家庭医生所在机构会核查',
    },
    accessReports: {
      title: '居民报告的陌生访问',
      intro: '签约居民在“谁看过我的档案”里报告不认识的人查看或修改了档案。请核查是谁、为什么，并联系居民。',
      empty: '没有居民报告过陌生访问',
      of: '{name}的档案',
      accessedAt: '访问时间 {at}',
      reportedAt: '报告时间 {at}',
    },
  },
  'en': {
    accessLog: {
      title: 'Who viewed my record',
      intro: 'Every view or change of your record by anyone but you is listed here.',
      empty: 'No one else has viewed this record yet',
      role: { 'proxy': 'family', 'household-parent': 'parent', 'doctor': 'doctor', 'nurse': 'nurse', 'institution-staff': 'health-centre staff' },
      action: { read: 'viewed', change: 'changed' },
      line: '{actor} ({role}) {action} {what}',
      what: {
        'record': 'the record', 'exams': 'exam results', 'reminders': 'reminders', 'booking': 'an exam booking', 'bookings': 'exam bookings', 'questionnaires': 'questionnaires', 'export': 'the record export', 'calendar-feed': 'the calendar feed',
        'immunizations': 'immunizations', 'medications': 'medications', 'followups': 'follow-ups', 'encounters': 'visit records', 'proxies': 'family access', 'access-log': 'the access log', 'access-report': 'a report of the access log',
        'consultations': 'questions to the family doctor', 'measurements': 'home readings', 'assessments': 'the annual health report',
      },
    },
    accessReport: {
      report: 'I do not know this person',
      question: 'Report this entry to your family doctor\'s institution? They will check who looked at your record.',
      yes: 'Report it',
      no: 'Cancel',
      reported: 'Reported: your family doctor\'s institution will check',
    },
    accessReports: {
      title: 'Access residents did not recognise',
      intro: 'Signed residents reported, in "Who viewed my record", someone they do not know reading or changing their record. Check who and why, and contact the resident.',
      empty: 'No resident has reported an access',
      of: '{name}\'s record',
      accessedAt: 'Accessed {at}',
      reportedAt: 'Reported {at}',
    },
  },
}

export const useAccessLogI18n = defineFeatureI18n(accessLogWords)

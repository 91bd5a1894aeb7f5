import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { useSessionStore } from './features/auth/session.store'

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session */
    public?: boolean
    /** shows the tab bar */
    tabs?: boolean
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./features/auth/LoginPage.vue'), meta: { public: true } },
    { path: '/consent', name: 'consent', component: () => import('./features/consent/ConsentPage.vue') },
    { path: '/device/pin', name: 'device-pin', component: () => import('./features/auth/DevicePinPage.vue') },
    { path: '/', name: 'home', component: () => import('./features/home/HomePage.vue'), meta: { tabs: true } },
    { path: '/residents/:id', name: 'record', component: () => import('./features/record/RecordPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/reminders/:reminderId', name: 'reminder', component: () => import('./features/reminders/ReminderDetailsPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/questionnaires/:questionnaire', name: 'questionnaire', component: () => import('./features/questionnaires/QuestionnairePage.vue'), props: true },
    { path: '/residents/:id/exams', name: 'exams', component: () => import('./features/exams/ExamListPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/exams/:examId', name: 'exam', component: () => import('./features/exams/ExamDetailPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/observations/:code', name: 'observations', component: () => import('./features/exams/ExamTrendPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/book', name: 'book', component: () => import('./features/bookings/BookingInstitutionsPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/book/:institutionId', name: 'book-slots', component: () => import('./features/bookings/BookingSlotsPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/book/:institutionId/:slotId', name: 'book-packages', component: () => import('./features/bookings/BookingPackagesPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/bookings', name: 'bookings', component: () => import('./features/bookings/BookingListPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/bookings/:bookingId', name: 'booking', component: () => import('./features/bookings/BookingDetailPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/measurements', name: 'measurements', component: () => import('./features/measurements/MeasurementsPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/measurements/new', name: 'measurement-new', component: () => import('./features/measurements/MeasurementEntryPage.vue'), props: true },
    { path: '/residents/:id/assessments', name: 'assessments', component: () => import('./features/assessments/AssessmentListPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/assessments/:year', name: 'assessment', component: () => import('./features/assessments/AssessmentPage.vue'), props: true, meta: { tabs: true } },
    { path: '/doctor/assessments', name: 'doctor-assessments', component: () => import('./features/assessments/DoctorAssessmentsPage.vue'), meta: { tabs: true } },
    { path: '/doctor/assessments/:residentId/:year', name: 'doctor-assessment', component: () => import('./features/assessments/DoctorAssessmentPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/calendar-feed', name: 'calendar-feed', component: () => import('./features/calendar-feed/CalendarFeedPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/access-log', name: 'access-log', component: () => import('./features/access-log/AccessLogPage.vue'), props: true, meta: { tabs: true } },
    { path: '/family/:id?', name: 'family', component: () => import('./features/proxies/FamilyPage.vue'), props: true, meta: { tabs: true } },
    { path: '/residents/:id/consultations', name: 'consultations', component: () => import('./features/consultations/ConsultationListPage.vue'), props: true, meta: { tabs: true } },
    { path: '/consultations/:cid', name: 'consultation', component: () => import('./features/consultations/ConsultationThreadPage.vue'), props: true, meta: { tabs: true } },
    { path: '/doctor/inbox', name: 'doctor-inbox', component: () => import('./features/doctor/DoctorInboxPage.vue'), meta: { tabs: true } },
    { path: '/notifications', name: 'notifications', component: () => import('./features/notifications/NotificationsPage.vue'), meta: { tabs: true } },
    { path: '/doctor/residents', name: 'doctor-residents', component: () => import('./features/doctor/DoctorResidentsPage.vue'), meta: { tabs: true } },
    { path: '/doctor/exams', name: 'doctor-exams', component: () => import('./features/exams/ExamReviewQueuePage.vue'), meta: { tabs: true } },
    { path: '/institution/quarantine', name: 'import-quarantine', component: () => import('./features/import/QuarantinePage.vue'), meta: { tabs: true } },
    { path: '/institution/access-reports', name: 'access-reports', component: () => import('./features/access-log/AccessReportsPage.vue'), meta: { tabs: true } },
    { path: '/institution/desk', name: 'booking-desk', component: () => import('./features/bookings/BookingDeskPage.vue'), meta: { tabs: true } },
    { path: '/institution/slots', name: 'booking-desk-slots', component: () => import('./features/bookings/BookingDeskSlotsPage.vue'), meta: { tabs: true } },
    { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsPage.vue'), meta: { tabs: true } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./features/not-found/NotFoundPage.vue'), meta: { public: true } },
  ],
})

/** Where a page that needs a session sends someone: sign in first, then the privacy notice. */
export async function guard(to: RouteLocationNormalized) {
  if (to.meta.public)
    return true
  const me = await useSessionStore().ensureLoaded().catch(() => null)
  if (me === null)
    return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (me.consent.required && to.name !== 'consent')
    return { name: 'consent', query: { next: to.fullPath } }
  return true
}

router.beforeEach(guard)

// Each page starts at its top. No `scrollBehavior` on purpose: with one, vue-router 5 keeps
// scroll positions in sessionStorage keyed by path, a trail of which records were opened.
router.afterEach(() => {
  window.scrollTo(0, 0)
})

/** A `next` query is followed only when it is a path inside the app. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

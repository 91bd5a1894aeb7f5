import { z } from 'zod'
import { IdempotencyKeySchema } from './bookings'
import { IsoDateSchema, ResidentIdSchema, SexSchema } from './common'
import { ExamIdSchema } from './exams'

/** What a consultation is about (issue 8): a result (its exam, and item, attached), medicine, a booking, or something else. */
export const ConsultationTopic = { RESULT: 'result', MEDICINE: 'medicine', BOOKING: 'booking', OTHER: 'other' } as const
export type ConsultationTopic = (typeof ConsultationTopic)[keyof typeof ConsultationTopic]
export const ConsultationTopicSchema = z.enum(['result', 'medicine', 'booking', 'other'])

/** waiting: her side wrote last and no one answered; answered: the team wrote last; done: the team closed it. */
export const ConsultationStatusSchema = z.enum(['waiting', 'answered', 'done'])
export type ConsultationStatus = z.infer<typeof ConsultationStatusSchema>

/** A message is plain text: long enough for a question about a result, short enough to read on a phone. */
export const CONSULTATION_MESSAGE_MAX = 1000

export const ConsultationIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a consultation id')
export const ConsultationParamsSchema = z.object({ cid: ConsultationIdSchema })

const MessageTextSchema = z.string()
  .trim()
  .min(1, 'write a message first')
  .max(CONSULTATION_MESSAGE_MAX, `a message holds at most ${CONSULTATION_MESSAGE_MAX} characters; split it in two`)

/** The idempotency key of a message: the phone makes one per message it writes and resends it unchanged. */
export const ConsultationKeyHeadersSchema = z.object({ 'idempotency-key': IdempotencyKeySchema })
/** Starting a consultation: the web always sends a key; a client that never retries may leave it out. */
export const CreateConsultationHeadersSchema = z.object({ 'idempotency-key': IdempotencyKeySchema.optional() })

export const CreateConsultationBodySchema = z.object({
  topic: ConsultationTopicSchema,
  /** with topic `result`: the exam she asks about, one of her released exams */
  examId: ExamIdSchema.optional(),
  /** the item of that exam (a catalogue code such as 14771-0) */
  itemCode: z.string().regex(/^[\w.-]{1,20}$/, 'expected an exam item code').optional(),
  body: MessageTextSchema,
}).refine(b => b.topic === 'result' || (b.examId === undefined && b.itemCode === undefined), { message: 'only a result consultation carries an exam', path: ['examId'] })
  .refine(b => b.itemCode === undefined || b.examId !== undefined, { message: 'an item is attached with its exam', path: ['examId'] })
export type CreateConsultationBody = z.infer<typeof CreateConsultationBodySchema>

export const CreateConsultationMessageBodySchema = z.object({ body: MessageTextSchema })
export type CreateConsultationMessageBody = z.infer<typeof CreateConsultationMessageBodySchema>

export const ConsultationAuthorRoleSchema = z.enum(['self', 'household-parent', 'proxy', 'doctor', 'nurse'])

export const ConsultationMessageSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  authorRole: ConsultationAuthorRoleSchema,
  /** the care team's side, shown on the left of her screen */
  fromTeam: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
})
export type ConsultationMessage = z.infer<typeof ConsultationMessageSchema>

/** The exam a result consultation refers to: where to open it, never its values. */
export const ConsultationExamRefSchema = z.object({ examId: ExamIdSchema, examDate: IsoDateSchema, itemCode: z.string().nullable() }).nullable()

export const ConsultationSummarySchema = z.object({
  id: ConsultationIdSchema,
  residentId: ResidentIdSchema,
  topic: ConsultationTopicSchema,
  exam: ConsultationExamRefSchema,
  status: ConsultationStatusSchema,
  preview: z.string(),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  waitingSince: z.string().nullable(),
  /** a team answer her side has not opened yet */
  unread: z.boolean(),
})
export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>

/** Her family doctor as the consultation pages show him: who answers, and how soon he usually does. */
export const ConsultationDoctorSchema = z.object({ name: z.string(), title: z.string().nullable(), replyTime: z.string().nullable() }).nullable()

export const ConsultationListSchema = z.object({
  doctor: ConsultationDoctorSchema,
  items: z.array(ConsultationSummarySchema),
})
export type ConsultationList = z.infer<typeof ConsultationListSchema>

/** What the care team sees beside a thread (issue 8): age, conditions, latest abnormal results, reminders due. */
export const ConsultationResidentFactsSchema = z.object({
  age: z.number().int(),
  sex: SexSchema,
  conditions: z.array(z.string()),
  abnormal: z.array(z.object({ examDate: IsoDateSchema, code: z.string(), value: z.number().nullable(), valueText: z.string().nullable(), unit: z.string().nullable(), flag: z.enum(['high', 'low', 'critical']) })),
  reminders: z.array(z.object({ kind: z.string(), status: z.enum(['overdue', 'due']), dueBy: IsoDateSchema.nullable() })),
})
export type ConsultationResidentFacts = z.infer<typeof ConsultationResidentFactsSchema>

export const ConsultationSchema = ConsultationSummarySchema.extend({
  residentName: z.string(),
  doctor: ConsultationDoctorSchema,
  messages: z.array(ConsultationMessageSchema),
  /** the caller is of the care team: may mark it done, and sees `facts` */
  asTeam: z.boolean(),
  facts: ConsultationResidentFactsSchema.nullable(),
})
export type Consultation = z.infer<typeof ConsultationSchema>

export const DoctorInboxQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) })

export const DoctorInboxItemSchema = z.object({
  id: ConsultationIdSchema,
  residentId: ResidentIdSchema,
  residentName: z.string(),
  age: z.number().int(),
  topic: ConsultationTopicSchema,
  exam: ConsultationExamRefSchema,
  preview: z.string(),
  waitingSince: z.string(),
  /** whole minutes since her side's first unanswered message */
  waitedMinutes: z.number().int(),
})
export type DoctorInboxItem = z.infer<typeof DoctorInboxItemSchema>
export const DoctorInboxSchema = z.object({ items: z.array(DoctorInboxItemSchema), replyTime: z.string().nullable() })
export type DoctorInbox = z.infer<typeof DoctorInboxSchema>

/** The doctor's posted reply time, shown to residents as "通常{replyTime}回复". */
export const ReplyTimeBodySchema = z.object({ replyTime: z.string().trim().min(1, 'say how soon you usually reply').max(20, 'at most 20 characters, such as 1个工作日内') })
export const ReplyTimeSchema = z.object({ replyTime: z.string().nullable() })

import { z } from 'zod'
import { GranteeRelation, kinships } from '../residents/kinship'
import { IsoDateSchema, PhoneSchema, ResidentIdSchema, SexSchema } from './common'

/** 亲情账户 (product.md capability 7, issue 7): grants a resident gives, and grants an account holds. */

export const GrantScopeSchema = z.enum(['view', 'book', 'consult'])
export const GrantStateSchema = z.enum(['pending', 'active', 'expired', 'lapsed', 'declined', 'revoked'])
export const GranteeRelationSchema = z.enum(Object.values(GranteeRelation) as [GranteeRelation, ...GranteeRelation[]])

export const ProxyGrantParamsSchema = z.object({
  id: ResidentIdSchema,
  grantId: z.string().regex(/^[a-z2-7]{16}$/, 'expected a grant id'),
})
export const HeldGrantParamsSchema = ProxyGrantParamsSchema.pick({ grantId: true })

export const CreateProxyGrantBodySchema = z.object({
  /** the grantee's mobile number; whether it is a Kangban user is never told */
  phone: PhoneSchema,
  scopes: z.array(GrantScopeSchema).min(1).max(3)
    .refine(s => s.includes('view'), 'every grant includes view')
    .refine(s => new Set(s).size === s.length, 'each scope once'),
  /** the last day the grant counts; none: it runs until ended, re-confirmed every 18 months */
  endsOn: IsoDateSchema.nullable().default(null),
  /** what the grantee is to the resident (her son: child) */
  relationship: GranteeRelationSchema.nullable().default(null),
  /** let the grantee see sensitive items (severe mental disorder, TB, HIV, items she marked private) */
  showSensitive: z.boolean().default(false),
}).strict()
/** what the web sends (defaults may be left out) */
export type CreateProxyGrantBody = z.input<typeof CreateProxyGrantBodySchema>
/** what the server works with */
export type CreateProxyGrant = z.output<typeof CreateProxyGrantBodySchema>

/** A grant as the resident who gave it sees it. The grantee's name shows only once she accepted. */
export const ProxyGrantSchema = z.object({
  id: z.string(),
  phoneMasked: z.string(),
  granteeName: z.string().nullable(),
  relationship: GranteeRelationSchema.nullable(),
  scopes: z.array(GrantScopeSchema),
  state: GrantStateSchema,
  endsOn: IsoDateSchema.nullable(),
  /** an open-ended grant stops on this day unless she re-confirms it */
  lapsesOn: IsoDateSchema.nullable(),
  confirmDue: z.boolean(),
  showSensitive: z.boolean(),
  endedBy: z.enum(['grantor', 'grantee']).nullable(),
  createdAt: z.string(),
})
export type ProxyGrant = z.infer<typeof ProxyGrantSchema>
export const ProxyGrantListSchema = z.object({ items: z.array(ProxyGrantSchema) })

/** A grant as the account that holds (or is offered) it sees it: pending and active ones. */
export const HeldGrantSchema = z.object({
  id: z.string(),
  residentId: ResidentIdSchema,
  grantorName: z.string(),
  grantorSex: SexSchema,
  kinship: z.enum(kinships).nullable(),
  scopes: z.array(GrantScopeSchema),
  state: GrantStateSchema,
  endsOn: IsoDateSchema.nullable(),
  lapsesOn: IsoDateSchema.nullable(),
  showSensitive: z.boolean(),
  createdAt: z.string(),
})
export type HeldGrant = z.infer<typeof HeldGrantSchema>
export const HeldGrantListSchema = z.object({ items: z.array(HeldGrantSchema) })

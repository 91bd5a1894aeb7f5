import type { CreateProxyGrantBody, ProxyGrant } from '../../../../shared/schemas/proxies'

export type GrantScope = ProxyGrant['scopes'][number]
export type GranteeRelation = NonNullable<ProxyGrant['relationship']>

export const grantScopes: GrantScope[] = ['view', 'book', 'consult']
export const granteeRelations: GranteeRelation[] = ['child', 'spouse', 'parent', 'sibling', 'grandchild', 'relative', 'friend']

/** Open grants (pending, active) first as the server sorts them; ended ones kept apart, for the record. */
export function splitGrants(items: readonly ProxyGrant[]): { open: ProxyGrant[], ended: ProxyGrant[] } {
  const isOpen = (g: ProxyGrant) => g.state === 'pending' || g.state === 'active'
  return { open: items.filter(isOpen), ended: items.filter(g => !isOpen(g)) }
}

/** Who holds a grant, as the grantor sees it: the name once accepted, else the number she typed (masked). */
export function granteeLabel(grant: Pick<ProxyGrant, 'granteeName' | 'phoneMasked'>): string {
  return grant.granteeName === null ? grant.phoneMasked : `${grant.granteeName}（${grant.phoneMasked}）`
}

export interface GrantForm {
  phone: string
  relationship: GranteeRelation | ''
  scopes: GrantScope[]
  endsOn: string
  showSensitive: boolean
}

export const emptyGrantForm = (): GrantForm => ({ phone: '', relationship: '', scopes: ['view'], endsOn: '', showSensitive: false })

export const isMobilePhone = (phone: string) => /^1[3-9]\d{9}$/.test(phone.trim())

/** The request for a filled-in form: every grant includes viewing; empty fields are "none". */
export function grantBodyOf(form: GrantForm): CreateProxyGrantBody {
  return {
    phone: form.phone.trim(),
    scopes: grantScopes.filter(s => s === 'view' || form.scopes.includes(s)),
    endsOn: form.endsOn === '' ? null : form.endsOn,
    relationship: form.relationship === '' ? null : form.relationship,
    showSensitive: form.showSensitive,
  }
}

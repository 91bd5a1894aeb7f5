import { z } from 'zod'
import type { CreateProxyGrantBody } from '../../../../shared/schemas/proxies'
import { HeldGrantListSchema, HeldGrantSchema, ProxyGrantListSchema, ProxyGrantSchema } from '../../../../shared/schemas/proxies'
import { api } from '../../api/client'

const given = (residentId: string) => `/residents/${encodeURIComponent(residentId)}/proxies`

export const proxiesApi = {
  /** grants the resident gave */
  list: (residentId: string) => api.get(given(residentId), ProxyGrantListSchema),
  create: (residentId: string, body: CreateProxyGrantBody) => api.post(given(residentId), ProxyGrantSchema, body),
  revoke: (residentId: string, grantId: string) => api.delete(`${given(residentId)}/${encodeURIComponent(grantId)}`, z.unknown()),
  confirm: (residentId: string, grantId: string) => api.post(`${given(residentId)}/${encodeURIComponent(grantId)}/confirm`, ProxyGrantSchema),
  /** grants offered to or held by the signed-in account */
  held: () => api.get('/proxies', HeldGrantListSchema),
  accept: (grantId: string) => api.post(`/proxies/${encodeURIComponent(grantId)}/accept`, HeldGrantSchema),
  end: (grantId: string) => api.delete(`/proxies/${encodeURIComponent(grantId)}`, z.unknown()),
}

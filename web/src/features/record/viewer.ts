import type { Kinship } from '../../../../shared/residents/kinship'
import type { ResidentSummary } from '../../../../shared/schemas/residents'

export type ViewerRelation = ResidentSummary['viewerRelation']

/**
 * The label for whose record this is, from the viewer's side: the kinship when the account
 * knows it (母亲, 女儿), else how the viewer came to see it (a grant, a signed resident).
 */
export function relationLabelKey(relation: ViewerRelation, kinship: Kinship | null): string {
  if (relation === 'self')
    return 'relation.self'
  if (kinship !== null)
    return `kinship.${kinship}`
  return relation === 'care-team' ? 'relation.careTeam' : 'relation.proxy'
}

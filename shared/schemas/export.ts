import { z } from 'zod'

/**
 * The export's response, loosely: a FHIR R4 `collection` Bundle whose resources keep every
 * field (shared/fhir/record-bundle.ts builds them; @medplum/core validates them in the tests).
 */
export const FhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.string(),
  entry: z.array(z.looseObject({
    fullUrl: z.string(),
    resource: z.looseObject({ resourceType: z.string(), id: z.string() }),
  })),
})

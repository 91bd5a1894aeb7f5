import { parseArgs } from 'node:util'
import { loadConfig } from '../../config'
import { openDb } from '../../db/client'
import { createApiKey } from './api-keys'

/**
 * `npm run apikey:create -- --institution <id or name> --label <what it is for>`: an admin
 * creates an institution's machine API key on the configured database (KANGBAN_DB). The key is
 * printed once; hand it over by a safe channel.
 */
const { values } = parseArgs({ options: { institution: { type: 'string' }, label: { type: 'string' } } })
if (values.institution === undefined || values.label === undefined) {
  console.error('usage: npm run apikey:create -- --institution <id or name> --label <what it is for, e.g. "LIS 2027">')
  process.exit(2)
}
const { db, sqlite } = openDb(loadConfig().dbFile)
try {
  const created = createApiKey(db, values.institution, values.label, Date.now())
  console.log(`API key for ${created.institutionName} (${created.institutionId}), shown only now:\n${created.key}`)
}
catch (error) {
  console.error(String(error instanceof Error ? error.message : error))
  process.exitCode = 1
}
finally {
  sqlite.close()
}

import { readFileSync } from 'node:fs'
import { buildApp } from '../../app'
import { loadConfig } from '../../config'
import { openDb } from '../../db/client'
import { postImport } from './import.fixture'

/**
 * The child process of import.killed.test.ts: imports a bundle into a database file and is
 * killed (SIGKILL, nothing runs after it) by the database itself when the exam-item insert
 * numbered `killAt` happens, in the middle of an exam's transaction.
 */
const [file, bundleFile, killAt] = process.argv.slice(2) as [string, string, string]
const { db, sqlite } = openDb(file)
let inserted = 0
sqlite.function('die_at', (n: unknown) => {
  inserted++
  if (inserted === Number(n))
    process.kill(process.pid, 'SIGKILL')
  return 0
})
sqlite.exec(`create temp trigger die_mid_exam after insert on exam_items begin select die_at(${Number(killAt)}); end`)
const app = await buildApp({ config: loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_TODAY: '2026-11-22' }), db, sqlite })
const response = await postImport(app, JSON.parse(readFileSync(bundleFile, 'utf8')))
console.log(response.body)
console.log('finished without being killed')

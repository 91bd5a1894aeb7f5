import { spawn } from 'node:child_process'

/** `npm run dev`: the API with reload on change, and Vite's dev server proxying /api to it. */
const children = [
  spawn('npx', ['tsx', 'watch', 'server/src/start.ts'], { stdio: 'inherit', env: { ...process.env, PORT: process.env.PORT ?? '3000' } }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
]
const stop = () => children.forEach(c => c.kill('SIGTERM'))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)

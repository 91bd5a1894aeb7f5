// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../shared/errors'
import { ApiError } from '../api/client'
import { useAction } from './useAction'

const t = (key: string) => `t(${key})`

/** A promise the test settles by hand, to look at the state while the action runs. */
function pending() {
  let resolve!: () => void
  let reject!: (cause: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useAction', () => {
  it('is busy while the action runs, and not after', async () => {
    const { busy, error, run } = useAction(t)
    const step = pending()
    expect(busy.value).toBe(false)
    const running = run(() => step.promise)
    expect(busy.value).toBe(true)
    step.resolve()
    await running
    expect(busy.value).toBe(false)
    expect(error.value).toBe('')
  })

  it('shows the translated message of a failure, and clears it when the next action starts', async () => {
    const { busy, error, run } = useAction(t)
    await run(async () => {
      throw new ApiError(429, ErrorCode.RATE_LIMITED, 'slow down')
    })
    expect(error.value).toBe('t(errors.rateLimited)')
    expect(busy.value).toBe(false)

    const step = pending()
    const running = run(() => step.promise)
    expect(error.value).toBe('')
    step.resolve()
    await running
    expect(error.value).toBe('')
  })

  it('says the generic message for anything that is not an API error', async () => {
    const { error, run } = useAction(t)
    await run(async () => {
      throw new Error('boom')
    })
    expect(error.value).toBe('t(errors.generic)')
  })

  it('leaves busy alone for an action that shows no spinner, but still reports its failure', async () => {
    const { busy, error, run } = useAction(t)
    const step = pending()
    const running = run(() => step.promise, { busy: false })
    expect(busy.value).toBe(false)
    step.reject(new Error('boom'))
    await running
    expect(busy.value).toBe(false)
    expect(error.value).toBe('t(errors.generic)')
  })

  // As before: nothing here refuses a second call; the buttons' `loading` state is what stops a second tap.
  it('runs a second call made while the first is still busy', async () => {
    const { busy, run } = useAction(t)
    const first = pending()
    const second = pending()
    let calls = 0
    const a = run(() => {
      calls++
      return first.promise
    })
    const b = run(() => {
      calls++
      return second.promise
    })
    expect(calls).toBe(2)
    expect(busy.value).toBe(true)
    first.resolve()
    second.resolve()
    await Promise.all([a, b])
    expect(busy.value).toBe(false)
  })
})

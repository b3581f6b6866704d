import { test } from 'vitest'
import { newTestApp } from '../support/testApp'
test('setup cost', async () => {
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now()
    const t = await newTestApp()
    const t1 = performance.now()
    await t.call('listPersons' as never, {} as never).catch(() => {})
    const t2 = performance.now()
    await t.dispose()
    const t3 = performance.now()
    console.log(`new ${(t1 - t0).toFixed(0)} first ${(t2 - t1).toFixed(0)} dispose ${(t3 - t2).toFixed(0)}`)
  }
})

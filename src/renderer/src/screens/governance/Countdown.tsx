import { Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDuration } from './localTime'

/**
 * the live 72-hour clock. Time comes from the main process (`asOf`, its injected clock)
 * and runs on from there with the monotonic `performance.now()`, so the screen and the register
 * agree on what "now" is, and a changed system clock does not jump the countdown.
 */
export function Countdown({ deadline, asOf, receivedAt }: { deadline: string; asOf: string; receivedAt: number }) {
  const { t } = useTranslation()
  const [tick, setTick] = useState(() => performance.now())
  useEffect(() => {
    const timer = setInterval(() => setTick(performance.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const now = new Date(asOf).getTime() + (tick - receivedAt)
  const remaining = new Date(deadline).getTime() - now
  const time = formatDuration(remaining, (days) => t('governance.breaches.days', { count: days }))
  return (
    <Text size="sm" fw={600} c={remaining < 0 ? 'red' : remaining < 24 * 3_600_000 ? 'orange' : undefined} ff="monospace" data-testid="breach-countdown" data-overdue={remaining < 0}>
      {remaining < 0 ? t('governance.breaches.overdueBy', { time }) : t('governance.breaches.remaining', { time })}
    </Text>
  )
}

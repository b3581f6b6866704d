import { Badge, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { queryKeys } from '../../api/queryKeys'

/**
 * R-4a, read-only: which ground may cover which special category, for whom, for which purposes and
 * in what form — the policy file main enforces (resources/special-category-grounds.json), fetched
 * through `getSpecialCategoryGrounds` so the table cannot disagree with the rule.
 */
export function GroundsPolicyPanel() {
  const { t } = useTranslation()
  const policy = useQuery({ queryKey: queryKeys.specialCategoryGrounds, queryFn: () => call('getSpecialCategoryGrounds', {}), staleTime: Infinity })
  if (policy.error) return <ErrorAlert error={policy.error} />
  if (!policy.data) return null
  return (
    <Stack gap="sm" data-testid="grounds-policy">
      <Text size="sm" c="dimmed">
        {t('consent.grounds.intro', { version: policy.data.version })}
      </Text>
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consent.grounds.category')}</Table.Th>
            <Table.Th>{t('consent.grounds.ground')}</Table.Th>
            <Table.Th>{t('consent.grounds.roles')}</Table.Th>
            <Table.Th>{t('consent.grounds.purposes')}</Table.Th>
            <Table.Th>{t('consent.grounds.shapes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policy.data.categories.flatMap((c) =>
            c.grounds.length === 0
              ? [
                  <Table.Tr key={c.category} data-testid="grounds-row">
                    <Table.Td>{t(`consent.category.${c.category}`)}</Table.Td>
                    <Table.Td colSpan={4}>
                      <Badge color="red" variant="light" tt="none">
                        {t('consent.grounds.none')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ]
              : c.grounds.map((g, i) => (
                  <Table.Tr key={`${c.category}-${i}`} data-testid="grounds-row">
                    <Table.Td>{i === 0 ? t(`consent.category.${c.category}`) : ''}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`consent.ground.${g.ground}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {g.law}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{g.roles.map((r) => t(`consent.groundRole.${r}`)).join(', ')}</Text>
                      {g.notAtRegistration && (
                        <Text size="xs" c="dimmed">
                          {t('consent.grounds.notAtRegistration')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{g.purposes.map((p) => t(`people.purpose.${p}`)).join(', ')}</Table.Td>
                    <Table.Td>{g.shapes.map((s) => t(`consent.groundShape.${s}`)).join(', ')}</Table.Td>
                  </Table.Tr>
                ))
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../api/activity';
import { formatDateTime } from '../../format';
import { ACTION_WORDS, fieldLabel, resourceLabel, valueText } from './labels';

const ACTION_COLORS = { create: 'teal', update: 'blue', delete: 'red', import: 'violet', restore: 'orange' } as const;

/** Audit entries, newest first: who, when, from where, what, and each field before -> after. */
export function ActivityEntries({ entries, compact = false }: { entries: AuditEntry[]; compact?: boolean }) {
  if (entries.length === 0) return <Text size="sm" c="dimmed">No activity recorded.</Text>;
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Activity entries">
      {entries.map((entry) => (
        <Paper component="li" key={entry.id} withBorder radius="md" p={compact ? 'xs' : 'sm'} aria-label={`${entry.actorName} ${ACTION_WORDS[entry.action]} ${resourceLabel(entry.resource)} ${entry.resourceName}`}>
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge size="sm" variant="light" color={ACTION_COLORS[entry.action]}>
                {ACTION_WORDS[entry.action]}
              </Badge>
              <Text size="sm" fw={600}>
                {resourceLabel(entry.resource)} {entry.resourceName || `#${entry.resourceId}`}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {entry.actorName} · {formatDateTime(entry.at)}
              {entry.address && ` · from ${entry.address}`}
            </Text>
            {Object.keys(entry.changes).length > 0 && (
              <Table fz="xs" withRowBorders={false} verticalSpacing={2} aria-label="Changed fields">
                <Table.Tbody>
                  {Object.entries(entry.changes).map(([field, [before, after]]) => (
                    <Table.Tr key={field}>
                      <Table.Td c="dimmed" w="30%">{fieldLabel(field)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>
                        {entry.action === 'update' ? (
                          <>
                            <Text span size="xs" td="line-through" c="dimmed">{valueText(before)}</Text>
                            {' → '}
                            <Text span size="xs">{valueText(after)}</Text>
                          </>
                        ) : (
                          valueText(entry.action === 'delete' ? before : after)
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

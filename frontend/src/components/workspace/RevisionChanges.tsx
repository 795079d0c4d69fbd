import { List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { publishingApi } from '../../api/publishing';
import { queryKeys } from '../../api/queryKeys';
import { changeLine } from './changeText';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** What a revision changed against the one before it: one line, then each changed object's
 * fields, before -> after. */
export function RevisionChanges({ number }: { number: number }) {
  const diff = useQuery({ queryKey: [...queryKeys.revisions, 'diff', number - 1, number], queryFn: () => publishingApi.diff(number - 1, number) });
  if (diff.isPending) return <Loader size="xs" aria-label="Loading changes" />;
  if (diff.isError) return <Text size="xs" c="dimmed">Changes not available.</Text>;
  const { objects, cables, plan } = diff.data;
  const parts = [
    objects.added.length && `${count(objects.added.length, 'object')} added`,
    objects.removed.length && `${count(objects.removed.length, 'object')} removed`,
    objects.changed?.length && `${count(objects.changed.length, 'object')} changed`,
    cables.added.length && `${count(cables.added.length, 'cable')} added`,
    cables.removed.length && `${count(cables.removed.length, 'cable')} removed`,
  ].filter(Boolean);
  const routes = [...(plan.routes.added ?? []), ...(plan.routes.changed ?? []), ...(plan.routes.removed ?? [])];
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {parts.length ? parts.join(', ') : 'No object changes'}
        {routes.length > 0 && ` · routes: ${routes.slice(0, 4).join(', ')}${routes.length > 4 ? '…' : ''}`}
      </Text>
      {(objects.changed ?? []).length > 0 && (
        <List size="xs" spacing={2} aria-label={`Field changes of revision ${number}`}>
          {(objects.changed ?? []).flatMap((row) =>
            (row.changes ?? []).map((c) => {
              const name = row.name ?? 'An object';
              return (
                <List.Item key={`${row.id}-${c.field}`}>
                  <Text size="xs">
                    {name}: {changeLine(c)}
                  </Text>
                </List.Item>
              );
            }),
          )}
        </List>
      )}
    </Stack>
  );
}


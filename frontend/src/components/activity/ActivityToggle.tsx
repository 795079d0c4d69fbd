import { Anchor, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AuditFilters, listActivity } from '../../api/activity';
import { ActivityEntries } from './ActivityEntries';

/** "Show activity": the audit entries matching `filters`, fetched when first opened.
 * Used per object in the properties drawer and per revision in History. */
export function ActivityToggle({ filters, label }: { filters: AuditFilters; label: string }) {
  const [open, setOpen] = useState(false);
  const entries = useQuery({
    queryKey: ['activity', filters],
    queryFn: () => listActivity({ ...filters, perPage: 50 }),
    enabled: open,
  });
  return (
    <Stack gap={6}>
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? `Hide ${label}` : `Show ${label}`}
      </Anchor>
      {open &&
        (entries.isPending ? (
          <Loader size="xs" aria-label="Loading activity" />
        ) : entries.isError ? (
          <Text size="xs" c="red">{entries.error.message}</Text>
        ) : (
          <ActivityEntries entries={entries.data.items} compact />
        ))}
    </Stack>
  );
}

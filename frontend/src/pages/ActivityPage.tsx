import { Button, Group, Pagination, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AuditFilters, listActivity } from '../api/activity';
import { queryKeys } from '../api/queryKeys';
import { listTeam } from '../api/team';
import { Page } from '../components/Page';
import { ActivityEntries } from '../components/activity/ActivityEntries';
import { resourceLabel } from '../components/activity/labels';

const PER_PAGE = 50;

/** The audit log: every write by an admin, an API token or the system, with filters. */
export default function ActivityPage() {
  const [who, setWho] = useState<string | null>(null);
  const [resource, setResource] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [page, setPage] = useState(1);
  const team = useQuery({ queryKey: queryKeys.team, queryFn: listTeam });
  const filters: AuditFilters = {
    actor: who && who !== 'system' ? Number(who) : null,
    actorType: who === 'system' ? 'system' : null,
    resource,
    // Whole days in the admin's time zone.
    since: since ? new Date(`${since}T00:00:00`).toISOString() : null,
    until: until ? new Date(`${until}T23:59:59.999`).toISOString() : null,
    page,
    perPage: PER_PAGE,
  };
  const activity = useQuery({ queryKey: ['activity', 'page', filters], queryFn: () => listActivity(filters) });
  const people = [
    ...(team.data ?? []).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}`.trim() || m.email })),
    { value: 'system', label: 'System (devices, delivery, CLI)' },
  ];
  const resources = (activity.data?.resources ?? []).map((r) => ({ value: r, label: resourceLabel(r) }));
  const reset = () => {
    setWho(null);
    setResource(null);
    setSince('');
    setUntil('');
    setPage(1);
  };
  return (
    <Page title="Activity" description="Who changed what, when and from where. Entries cannot be edited or deleted.">
      <Group align="flex-end" gap="sm">
        <Select label="Who" placeholder="Anyone" data={people} value={who} onChange={(v) => { setWho(v); setPage(1); }} clearable w={240} />
        <Select label="What" placeholder="Everything" data={resources} value={resource} onChange={(v) => { setResource(v); setPage(1); }} clearable searchable w={220} />
        <TextInput label="From" type="date" value={since} onChange={(e) => { setSince(e.currentTarget.value); setPage(1); }} w={170} />
        <TextInput label="To" type="date" value={until} onChange={(e) => { setUntil(e.currentTarget.value); setPage(1); }} w={170} />
        <Button variant="subtle" onClick={reset}>
          Clear filters
        </Button>
      </Group>
      {activity.isPending ? (
        <Skeleton h={120} aria-busy />
      ) : activity.isError ? (
        <Text c="red">{activity.error.message}</Text>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{activity.data.total} entries</Text>
          <ActivityEntries entries={activity.data.items} />
          {activity.data.total > PER_PAGE && (
            <Pagination total={Math.ceil(activity.data.total / PER_PAGE)} value={page} onChange={setPage} aria-label="Pages" />
          )}
        </Stack>
      )}
    </Page>
  );
}

import { ActionIcon, Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconPhoneCall, IconSearch, IconX } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { applyCallUpdate, type Call, callKeys, useCalls } from '../api/calls';
import { contactName, useAllContacts } from '../api/contacts';
import { CallEvents } from '../components/calls/CallEvents';
import { memberName, outcome, routeLabel } from '../components/calls/labels';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { ListFooter } from '../components/common/ListFooter';
import { QueryState } from '../components/common/QueryState';
import { Page } from '../components/Page';
import { formatDateTime, formatDuration } from '../format';
import { useLiveList } from '../realtime/useLiveList';
import { useUiStore } from '../store/ui';

const PER_PAGE = 25;

const onCallUpdated = ({ call }: { call?: Call }) => {
  if (call) applyCallUpdate(call);
};

/** A local calendar day (yyyy-mm-dd) as the instant it starts; `next` gives the day after's. */
function dayStart(day: string, next = false): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + (next ? 1 : 0)).toISOString();
}

function OutcomeBadge({ call }: { call: Call }) {
  const { label, color, live } = outcome(call);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={color} variant={live ? 'filled' : 'light'} data-state={call.state} style={{ minWidth: 'max-content' }}>
        {label}
      </Badge>
      {call.sipCode !== null && (
        <Text size="xs" c="dimmed">
          {call.sipCode}
        </Text>
      )}
    </Group>
  );
}

function CallRow({ call, open, onToggle }: { call: Call; open: boolean; onToggle: () => void }) {
  const started = formatDateTime(call.startedAt);
  return (
    <Fragment>
      <Table.Tr data-call-id={call.callId} aria-label={`Call from ${call.caller ?? 'anonymous'} at ${started}`}>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} the events of the call at ${started}`} onClick={onToggle}>
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {started}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {call.caller ?? 'Anonymous'}
          </Text>
          {call.callerName && (
            <Text size="xs" c="dimmed">
              {call.callerName}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {routeLabel(call.route)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{memberName(call.answeredBy)}</Text>
          {call.answeredBy?.device && (
            <Text size="xs" c="dimmed">
              {call.answeredBy.device.name}
            </Text>
          )}
        </Table.Td>
        <Table.Td>{formatDuration(call.ringS)}</Table.Td>
        <Table.Td>{formatDuration(call.talkS)}</Table.Td>
        <Table.Td>
          <OutcomeBadge call={call} />
        </Table.Td>
        <Table.Td>
          {call.revision !== null ? (
            <Tooltip label="Open the workspace's History">
              <Anchor component={Link} to="/workspace" size="sm" onClick={() => useUiStore.getState().setHistoryOpen(true)}>
                Revision {call.revision}
              </Anchor>
            </Tooltip>
          ) : (
            '—'
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={8}>
            <CallEvents callId={call.id} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function CallTable({ calls }: { calls: Call[] }) {
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Events</VisuallyHidden>
            </Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Caller</Table.Th>
            <Table.Th>Number called</Table.Th>
            <Table.Th>Answered by</Table.Th>
            <Table.Th>Ring</Table.Th>
            <Table.Th>Talk</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>Revision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <CallRow key={call.id} call={call} open={openId === call.id} onToggle={() => setOpenId(openId === call.id ? null : call.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function CallsPage() {
  const [params, setParams] = useSearchParams();
  const revision = Number(params.get('revision')) || null;
  const [search, setSearch] = useState(params.get('number') ?? '');
  const [number] = useDebouncedValue(search.trim(), 300);
  const [contact, setContact] = useState<number | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const contacts = useAllContacts();
  const calls = useCalls({ number, contact, revision, dateFrom: dayStart(from), dateTo: dayStart(to, true), page, perPage: PER_PAGE });
  useLiveList<{ call?: Call }>('call.updated', callKeys.all, onCallUpdated);
  const filtered = Boolean(number || contact || revision || from || to);
  const contactOptions = (contacts.data?.items ?? []).map((c) => ({ value: String(c.id), label: contactName(c) }));
  const refilter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <Page title="Calls" description="Every call the SIP server routed: who called, who answered, how long it rang and how it ended. New calls appear as they happen.">
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label="Search by number"
            placeholder="Caller, number called or extension"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => refilter(setSearch)(event.currentTarget.value)}
            w={300}
          />
          <Select
            aria-label="Filter by contact"
            placeholder="Any contact"
            data={contactOptions}
            value={contact === null ? null : String(contact)}
            onChange={(value) => refilter(setContact)(value ? Number(value) : null)}
            searchable
            clearable
            w={220}
          />
          <TextInput type="date" label="From" value={from} onChange={(event) => refilter(setFrom)(event.currentTarget.value)} w={160} />
          <TextInput type="date" label="To" value={to} onChange={(event) => refilter(setTo)(event.currentTarget.value)} w={160} />
          {revision !== null && (
            <Badge
              size="lg"
              variant="light"
              rightSection={
                <ActionIcon size="xs" variant="transparent" aria-label="Show calls of every revision" onClick={() => setParams({})}>
                  <IconX size={12} aria-hidden />
                </ActionIcon>
              }
            >
              Revision {revision}
            </Badge>
          )}
        </Group>
        <QueryState query={calls} what="the calls" rows={5}>
          {({ items, total }) =>
            total === 0 ? (
              filtered ? (
                <EmptyBlock icon={IconSearch} title="No call matches" description="Nothing matches these filters. Clear the search, the contact or the dates." />
              ) : (
                <EmptyBlock
                  icon={IconPhoneCall}
                  title="No calls yet"
                  description="Calls appear here once the SIP server routes them through your published call flow: publish the workspace, then call one of its numbers."
                />
              )
            ) : (
              <Stack gap="sm">
                <CallTable calls={items} />
                <ListFooter total={total} perPage={PER_PAGE} page={page} onPage={setPage} noun="call" />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}

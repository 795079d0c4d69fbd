import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowDownLeft,
  IconArrowUpRight,
  IconMicrophone,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconSearch,
} from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import {
  applyRecordingUpdate,
  canRetry,
  RECORDING_STATUSES,
  type Recording,
  type RecordingStatus,
  recordingKeys,
  useRecordings,
  useRetryRecording,
} from '../api/recordings';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { QueryState } from '../components/common/QueryState';
import { notifySaved, reportError } from '../components/common/feedback';
import { ListFooter } from '../components/common/ListFooter';
import { Page } from '../components/Page';
import { useLiveList } from '../realtime/useLiveList';

const PER_PAGE = 25;

const STATUS: Record<RecordingStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  delivering: { label: 'Delivering', color: 'blue' },
  delivered: { label: 'Delivered', color: 'teal' },
  failed: { label: 'Failed', color: 'orange' },
  dead: { label: 'Dead', color: 'red' },
};

const STATUS_OPTIONS = [
  { value: 'all', label: 'All statuses' },
  ...RECORDING_STATUSES.map((status) => ({ value: status, label: STATUS[status].label })),
];

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function duration(seconds: number): string {
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const onRecordingUpdated = ({ recording }: { recording?: Recording }) => {
  if (recording) applyRecordingUpdate(recording);
};

function StatusBadge({ status }: { status: RecordingStatus }) {
  const { label, color } = STATUS[status] ?? STATUS.queued;
  return (
    // max-content: a narrow column must not cut the label to "DELIV…".
    <Badge color={color} variant="light" data-status={status} style={{ minWidth: 'max-content' }}>
      {label}
    </Badge>
  );
}

function CallCell({ recording }: { recording: Recording }) {
  const inbound = recording.direction === 'inbound';
  const Arrow = inbound ? IconArrowDownLeft : IconArrowUpRight;
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {when.format(new Date(recording.startedAt))}
      </Text>
      <Group gap={4} wrap="nowrap">
        <Arrow size={14} aria-hidden color={inbound ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-grape-6)'} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {inbound ? 'Inbound' : 'Outbound'}, {recording.scope} · {duration(recording.durationS)}
          {recording.onDemand ? ' · on demand' : ''}
        </Text>
      </Group>
    </div>
  );
}

function AttemptsCell({ recording }: { recording: Recording }) {
  const { attempts, maxAttempts, nextAttemptAt } = recording.delivery;
  return (
    <div>
      <Text size="sm">{recording.status === 'delivered' ? attempts : `${attempts} of ${maxAttempts}`}</Text>
      {recording.status === 'failed' && nextAttemptAt && (
        <Text size="xs" c="dimmed">
          next {when.format(new Date(nextAttemptAt))}
        </Text>
      )}
    </div>
  );
}

interface RowProps {
  recording: Recording;
  playing: boolean;
  onPlay: (recording: Recording | null) => void;
}

function RecordingRow({ recording, playing, onPlay }: RowProps) {
  const retry = useRetryRecording();
  const { delivery } = recording;
  const onRetry = () =>
    retry.mutate(recording, {
      onSuccess: () =>
        notifySaved('Delivery queued again', `The call with ${recording.remoteNumber} will be sent again shortly.`),
      onError: (error) => reportError(error, { title: 'Could not retry the delivery', refetch: [recordingKeys.all] }),
    });

  return (
    <Fragment>
      <Table.Tr data-recording-id={recording.id}>
        <Table.Td>
          <CallCell recording={recording} />
        </Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {recording.remoteNumber}
          </Text>
          {recording.remoteContact && (
            <Text size="xs" c="dimmed">
              {recording.remoteContact.name}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {recording.contact?.name ?? '—'}
          </Text>
          {recording.device && (
            <Text size="xs" c="dimmed">
              {recording.device.name}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {delivery.method ? (
            <Text size="sm">{delivery.method.name}</Text>
          ) : (
            <Text size="sm" c="dimmed">
              Deleted method
            </Text>
          )}
          <Text size="xs" c="dimmed" truncate maw={200} title={recording.fileName}>
            {recording.fileName}
          </Text>
        </Table.Td>
        <Table.Td>
          <StatusBadge status={recording.status} />
        </Table.Td>
        <Table.Td>
          <AttemptsCell recording={recording} />
        </Table.Td>
        <Table.Td maw={240}>
          {delivery.lastError ? (
            <Tooltip label={delivery.lastError} multiline w={320} withArrow>
              <Text size="xs" c="red.7" lineClamp={2}>
                {delivery.lastError}
              </Text>
            </Tooltip>
          ) : (
            <Text size="xs" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {recording.audioUrl && (
              <Tooltip label={playing ? 'Stop' : 'Play'}>
                <ActionIcon
                  variant="subtle"
                  aria-label={`${playing ? 'Stop' : 'Play'} the recording of ${when.format(new Date(recording.startedAt))}`}
                  onClick={() => onPlay(playing ? null : recording)}
                >
                  {playing ? <IconPlayerStop size={18} aria-hidden /> : <IconPlayerPlay size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
            {canRetry(recording) && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={retry.isPending}
                onClick={onRetry}
              >
                Retry
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {playing && recording.audioUrl && (
        <Table.Tr>
          <Table.Td colSpan={8}>
            <audio controls autoPlay preload="metadata" src={recording.audioUrl} style={{ width: '100%' }}>
              <track kind="captions" />
            </audio>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

function RecordingTable({ recordings }: { recordings: Recording[] }) {
  const [playingId, setPlayingId] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={1020}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Recordings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Call</Table.Th>
            <Table.Th>Remote number</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Destination</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th w={130}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recordings.map((recording) => (
            <RecordingRow
              key={recording.id}
              recording={recording}
              playing={playingId === recording.id}
              onPlay={(chosen) => setPlayingId(chosen?.id ?? null)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function RecordingsPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<RecordingStatus | null>(null);
  const [page, setPage] = useState(1);
  const recordings = useRecordings({ status, q, page, perPage: PER_PAGE });
  useLiveList<{ recording?: Recording }>('recording.updated', recordingKeys.all, onRecordingUpdated);

  return (
    <Page title="Recordings" description="Call recordings uploaded by your devices, and where each one was delivered.">
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label="Search recordings"
            placeholder="Search by number or file name"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            w={360}
          />
          <Select
            aria-label="Filter by status"
            data={STATUS_OPTIONS}
            value={status ?? 'all'}
            onChange={(value) => {
              setStatus(value && value !== 'all' ? (value as RecordingStatus) : null);
              setPage(1);
            }}
            allowDeselect={false}
            w={220}
          />
        </Group>
        <QueryState query={recordings} what="the recordings" rows={5}>
          {({ items, total }) =>
            total === 0 ? (
              q || status ? (
                <EmptyBlock
                  icon={IconSearch}
                  title="No recording matches"
                  description="Nothing matches these filters. Clear the search or choose All statuses."
                />
              ) : (
                <EmptyBlock
                  icon={IconMicrophone}
                  title="No recordings yet"
                  description="Turn on call recording and choose a delivery method in a contact's call.center settings; their devices then upload recorded calls here."
                />
              )
            ) : (
              <Stack gap="sm">
                <RecordingTable recordings={items} />
                <ListFooter total={total} perPage={PER_PAGE} page={page} onPage={setPage} noun="recording" />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}

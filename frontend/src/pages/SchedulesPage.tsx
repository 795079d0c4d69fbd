import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarTime, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { queryKeys } from '../api/queryKeys';
import { clockIn, type Schedule, schedulesApi, useSchedules } from '../api/schedules';
import { DeleteModal } from '../components/common/DeleteModal';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { QueryState } from '../components/common/QueryState';
import { RowActions } from '../components/common/RowActions';
import { Page } from '../components/Page';
import { ScheduleModal } from '../components/schedules/ScheduleForm';

const stateText = (s: Schedule): string => {
  const word = s.status.state === 'open' ? 'Open' : s.status.state === 'closed' ? 'Closed' : 'Holiday';
  return s.status.until ? `${word} until ${clockIn(s.status.until, s.timeZone)}` : word;
};

export default function SchedulesPage() {
  const schedules = useSchedules();
  const [editing, setEditing] = useState<Schedule | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const add = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
      Add schedule
    </Button>
  );
  return (
    <Page title="Schedules" description="Opening hours and holidays. Time Routers on the canvas pick one; several routers can share it." actions={add}>
      <QueryState query={schedules} what="the schedules" rows={2}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock icon={IconCalendarTime} title="No schedules yet" description="Add your office hours, then route calls by them with a Time Router." action={add} />
          ) : (
            <Table verticalSpacing="sm" highlightOnHover aria-label="Schedules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Time zone</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <Table.Th>Holidays</Table.Th>
                  <Table.Th>Used by</Table.Th>
                  <Table.Th w={96}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td fw={600}>{s.name}</Table.Td>
                    <Table.Td>{s.timeZone}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.status.state === 'open' ? 'green' : 'red'}>
                        {stateText(s)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{s.holidays.length ? s.holidays.map((h) => h.name).join(', ') : <Text c="dimmed">None</Text>}</Table.Td>
                    <Table.Td>{s.usedBy.length ? s.usedBy.map((u) => u.name).join(', ') : <Text c="dimmed">No router</Text>}</Table.Td>
                    <Table.Td>
                      <RowActions name={`schedule ${s.name}`} onEdit={() => setEditing(s)} onDelete={() => setDeleting(s)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <ScheduleModal opened={editing !== undefined} schedule={editing ?? null} onClose={() => setEditing(undefined)} />
      {deleting && (
        <DeleteModal opened onClose={() => setDeleting(null)} title="Delete schedule" onConfirm={() => schedulesApi.remove(deleting)} refetch={[queryKeys.schedules]} doneMessage={`Schedule ${deleting.name} deleted`}>
          <Text span>Delete the schedule {deleting.name}?</Text>
        </DeleteModal>
      )}
    </Page>
  );
}

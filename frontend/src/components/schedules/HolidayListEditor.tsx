import { ActionIcon, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { HOLIDAY_EXITS, type Holiday, type HolidayExit } from '../../api/schedules';

const EXIT_OPTIONS = [{ value: 'closed', label: 'Closed exit' }, ...HOLIDAY_EXITS.map((e, i) => ({ value: e, label: `Own exit ${i + 1}` }))];

interface HolidayListEditorProps {
  holidays: Holiday[];
  onChange: (holidays: Holiday[]) => void;
  error?: string;
}

/** Dated exceptions: a day or a range, optionally every year, optionally with an exit of its own. */
export function HolidayListEditor({ holidays, onChange, error }: HolidayListEditorProps) {
  const set = (index: number, change: Partial<Holiday>) => onChange(holidays.map((h, i) => (i === index ? { ...h, ...change } : h)));
  return (
    <Stack gap={4}>
      {holidays.length > 0 && (
        <Table verticalSpacing={4} aria-label="Holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>First day</Table.Th>
              <Table.Th>Last day</Table.Th>
              <Table.Th>Every year</Table.Th>
              <Table.Th>Calls go to</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.map((h, index) => (
              <Table.Tr key={index}>
                <Table.Td>
                  <TextInput size="xs" aria-label={`Holiday ${index + 1} name`} value={h.name} maxLength={60} onChange={(e) => set(index, { name: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" type="date" aria-label={`Holiday ${index + 1} first day`} value={h.from} onChange={(e) => set(index, { from: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" type="date" aria-label={`Holiday ${index + 1} last day`} value={h.to ?? ''} onChange={(e) => set(index, { to: e.currentTarget.value || null })} />
                </Table.Td>
                <Table.Td>
                  <Switch size="xs" aria-label={`Holiday ${index + 1} every year`} checked={h.yearly} onChange={(e) => set(index, { yearly: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Select size="xs" aria-label={`Holiday ${index + 1} exit`} data={EXIT_OPTIONS} value={h.exit ?? 'closed'} allowDeselect={false} onChange={(v) => set(index, { exit: v && v !== 'closed' ? (v as HolidayExit) : null })} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove holiday ${index + 1}`} onClick={() => onChange(holidays.filter((_, i) => i !== index))}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...holidays, { name: '', from: new Date().toISOString().slice(0, 10), to: null, yearly: false, exit: null }])}>
          Add holiday
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        On a holiday every router using this schedule takes its Closed exit, or the holiday’s own exit (labelled with its name on the router).
      </Text>
    </Stack>
  );
}

import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { importContacts, type ImportResult } from '../../api/contactsCsv';
import { queryKeys } from '../../api/queryKeys';
import { fieldLabel } from '../activity/labels';

/** Import contacts from CSV: a dry run first shows every row's errors; the import itself is
 * all or nothing, and is offered only once the dry run is clean. */
export function CsvImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const check = useMutation({ mutationFn: (csv: string) => importContacts(csv, true), onSuccess: setReport });
  const run = useMutation({
    mutationFn: (csv: string) => importContacts(csv, false),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', title: 'Contacts imported', message: `${result.created} contacts were added.` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      close();
    },
  });
  const close = () => {
    setFile(null);
    setText(null);
    setReport(null);
    check.reset();
    run.reset();
    onClose();
  };
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    const content = chosen ? await chosen.text() : null;
    setText(content);
    if (content) check.mutate(content);
  };
  const failed = report?.rows.filter((r) => Object.keys(r.errors).length > 0) ?? [];
  const error = check.error ?? run.error;
  return (
    <Modal opened={opened} onClose={close} title="Import contacts from CSV" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Columns: first_name, last_name, company, job_title, emails, numbers, show_in_directory. Separate several emails or numbers with “;”, e.g.
          “work:mike@example.com; home:mb@example.org” and “mobile:+14155550100; internal:101”. Nothing is imported until every row is valid.
        </Text>
        <FileInput label="CSV file" accept=".csv,text/csv" value={file} onChange={(f) => void choose(f)} leftSection={<IconFileTypeCsv size={16} aria-hidden />} clearable />
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="The file cannot be imported">
            {error.message}
          </Alert>
        )}
        {report && report.ok && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Ready to import" role="status">
            {report.rows.length} contacts checked: no errors.
          </Alert>
        )}
        {failed.length > 0 && (
          <>
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={`${failed.length} of ${report?.rows.length} rows have errors`} role="status">
              Fix them in the file and choose it again; nothing was imported.
            </Alert>
            <Table fz="sm" aria-label="Row errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Contact</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {failed.flatMap((row) =>
                  Object.entries(row.errors).map(([field, messages]) => (
                    <Table.Tr key={`${row.row}-${field}`}>
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td>{row.name || '—'}</Table.Td>
                      <Table.Td>
                        {fieldLabel(field)}: {messages.join(' ')}
                      </Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!text || !report?.ok} loading={check.isPending || run.isPending} onClick={() => text && run.mutate(text)}>
            {report?.ok ? `Import ${report.rows.length} contacts` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconHash, IconPhone, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type InventoryNumber, type NumberKind, numberQueryKey, numbersApi, useNumbers } from '../../api/numbers';
import { formatDateTime } from '../../format';
import { DeleteModal } from '../common/DeleteModal';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { RowActions } from '../common/RowActions';
import { capitalise, KIND_TEXT, NumberModal } from './NumberForm';

const EMPTY = {
  phone: { icon: IconPhone, title: 'No phone numbers yet', description: 'Add the DIDs you have from your carrier, in international format. Contacts use them as external caller IDs.' },
  internal: { icon: IconHash, title: 'No internal numbers yet', description: 'Add the extensions people dial inside your PBX, e.g. 100 for reception.' },
};

/** One tab of the Numbers page: the account's phone or internal numbers. */
export function NumberTable({ kind }: { kind: NumberKind }) {
  const numbers = useNumbers(kind);
  const [editing, setEditing] = useState<InventoryNumber | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<InventoryNumber | null>(null);
  const one = KIND_TEXT[kind].one;
  const empty = EMPTY[kind];
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
      Add {one}
    </Button>
  );

  return (
    <>
      <QueryState query={numbers} what={`the ${one}s`}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock icon={empty.icon} title={empty.title} description={empty.description} action={addButton} />
          ) : (
            <>
              <Group justify="space-between" mb="sm">
                <Text c="dimmed" size="sm">
                  {items.length} {one}
                  {items.length === 1 ? '' : 's'}
                </Text>
                {addButton}
              </Group>
              <Table verticalSpacing="sm" highlightOnHover aria-label={`${capitalise(one)}s`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Label</Table.Th>
                    <Table.Th>Added</Table.Th>
                    <Table.Th w={96}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td ff="monospace" fw={500}>
                        {item.number}
                      </Table.Td>
                      <Table.Td>{item.label || <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                      <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                      <Table.Td>
                        <RowActions name={item.number} onEdit={() => setEditing(item)} onDelete={() => setDeleting(item)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )
        }
      </QueryState>
      <NumberModal kind={kind} item={editing ?? null} opened={editing !== undefined} onClose={() => setEditing(undefined)} />
      {deleting && (
        <DeleteModal
          opened
          onClose={() => setDeleting(null)}
          title={`Delete ${one}`}
          onConfirm={() => numbersApi[kind].remove(deleting)}
          refetch={[numberQueryKey(kind)]}
          doneMessage={`${capitalise(one)} ${deleting.number} deleted`}
        >
          Delete {deleting.number}
          {deleting.label ? ` (${deleting.label})` : ''}? Contacts and call flows that use it must let go of it first.
        </DeleteModal>
      )}
    </>
  );
}

import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { DELIVERY_TYPE_LABELS, type DeliveryMethod, deliveryMethodsApi, useDeliveryMethods } from '../../api/deliveryMethods';
import { queryKeys } from '../../api/queryKeys';
import { formatDateTime } from '../../format';
import { DeleteModal } from '../common/DeleteModal';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { RowActions } from '../common/RowActions';
import { DeliveryMethodModal } from '../delivery/DeliveryMethodForm';
import { SettingsSection } from './SettingsSection';

/** Where it goes, in a few words: the addresses, host or folder. */
function destination(method: DeliveryMethod): string {
  const s = method.settings;
  if (method.type === 'email') return Array.isArray(s.addresses) ? s.addresses.join(', ') : '';
  if (method.type === 'ftp' || method.type === 'sftp') return `${String(s.username ?? '')}@${String(s.host ?? '')}:${String(s.folder ?? '')}`;
  return String(s.folder ?? s.folderId ?? '');
}

export function DeliveryMethodsSection() {
  const methods = useDeliveryMethods();
  const [editing, setEditing] = useState<DeliveryMethod | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<DeliveryMethod | null>(null);
  const add = (
    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
      Add delivery method
    </Button>
  );

  return (
    <SettingsSection id="delivery-methods" title="Delivery methods" description="Where call recordings go: Email, FTP, SFTP, Dropbox, Google Drive or OneDrive.">
      <QueryState query={methods} what="the delivery methods" rows={2}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock bare icon={IconSend} title="No delivery methods yet" description="Add one before you turn on call recording for a contact." action={add} />
          ) : (
            <>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Delivery methods">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Destination</Table.Th>
                    <Table.Th>Added</Table.Th>
                    <Table.Th w={96}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((method) => (
                    <Table.Tr key={method.id}>
                      <Table.Td fw={500}>{method.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{DELIVERY_TYPE_LABELS[method.type] ?? method.type}</Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1} maw={280}>
                          {destination(method) || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td fz="sm">{formatDateTime(method.createdAt)}</Table.Td>
                      <Table.Td>
                        <RowActions name={method.name} onEdit={() => setEditing(method)} onDelete={() => setDeleting(method)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group mt="md">{add}</Group>
            </>
          )
        }
      </QueryState>
      <DeliveryMethodModal opened={editing !== undefined} method={editing ?? null} onClose={() => setEditing(undefined)} />
      {deleting && (
        <DeleteModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete delivery method"
          onConfirm={() => deliveryMethodsApi.remove(deleting)}
          refetch={[queryKeys.deliveryMethods]}
          doneMessage={`${deleting.name} deleted`}
        >
          Delete the delivery method “{deleting.name}” and its stored credentials?
        </DeleteModal>
      )}
    </SettingsSection>
  );
}

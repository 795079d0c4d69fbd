import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPhonePlus, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type ContactMethod, methodsApi, useContactMethods } from '../../api/contacts';
import { queryKeys } from '../../api/queryKeys';
import { formatDateTime } from '../../format';
import { DeleteModal } from '../common/DeleteModal';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { RowActions } from '../common/RowActions';
import { SectionCard } from '../common/SectionCard';
import { AddMethodModal } from './AddMethodForm';

const KIND_LABEL = { sip_account: 'SIP account', phone: 'Phone', call_center: 'call.center' } as const;

/** Other ways to reach the contact: a SIP account or a landline/mobile number. */
export function ContactMethodsCard({ contactId }: { contactId: number }) {
  const methods = useContactMethods(contactId);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<ContactMethod | null>(null);

  return (
    <SectionCard
      id="contact-methods"
      title="Other contact methods"
      description="Ring groups and call flows can also reach this contact on a SIP account or a phone number."
      actions={
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          Add contact method
        </Button>
      }
    >
      <QueryState query={methods} what="the contact methods" rows={2}>
        {({ items }) => {
          const others = items.filter((method) => method.kind !== 'call_center');
          return others.length === 0 ? (
            <EmptyBlock bare icon={IconPhonePlus} title="No other contact methods" description="The call.center method reaches this contact's devices. Add a SIP account or a phone number to reach them elsewhere too." />
          ) : (
            <Table verticalSpacing="sm" aria-label="Other contact methods">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th>Added</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {others.map((method) => (
                  <Table.Tr key={method.id}>
                    <Table.Td>
                      <Badge variant="light" color={method.kind === 'phone' ? 'grape' : 'indigo'}>
                        {KIND_LABEL[method.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{method.label}</Text>
                    </Table.Td>
                    <Table.Td fz="sm">{formatDateTime(method.createdAt)}</Table.Td>
                    <Table.Td>
                      <RowActions name={method.label} onDelete={() => setDeleting(method)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryState>
      <AddMethodModal contactId={contactId} opened={adding} onClose={() => setAdding(false)} />
      {deleting && (
        <DeleteModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete contact method"
          onConfirm={() => methodsApi.remove(deleting)}
          refetch={[queryKeys.contactMethods(contactId), queryKeys.contact(contactId), queryKeys.sipAccounts]}
          doneMessage="Contact method deleted"
        >
          Delete the contact method “{deleting.label}”? Call flows that ring it must let go of it first.
        </DeleteModal>
      )}
    </SectionCard>
  );
}

import { Anchor, Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { type Contact, contactName } from '../../api/contacts';
import { RowActions } from '../common/RowActions';

interface ContactTableProps {
  contacts: Contact[];
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
}

const numberText = (item: Contact['numbers'][number]) => (item.type === 'internal' ? `Ext. ${item.internalNumber ?? '?'}` : (item.number ?? ''));

function Lines({ lines, mono }: { lines: string[]; mono?: boolean }) {
  if (lines.length === 0) return <Text c="dimmed" size="sm">—</Text>;
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="sm" ff={mono ? 'monospace' : undefined}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** The contacts of one page of results; the name opens the contact. */
export function ContactTable({ contacts, onEdit, onDelete }: ContactTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Contacts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Company</Table.Th>
            <Table.Th>Job title</Table.Th>
            <Table.Th>Numbers</Table.Th>
            <Table.Th>Emails</Table.Th>
            <Table.Th ta="center">Devices</Table.Th>
            <Table.Th ta="center">In directory</Table.Th>
            <Table.Th w={96}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => {
            const name = contactName(contact);
            return (
              <Table.Tr key={contact.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600}>
                    {name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{contact.company || <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                <Table.Td>{contact.jobTitle || <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                <Table.Td>
                  <Lines lines={contact.numbers.map(numberText)} mono />
                </Table.Td>
                <Table.Td>
                  <Lines lines={contact.emails.map((email) => email.address)} />
                </Table.Td>
                <Table.Td ta="center">
                  <Badge variant="light" color={contact.deviceCount ? 'indigo' : 'gray'}>
                    {contact.deviceCount}
                  </Badge>
                </Table.Td>
                <Table.Td ta="center">
                  {contact.showInDirectory ? (
                    <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-label="Yes" role="img" />
                  ) : (
                    <IconMinus size={18} color="var(--mantine-color-gray-5)" aria-label="No" role="img" />
                  )}
                </Table.Td>
                <Table.Td>
                  <RowActions name={name} onEdit={() => onEdit(contact)} onDelete={() => onDelete(contact)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

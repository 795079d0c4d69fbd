import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Contact, contactName } from '../../api/contacts';
import { CallNumberButton } from '../../phone/ui/CallNumberButton';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

const none = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** The contact details the guide lists: numbers, emails, directory, caller IDs. */
export function ContactSummary({ contact }: { contact: Contact }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="lg">
      <Fact label="Contact numbers">
        {contact.numbers.length === 0
          ? none
          : contact.numbers.map((item, index) => (
              <Text key={index} size="sm" ff="monospace">
                {item.type === 'internal' ? item.internalNumber : item.number}{' '}
                <Text span size="xs" c="dimmed" ff="inherit">
                  {item.type}
                </Text>{' '}
                <CallNumberButton number={item.type === 'internal' ? item.internalNumber : item.number} name={contactName(contact)} />
              </Text>
            ))}
      </Fact>
      <Fact label="Emails">
        {contact.emails.map((email) => (
          <Group key={email.address} gap={6}>
            <Text size="sm">{email.address}</Text>
            <Badge size="xs" variant="light" color="gray">
              {email.label}
            </Badge>
          </Group>
        ))}
      </Fact>
      <Fact label="Company directory">
        <Badge variant="light" color={contact.showInDirectory ? 'teal' : 'gray'}>
          {contact.showInDirectory ? 'Shown' : 'Hidden'}
        </Badge>
      </Fact>
      <Fact label="Caller IDs">
        <Text size="sm">
          Internal: <Text span ff="monospace">{contact.internalCallerId ?? '—'}</Text>
        </Text>
        <Text size="sm">
          External: <Text span ff="monospace">{contact.externalCallerId ?? '—'}</Text>
        </Text>
      </Fact>
    </SimpleGrid>
  );
}

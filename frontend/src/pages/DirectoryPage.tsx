import { Anchor, Badge, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type DirectoryEntry, useDirectory } from '../api/directory';
import { QueryState } from '../components/common/QueryState';
import { Page } from '../components/Page';
import { CallNumberButton } from '../phone/ui/CallNumberButton';

function matches(entry: DirectoryEntry, q: string): boolean {
  const text = [entry.firstName, entry.lastName, entry.company, entry.jobTitle, ...entry.numbers.map((n) => n.number ?? ''), ...entry.emails.map((e) => e.address)]
    .join(' ')
    .toLowerCase();
  return text.includes(q.toLowerCase());
}

/** The company directory as every activated softphone shows it (the same document the
 * device API serves): contacts with "Show in directory" on, by last name. */
export default function DirectoryPage() {
  const directory = useDirectory();
  const [q, setQ] = useState('');
  return (
    <Page title="Company directory" description="What every activated call.center device shows in its Company Directory tab. Contacts with “Show in directory” off are left out.">
      <QueryState query={directory} what="the company directory">
        {(doc) => (
          <Stack gap="md">
            <Group justify="space-between">
              <TextInput aria-label="Search the directory" placeholder="Search" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={320} />
              <Text size="xs" c="dimmed">
                {doc.contacts.length} entries · version {doc.version.slice(0, 12)}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" aria-label="Company directory">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Company · job title</Table.Th>
                    <Table.Th>Numbers</Table.Th>
                    <Table.Th>Emails</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {doc.contacts.filter((c) => matches(c, q)).map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td fw={500}>
                        <Anchor component={Link} to={`/contacts/${c.id}`}>
                          {c.lastName}, {c.firstName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{[c.company, c.jobTitle].filter(Boolean).join(' · ') || '—'}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {c.numbers.map((n, i) => (
                            <Group gap={6} key={i} wrap="nowrap">
                              <Badge size="xs" variant="light">{n.type}</Badge>
                              <Text size="sm">{n.number}</Text>
                              <CallNumberButton number={n.number} name={`${c.firstName} ${c.lastName}`} />
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {c.emails.map((e) => (
                            <Text size="sm" key={e.address}>
                              {e.address} <Text span c="dimmed" size="xs">({e.label})</Text>
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}

/** Step 5: everything the wizard will create, and whether to publish at once. */
import { Badge, List, Switch, Table, Text, TextInput } from '@mantine/core';
import { type ReactNode } from 'react';
import { contactName } from '../../api/contacts';
import { type ContactValues } from '../contacts/contactForm';
import { StepIntro } from './parts';
import { type StepProps, findNumber } from './values';

export function ReviewStep({ contact, form, options }: StepProps & { contact: ContactValues }) {
  const v = form.getValues();
  const internal = v.internalMode === 'none' ? null : v.internalMode === 'pick' ? findNumber(options.internalNumbers, v.internalId)?.number : v.internalNumber.trim();
  const phone = v.phoneMode === 'pick' ? findNumber(options.phoneNumbers, v.phoneId)?.number : v.phoneNumber.trim();
  const tab = v.tabMode === 'pick' ? options.tabs.find((item) => String(item.id) === v.tabId)?.name : v.tabName.trim();
  const sips = v.sipAccountIds.map((id) => options.sipAccounts.find((sip) => String(sip.id) === id)).filter((sip) => sip !== undefined);
  const name = contactName(contact);
  const isNew = (mode: string) => (mode === 'add' ? <Badge size="xs" variant="light" ml={6}>new</Badge> : null);

  const rows: [string, ReactNode][] = [
    ['Contact', `${name} · ${contact.emails.map((email) => email.address.trim()).filter(Boolean).join(', ')}`],
    ['Internal number', internal ? <>{internal}{isNew(v.internalMode)} <Text span c="dimmed" size="sm">internal caller ID</Text></> : <Text span c="dimmed">None</Text>],
    ['Phone number', <>{phone}{isNew(v.phoneMode)} <Text span c="dimmed" size="sm">{v.outboundCalling ? 'external caller ID, outbound calls allowed' : 'inbound only'}</Text></>],
    ['Workspace tab', <>{tab}{isNew(v.tabMode)}</>],
    ['Device', `${v.deviceName.trim()} on ${sips.map((sip) => sip.friendlyName || sip.username).join(', ')}`],
  ];
  return (
    <>
      <StepIntro>Check the choices. Everything is created in one go; if anything is refused, nothing is created.</StepIntro>
      <Table variant="vertical" withTableBorder maw={760} layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={500} size="sm" mb={4}>
          On the workspace
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {internal ? 'Phone Number and Internal Number objects' : 'A Phone Number object'} cabled to a Ring Group (ring all, 30 s)
          </List.Item>
          <List.Item>The Ring Group rings {name || 'the contact'}'s call.center contact method, so every device of the contact</List.Item>
        </List>
      </div>
      <Switch label="Publish the workspace afterwards" description="Only if the whole workspace is free of errors; otherwise it stays a draft." {...form.getInputProps('publish', { type: 'checkbox' })} />
      {v.publish && (
        <TextInput label="Publish message" placeholder={`Set up ${name || 'the contact'} with the contact wizard`} maw={560} {...form.getInputProps('publishMessage')} />
      )}
    </>
  );
}

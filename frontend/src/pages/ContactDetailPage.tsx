import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { contactName, useContact } from '../api/contacts';
import { CallCenterPanel } from '../components/callcenter/CallCenterPanel';
import { QueryState } from '../components/common/QueryState';
import { SectionCard } from '../components/common/SectionCard';
import { ContactDevicesCard } from '../components/contacts/ContactDevicesCard';
import { ContactModal } from '../components/contacts/ContactForm';
import { ContactMenu } from '../components/contacts/ContactMenu';
import { ContactMethodsCard } from '../components/contacts/ContactMethodsCard';
import { ContactSummary } from '../components/contacts/ContactSummary';
import { DeleteContactModal } from '../components/contacts/DeleteContactModal';
import { Page } from '../components/Page';

export default function ContactDetailPage() {
  const id = Number(useParams().contactId);
  const navigate = useNavigate();
  const contact = useContact(id);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);

  if (isApiError(contact.error, 404) || !Number.isInteger(id)) {
    return (
      <Page title="Contact not found">
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="This contact does not exist">
          It may have been deleted. <Anchor component={Link} to="/contacts">Back to contacts</Anchor>
        </Alert>
      </Page>
    );
  }

  const name = contact.data ? contactName(contact.data) : 'Contact';
  const subtitle = contact.data ? [contact.data.jobTitle, contact.data.company].filter(Boolean).join(' · ') : undefined;

  return (
    <Page
      title={name}
      description={subtitle || undefined}
      actions={
        <Group gap="xs">
          <Button component={Link} to="/contacts" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
            All contacts
          </Button>
          {contact.data && <ContactMenu name={name} onEdit={() => setDialog('edit')} onDelete={() => setDialog('delete')} />}
        </Group>
      }
    >
      <QueryState query={contact} what="the contact" rows={4}>
        {(data) => (
          <Stack gap="lg">
            <SectionCard id="details" title="Contact details">
              <ContactSummary contact={data} />
            </SectionCard>
            <ContactDevicesCard contactId={data.id} />
            <CallCenterPanel contactId={data.id} contactName={contactName(data)} />
            <ContactMethodsCard contactId={data.id} />
            <ContactModal opened={dialog === 'edit'} contact={data} onClose={() => setDialog(null)} />
            {dialog === 'delete' && <DeleteContactModal contact={data} onClose={() => setDialog(null)} onDeleted={() => navigate('/contacts')} />}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}

import { Button, Group, Stack, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconDownload, IconPlus, IconSearch, IconUpload, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAccountSettings } from '../api/account';
import { type Contact, useContacts } from '../api/contacts';
import { EmptyBlock } from '../components/common/EmptyBlock';
import { QueryState } from '../components/common/QueryState';
import { CONTACTS_EXPORT_URL } from '../api/contactsCsv';
import { ContactModal } from '../components/contacts/ContactForm';
import { CsvImportModal } from '../components/contacts/CsvImportModal';
import { ContactTable } from '../components/contacts/ContactTable';
import { DeleteContactModal } from '../components/contacts/DeleteContactModal';
import { ListFooter } from '../components/common/ListFooter';
import { Page } from '../components/Page';

const PER_PAGE = 25;

export default function ContactsPage() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const contacts = useContacts({ q, page, perPage: PER_PAGE });
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [importing, setImporting] = useState(false);

  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
      Add contact
    </Button>
  );
  // "Setup using Wizard" is an account setting, off by default (as the guide has it).
  const wizardEnabled = useAccountSettings().data?.setupWizard ?? false;
  const wizardButton = wizardEnabled ? (
    <Button component={Link} to="/contacts/new/wizard" variant="light" leftSection={<IconWand size={16} aria-hidden />}>
      Set up with wizard
    </Button>
  ) : (
    <Tooltip label="Turn on Setup using Wizard under Settings → Account">
      <Button component={Link} to="/settings#account" variant="subtle" leftSection={<IconWand size={16} aria-hidden />}>
        Enable the setup wizard
      </Button>
    </Tooltip>
  );
  const actions = (
    <Group gap="sm">
      <Button component="a" href={CONTACTS_EXPORT_URL} download variant="subtle" leftSection={<IconDownload size={16} aria-hidden />}>
        Export CSV
      </Button>
      <Button variant="subtle" onClick={() => setImporting(true)} leftSection={<IconUpload size={16} aria-hidden />}>
        Import CSV
      </Button>
      {wizardButton}
      {addButton}
    </Group>
  );

  return (
    <Page title="Contacts" description="The people who answer your calls: their numbers, emails and call.center devices." actions={actions}>
      <Stack gap="md">
        <TextInput
          aria-label="Search contacts"
          placeholder="Search by name, company, job title, email or number"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          maw={480}
        />
        <QueryState query={contacts} what="the contacts" rows={5}>
          {({ items, total }) =>
            total === 0 ? (
              q ? (
                <EmptyBlock icon={IconSearch} title="No contact matches" description={`Nothing matches “${q}”. Check the spelling or clear the search.`} />
              ) : (
                <EmptyBlock
                  icon={IconAddressBook}
                  title="No contacts yet"
                  description="Add the first person who answers calls; then give them a device with the call.center app."
                  action={actions}
                />
              )
            ) : (
              <Stack gap="sm">
                <ContactTable contacts={items} onEdit={setEditing} onDelete={setDeleting} />
                <ListFooter total={total} perPage={PER_PAGE} page={page} onPage={setPage} noun="contact" />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
      <ContactModal
        opened={editing !== undefined}
        contact={editing ?? null}
        onClose={(saved) => {
          const created = editing === null && saved;
          setEditing(undefined);
          if (created) navigate(`/contacts/${saved.id}`);
        }}
      />
      {deleting && <DeleteContactModal contact={deleting} onClose={() => setDeleting(null)} />}
      <CsvImportModal opened={importing} onClose={() => setImporting(false)} />
    </Page>
  );
}

import { Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useProviders } from '../../api/providers';
import type { SipAccount } from '../../api/sipAccounts';
import { SipAccountForm } from '../providers/SipAccountForm';

/**
 * "+ Add SIP account" from the device form: choose the provider (the account's own PBX first),
 * fill in the account, and the device form picks it at once; nothing typed there is lost.
 */
export function AddSipAccountModal({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: (saved: SipAccount) => void }) {
  const providers = useProviders();
  const items = [...(providers.data?.items ?? [])].sort((a, b) => Number(b.builtin) - Number(a.builtin));
  const [chosen, setChosen] = useState<string | null>(null);
  const provider = items.find((p) => String(p.id) === chosen) ?? items[0];
  return (
    <Modal opened={opened} onClose={onClose} title="Add SIP account" size="lg">
      {opened && (
        <Stack gap="md">
          <Select label="Service provider" data={items.map((p) => ({ value: String(p.id), label: p.name }))} value={provider ? String(provider.id) : null} onChange={setChosen} allowDeselect={false} />
          {provider && <SipAccountForm key={provider.id} provider={provider} onDone={onClose} onSaved={onSaved} />}
        </Stack>
      )}
    </Modal>
  );
}

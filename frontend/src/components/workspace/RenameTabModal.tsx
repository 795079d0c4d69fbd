import { Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { queryKeys } from '../../api/queryKeys';
import { type Tab, tabsApi } from '../../api/workspace';
import { queryClient } from '../../queryClient';
import { reportError } from '../common/feedback';
import { notifyNeedsPublish } from '../common/publishToast';
import { FormButtons } from '../common/FormButtons';

const refetch = [queryKeys.tabs];

/** Rename a tab (If-Match: a 412 reloads the tabs). */
export function RenameTabModal({ tab, onClose }: { tab: Tab | null; onClose: () => void }) {
  return (
    <Modal opened={tab !== null} onClose={onClose} title="Rename tab">
      {tab && <RenameForm key={tab.id} tab={tab} onDone={onClose} />}
    </Modal>
  );
}

function RenameForm({ tab, onDone }: { tab: Tab; onDone: () => void }) {
  const [name, setName] = useState(tab.name);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Enter a name');
    setSaving(true);
    try {
      await tabsApi.update(tab, { name: name.trim() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tabs });
      notifyNeedsPublish('Tab renamed', `“${name.trim()}”.`);
      onDone();
    } catch (failure) {
      const form = { setErrors: (errors: Record<string, string>) => setError(errors.name), getValues: () => ({ name }) };
      if (reportError(failure, { title: 'Tab not renamed', refetch, form }) === 'stale') onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Tab name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} required data-autofocus maxLength={100} />
        <FormButtons onCancel={onDone} saving={saving} />
      </Stack>
    </form>
  );
}

import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type AudioFile, audioFilesApi } from '../../api/audioFiles';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

const REFETCH = [queryKeys.audioFiles];

function RenameForm({ file, onDone }: { file: AudioFile; onDone: () => void }) {
  const form = useForm({
    initialValues: { name: file.name },
    validate: { name: (value) => (value.trim() ? null : 'Enter a name') },
  });
  const rename = useApiMutation((name: string) => audioFilesApi.rename(file, name), REFETCH);
  const submit = form.onSubmit(({ name }) =>
    rename.mutate(name.trim(), {
      onSuccess: (saved) => {
        notifySaved('Audio file renamed', saved.name);
        onDone();
      },
      onError: (error) => {
        if (reportError(error, { title: 'Audio file not renamed', refetch: REFETCH, form }) === 'stale') onDone();
      },
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Name" description={`File: ${file.originalFilename}`} required data-autofocus {...form.getInputProps('name')} />
        <FormButtons onCancel={onDone} saving={rename.isPending} />
      </Stack>
    </form>
  );
}

export function RenameAudioModal({ file, onClose }: { file: AudioFile | null; onClose: () => void }) {
  return (
    <Modal opened={file !== null} onClose={onClose} title="Rename audio file">
      {file && <RenameForm key={file.id} file={file} onDone={onClose} />}
    </Modal>
  );
}

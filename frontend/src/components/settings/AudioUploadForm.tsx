import { Button, FileInput, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMusic, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { AUDIO_ACCEPT, audioFilesApi } from '../../api/audioFiles';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';

interface Values {
  file: File | null;
  name: string;
}

/** Upload a WAV, MP3, OGG or FLAC file, with its progress. */
export function AudioUploadForm() {
  const [progress, setProgress] = useState<number | null>(null);
  const form = useForm<Values>({
    initialValues: { file: null, name: '' },
    validate: { file: (value) => (value ? null : 'Choose an audio file') },
  });
  const send = useApiMutation(
    (values: Values) => audioFilesApi.upload(values.file as File, values.name, { onProgress: setProgress }),
    [queryKeys.audioFiles],
  );
  const submit = form.onSubmit((values) => {
    setProgress(0);
    send.mutate(values, {
      onSuccess: (saved) => {
        notifySaved('Audio file uploaded', `“${saved.name}” can now be used in announcements.`);
        form.reset();
      },
      onError: (error) => reportError(error, { title: 'Audio file not uploaded', refetch: [queryKeys.audioFiles], form }),
      onSettled: () => setProgress(null),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <FileInput
            label="Audio file"
            placeholder="Choose a WAV, MP3, OGG or FLAC file"
            accept={AUDIO_ACCEPT}
            leftSection={<IconMusic size={16} aria-hidden />}
            clearable
            required
            w={320}
            {...form.getInputProps('file')}
          />
          <TextInput label="Name" placeholder="Defaults to the file name" w={240} {...form.getInputProps('name')} />
          <Button type="submit" mt={25} loading={send.isPending} leftSection={<IconUpload size={16} aria-hidden />}>
            Upload
          </Button>
        </Group>
        {progress !== null && (
          <Group gap="sm" maw={584}>
            <Progress value={progress} animated={progress < 100} style={{ flex: 1 }} aria-label="Upload progress" />
            <Text size="xs" c="dimmed" w={90}>
              {progress < 100 ? `${progress}% sent` : 'Processing…'}
            </Text>
          </Group>
        )}
      </Stack>
    </form>
  );
}

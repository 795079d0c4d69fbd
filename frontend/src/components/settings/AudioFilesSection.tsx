import { Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconMusic } from '@tabler/icons-react';
import { useState } from 'react';
import { type AudioFile, audioFilesApi, useAudioFiles } from '../../api/audioFiles';
import { queryKeys } from '../../api/queryKeys';
import { formatBytes, formatDuration } from '../../format';
import { DeleteModal } from '../common/DeleteModal';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { RowActions } from '../common/RowActions';
import { AudioUploadForm } from './AudioUploadForm';
import { RenameAudioModal } from './RenameAudioModal';
import { SettingsSection } from './SettingsSection';

export function AudioFilesSection() {
  const files = useAudioFiles();
  const [renaming, setRenaming] = useState<AudioFile | null>(null);
  const [deleting, setDeleting] = useState<AudioFile | null>(null);

  return (
    <SettingsSection id="audio-files" title="Audio files" description="Announcements and music on hold for your contacts and call flows.">
      <Stack gap="lg">
        <AudioUploadForm />
        <QueryState query={files} what="the audio files" rows={2}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyBlock bare icon={IconMusic} title="No audio files yet" description="Upload a recording above; then pick it as an outbound call announcement on a contact." />
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="sm" highlightOnHover aria-label="Audio files">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Format</Table.Th>
                      <Table.Th>Duration</Table.Th>
                      <Table.Th>Size</Table.Th>
                      <Table.Th>Listen</Table.Th>
                      <Table.Th w={96}>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((file) => (
                      <Table.Tr key={file.id}>
                        <Table.Td>
                          <Text fw={500} size="sm">
                            {file.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {file.originalFilename}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color="gray" tt="uppercase">
                            {file.format}
                          </Badge>
                        </Table.Td>
                        <Table.Td ff="monospace" fz="sm">
                          {formatDuration(file.durationSeconds)}
                        </Table.Td>
                        <Table.Td fz="sm">{formatBytes(file.sizeBytes)}</Table.Td>
                        <Table.Td>
                          <audio controls preload="none" src={audioFilesApi.contentUrl(file)} aria-label={`Play ${file.name}`} style={{ height: 32, maxWidth: 240 }} />
                        </Table.Td>
                        <Table.Td>
                          <RowActions name={file.name} onEdit={() => setRenaming(file)} onDelete={() => setDeleting(file)} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Stack>
      <RenameAudioModal file={renaming} onClose={() => setRenaming(null)} />
      {deleting && (
        <DeleteModal
          opened
          onClose={() => setDeleting(null)}
          title="Delete audio file"
          onConfirm={() => audioFilesApi.remove(deleting)}
          refetch={[queryKeys.audioFiles]}
          doneMessage={`${deleting.name} deleted`}
        >
          Delete “{deleting.name}”? Contacts that play it as an announcement must choose another first.
        </DeleteModal>
      )}
    </SettingsSection>
  );
}

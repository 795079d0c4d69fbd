import { Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFocus2 } from '@tabler/icons-react';
import type { AffectedDevice, PendingChange, PublishPreview } from '../../api/pending';
import { changeLine } from './changeText';
import { useUiStore } from '../../store/ui';
import { ProblemList } from './ProblemList';

const ACTION_COLOR = { added: 'teal', removed: 'red', changed: 'blue' } as const;

function ChangeItem({ change, onShow }: { change: PendingChange; onShow: () => void }) {
  const label = `${change.kind} ${change.action}: ${change.name}`;
  return (
    <List.Item aria-label={label}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Badge size="sm" variant="light" color={ACTION_COLOR[change.action]} tt="none" style={{ flexShrink: 0 }}>
          {change.kind} {change.action}
        </Badge>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {change.name}
            </Text>
            {change.kind === 'object' && change.action !== 'removed' && (
              <Button
                size="compact-xs"
                variant="light"
                color="gray"
                leftSection={<IconFocus2 size={12} aria-hidden />}
                aria-label={`Show ${change.name} on canvas`}
                onClick={() => {
                  useUiStore.getState().focusObjects([change.id]);
                  onShow();
                }}
              >
                Show on canvas
              </Button>
            )}
          </Group>
          {(change.changes ?? []).map((c) => (
            <Text key={c.field} size="xs" c="dimmed">
              {changeLine(c)}
            </Text>
          ))}
        </Stack>
      </Group>
    </List.Item>
  );
}

const reach = (at: string[] | null) => (at === null ? 'not in the plan' : at.length ? at.join(', ') : 'rings for nothing');

function DeviceItem({ device }: { device: AffectedDevice }) {
  return (
    <List.Item aria-label={`Device ${device.name}`}>
      <Text size="sm" fw={500}>
        {device.name}
      </Text>
      <Text size="xs" c="dimmed">
        Reachable at: {reach(device.before)} → {reach(device.after)}
      </Text>
    </List.Item>
  );
}

/** The publish preview: what changed since the published revision, the devices, the problems. */
export function PublishPreviewList({ preview, onShow }: { preview: PublishPreview; onShow: () => void }) {
  const since = preview.publishedRevision === null ? 'Nothing is published yet' : `Changes since revision ${preview.publishedRevision}`;
  return (
    <Stack gap="md">
      <section aria-label="Changes">
        <Title order={5} mb={6}>
          {since} ({preview.count})
        </Title>
        {preview.changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No canvas changes. Contact-center settings are live as soon as they are saved.
          </Text>
        ) : (
          <List spacing={6} listStyleType="none">
            {preview.changes.map((change) => (
              <ChangeItem key={`${change.kind}-${change.action}-${change.id}`} change={change} onShow={onShow} />
            ))}
          </List>
        )}
      </section>
      <section aria-label="Affected devices">
        <Title order={5} mb={6}>
          Devices whose configuration changes ({preview.devices.length})
        </Title>
        {preview.devices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {preview.canPublish ? 'No device config changes.' : 'Known once the errors below are fixed.'}
          </Text>
        ) : (
          <List spacing={6} listStyleType="none">
            {preview.devices.map((device) => (
              <DeviceItem key={device.id} device={device} />
            ))}
          </List>
        )}
      </section>
      {preview.problems.length > 0 && (
        <section aria-label="Problems to fix">
          <Title order={5} mb={6}>
            Problems ({preview.problems.length})
          </Title>
          <ProblemList problems={preview.problems} onShow={onShow} />
        </section>
      )}
    </Stack>
  );
}

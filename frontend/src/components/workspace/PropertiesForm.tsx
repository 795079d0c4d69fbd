import { ActionIcon, Alert, Button, Divider, Group, ScrollArea, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconTrash, IconX } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { deleteItems, editObject } from '../../canvas/actions';
import { timelineLimits } from '../../canvas/timeline';
import { iconFor } from '../../nodes/icons';
import { type CanvasNode, objectTypeOf, type RingPreset, type TimelineEntry } from '../../nodes/types';
import { findNode, useCanvasStore } from '../../store/canvas';
import { changedFields } from '../common/changes';
import { ActivityToggle } from '../activity/ActivityToggle';
import { fieldsFor } from './propertyFields';
import { PropertyFields } from './PropertyFields';
import { BlacklistEditor } from './BlacklistEditor';
import { OverrideEditor } from './OverrideEditor';
import { type MemberDrafts, RingMemberFields } from './RingMemberFields';
import { RingTimelineEditor } from './RingTimelineEditor';
import { RuleListEditor } from './RuleListEditor';
import type { BlacklistEntry, CallerRule, Override } from '../../nodes/routerTypes';
import { useRole, VIEW_ONLY_REASON } from '../../auth/role';

interface Snapshot {
  version: number;
  values: { name: string; properties: Record<string, unknown> };
}

const snapshot = (node: CanvasNode): Snapshot => ({
  version: node.data.version,
  values: { name: node.data.name, properties: node.data.properties as Record<string, unknown> },
});

/**
 * The form keeps the version it was opened on: a change by someone else meanwhile refreshes
 * an untouched form, and makes Save of an edited one meet the server's 412 (which reloads).
 */
export function PropertiesForm({ node }: { node: CanvasNode }) {
  const type = useCanvasStore((s) => s.catalogue[objectTypeOf(node)]);
  const [base, setBase] = useState(() => snapshot(node));
  const [values, setValues] = useState(base.values);
  const [saving, setSaving] = useState(false);
  const { canEdit } = useRole(); // a viewer reads the settings; Save and Delete stay off
  // The ring group's start/duration fields as typed while they are not valid numbers.
  const [memberDrafts, setMemberDrafts] = useState<MemberDrafts>({});
  const changes = changedFields(base.values, values);
  const dirty = Object.keys(changes).length > 0;
  const members = (values.properties.members as TimelineEntry[] | undefined) ?? [];
  const limits = timelineLimits(type?.propertiesSchema);
  const invalid = Object.keys(memberDrafts).length > 0 || members.some((m) => m.start + m.duration > limits.duration.max);

  useEffect(() => {
    if (node.data.version === base.version) return;
    if (dirty) return;
    const next = snapshot(node);
    setBase(next);
    setValues(next.values);
  }, [node, base.version, dirty]);

  const Icon = iconFor(type?.icon);
  const isRingGroup = node.type === 'ring_group';
  const fields = type ? fieldsFor(type).filter((f) => !(isRingGroup && f.key === 'preset')) : [];
  const stale = dirty && node.data.version !== base.version;
  const setProperty = (key: string, value: unknown) => setValues((v) => ({ ...v, properties: { ...v.properties, [key]: value } }));
  const setMembers = (next: TimelineEntry[], preset: RingPreset) => setValues((v) => ({ ...v, properties: { ...v.properties, members: next, preset } }));
  const reset = (next: Snapshot) => {
    setBase(next);
    setValues(next.values);
    setMemberDrafts({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim() || !dirty || invalid) return;
    setSaving(true);
    const result = await editObject(node, { ...changes, ...(changes.name ? { name: values.name.trim() } : {}) }, base.version);
    setSaving(false);
    // Saved: show the server's copy. Refused as stale: the reloaded copy replaces the edit.
    const current = findNode(node.id);
    if (result !== 'failed' && current) reset(snapshot(current));
  };

  return (
    <form onSubmit={submit} noValidate style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <Group p="sm" gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon size={30} radius="md" style={{ background: type?.color }} aria-hidden>
            <Icon size={18} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text fw={600} truncate="end">
              {node.data.name}
            </Text>
            <Text size="xs" c="dimmed">
              {type?.displayName}
            </Text>
          </div>
        </Group>
        <ActionIcon variant="subtle" color="gray" aria-label="Close properties" onClick={() => useCanvasStore.getState().select([])}>
          <IconX size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <Divider />
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="md" p="sm">
          {stale && (
            <Alert color="yellow" variant="light" title="Changed by someone else" role="status">
              Someone else saved this object while you edited it. Reset to see their version; Save will be refused.
            </Alert>
          )}
          <TextInput label="Name" value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.currentTarget.value }))} error={values.name.trim() ? undefined : 'Enter a name'} maxLength={100} />
          <PropertyFields fields={fields} values={values.properties} errors={{}} onChange={setProperty} />
          {node.type === 'time_router' && (
            <OverrideEditor value={(values.properties.override as Override | null | undefined) ?? null} onChange={(override) => setProperty('override', override)} />
          )}
          {node.type === 'caller_router' && (
            <RuleListEditor rules={(values.properties.rules as CallerRule[] | undefined) ?? []} onChange={(rules) => setProperty('rules', rules)} />
          )}
          {node.type === 'blacklist' && (
            <BlacklistEditor entries={(values.properties.entries as BlacklistEntry[] | undefined) ?? []} onChange={(entries) => setProperty('entries', entries)} />
          )}
          {isRingGroup && (
            <>
              <RingTimelineEditor groupId={node.id} members={members} preset={(values.properties.preset as RingPreset | undefined) ?? 'ring_all'} onChange={setMembers} />
              <RingMemberFields
                groupId={node.id}
                members={members}
                limits={limits}
                drafts={memberDrafts}
                onDrafts={setMemberDrafts}
                onChange={(next) => setMembers(next, 'custom')}
              />
            </>
          )}
          <ActivityToggle filters={{ resource: 'workspace_objects', resourceId: node.id }} label="this object's activity" />
        </Stack>
      </ScrollArea>
      <Divider />
      <Group p="sm" justify="space-between">
        <Button variant="subtle" color="red" disabled={!canEdit} leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void deleteItems([findNode(node.id) ?? node], [])} aria-label={`Delete ${node.data.name}`}>
          Delete
        </Button>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={!dirty && !stale}
            onClick={() => reset(snapshot(node))}
          >
            Reset
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty || invalid || !canEdit} title={canEdit ? undefined : VIEW_ONLY_REASON}>
            Save
          </Button>
        </Group>
      </Group>
    </form>
  );
}

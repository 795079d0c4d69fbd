import { Alert, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { ObjectType, XY } from '../../api/workspace';
import { placeObject } from '../../canvas/actions';
import { type CanvasNode, hasCard } from '../../nodes/types';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { notifyNeedsPublish } from '../common/publishToast';
import { FormButtons } from '../common/FormButtons';
import { splitFieldErrors } from './fieldErrors';
import { fieldsFor, hasListProperties } from './propertyFields';
import { PropertyFields } from './PropertyFields';

export const NEW_NODE_ID = 'new';

/** What to do next with a type whose lists the new-object form leaves out. */
const LIST_HINTS: Record<string, string> = {
  ring_group: 'Members are the objects you cable to its Members port; set when each rings in the ring editor (select the object).',
  caller_router: 'Add its rules in its properties once it is placed (select the object); each rule gets an exit of its own.',
  blacklist: 'Add the numbers to block in its properties once it is placed (select the object).',
};

/** The placeholder card shown where the type was dropped while its form is open. */
function placeholder(type: ObjectType, position: XY): CanvasNode {
  const data = { name: `New ${type.displayName}`, version: 0, properties: structuredClone(type.defaults) };
  const base = { id: NEW_NODE_ID, position, draggable: false, selectable: false, deletable: false, connectable: false };
  return (hasCard(type.type) ? { ...base, type: type.type, data } : { ...base, type: 'generic', data: { ...data, objectType: type.type } }) as CanvasNode;
}

/** The form of a type dropped on the canvas: Save creates the object, Cancel removes it. */
export function NewObjectModal() {
  const pending = useUiStore((s) => s.newObject);
  const close = useUiStore((s) => s.closeNewObject);
  const type = useCanvasStore((s) => (pending ? s.catalogue[pending.type] : undefined));

  useEffect(() => {
    if (!pending || !type) return;
    useCanvasStore.getState().addNode(placeholder(type, pending.position));
    return () => useCanvasStore.getState().removeNodes([NEW_NODE_ID]);
  }, [pending, type]);

  return (
    <Modal opened={Boolean(pending && type)} onClose={close} title={type ? `New ${type.displayName}` : ''}>
      {pending && type && <NewObjectForm key={`${pending.type}-${pending.position.x}-${pending.position.y}`} type={type} position={pending.position} onDone={close} />}
    </Modal>
  );
}

function NewObjectForm({ type, position, onDone }: { type: ObjectType; position: XY; onDone: () => void }) {
  const fields = fieldsFor(type);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, unknown>>(() => structuredClone(type.defaults));
  const [errors, setErrors] = useState<ReturnType<typeof splitFieldErrors>>({ properties: {}, other: [] });
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tabId = useCanvasStore.getState().tabId;
    if (tabId === null) return;
    setSaving(true);
    try {
      const object = await placeObject(tabId, type.type, position, name.trim() || undefined, values);
      useCanvasStore.getState().removeNodes([NEW_NODE_ID]);
      notifyNeedsPublish(`${object.name} added`);
      onDone();
    } catch (error) {
      const split = splitFieldErrors(error);
      setErrors(split.name || split.other.length || Object.keys(split.properties).length ? split : { properties: {}, other: [error instanceof Error ? error.message : 'Not saved.'] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          description="Leave empty to name it after the number or contact it stands for."
          placeholder={`${type.defaultNamePrefix} …`}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <PropertyFields fields={fields} values={values} errors={errors.properties} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />
        {hasListProperties(type) && (
          <Text size="xs" c="dimmed">
            {LIST_HINTS[type.type] ?? 'Its lists are edited in its properties once it is placed (select the object).'}
          </Text>
        )}
        {errors.other.length > 0 && (
          <Alert color="red" variant="light" role="alert" title="Not created">
            {errors.other.join(' ')}
          </Alert>
        )}
        <FormButtons onCancel={onDone} saving={saving} saveLabel="Save" />
      </Stack>
    </form>
  );
}

import { Select } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useAllContacts } from '../../api/contacts';
import { useNumbers } from '../../api/numbers';
import { methodIndex, numberIndex } from '../../canvas/lookups';
import type { CanvasNode } from '../../nodes/types';
import { shapesOf, useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';

/** Find an object of the open tab by its name, its number or its contact, and centre it. */
export function ObjectSearch() {
  // Ids, types and data, not positions: the list is not rebuilt on every step of a drag.
  const shapes = useCanvasStore((s) => shapesOf(s.nodes));
  const phone = useNumbers('phone');
  const internal = useNumbers('internal');
  const contacts = useAllContacts();
  const focusObjects = useUiStore((s) => s.focusObjects);

  const data = useMemo(() => {
    const phones = phone.data ? numberIndex(phone.data) : undefined;
    const internals = internal.data ? numberIndex(internal.data) : undefined;
    const methods = methodIndex(contacts.data);
    const contactIds = new Map(contacts.data?.items.map((c) => [c.id, c]));
    const items = [];
    for (const node of shapes as CanvasNode[]) {
      if (node.id === 'new') continue;
      let fact: string | undefined;
      if (node.type === 'phone_number') fact = phones?.get(node.data.properties.number as number);
      else if (node.type === 'internal_number') fact = internals?.get(node.data.properties.number as number);
      else if (node.type === 'contact_method') {
        const method = methods.get(node.data.properties.contactMethod as number);
        const contact = method && contactIds.get(method.contactId);
        fact = contact ? `${contact.firstName} ${contact.lastName}` : undefined;
      }
      items.push({ value: node.id, label: fact ? `${node.data.name} · ${fact}` : node.data.name });
    }
    return items;
  }, [shapes, phone.data, internal.data, contacts.data]);

  return (
    <Select
      aria-label="Find object"
      placeholder="Find by name or number"
      leftSection={<IconSearch size={15} aria-hidden />}
      data={data}
      value={null}
      onChange={(id) => id && focusObjects([Number(id)])}
      searchable
      clearable
      nothingFoundMessage="No object on this tab matches"
      size="xs"
      w={240}
      limit={20}
    />
  );
}

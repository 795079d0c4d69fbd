import { Select } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAllContacts } from '../../api/contacts';
import { useNumbers } from '../../api/numbers';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';

/** Find an object of the open tab by its name, its number or its contact, and centre it. */
export function ObjectSearch() {
  const nodes = useCanvasStore(useShallow((s) => s.nodes.filter((n) => n.id !== 'new')));
  const phone = useNumbers('phone');
  const internal = useNumbers('internal');
  const contacts = useAllContacts();
  const focusObjects = useUiStore((s) => s.focusObjects);

  const data = useMemo(() => {
    const numberOf = (items: { id: number; number: string }[] | undefined, id: unknown) => items?.find((n) => n.id === id)?.number;
    const contactOf = (methodId: unknown) => contacts.data?.items.find((c) => c.methods.some((m) => m.id === methodId));
    return nodes.map((node) => {
      let fact: string | undefined;
      if (node.type === 'phone_number') fact = numberOf(phone.data?.items, node.data.properties.number);
      else if (node.type === 'internal_number') fact = numberOf(internal.data?.items, node.data.properties.number);
      else if (node.type === 'contact_method') {
        const contact = contactOf(node.data.properties.contactMethod);
        fact = contact ? `${contact.firstName} ${contact.lastName}` : undefined;
      }
      return { value: node.id, label: fact ? `${node.data.name} · ${fact}` : node.data.name };
    });
  }, [nodes, phone.data, internal.data, contacts.data]);

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

import { Text } from '@mantine/core';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useContactMethodIndex } from '../canvas/lookups';
import { ObjectCard } from './ObjectCard';
import { sameCard } from './sameCard';
import type { ContactMethodNodeType } from './types';

/** A destination: one contact method of a contact (call.center rings all their devices). */
function ContactMethodNode({ id, data, selected }: NodeProps<ContactMethodNodeType>) {
  const { methods } = useContactMethodIndex();
  const methodId = data.properties.contactMethod;
  const method = methodId === null ? undefined : methods.get(methodId);
  return (
    <ObjectCard id={id} type="contact_method" name={data.name} selected={selected}>
      {methodId === null ? (
        <Text size="xs" c="orange.8">
          No contact method chosen
        </Text>
      ) : (
        <>
          <Text size="sm" fw={500} truncate="end">
            {method?.contactName ?? `Contact method #${methodId}`}
          </Text>
          {method && (
            <Text size="xs" c="dimmed">
              {method.label}
            </Text>
          )}
        </>
      )}
    </ObjectCard>
  );
}

export default memo(ContactMethodNode, sameCard);

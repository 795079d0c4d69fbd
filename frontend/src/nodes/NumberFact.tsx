import { Text } from '@mantine/core';
import type { NumberKind } from '../api/numbers';
import { useNumberText } from '../canvas/lookups';

/** The number an entry object stands for, or a hint to pick one. */
export function NumberFact({ kind, id }: { kind: NumberKind; id: number | null }) {
  const text = useNumberText(kind, id);
  if (id === null) {
    return (
      <Text size="xs" c="orange.8">
        No number chosen
      </Text>
    );
  }
  return (
    <Text size="sm" ff="monospace" fw={500} className="object-fact-number">
      {text ?? 'Number not found'}
    </Text>
  );
}

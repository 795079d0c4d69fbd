import { Button, SimpleGrid, Stack, Text } from '@mantine/core';

const KEYS: [string, string][] = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'],
  ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'],
  ['*', ''], ['0', '+'], ['#', ''],
]; // prettier-ignore

/** The twelve keys; `verb` names what a press does ("Dial 5", "Send 5") for screen readers and tests. */
export function Keypad({ onKey, verb }: { onKey: (key: string) => void; verb: string }) {
  return (
    <SimpleGrid cols={3} spacing={6} verticalSpacing={6}>
      {KEYS.map(([key, letters]) => (
        <Button key={key} variant="default" h={46} radius="md" onClick={() => onKey(key)} aria-label={`${verb} ${key}`} px={0}>
          <Stack gap={0} align="center">
            <Text fw={600} fz="lg" lh={1.1}>
              {key}
            </Text>
            <Text fz={9} c="dimmed" lh={1} lts={1} h={9}>
              {letters}
            </Text>
          </Stack>
        </Button>
      ))}
    </SimpleGrid>
  );
}

import { Center, Loader } from '@mantine/core';

/** A centred spinner for the moments before a page can render. */
export function FullPageLoader({ label }: { label: string }) {
  return (
    <Center h="100%" mih={240} style={{ flex: 1 }}>
      <Loader aria-label={label} role="progressbar" />
    </Center>
  );
}

import { Button, Center, Code, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useRouteError } from 'react-router';

/** Shown instead of a blank screen when a page fails to render or its code fails to load. */
export default function RouteErrorPage() {
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : null;
  return (
    <Center mih="100dvh" px="md" component="main">
      <Stack align="center" gap="md" maw={520} ta="center">
        <ThemeIcon size={64} radius="xl" color="red" variant="light">
          <IconAlertTriangle size={34} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={28}>
          Something went wrong
        </Title>
        <Text c="dimmed">This page stopped working. Reloading usually fixes it; your published call flows are not affected.</Text>
        {detail && <Code block>{detail}</Code>}
        <Group>
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Button component={Link} to="/" variant="default" reloadDocument>
            Back to home
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { BrandMark } from '../components/BrandMark';

export default function NotFoundPage() {
  useDocumentTitle('Page not found · Callflow Workspace');
  return (
    <Center mih="100dvh" px="md" component="main">
      <Stack align="center" gap="md" maw={480} ta="center">
        <BrandMark />
        <Text
          fw={800}
          fz={120}
          lh={1}
          variant="gradient"
          gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}
          aria-hidden
        >
          404
        </Text>
        <Title order={1} fz={28}>
          Page not found
        </Title>
        <Text c="dimmed">
          This number is not in service: the page you asked for does not exist or has moved.
        </Text>
        <Button component={Link} to="/" leftSection={<IconArrowLeft size={18} aria-hidden />} size="md" mt="sm">
          Back to home
        </Button>
      </Stack>
    </Center>
  );
}

import { Group, Pagination, Text } from '@mantine/core';

interface ListFooterProps {
  total: number;
  perPage: number;
  page: number;
  onPage: (page: number) => void;
  /** The thing counted, singular: "contact", "recording". */
  noun: string;
}

/** Under a paged table: how many there are, and the pages when there is more than one. */
export function ListFooter({ total, perPage, page, onPage, noun }: ListFooterProps) {
  return (
    <Group justify="space-between">
      <Text c="dimmed" size="sm">
        {total} {noun}
        {total === 1 ? '' : 's'}
      </Text>
      {total > perPage && (
        <Pagination
          total={Math.ceil(total / perPage)}
          value={page}
          onChange={onPage}
          aria-label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} pages`}
          getControlProps={(control) => ({ 'aria-label': `${control.charAt(0).toUpperCase()}${control.slice(1)} page` })}
          getItemProps={(number) => ({ 'aria-label': `Page ${number}` })}
        />
      )}
    </Group>
  );
}

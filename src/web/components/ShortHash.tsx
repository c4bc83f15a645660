import { Button, Code, CopyButton, Group } from '@mantine/core';

/** `3f2a9c0d4e…e81b`: enough to compare by eye; the full value is one click away. */
export function abbreviate(value: string, head = 10, tail = 4): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}

/**
 * A hash, digest or pseudonym too long to show whole: abbreviated, with the full value as a
 * tooltip and a copy button named after what it copies.
 */
export function ShortHash({ value, label, head, tail }: { value: string; label: string; head?: number; tail?: number }) {
  return (
    <Group gap={4} wrap="nowrap" component="span" display="inline-flex">
      <Code title={value} style={{ whiteSpace: 'nowrap' }}>
        {abbreviate(value, head, tail)}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? `${label} copied` : `Copy ${label}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

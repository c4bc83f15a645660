import { Code, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { LedgerEntry } from '../../api/types.ts';
import { ShortHash } from '../../components/ShortHash.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { eventOf, isPseudonym } from './entry-text.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="32%" fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** An id in full when it is short enough or needed whole (a request id to search the logs for). */
function Id({ value, label, whole }: { value: string | null | undefined; label: string; whole?: boolean }) {
  if (!value) return <Text size="sm" c="dimmed" span>none</Text>;
  if (whole || value.length <= 24) return <Code style={{ wordBreak: 'break-all' }}>{value}</Code>;
  return <ShortHash value={value} label={label} head={16} tail={4} />;
}

/** The fields of the event as it was hashed into the log. */
export function EntryFields({ entry }: { entry: LedgerEntry }) {
  const event = eventOf(entry);
  const actor = event.actor ?? {};
  return (
    <Table verticalSpacing={6} fz="sm" aria-label="Entry fields">
      <Table.Tbody>
        <Row label="Sequence">{entry.seq}</Row>
        <Row label="Time">
          <time dateTime={entry.time}>{formatDateTime(entry.time)}</time>{' '}
          <Text span size="xs" c="dimmed">
            ({entry.time})
          </Text>
        </Row>
        <Row label="Action">
          <Code>{entry.action}</Code>
        </Row>
        <Row label="Resource">
          {entry.resourceType} <Id value={entry.resourceId} label="resource id" />
        </Row>
        <Row label="Actor">
          {actor.type ?? (isPseudonym(entry.actor) ? 'user' : entry.actor)}{' '}
          {isPseudonym(entry.actor) && <ShortHash value={entry.actor} label="actor pseudonym" head={16} tail={4} />}
        </Row>
        {actor.token && (
          <Row label="API token">
            <Id value={actor.token} label="API token id" />
          </Row>
        )}
        <Row label="Request id">
          <Id value={event.request} label="request id" whole />
        </Row>
        <Row label="Leaf hash">
          <ShortHash value={entry.leafHash} label="leaf hash" head={16} tail={6} />
        </Row>
        <Row label="Event format">version {event.v ?? '?'}</Row>
      </Table.Tbody>
    </Table>
  );
}

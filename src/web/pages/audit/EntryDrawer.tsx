import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import type { LedgerEntry } from '../../api/types.ts';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { EntryDetails } from './EntryDetails.tsx';
import { useEntry } from './ledger-api.ts';
import type { EntryFilters } from './useEntryListParams.ts';

interface EntryDrawerProps {
  seq: number | null;
  /** The entry as the list already has it, to show at once; a link to another entry fetches it. */
  fromList: LedgerEntry | undefined;
  canSign: boolean;
  onClose: () => void;
  onFilter: (filters: Partial<EntryFilters>) => void;
}

/** One entry beside the list (the whole screen on a phone); the address keeps which one is open. */
export function EntryDrawer({ seq, fromList, canSign, onClose, onFilter }: EntryDrawerProps) {
  const smallScreen = useMediaQuery('(max-width: 48em)');
  // While the panel slides out, it keeps showing the entry it had.
  const [shown, setShown] = useState(seq);
  if (seq !== null && seq !== shown) setShown(seq);
  const current = seq ?? shown;
  const entry = useEntry(current, fromList);

  return (
    <Drawer
      opened={seq !== null}
      onClose={onClose}
      position="right"
      size={smallScreen ? '100%' : 'xl'}
      title={current === null ? 'Entry' : `Entry ${current}`}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {entry.isPending && <LoadingState label="Loading the entry" />}
      {entry.isError && <ErrorState title="The entry could not be loaded" error={entry.error} onRetry={() => void entry.refetch()} />}
      {entry.isSuccess && <EntryDetails entry={entry.data} canSign={canSign} onFilter={onFilter} />}
    </Drawer>
  );
}

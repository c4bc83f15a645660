import { useCan } from '../../auth/MeContext.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EntriesSection } from './EntriesSection.tsx';
import { LogStatusCard } from './LogStatusCard.tsx';
import { useEntryListParams } from './useEntryListParams.ts';

const TITLE = 'Audit trail';

/**
 * The tamper-evident log of every change in aims: its state and verification, then the entries.
 * The page only reads `me.permissions` to decide what to show; the server checks every call.
 */
export function AuditTrailPage() {
  const can = useCan();
  const list = useEntryListParams();
  if (!can('ledger.read')) {
    return (
      <>
        <PageHeader title={TITLE} />
        <NotAllowed what="read the audit trail" permission="ledger.read" />
      </>
    );
  }
  const canSign = can('ledger.checkpoint');
  return (
    <>
      <PageHeader
        title={TITLE}
        description="Every change made in aims, in an append-only Merkle log (RFC 6962) with signed checkpoints: any edit, deletion, insertion or reordering is detected, here or offline."
      />
      <LogStatusCard canSign={canSign} />
      <EntriesSection list={list} canSign={canSign} />
    </>
  );
}

import { Badge } from '@mantine/core';
import type { Evidence } from './evidence-api.ts';
import { EXPIRY_COLORS, EXPIRY_LABELS, REVIEW_COLORS, REVIEW_LABELS } from './evidence-text.ts';

// A badge clips its text, so a squeezed column would cut it.
const NO_SHRINK = { minWidth: 'max-content' } as const;

export function ReviewBadge({ status }: { status: Evidence['reviewStatus'] }) {
  return (
    <Badge color={REVIEW_COLORS[status]} variant="light" tt="none" style={NO_SHRINK}>
      {REVIEW_LABELS[status]}
    </Badge>
  );
}

/** Expiring soon and expired stand out (filled); the others stay quiet. */
export function ExpiryBadge({ evidence }: { evidence: Pick<Evidence, 'expiry' | 'expiresOn'> }) {
  const urgent = evidence.expiry === 'expired' || evidence.expiry === 'expiring_soon';
  const label = EXPIRY_LABELS[evidence.expiry];
  return (
    <Badge color={EXPIRY_COLORS[evidence.expiry]} variant={urgent ? 'filled' : 'light'} tt="none" style={NO_SHRINK}>
      {evidence.expiresOn ? `${label} · ${evidence.expiresOn}` : label}
    </Badge>
  );
}

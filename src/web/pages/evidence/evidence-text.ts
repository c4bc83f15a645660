import type { ExpiryState, ReviewStatus } from './evidence-api.ts';

export const REVIEW_ORDER: readonly ReviewStatus[] = ['draft', 'in_review', 'approved', 'rejected'];
export const REVIEW_LABELS: Record<ReviewStatus, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved', rejected: 'Rejected' };
export const REVIEW_COLORS: Record<ReviewStatus, string> = { draft: 'gray', in_review: 'blue', approved: 'green', rejected: 'red' };

export const EXPIRY_ORDER: readonly ExpiryState[] = ['valid', 'expiring_soon', 'expired', 'no_expiry'];
export const EXPIRY_LABELS: Record<ExpiryState, string> = { no_expiry: 'No expiry', valid: 'Valid', expiring_soon: 'Expiring soon', expired: 'Expired' };
export const EXPIRY_COLORS: Record<ExpiryState, string> = { no_expiry: 'gray', valid: 'teal', expiring_soon: 'orange', expired: 'red' };

export const ACCEPTED_FILES = 'PDF, PNG, JPEG, DOCX, XLSX, PPTX, CSV, TXT, Markdown or JSON; the type is checked from the content.';
export const ACCEPT_ATTRIBUTE = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.csv,.txt,.md,.json';

const units = ['B', 'KB', 'MB', 'GB'];
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, currentCsrfToken, unwrap } from '../../api/client.ts';
import type { components } from '../../../platform/api-client/schema.d.ts';

export type Evidence = components['schemas']['Evidence'];
export type EvidenceFile = Evidence['files'][number];
export type ReviewStatus = Evidence['reviewStatus'];
export type ExpiryState = Evidence['expiry'];
export type EvidenceSort = 'created_at' | '-created_at' | 'title' | '-title' | 'expires_on' | '-expires_on';

export const EVIDENCE_PAGE_SIZE = 20;
export const evidenceKey = ['evidence'] as const;

export interface EvidenceQuery {
  page: number;
  q: string;
  reviewStatus: ReviewStatus | null;
  expiry: ExpiryState | null;
  sort: EvidenceSort;
}

export function useEvidencePage(params: EvidenceQuery) {
  return useQuery({
    queryKey: [...evidenceKey, 'list', params],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/evidence', {
          params: {
            query: {
              limit: EVIDENCE_PAGE_SIZE,
              offset: (params.page - 1) * EVIDENCE_PAGE_SIZE,
              sort: params.sort,
              ...(params.q ? { q: params.q } : {}),
              ...(params.reviewStatus ? { reviewStatus: params.reviewStatus } : {}),
              ...(params.expiry ? { expiry: params.expiry } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The evidence one assessment result relies on (a result rarely has more than a handful). */
export function useResultEvidence(resultId: string) {
  return useQuery({
    queryKey: [...evidenceKey, 'result', resultId],
    queryFn: async () => unwrap(await api.GET('/api/evidence', { params: { query: { resultId, limit: 100, offset: 0, sort: 'title' } } })).items,
  });
}

/** Evidence found by title, to attach to a result. */
export function useEvidenceSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evidenceKey, 'search', q],
    queryFn: async () => unwrap(await api.GET('/api/evidence', { params: { query: { limit: 20, offset: 0, sort: 'title', ...(q ? { q } : {}) } } })).items,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useEvidence(id: string | null) {
  return useQuery({
    queryKey: [...evidenceKey, 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/evidence/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

function useEvidenceMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: evidenceKey }) });
}

export interface NewEvidence {
  title: string;
  description?: string | null;
  kind: 'file' | 'link';
  url?: string;
  expiresOn?: string | null;
  resultIds?: string[];
}

export function useCreateEvidence() {
  return useEvidenceMutation(async (body: NewEvidence) => unwrap(await api.POST('/api/evidence', { body })));
}

export interface EvidenceChanges {
  id: string;
  version: number;
  title?: string;
  description?: string | null;
  ownerId?: string | null;
  expiresOn?: string | null;
  reviewStatus?: ReviewStatus;
}

export function useUpdateEvidence() {
  return useEvidenceMutation(async ({ id, ...body }: EvidenceChanges) => unwrap(await api.PATCH('/api/evidence/{id}', { params: { path: { id } }, body })));
}

export function useLinkEvidence() {
  return useEvidenceMutation(async ({ id, resultId, link }: { id: string; resultId: string; link: boolean }) => {
    const options = { params: { path: { id, resultId } } };
    return unwrap(link ? await api.PUT('/api/evidence/{id}/links/{resultId}', options) : await api.DELETE('/api/evidence/{id}/links/{resultId}', options));
  });
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  return new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${response.status}`, body?.error?.details ?? null);
}

/** The raw bytes, as the server wants them; the typed client cannot send a body that is not JSON. */
export async function uploadEvidenceFile(id: string, file: File): Promise<Evidence> {
  const csrf = currentCsrfToken();
  const response = await fetch(`/api/evidence/${encodeURIComponent(id)}/file`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: file,
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as Evidence;
}

export function useUploadEvidenceFile() {
  return useEvidenceMutation(async ({ id, file }: { id: string; file: File }) => uploadEvidenceFile(id, file));
}

/**
 * Fetches the file first so a refusal (the stored file no longer matches its SHA-256) is shown
 * in words instead of being saved as a file; then hands the bytes to the browser.
 */
export async function downloadEvidenceFile(id: string, file: EvidenceFile): Promise<void> {
  const response = await fetch(`/api/evidence/${encodeURIComponent(id)}/file?version=${file.fileVersion}`, { credentials: 'same-origin' });
  if (!response.ok) throw await errorOf(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ResultLabel {
  itemId: string;
  itemTitle: string;
  assessmentId: string;
}

/**
 * Names the assessment results evidence is linked to. Kept simple: the results of the first
 * assessment are loaded; links to other assessments show their id.
 */
export function useResultLabels(enabled: boolean): Map<string, ResultLabel> {
  const assessments = useQuery({
    queryKey: ['assessments', 'list'],
    queryFn: async () => unwrap(await api.GET('/api/assessments')).items,
    enabled,
  });
  const firstId = assessments.data?.[0]?.id ?? null;
  const detail = useQuery({
    queryKey: ['assessments', firstId, 'detail'],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}', { params: { path: { id: firstId ?? '' } } })),
    enabled: enabled && firstId !== null,
  });
  const map = new Map<string, ResultLabel>();
  if (firstId && detail.data) for (const r of detail.data.results) map.set(r.id, { itemId: r.itemId, itemTitle: r.itemTitle, assessmentId: firstId });
  return map;
}

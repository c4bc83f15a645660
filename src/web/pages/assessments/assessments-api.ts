import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../../platform/api-client/schema.d.ts';

export type Assessment = components['schemas']['Assessment'];
export type AssessmentResult = components['schemas']['AssessmentResult'];
export type AssessmentSnapshot = components['schemas']['AssessmentSnapshot'];
export type WorkflowStatus = AssessmentResult['workflowStatus'];
export type ResultValue = NonNullable<AssessmentResult['result']>;

const assessmentsKey = ['assessments'] as const;

export function useAssessments() {
  return useQuery({ queryKey: [...assessmentsKey, 'list'], queryFn: async () => unwrap(await api.GET('/api/assessments')).items });
}

export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; frameworkId: string; targetMaturity?: number }) => unwrap(await api.POST('/api/assessments', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentsKey }),
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, id, 'detail'],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}', { params: { path: { id } } })),
  });
}

export interface ResultChanges {
  version: number;
  workflowStatus?: WorkflowStatus;
  result?: AssessmentResult['result'];
  justification?: string | null;
  maturity?: number | null;
  ownerId?: string | null;
  dueDate?: string | null;
  notes?: string | null;
}

/** A saved result changes the list, the maturity, the posture and the readiness of the assessment. */
export function useUpdateResult(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ resultId, ...body }: ResultChanges & { resultId: string }) =>
      unwrap(await api.PATCH('/api/assessments/{id}/results/{resultId}', { params: { path: { id: assessmentId, resultId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentsKey }),
  });
}

export type PostureFramework = 'eu-ai-act' | 'nist-ai-rmf' | 'gdpr';

export function usePosture(id: string, framework: PostureFramework) {
  return useQuery({
    queryKey: [...assessmentsKey, id, 'posture', framework],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}/posture', { params: { path: { id }, query: { framework } } })),
    placeholderData: keepPreviousData,
  });
}

export type Posture = NonNullable<ReturnType<typeof usePosture>['data']>;
export type PostureItem = Posture['items'][number];

export function useMaturity(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, id, 'maturity'],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}/maturity', { params: { path: { id } } })),
  });
}

export type MaturityReport = NonNullable<ReturnType<typeof useMaturity>['data']>;
export type Blocker = MaturityReport['readiness']['blockers'][number];

export function useSnapshots(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, id, 'snapshots'],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}/snapshots', { params: { path: { id } } })).items,
  });
}

export function useTakeSnapshot(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { label: string; kind: 'baseline' | 'snapshot' }) =>
      unwrap(await api.POST('/api/assessments/{id}/snapshots', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...assessmentsKey, id] }),
  });
}

export function useComparison(id: string, from: string | null, to: string) {
  return useQuery({
    queryKey: [...assessmentsKey, id, 'comparison', from, to],
    queryFn: async () => unwrap(await api.GET('/api/assessments/{id}/comparison', { params: { path: { id }, query: { from: from ?? '', to } } })),
    enabled: from !== null,
  });
}

export type Comparison = NonNullable<ReturnType<typeof useComparison>['data']>;

/** Active people for the owner picker, and to name the owners in the table. */
export function useActiveUsers(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'active-picker', q],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query: { status: 'active', limit: 50, offset: 0, sort: 'name', ...(q ? { q } : {}) } } })).items,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

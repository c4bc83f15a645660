import { Button, Card, EmptyState, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ApiToken } from '../../api/types.ts';
import { useCan } from '../../auth/MeContext.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorState, LoadingState } from '../../components/QueryState.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { TokensTable } from './TokensTable.tsx';
import { TOKENS_SHOWN, useRevokeToken, useTokensQuery } from './tokens-api.ts';

export function TokensSection() {
  const can = useCan();
  const canManage = can('identity.tokens.manage_own');
  const tokens = useTokensQuery();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };
  const confirmRevoke = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: (token) => {
        notifications.show({ color: 'green', title: 'Token revoked', message: `"${token.name}" no longer works.` });
        closeRevoke();
      },
    });
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tokens-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="tokens-title">
          API tokens
        </Title>
        {canManage && <Button onClick={() => setCreating(true)}>New token</Button>}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Tokens let scripts and CI pipelines call the aims API as you.
        {!canManage && ' Your roles do not allow creating or revoking tokens.'}
      </Text>
      {tokens.isPending && <LoadingState label="Loading your tokens" />}
      {tokens.isError && <ErrorState title="Tokens could not be loaded" error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.items.length === 0 && (
        <EmptyState title="No tokens yet" description={canManage ? 'Create one when a script or pipeline needs the API.' : undefined} size="sm" py="md" />
      )}
      {tokens.isSuccess && tokens.data.items.length > 0 && (
        <>
          <TokensTable tokens={tokens.data.items} onRevoke={canManage ? setRevoking : undefined} />
          {tokens.data.total > TOKENS_SHOWN && (
            <Text size="xs" c="dimmed" mt="xs">
              Showing the {TOKENS_SHOWN} newest of {tokens.data.total} tokens.
            </Text>
          )}
        </>
      )}
      {canManage && <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />}
      <ConfirmModal
        opened={revoking !== null}
        title={`Revoke "${revoking?.name ?? ''}"?`}
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={closeRevoke}
      >
        Anything that uses this token stops working at once. This cannot be undone; create a new token if needed.
      </ConfirmModal>
    </Card>
  );
}

import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, errorCode } from '../../api/errors.ts';
import type { LedgerEntry } from '../../api/types.ts';
import { ShortHash } from '../../components/ShortHash.tsx';
import { fetchInclusionProof, ledgerKeysQuery, useLatestCheckpoint } from './ledger-api.ts';
import { downloadJson, inclusionProofFile } from './proof-file.ts';
import { SignCheckpointButton } from './SignCheckpointButton.tsx';

/** Why there is nothing to prove against yet, and what the person can do about it. */
function NeedsCheckpoint({ reason, canSign }: { reason: string; canSign: boolean }) {
  return (
    <Alert color="yellow" variant="light" title="No checkpoint covers this entry yet" role="status">
      <Stack gap="xs">
        <Text size="sm">{reason}</Text>
        {canSign ? (
          <SignCheckpointButton label="Sign a checkpoint now" size="xs" w="fit-content" />
        ) : (
          <Text size="sm">aims signs checkpoints as the log grows; an administrator or compliance officer can also sign one now.</Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * "Download inclusion proof": the proof of this entry against the latest signed checkpoint, with
 * the checkpoint and the public keys, in one JSON file anyone can check offline.
 */
export function InclusionProofSection({ entry, canSign }: { entry: LedgerEntry; canSign: boolean }) {
  const queryClient = useQueryClient();
  const checkpoint = useLatestCheckpoint();
  const download = useMutation({
    mutationFn: async () => {
      const [proof, keys] = await Promise.all([
        fetchInclusionProof(entry.seq),
        queryClient.ensureQueryData(ledgerKeysQuery),
      ]);
      downloadJson(`aims-proof-${entry.seq}.json`, inclusionProofFile(entry, proof, keys));
      return proof;
    },
  });

  if (checkpoint.isPending) return <Text size="sm" c="dimmed">Looking for the latest checkpoint…</Text>;
  if (checkpoint.isError) return <Alert color="red" role="alert">{describeError(checkpoint.error)}</Alert>;
  const latest = checkpoint.data;
  if (latest === null) {
    return <NeedsCheckpoint canSign={canSign} reason="No checkpoint has been signed yet, so there is no signed tree to prove this entry against." />;
  }
  if (entry.seq >= latest.treeSize) {
    return (
      <NeedsCheckpoint
        canSign={canSign}
        reason={`This entry is newer than the latest checkpoint, which covers the first ${latest.treeSize} entries (0 to ${latest.treeSize - 1}).`}
      />
    );
  }

  const proven = download.data;
  return (
    <Stack gap="xs">
      <Text size="sm">
        Proves that this entry is in the log signed at size {latest.treeSize}. The file holds the entry, its audit path, the signed checkpoint and
        the public keys, so anyone can check it without aims.
      </Text>
      <Button onClick={() => download.mutate()} loading={download.isPending} w="fit-content">
        Download inclusion proof
      </Button>
      {download.isError &&
        (errorCode(download.error) === 'invalid_state' ? (
          <NeedsCheckpoint canSign={canSign} reason={describeError(download.error)} />
        ) : (
          <Alert color="red" role="alert" title="The proof could not be made">
            {describeError(download.error)}
          </Alert>
        ))}
      {proven && (
        <Alert color="green" variant="light" role="status" title={`Proof downloaded: aims-proof-${proven.seq}.json`}>
          <Text size="sm">
            Proven against tree size <strong data-testid="proof-tree-size">{proven.treeSize}</strong> with {proven.proof.length} hash
            {proven.proof.length === 1 ? '' : 'es'}; root <ShortHash value={proven.rootHash} label="root hash of the proof" head={16} tail={6} />
          </Text>
          {!proven.checkpoint && <Text size="sm" c="orange.9">No signed checkpoint exists for this size, so the file carries none.</Text>}
        </Alert>
      )}
    </Stack>
  );
}

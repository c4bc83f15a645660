import { Alert, Button, FileInput, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError, errorCode } from '../../api/errors.ts';
import { ShortHash } from '../../components/ShortHash.tsx';
import { formatDateTime } from '../../shared/dates.ts';
import { downloadEvidenceFile, useUploadEvidenceFile, type Evidence, type EvidenceFile } from './evidence-api.ts';
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILES, formatSize } from './evidence-text.ts';

/** A download that fails says why; a changed stored file is a finding, so it is said loudly. */
export function DownloadButton({ evidence, file, onError }: { evidence: Pick<Evidence, 'id' | 'title'>; file: EvidenceFile; onError: (error: unknown) => void }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadEvidenceFile(evidence.id, file);
    } catch (error) {
      onError(error);
    }
    setBusy(false);
  };
  return (
    <Button size="compact-sm" variant="light" loading={busy} onClick={() => void download()} aria-label={`Download ${file.fileName} version ${file.fileVersion}`}>
      Download
    </Button>
  );
}

export function DownloadError({ error }: { error: unknown }) {
  if (error == null) return null;
  const integrity = errorCode(error) === 'integrity_failed';
  return (
    <Alert color="red" role="alert" title={integrity ? 'The stored file was changed outside aims' : 'The file was not downloaded'}>
      {describeError(error)}
      {integrity && ' Do not rely on this version; upload the original again and tell your administrator.'}
    </Alert>
  );
}

function UploadVersion({ evidence }: { evidence: Evidence }) {
  const upload = useUploadEvidenceFile();
  const [file, setFile] = useState<File | null>(null);
  const send = () => {
    if (!file) return;
    upload.mutate(
      { id: evidence.id, file },
      {
        onSuccess: (saved) => {
          setFile(null);
          notifications.show({ color: 'green', title: 'File uploaded', message: `Version ${saved.currentFile?.fileVersion ?? ''} of ${saved.title} is stored.` });
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      {upload.error != null && (
        <Alert color="red" title="The file was not uploaded" role="alert">
          {describeError(upload.error)}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label="Upload a new version"
          description={`${ACCEPTED_FILES}${evidence.reviewStatus === 'approved' ? ' Approved evidence goes back to review.' : ''}`}
          placeholder="Choose a file"
          accept={ACCEPT_ATTRIBUTE}
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          clearable
          style={{ flex: '1 1 16rem' }}
        />
        <Button onClick={send} disabled={!file} loading={upload.isPending}>
          Upload
        </Button>
      </Group>
    </Stack>
  );
}

export function FileVersions({ evidence, canManage }: { evidence: Evidence; canManage: boolean }) {
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const files = [...evidence.files].sort((a, b) => b.fileVersion - a.fileVersion);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        File versions
      </Title>
      <DownloadError error={downloadError} />
      {files.length === 0 ? (
        <Text size="sm" c="orange.8">
          No file uploaded yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="File versions" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">File</Table.Th>
                <Table.Th scope="col">SHA-256</Table.Th>
                <Table.Th scope="col">Uploaded</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Download</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.map((f) => (
                <Table.Tr key={f.fileVersion} data-file-version={f.fileVersion}>
                  <Table.Td>
                    v{f.fileVersion}
                    {f.fileVersion === evidence.currentFile?.fileVersion && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (current)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {f.fileName}
                    <Text size="xs" c="dimmed">
                      {f.contentType}, {formatSize(f.size)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ShortHash value={f.sha256} label={`SHA-256 of version ${f.fileVersion}`} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.uploadedAt)}</Table.Td>
                  <Table.Td>
                    <DownloadButton evidence={evidence} file={f} onError={setDownloadError} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && <UploadVersion evidence={evidence} />}
    </Stack>
  );
}

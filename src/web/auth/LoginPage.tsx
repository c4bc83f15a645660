import { Alert, Anchor, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from './LoginForm.tsx';
import { safeNextPath } from './redirect.ts';
import { useSsoStatus } from './sso.ts';

const REASON_MESSAGES: Record<string, string> = {
  expired: 'Your session has ended. Sign in again to continue where you were.',
  'signed-out': 'You are signed out.',
};

export function LoginPage() {
  useDocumentTitle('Sign in · aims');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sso = useSsoStatus();
  const next = safeNextPath(params.get('next'));
  const reason = REASON_MESSAGES[params.get('reason') ?? ''];

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              Sign in to aims
            </Title>
            <Text c="dimmed" size="sm">
              The AI management system of your organisation.
            </Text>
          </div>
          {reason && (
            <Alert color="blue" role="status">
              {reason}
            </Alert>
          )}
          <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
          {sso.data?.enabled && (
            <>
              <Divider label="or" labelPosition="center" />
              <Button component="a" href={sso.data.startUrl} variant="default">
                {sso.data.label}
              </Button>
            </>
          )}
          <Text size="xs" c="dimmed">
            Lost your password? Ask an administrator to set a new one. Automation uses{' '}
            <Anchor href="/api/docs" size="xs">
              the API
            </Anchor>{' '}
            with a token.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}

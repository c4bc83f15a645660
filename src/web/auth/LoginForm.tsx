import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError, errorCode } from '../api/errors.ts';
import type { Me } from '../api/types.ts';
import { meQueryKey, signIn } from './session.ts';

/** Turns the server's answer into words that help; it never says whether the account exists. */
function loginErrorMessage(error: unknown): string {
  switch (errorCode(error)) {
    case 'invalid_credentials':
      return 'The email or password is wrong.';
    case 'rate_limited':
      return `Too many sign-in attempts. ${describeError(error)}`;
    default:
      return describeError(error);
  }
}

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: (me) => {
      // Nothing cached for a previous person may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      onSignedIn(me);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {login.isError && (
          <Alert color="red" role="alert" title="Sign-in failed">
            {loginErrorMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          // Signing in is the only thing to do on this page.
          autoFocus
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" loading={login.isPending} disabled={!email.trim() || !password}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

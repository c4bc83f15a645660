#!/usr/bin/env node
// Entry point of the `aims` command. The sources are TypeScript run through tsx, so that the
// server, the CLI and the tests execute the same files without a separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

#!/usr/bin/env node
// The `roomready` command. The sources are TypeScript; tsx compiles them on the fly so the command
// works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));

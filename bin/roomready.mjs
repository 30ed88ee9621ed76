#!/usr/bin/env node
// The `roomready` command. The sources are TypeScript; tsx compiles them on the fly so the command
// works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
// React (which writes the HTML reports) picks its production build from NODE_ENV when first loaded:
// about 3.5x faster than the development build, whose extra checks are for the app's developers.
process.env.NODE_ENV ??= 'production';
const { runCli } = await import('../main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));

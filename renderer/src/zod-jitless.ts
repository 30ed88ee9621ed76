// zod compiles object parsers with new Function() unless told not to; our CSP forbids eval
// (script-src 'self'), so the renderer asks for the interpreter. Imported first by main.tsx so it
// runs before any shared/ module builds or parses a schema.
import { config } from 'zod';

config({ jitless: true });

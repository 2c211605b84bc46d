import { z } from 'zod';

// Zod's JIT probes `new Function`, which the studio's CSP forbids. Imported first by main.tsx so it
// runs before any schema parses.
z.config({ jitless: true });

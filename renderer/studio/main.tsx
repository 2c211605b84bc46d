// Zod's JIT probes `new Function` when a schema is built, which the studio's CSP forbids (a violation
// is reported even though zod catches it). The studio's code is split into chunks, and a chunk's
// schemas are built when it is evaluated: so this entry turns the JIT off first, and only then
// loads the studio, whose chunks hold every schema.
import './app/zod-jitless';
import '@blueprintjs/core/lib/css/blueprint.css';
import '@blueprintjs/select/lib/css/blueprint-select.css';
import './styles.css';
import { startupCalls, withEarlyCalls } from './app/early-calls';
import { pickTransport } from './app/transports';

// The backend reads the course while the studio's code downloads and starts (no schema is needed to ask).
const transport = withEarlyCalls(pickTransport(window), startupCalls(window.location.hash));
void import('./boot').then(({ boot }) => boot(transport));

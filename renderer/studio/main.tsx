// Zod's JIT probes `new Function` when a schema is built, which the studio's CSP forbids (a violation
// is reported even though zod catches it). The studio's code is split into chunks, and a chunk's
// schemas are built when it is evaluated: so this entry turns the JIT off first, and only then
// loads the studio, whose chunks hold every schema.
import './app/zod-jitless';
import '@blueprintjs/core/lib/css/blueprint.css';
import '@blueprintjs/select/lib/css/blueprint-select.css';
import './styles.css';

void import('./boot').then(({ boot }) => boot());

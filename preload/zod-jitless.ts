// Must be the first import of the preload (preload/index.ts) and of the
// renderer (renderer/main.tsx). Zod probes `new Function` the first
// time an object schema is built (the contract builds them at import time);
// under the console's CSP (no 'unsafe-eval') that probe fails harmlessly but is
// still reported as a policy violation. Jitless mode skips the probe.
import { z } from 'zod';

z.config({ jitless: true });

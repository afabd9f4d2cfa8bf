import { z } from 'zod';

// Zod probes `new Function` for a faster parser; under our CSP the browser reports that probe as a violation.
z.config({ jitless: true });

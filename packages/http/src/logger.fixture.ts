// Run by logger.test.ts: logs lines through a service's logger, then exits, throws or waits.
import Fastify from 'fastify';
import { serviceLogger } from './logger.js';

const app = Fastify({ logger: serviceLogger('info') });
const ending = process.argv[2];
for (let n = 0; n < (ending === 'wait' ? 1 : 5000); n++) app.log.info({ n }, 'line');
if (ending === 'throw') throw new Error('the process fails');
if (ending === 'exit') process.exit(0);
// 'wait': the process lives on; the test reads what was written meanwhile.
setTimeout(() => undefined, 15_000);

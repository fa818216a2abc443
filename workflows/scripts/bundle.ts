// Prebuilds the workflow bundle so a production worker starts without running webpack.
// Usage: tsx workflows/scripts/bundle.ts <output.js>; the worker reads it from NTM_WORKFLOW_BUNDLE.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from '../src/worker.js';

const output = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const { code } = await bundleWorkflowCode({ workflowsPath });
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, code);
console.log(`workflow bundle written to ${output} (${Math.round(code.length / 1024)} KiB)`);

import { runInherited } from '../process/run.ts';

/** Runs a command with inherited output; returns its exit code (1 when it could not start). */
export const run = runInherited;

import { z } from 'zod';
import { describeZodError, err, ok, type Result } from '../../../src-shared/result.js';

/**
 * One migration step: version `from` → `from + 1`. `up` is typed with the shape it
 * reads and the shape it writes, so a step cannot silently skip a field.
 */
export interface MigrationStep<From = never, To = unknown> {
  from: number;
  up(doc: From): To;
}

/** Declares a typed step. Steps are kept forever, in order. */
export const migrationStep = <From, To>(from: number, up: (doc: From) => To): MigrationStep<From, To> => ({ from, up });

const Versioned = z.object({ version: z.number().int().nonnegative() }).loose();

/**
 * Runs every step from the document's version up to `target`, then parses the
 * result with `schema`. A file newer than this build is refused, not clobbered.
 */
export function migrate<T>(
  raw: unknown,
  steps: readonly MigrationStep<never, unknown>[],
  target: number,
  schema: z.ZodType<T>,
): Result<{ doc: T; from: number }> {
  const head = Versioned.safeParse(raw);
  if (!head.success) return err('validation', `no version: ${describeZodError(head.error)}`);
  const from = head.data.version;
  if (from > target) return err('conflict', `file version ${from} is newer than this build (${target})`);
  let doc: unknown = raw;
  for (let version = from; version < target; version += 1) {
    const step = steps.find((s) => s.from === version);
    if (!step) return err('internal', `no migration step from version ${version}`);
    doc = { ...(step.up as (d: unknown) => object)(doc), version: version + 1 };
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) return err('validation', describeZodError(parsed.error));
  return ok({ doc: parsed.data, from });
}

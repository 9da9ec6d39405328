import { expect, it } from 'vitest';
import { newId } from './secrets.js';

it('ids stay unique and well-formed across refills of the drawn random bytes', () => {
  const ids = Array.from({ length: 2_000 }, () => newId('m'));
  for (const id of ids) expect(id).toMatch(/^m_[A-Za-z0-9_-]{16}$/);
  expect(new Set(ids).size).toBe(ids.length);
});

import { describe, expect, it } from 'vitest';
import { isQuotaError } from './isQuotaError.js';

const quota = new DOMException('full', 'QuotaExceededError');

describe('isQuotaError', () => {
  it.each([
    ['a DOMException', quota, true],
    ["Dexie's mapped error", Object.assign(new Error('full'), { name: 'QuotaExceededError' }), true],
    ['an AbortError with the quota error inside', Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota }), true],
    ['a BulkError with a quota failure', Object.assign(new Error('bulk'), { name: 'BulkError', failures: [quota] }), true],
    ['an ordinary error', new Error('boom'), false],
    ['a ConstraintError', new DOMException('dup', 'ConstraintError'), false],
    ['a string', 'QuotaExceededError', false],
    ['null', null, false],
  ])('%s → %s', (_what, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

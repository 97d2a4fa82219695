import { ValidationError } from '@creatorflow/core';

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Blob keys are relative paths of safe segments: no `..`, no absolute paths, no odd characters. */
export function checkBlobKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.')) {
    throw new ValidationError(`Invalid blob key '${key.slice(0, 80)}'`, [{ path: 'key', message: 'segments of [A-Za-z0-9._-], no ..' }]);
  }
  return key;
}

// SHA-256 for the journal chain (core takes it through the Hasher interface).
import { createHash } from 'node:crypto';
import type { Hasher } from '../core/journal';

export const nodeHasher: Hasher = {
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

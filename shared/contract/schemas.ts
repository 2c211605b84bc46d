import { z } from 'zod';

/** A course title as designers type it: trimmed, not empty, not a novel. */
export const courseTitle = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' });

/** An absolute or relative file-system path as typed or picked by the designer. */
export const filePath = z
  .string({ error: 'must be a path (text)' })
  .min(1, { error: 'must not be empty' })
  .max(4096, { error: 'is too long for a path' })
  .refine((p) => !p.includes('\0'), { error: 'must not contain a NUL character' });

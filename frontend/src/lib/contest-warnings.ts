import type { ContestWarning } from './api-types';

/**
 * The warning that a contest draws from a public question bank (one shipped with the
 * platform, whose answers anyone can read), if the server gave it.
 */
export function publicBankWarning(warnings: readonly ContestWarning[] | null | undefined): ContestWarning | null {
  return warnings?.find((warning) => warning.code === 'PUBLIC_BANK') ?? null;
}

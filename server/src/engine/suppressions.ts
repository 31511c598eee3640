/** Suppression comments: `// acquis-disable <rule-id> -- <reason>`. */
import type { Suppression } from '../../../grammar/src/index.js';

/** The placeholder the editor inserts does not count as a reason until someone replaces it. */
export const REASON_PLACEHOLDER = '[reason]';

export function hasReason(s: Suppression): boolean {
  return !!s.reason && s.reason.trim() !== REASON_PLACEHOLDER;
}

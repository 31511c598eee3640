/** `suppression.reason`: a rule switched off for a paragraph without saying why. */
import { hasReason } from '../suppressions.js';
import type { Rule } from './rule.js';

export const suppressionReason: Rule = {
  id: 'suppression.reason',
  defaultSeverity: 'warning',
  summary: 'A suppression comment must give a reason.',
  docs:
    'Turning a rule off for a paragraph is an audit trail, not a silent switch: write ' +
    '`// acquis-disable <rule-id> -- <reason>`. A suppression with no reason does not suppress anything ' +
    'and is reported here; one with no rule id is reported too.',
  fixable: false,
  check(ctx) {
    for (const paragraph of ctx.draft.document.paragraphs) {
      for (const s of paragraph.suppressions) {
        if (!s.rules.length) {
          ctx.report({ message: 'This suppression names no rule: write `// acquis-disable <rule-id> -- <reason>`.', span: s.span });
        } else if (!hasReason(s)) {
          ctx.report({
            message: `Suppressing ${s.rules.join(', ')} needs a reason after \`--\`; until it has one it suppresses nothing.`,
            span: s.span,
          });
        }
      }
    }
  },
};

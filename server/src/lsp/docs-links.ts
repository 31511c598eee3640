/**
 * Where a rule's documentation lives, as the `codeDescription` of its diagnostics and the
 * "documentation" code action link to it: the rule's own page in docs/rules/ when it has one, else
 * its section of docs/rules.md. Shared by the server and its lint worker (both run from dist/).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinAcquisDir } from '../host/install.js';

const pages = new Map<string, string>();

/** The file URI of a rule's documentation. */
export function docsUri(ruleId: string): string {
  let uri = pages.get(ruleId);
  if (!uri) {
    const root = join(builtinAcquisDir(), '..', '..', 'docs');
    const page = join(root, 'rules', `${ruleId}.md`);
    uri = existsSync(page) ? pathToFileURL(page).href : `${pathToFileURL(join(root, 'rules.md')).href}#${ruleId.replace(/\./g, '')}`;
    pages.set(ruleId, uri);
  }
  return uri;
}

/**
 * `workspace/configuration` for the `acquis` section with only the settings the user set. VS Code
 * answers with defaults filled in, so a server could not tell "the user chose `builtin: true`"
 * from "nobody said anything"; with defaults filled in, an editor default would override the
 * project's acquis.config.yaml. The precedence rule (setting > project file > defaults, see
 * README "Configuration") needs the difference: an unset setting is sent as null.
 * Settings that are not configuration keys (the lint delay, the trace) keep their values.
 */
import * as vscode from 'vscode';
import type { ConfigurationParams, ConfigurationRequest } from 'vscode-languageclient';

/** Editor-only settings: they are not choices over the project file. */
const EDITOR_ONLY = new Set(['lintDelay', 'trace']);

export const explicitSettings: ConfigurationRequest.MiddlewareSignature = async (params: ConfigurationParams, token, next) => {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, i) => (item.section === 'acquis' ? explicitOf(answers[i], item.scopeUri) : answers[i]));
};

function explicitOf(effective: unknown, scopeUri: string | undefined): unknown {
  if (!effective || typeof effective !== 'object') return effective;
  const config = vscode.workspace.getConfiguration('acquis', scopeUri ? vscode.Uri.parse(scopeUri) : null);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(effective)) {
    if (EDITOR_ONLY.has(key)) {
      out[key] = value;
      continue;
    }
    const i = config.inspect(key);
    out[key] =
      i?.workspaceFolderLanguageValue ?? i?.workspaceFolderValue ?? i?.workspaceLanguageValue ?? i?.workspaceValue ?? i?.globalLanguageValue ?? i?.globalValue ?? null;
  }
  return out;
}

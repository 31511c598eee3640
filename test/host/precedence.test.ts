/**
 * The one precedence rule (server/src/host/precedence.ts), tested once for both hosts:
 * command-line option or editor setting > project file > defaults.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../server/src/engine/index';
import { effectiveConfig } from '../../server/src/host/precedence';

describe('effectiveConfig: choices > project file > defaults', () => {
  it('gives the defaults when nobody speaks', () => {
    expect(effectiveConfig({}, undefined)).toEqual(DEFAULT_CONFIG);
  });

  it('takes a single value from the project file over the default, and from the user over both', () => {
    expect(effectiveConfig({}, { builtin: false }).builtin).toBe(false);
    expect(effectiveConfig({ builtin: true }, { builtin: false }).builtin).toBe(true);
    // The case of the issue: project `builtin: true`, setting `acquis.builtin: false` -> the setting wins.
    expect(effectiveConfig({ builtin: false }, { builtin: true }).builtin).toBe(false);
    expect(effectiveConfig({ failOn: 'error' }, { failOn: 'none' }).failOn).toBe('error');
    expect(effectiveConfig({}, { duplicates: 'project' }).duplicates).toBe('project');
  });

  it('treats an unset choice (undefined, or null as editors send it) as silence', () => {
    expect(effectiveConfig({ builtin: null, failOn: undefined, rules: null }, { builtin: false, failOn: 'info', rules: { 'precedent.agreed': 'off' } })).toEqual({
      ...DEFAULT_CONFIG,
      builtin: false,
      failOn: 'info',
      rules: { 'precedent.agreed': 'off' },
    });
  });

  it('merges rules rule by rule, the user deciding each rule they name', () => {
    const config = effectiveConfig(
      { rules: { 'precedent.agreed': 'error', 'style.spelling': 'off' } },
      { rules: { 'precedent.agreed': 'off', 'term.unclear': 'hint', 'mandate.coverage': { minShare: 0.1 } } },
    );
    expect(config.rules).toEqual({ 'precedent.agreed': 'error', 'style.spelling': 'off', 'term.unclear': 'hint', 'mandate.coverage': { minShare: 0.1 } });
  });

  it('adds the user\'s acquis folders to the project\'s (they are extra folders)', () => {
    expect(effectiveConfig({ acquis: ['/b'] }, { acquis: ['/a'] }).acquis).toEqual(['/a', '/b']);
    expect(effectiveConfig({ acquis: ['/b'] }, undefined).acquis).toEqual(['/b']);
    expect(effectiveConfig({}, { acquis: ['/a'] }).acquis).toEqual(['/a']);
  });

  it('carries keys it does not know by name (a key added to the schema needs no change here)', () => {
    const config = effectiveConfig({ someNewKey: 'user' } as never, { someNewKey: 'project', other: 1 } as never) as unknown as Record<string, unknown>;
    expect(config.someNewKey).toBe('user');
    expect(config.other).toBe(1);
  });

  it('never changes its inputs', () => {
    const project = { acquis: ['/a'], rules: { 'precedent.agreed': 'off' as const } };
    const choices = { acquis: ['/b'], rules: { 'term.unclear': 'hint' as const } };
    effectiveConfig(choices, project);
    expect(project).toEqual({ acquis: ['/a'], rules: { 'precedent.agreed': 'off' } });
    expect(choices).toEqual({ acquis: ['/b'], rules: { 'term.unclear': 'hint' } });
    expect(DEFAULT_CONFIG.acquis).toEqual([]);
  });
});

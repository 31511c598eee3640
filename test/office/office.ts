/**
 * Real files made by a real office suite: LibreOffice headless (`soffice`, installed in CI by
 * scripts/ensure-libreoffice.sh) converts the hand-written sources in fixtures/ into .pdf and
 * .docx, and our exports into flat ODT to inspect. Conversions are slow on a shared machine, so
 * each result is cached under test-output/office/, keyed by the hash of its source and filter.
 * Each run gets its own LibreOffice profile, so parallel test files do not collide.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { describe } from 'vitest';

export const ROOT = resolve(__dirname, '..', '..');
export const OFFICE_FIXTURES = join(__dirname, 'fixtures');
const CACHE = join(ROOT, 'test-output', 'office');

function findSoffice(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

export const SOFFICE = findSoffice();
if (!SOFFICE) console.warn('office tests: LibreOffice (soffice) not found; run scripts/ensure-libreoffice.sh. Skipped.');
/** `describe`, or `describe.skip` (with the warning above) where LibreOffice is missing. */
export const describeOffice = SOFFICE ? describe : describe.skip;

/**
 * `source` converted by LibreOffice to `format` (`pdf`, `docx`, `fodt`, or a filter such as
 * `pdf:writer_pdf_Export:{...}`): the path of the cached result.
 */
export function convert(source: string, format: string, as?: string): string {
  const ext = format.split(':')[0]!;
  const hash = createHash('sha256').update(readFileSync(source)).update(`\0${format}`).digest('hex').slice(0, 16);
  const target = join(CACHE, `${as ?? basename(source, extname(source))}-${hash}.${ext}`);
  if (existsSync(target)) return target;
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'acquis-soffice-'));
  try {
    const input = join(work, `${as ?? basename(source, extname(source))}${extname(source)}`);
    copyFileSync(source, input);
    const r = spawnSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', join(work, 'out'), input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const made = existsSync(join(work, 'out')) ? readdirSync(join(work, 'out')).filter((f) => f.endsWith(`.${ext}`)) : [];
    if (made.length !== 1) throw new Error(`soffice did not convert ${source} to ${format}: ${r.status} ${r.stderr}`);
    renameSync(join(work, 'out', made[0]!), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

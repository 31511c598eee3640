/** The error every host reports to the user: a file, perhaps a line and column, and a reason. */

/** An input problem the user must fix: reported as `file:line:col message` (exit code 2 in the CLI). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  get location(): string {
    if (!this.file) return '';
    return this.line !== undefined ? `${this.file}:${this.line}:${this.column ?? 1}: ` : `${this.file}: `;
  }
}

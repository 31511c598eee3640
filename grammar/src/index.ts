/** The syntax layer: the `.draft` markup, with no knowledge of files, editors or rules. */
export * from './ast.js';
export { frontMatterFields, parse } from './parse.js';
export { inlineView, type TextView, type ViewMode } from './views.js';
export { readAdoption } from './front-matter.js';
export { IncrementalParser } from './incremental.js';

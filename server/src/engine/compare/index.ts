/** Comparing two revisions of a draft: alignment, redlines, proposals taken up, and the formats. */
export { compareRevisions, compareRead, type CompareOptions } from './compare.js';
export { alignParagraphs, keySimilarity, DEFAULT_ALIGN_OPTIONS, type AlignOptions, type Relation } from './align.js';
export { readRevision, type Revision, type RevisionParagraph } from './revision.js';
export { redlineRuns, oldText, newText } from './redline.js';
export { TAKEN_UP_FULL, TAKEN_UP_PARTIAL } from './proposals.js';
export type * from './model.js';
export { formatCompareText, type TextFormatOptions } from './format-text.js';
export { formatCompareMarkdown, escapeMarkdown } from './format-markdown.js';
export { formatCompareHtml, escapeHtml } from './format-html.js';
export { formatCompareJson, toCompareJson, COMPARE_JSON_VERSION, type CompareJson } from './format-json.js';
export type { FormatOptions } from './format-common.js';
export { orderRevisions, revisionStamp, type RevisionOrder, type RevisionStamp } from './order.js';

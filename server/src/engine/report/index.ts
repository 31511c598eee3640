/** The draft report: plain data (`buildReport`) and its self-contained HTML page (`reportHtml`). */
export {
  buildReport,
  NO_SECTION,
  NO_STATUS,
  STATUS_ORDER,
  type BracketRow,
  type MandateItemRow,
  type ProposerRow,
  type ReportData,
  type RuleRow,
  type SectionShare,
  type StatusRow,
  type SuppressionRow,
} from './build.js';
export { barChart, reportHtml, type BarRow } from './format-html.js';

// Lays a `.draft` out as a UN document in LibreOffice's flat ODT format: the provenance of
// fixtures/A-73-505.fodt (made from the whole-report import of seed 004, A/73/505). Committed so
// the fixture can be remade; the tests convert the .fodt to PDF with LibreOffice and never run this.
//
//   node bin/acquis.js import ../shared/seeds/004_6c968ad1fcba2b60.txt -o /tmp/A-73-505.draft
//   node test/office/make-un-fodt.mjs /tmp/A-73-505.draft > test/office/fixtures/A-73-505.fodt
//
// With `--resolution <date> <job number>`, an adopted resolution (server/acquis/A-RES-73-27.draft)
// is laid out as the General Assembly prints it on its own (fixtures/A-RES-73-27.fodt):
//   node test/office/make-un-fodt.mjs server/acquis/A-RES-73-27.draft --resolution "5 December 2018" 18-21306
import { readFileSync } from 'node:fs';

const source = readFileSync(process.argv[2], 'utf8');
const resolutionMode = process.argv[3] === '--resolution';
const front = Object.fromEntries([...(/^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '').matchAll(/^([\w-]+): (.*)$/gm)].map((m) => [m[1], m[2]]));
const symbol = resolutionMode ? front.symbol : 'A/73/505';
const job = resolutionMode ? process.argv[5] : '18-19355';
const draft = source.replace(/^---\n[\s\S]*?\n---\n/, '');
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (s) => s.replace(/\\([[\]{}|\\"])/g, '$1');

// Units: headings, paragraphs, sub-paragraphs, notes; wrapped lines joined.
const units = [];
for (const block of draft.split(/\n\s*\n/)) {
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    if (/^(#|\/\/|\[\^)/.test(line) || /^\s*\([a-z]+\) /.test(line) || units.length === 0 || units[units.length - 1].closed) {
      units.push({ text: line.trim(), sub: /^\s*\(/.test(line) ? (line.match(/^ */)[0].length / 2) : 0 });
    } else {
      units[units.length - 1].text += ` ${line.trim()}`;
    }
  }
  if (units.length) units[units.length - 1].closed = true;
}
const notes = new Map();
for (const u of units) {
  const m = /^\[\^([\w-]+)\]: (.*)$/.exec(u.text);
  if (m) notes.set(m[1], m[2]);
}

let noteNo = 0;
const printed = new Set();
function inline(text) {
  // Italic operative/preambular opening words, as the UN prints them; notes as real footnotes.
  return xml(unescape(text)).replace(/\[\^([\w-]+)\]/g, (_, id) => {
    const label = id.replace(/^[IVX]+-/, '');
    // A note referred to again is not printed again: the reference is a superscript number.
    if (printed.has(id)) return `<text:span text:style-name="Sup">${label}</text:span>`;
    printed.add(id);
    noteNo++;
    return `<text:note text:id="ftn${noteNo}" text:note-class="footnote"><text:note-citation text:label="${label}">${label}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${xml(unescape(notes.get(id) ?? ''))}</text:p></text:note-body></text:note>`;
  });
}
const italicOpening = (body) => {
  const m = /^((?:[A-Z][a-z]+)(?: (?:also|further|furthermore|further also|with (?:appreciation|concern|satisfaction)|upon|Member States|to))?)( [\s\S]*)$/.exec(body);
  return m ? `<text:span text:style-name="Italic">${inline(m[1])}</text:span>${inline(m[2])}` : inline(body);
};

const body = [];
const p = (style, content) => body.push(`<text:p text:style-name="${style}">${content}</text:p>`);
p('Cover', xml(symbol));
p('Cover', 'General Assembly');
p('Cover', 'Distr.: General');
p('Cover', resolutionMode ? xml(process.argv[4]) : '19 November 2018');
p('Cover', 'Seventy-third session');
p('Cover', 'Agenda item 96');
if (resolutionMode) {
  p('Cover', `Resolution adopted by the General Assembly on ${xml(process.argv[4])}`);
  p('Cover', '[on the report of the First Committee (A/73/505)]');
  p('CoverTitle', `${xml(symbol.replace('A/RES/', ''))}.<text:tab/>${xml(front.title)}`);
} else {
  p('Cover', 'Original: English');
  p('CoverTitle', 'Developments in the field of information and telecommunications in the context of international security');
  p('CoverTitle', 'Report of the First Committee');
}
let inResolution = resolutionMode;
for (const u of units) {
  let m;
  if (/^\[\^/.test(u.text) || /^\/\//.test(u.text)) continue;
  if ((m = /^## Draft resolution ([IVX]+): (.*)$/.exec(u.text))) {
    inResolution = true;
    p('Heading', `Draft resolution ${m[1]}`);
    p('Heading', inline(m[2]));
  } else if ((m = /^#+ (.*)$/.exec(u.text))) {
    const h = /^([IVX]+|[A-H])\. (.*)$/.exec(m[1]);
    p('Heading', h ? `${h[1]}.<text:tab/>${inline(h[2])}` : inline(m[1]));
  } else if ((m = /^PP\d+\. ([\s\S]*)$/.exec(u.text))) {
    p('Preambular', italicOpening(m[1]));
  } else if ((m = /^OP(\d+(?:\.\d+)*)\. ([\s\S]*)$/.exec(u.text))) {
    const item = m[1].includes('.');
    p(item ? 'Item' : 'Numbered', `${m[1]}.<text:tab/>${item ? inline(m[2]) : italicOpening(m[2])}`);
  } else if ((m = /^(\d+)\. ([\s\S]*)$/.exec(u.text))) {
    p('Numbered', `${m[1]}.<text:tab/>${inline(m[2])}`);
  } else if ((m = /^\(([a-z]+)\) ([\s\S]*)$/.exec(u.text))) {
    p(u.sub > 1 ? 'Sub2' : 'Sub', `(${m[1]})<text:tab/>${inline(m[2])}`);
  } else if (inResolution && /^The General Assembly,$/.test(u.text)) {
    p('Enacting', inline(u.text));
  } else {
    p('Plain', inline(u.text));
  }
}

process.stdout.write(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.12in"/>
   <style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="en" fo:country="GB" fo:hyphenate="false"/>
  </style:default-style>
  <style:style style:name="Footnote" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="0.3in" fo:text-indent="-0.3in" fo:margin-bottom="0in"/>
   <style:text-properties fo:font-size="8pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.7in" fo:margin-bottom="0.7in" fo:margin-left="1.2in" fo:margin-right="1.2in"/>
   <style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.25in"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0in" fo:margin-top="0.25in"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="Cover" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.04in"/></style:style>
  <style:style style:name="CoverTitle" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-top="0.12in"/><style:text-properties fo:font-weight="bold" fo:font-size="12pt"/></style:style>
  <style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-top="0.12in" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:font-size="11pt"/></style:style>
  <style:style style:name="Numbered" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="0in"><style:tab-stops><style:tab-stop style:position="0.4in"/></style:tab-stops></style:paragraph-properties></style:style>
  <style:style style:name="Item" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="0in"><style:tab-stops><style:tab-stop style:position="0.4in"/></style:tab-stops></style:paragraph-properties></style:style>
  <style:style style:name="Preambular" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="0.5in"/></style:style>
  <style:style style:name="Enacting" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="0.5in"/></style:style>
  <style:style style:name="Sub" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in" fo:text-indent="0.5in"><style:tab-stops><style:tab-stop style:position="0.9in"/></style:tab-stops></style:paragraph-properties></style:style>
  <style:style style:name="Sub2" style:family="paragraph"><style:paragraph-properties fo:margin-left="1in" fo:text-indent="0.5in"><style:tab-stops><style:tab-stop style:position="0.9in"/></style:tab-stops></style:paragraph-properties></style:style>
  <style:style style:name="Plain" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5in"/></style:style>
  <style:style style:name="Furniture" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="0in"/><style:text-properties fo:font-size="8pt"/></style:style>
  <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
  <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p text:style-name="Furniture">${xml(symbol)}</text:p></style:header>
   <style:footer><text:p text:style-name="Furniture"><text:page-number text:select-page="current">1</text:page-number>/<text:page-count>20</text:page-count> ${job}</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
${body.map((l) => `   ${l}`).join('\n')}
  </office:text>
 </office:body>
</office:document>
`);

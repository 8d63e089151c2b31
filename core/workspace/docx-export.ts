import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, Run } from './live/rich-text.js';
import type { ApplicationSummary, ChecklistItemResult, FieldDefinition, FieldState, SectionState, WorkspaceDefinitions } from './model.js';
import { parseList, parseTable } from './model.js';
import { formatLocalDate, localDate } from '../time/local-date.js';
import { OUTCOME_LABELS, STAGE_LABELS } from './lifecycle.js';

/**
 * The whole application as a Word document laid out for the panel: a cover with the PCN, stage and
 * deadline; the approval checklist with what is done and what is missing; the aligned practices;
 * a table of sections with owners and statuses; then every section in order with each answer
 * (tables as tables, lists as bullets, long answers as paragraphs), and the panel and outcome.
 */
export interface ExportInput {
  application: ApplicationSummary;
  definitions: WorkspaceDefinitions;
  fields: Record<string, FieldState>;
  sections: Record<string, SectionState>;
  checklist: ChecklistItemResult[];
  /** Long answers as rich text (from their live documents): headings, lists and emphasis kept. */
  rich?: Record<string, Block[]>;
  exportedAt: Date;
  exportedBy: string;
}

const STATUS_LABELS: Record<SectionState['status'], string> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  'ready-for-review': 'Ready for review',
  agreed: 'Agreed',
};

const date = (iso: string) => formatLocalDate(localDate(iso.slice(0, 10)));
const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, ...options });
const para = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [text(value, options)] });
const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text: value, heading: level });

function grid(header: string[], rows: string[][]): Table {
  const cell = (value: string, bold = false) => new TableCell({ children: value.split('\n').map((line) => para(line, { bold })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  });
}

const NUMBERED = 'answer-numbered';

function runsOf(runs: readonly Run[]): (TextRun | ExternalHyperlink)[] {
  return runs.map((r) => {
    const run = new TextRun({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(r.href ? { style: 'Hyperlink' } : {}) });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_4, 2: HeadingLevel.HEADING_5, 3: HeadingLevel.HEADING_6 } as const;

/** Rich blocks as Word paragraphs: headings below the field's own, bullets, numbered lists (restarting per list), emphasis and links. */
function richParagraphs(blocks: readonly Block[], level = 0, counter = { n: 0 }): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(new Paragraph({ children: runsOf(block.runs) }));
    else if (block.kind === 'heading') out.push(new Paragraph({ heading: HEADINGS[block.level], children: runsOf(block.runs) }));
    else {
      const instance = ++counter.n;
      for (const item of block.items) {
        item.forEach((inner, i) => {
          if (i === 0 && (inner.kind === 'paragraph' || inner.kind === 'heading')) {
            out.push(
              new Paragraph({
                children: runsOf(inner.runs),
                ...(block.kind === 'bullet-list' ? { bullet: { level } } : { numbering: { reference: NUMBERED, level, instance } }),
              }),
            );
          } else out.push(...richParagraphs([inner], level + 1, counter));
        });
      }
    }
  }
  return out;
}

function answer(definition: FieldDefinition, value: string, rich?: Block[]): (Paragraph | Table)[] {
  if (value.trim() === '') return [para('Not answered yet.', { italics: true })];
  if (definition.kind === 'longtext' && rich) return richParagraphs(rich);
  switch (definition.kind) {
    case 'list':
      return parseList(value).map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table': {
      const columns = definition.columns ?? [];
      const rows = parseTable(value, columns);
      return [grid(columns.map((c) => c.label), rows.map((row) => columns.map((c) => row[c.key] ?? '')))];
    }
    default:
      return value.split('\n').map((line) => para(line));
  }
}

export function buildDocument(input: ExportInput): Document {
  const { application: app, definitions } = input;
  const done = input.checklist.filter((c) => c.done).length;
  const { countdown, lifecycle } = app;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: app.title, heading: HeadingLevel.TITLE }),
    para(`${app.pcnName}: Learning Organisation application for the approval panel`, { bold: true }),
    para(`Stage: ${STAGE_LABELS[lifecycle.stage]}${lifecycle.submittedAt ? ` (submitted ${date(lifecycle.submittedAt)})` : ''}`),
    para(`Deadline for approval: ${date(countdown.deadline)} (${countdown.daysLeft >= 0 ? `${countdown.daysLeft} days left` : `${-countdown.daysLeft} days ago`})`),
    para(`Exported ${date(input.exportedAt.toISOString())} by ${input.exportedBy}`, { italics: true }),

    heading('Approval checklist', HeadingLevel.HEADING_1),
    para(`${done} of ${input.checklist.length} complete${done === input.checklist.length ? ': ready to submit.' : '.'}`, { bold: true }),
    grid(
      ['Item', 'Status', 'Still missing'],
      input.checklist.map((c) => [c.label, c.done ? 'Complete' : 'Missing', c.done ? '' : (c.detail ?? '')]),
    ),

    heading('Aligned practices', HeadingLevel.HEADING_1),
    grid(['Practice', 'ODS code'], app.practices.map((p) => [p.name, p.odsCode])),

    heading('Sections at a glance', HeadingLevel.HEADING_1),
    grid(
      ['Section', 'Owner', 'Status', 'Due'],
      definitions.sections.map((s) => {
        const state = input.sections[s.id];
        const owner = [state?.owner?.practiceName, state?.owner?.person?.name].filter(Boolean).join(', ');
        return [`${s.number} ${s.title}`, owner || 'No owner', STATUS_LABELS[state?.status ?? 'not-started'], state?.dueDate ? date(state.dueDate) : ''];
      }),
    ),
  ];

  for (const section of definitions.sections) {
    const state = input.sections[section.id];
    children.push(new Paragraph({ text: `${section.number} ${section.title}`, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    children.push(para(section.intro, { italics: true }));
    children.push(para(`Status: ${STATUS_LABELS[state?.status ?? 'not-started']}`));
    for (const field of section.fields) {
      children.push(heading(field.label, HeadingLevel.HEADING_3));
      children.push(...answer(field, input.fields[field.id]?.text ?? '', input.rich?.[field.id]));
    }
  }

  if (lifecycle.panel || lifecycle.outcome) {
    children.push(new Paragraph({ text: 'Panel and outcome', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    if (lifecycle.panel) {
      const p = lifecycle.panel;
      children.push(para(`Panel: ${date(p.date)}${p.time ? ` at ${p.time}` : ''}${p.location ? `, ${p.location}` : ''}`, { bold: true }));
      children.push(grid(['Panel member', 'Role', 'Organisation'], p.members.map((m) => [m.name, m.role, m.organisation ?? ''])));
    }
    if (lifecycle.outcome) {
      children.push(para(`Outcome: ${OUTCOME_LABELS[lifecycle.outcome.outcome]} (${date(lifecycle.outcome.decidedAt)})`, { bold: true }));
      if (lifecycle.outcome.conditions) children.push(para(`Conditions: ${lifecycle.outcome.conditions}`));
      if (lifecycle.annualReviewDate) children.push(para(`Annual review: ${date(lifecycle.annualReviewDate)}`));
    }
  }

  return new Document({
    creator: 'Mandatory Learning',
    title: app.title,
    description: `Learning Organisation application of ${app.pcnName}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })),
        },
      ],
    },
    sections: [{ properties: {}, children }],
  });
}

export async function exportDocx(input: ExportInput): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(input));
}

/** A file name safe for Content-Disposition. */
export function exportFileName(app: Pick<ApplicationSummary, 'pcnName'>, on: Date): string {
  return `${app.pcnName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-learning-organisation-${on.toISOString().slice(0, 10)}.docx`;
}

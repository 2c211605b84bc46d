import type { Finding, ProofStats } from '../analysis';
import type { CourseIndex } from '../engine';
import { compareLearners, lessonLabel, moduleLabel, previewLearner, type LearnerPreview } from './learner-compare';

/** What the review report shows: the course, the proof's findings, and when it was made. */
export interface ReviewReportInput {
  readonly index: CourseIndex;
  readonly findings: readonly Finding[];
  readonly stats?: ProofStats;
  /** ISO date and time the report was made (passed in: the generator is pure). */
  readonly generatedAt: string;
  /** sha256 of a text, base64: the page's CSP allows its one style element by hash, nothing else. */
  readonly hashStyle: (css: string) => string;
}

/** Everything authored goes through this before it reaches the page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** Tagged template: every interpolated value is escaped unless it is already markup from `html`. */
class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}
type Part = string | number | Markup | readonly Markup[] | null | undefined | false;
function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0]!;
  values.forEach((v, i) => {
    if (Array.isArray(v)) out += v.map((m: Markup) => m.text).join('');
    else if (v instanceof Markup) out += v.text;
    else if (v !== null && v !== undefined && v !== false) out += escapeHtml(String(v));
    out += strings[i + 1]!;
  });
  return new Markup(out);
}

export const REPORT_CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1c2127; background: #fff; margin: 0 auto; max-width: 960px; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid #d3d8de; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 4px; }
.meta, .muted { color: #5f6b7c; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #d3d8de; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f6f7f9; }
tr.differs th, tr.differs td { background: #fbf3d0; }
.group th { background: #eef3fb; text-transform: uppercase; font-size: 12px; letter-spacing: .04em; }
ol.path { padding-left: 20px; }
ol.path li { margin: 4px 0; }
.status { font-weight: 600; }
.reason { margin: 0; font-size: 14px; }
.sev-error { color: #ac2f33; font-weight: 600; }
.sev-warning { color: #935610; font-weight: 600; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } h2 { break-after: avoid; } section.persona, tr { break-inside: avoid; } }
`;

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function summary(index: CourseIndex, learners: readonly LearnerPreview[]): Markup {
  const { course } = index;
  const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
  const minutes = course.modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.minutes, 0), 0);
  return html`<section aria-labelledby="summary">
    <h2 id="summary">Course summary</h2>
    ${course.description ? html`<p>${course.description}</p>` : null}
    <dl class="summary">
      <dt>Modules</dt>
      <dd>${course.modules.length} (${lessons} lessons, ${minutes} min in all)</dd>
      <dt>Competencies</dt>
      <dd>${course.competencies.map((c) => c.name).join(', ') || 'None'}</dd>
      <dt>Placement test</dt>
      <dd>${course.placement ? `${course.questions.length} questions in the bank` : 'None'}</dd>
      <dt>Personas</dt>
      <dd>${learners.map((l) => l.persona.name).join(', ') || 'None'}</dd>
    </dl>
  </section>`;
}

function personaPath(index: CourseIndex, l: LearnerPreview, n: number): Markup {
  const { persona, placement, path } = l;
  const levels = index.course.competencies.map((c) => `${c.name}: ${placement.mastery[c.id] ?? 'none'}`).join(', ');
  return html`<section class="persona" aria-labelledby="persona-${n}">
    <h3 id="persona-${n}">${persona.name}</h3>
    <p class="meta">
      Role ${persona.role} · ${persona.seniority} · ${placement.steps.length} placement questions · ${path.minutesLeft}
      min of required lessons${levels ? html` · placed at ${levels}` : null}
    </p>
    <ol class="path">
      ${path.modules.map(
        (m) =>
          html`<li>
            <span class="status">${moduleLabel(m)}:</span> ${m.title}${m.reasons.map(
              (r) =>
                html`<p class="reason">
                  ${r.text}${r.evidence?.length ? html` <span class="muted">(${r.evidence.join('; ')})</span>` : null}
                </p>`,
            )}${m.lessons
              .filter((lesson) => lesson.reasons.length > 0)
              .map((lesson) => html`<p class="reason">“${lesson.title}”: ${lessonLabel(m, lesson)}</p>`)}
          </li>`,
      )}
    </ol>
  </section>`;
}

function sideBySide(index: CourseIndex, learners: readonly LearnerPreview[]): Markup {
  if (learners.length < 2) return html`<p class="muted">The course has fewer than two personas to compare.</p>`;
  const rows = compareLearners(index, learners);
  return html`<table>
    <caption class="muted">
      Rows marked “differs” are not the same for every persona.
    </caption>
    <thead>
      <tr>
        <td></td>
        ${learners.map((l) => html`<th scope="col">${l.persona.name}</th>`)}
      </tr>
    </thead>
    ${(['summary', 'modules'] as const).map(
      (group) =>
        html`<tbody>
          <tr class="group">
            <th scope="colgroup" colspan="${learners.length + 1}">${group === 'summary' ? 'Summary' : 'Modules'}</th>
          </tr>
          ${rows
            .filter((r) => r.group === group)
            .map(
              (r) =>
                html`<tr${r.differs ? html` class="differs"` : null}><th scope="row">${r.label}${r.differs ? ' (differs)' : null}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`,
            )}
        </tbody>`,
    )}
  </table>`;
}

function findingsList(findings: readonly Finding[], stats: ProofStats | undefined): Markup {
  const shown = findings.filter((f) => f.severity !== 'info');
  const notes = findings.length - shown.length;
  const checked = stats
    ? html`<p class="meta">The proof checked ${stats.learners} learners and ${stats.casesChecked} placement cases.</p>`
    : null;
  if (shown.length === 0)
    return html`${checked}
      <p>
        No errors or warnings: every module is reachable by someone it is for, and every persona can
        finish.${notes ? ` ${notes} notes on what the designer meant.` : ''}
      </p>`;
  return html`${checked}
    <table>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Finding</th>
          <th scope="col">For example</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (f) =>
            html`<tr>
              <td class="sev-${f.severity}">${SEVERITY[f.severity]}</td>
              <td>${f.message}</td>
              <td>${f.counterexample ? `${f.counterexample.persona}: ${f.counterexample.path}` : ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * The review report: one self-contained HTML page for a stakeholder without Tailor — the course
 * summary, every persona's path and reasons, the side-by-side table and the proof's findings.
 * No script, no external resource; its CSP forbids every fetch, so it opens offline and prints.
 */
export function reviewReport({ index, findings, stats, generatedAt, hashStyle }: ReviewReportInput): string {
  const { course } = index;
  const learners = course.personas.map((p) => previewLearner(index, p));
  const csp = `default-src 'none'; style-src '${hashStyle(REPORT_CSS)}'; img-src 'none'; form-action 'none'; base-uri 'none'`;
  const when = generatedAt.replace('T', ' ').slice(0, 16);
  // Built outside the template so that formatting cannot change the text its hash covers.
  const style = new Markup(`<style>${REPORT_CSS}</style>`);
  return html`<!doctype html>
    <html lang="${course.language}">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${csp}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${course.title} — review report</title>
        ${style}
      </head>
      <body>
        <header>
          <h1>${course.title}</h1>
          <p class="meta">Review report · made with Tailor on ${when} UTC</p>
        </header>
        <main>
          ${summary(index, learners)}
          <section aria-labelledby="paths">
            <h2 id="paths">Each persona’s path</h2>
            ${learners.length ? learners.map((l, i) => personaPath(index, l, i + 1)) : html`<p class="muted">The course has no personas yet.</p>`}
          </section>
          <section aria-labelledby="compare">
            <h2 id="compare">Side by side</h2>
            ${sideBySide(index, learners)}
          </section>
          <section aria-labelledby="findings">
            <h2 id="findings">What the proof found</h2>
            ${findingsList(findings, stats)}
          </section>
        </main>
      </body>
    </html> `.text;
}

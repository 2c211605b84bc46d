// Runs in a child process for the reliability tests: `crash <doc> <seed> <counter>` applies
// random edits forever, printing "ack <n>" after each is durable; `open <doc>` tries to open a
// document for writing and prints the outcome as JSON.
import { prng } from '../../bench/generate-course';
import { type TailorError } from '../../shared/contract';
import { CourseDocument } from '../../electron/backend/document/course-document';
import { nextEdit } from './random-edits';

const [command, path, seedText, counterText] = process.argv.slice(2);

if (command === 'open') {
  try {
    const doc = CourseDocument.open(path!);
    doc.apply({ op: { kind: 'set', path: ['title'], value: 'Changed' }, label: 'Title' });
    doc.close();
    console.log(JSON.stringify({ ok: true }));
  } catch (error) {
    console.log(
      JSON.stringify({ ok: false, code: (error as TailorError).code ?? 'raw', message: (error as Error).message }),
    );
  }
} else if (command === 'crash') {
  const doc = CourseDocument.open(path!);
  const random = prng(Number(seedText));
  let counter = Number(counterText);
  for (;;) {
    doc.apply(nextEdit(doc.course, random, counter));
    process.stdout.write(`ack ${counter}\n`);
    counter++;
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExampleCourse } from '../../shared/contract';

/** The example courses shipped in resources/examples, each a portable folder, by title. */
export function listExamples(appRoot: string): ExampleCourse[] {
  const root = join(appRoot, 'resources', 'examples');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'course.json')))
    .map((entry) => {
      const folder = join(root, entry.name);
      let title = entry.name;
      let description = '';
      try {
        const parsed = JSON.parse(readFileSync(join(folder, 'course.json'), 'utf8')) as {
          title?: unknown;
          description?: unknown;
        };
        if (typeof parsed.title === 'string') title = parsed.title;
        if (typeof parsed.description === 'string') description = parsed.description;
      } catch {
        // An unreadable example is still offered by its folder name; importing it explains the problem.
      }
      return { title, description, folder };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

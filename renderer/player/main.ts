import './player.css';
import type { Course } from '../../shared/model/schema';
import { fixedAttributes } from '../../shared/engine/attributes';
import { indexCourse } from '../../shared/engine/index-course';
import { startPlayer } from './app';
import { DISPLAY_KEYS, displayPreferences } from './display';
import { framedByPreviewLms, listenToPreview } from './preview-channel';
import { localTracker } from './tracking/local';
import { scorm12Tracker, scorm2004Tracker } from './tracking/scorm';
import type { Tracker } from './tracking/tracker';

interface PackageConfig {
  readonly standard: 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th' | 'none';
  readonly profile: 'generic' | 'moodle' | 'strict';
  /** Learner attributes fixed for this package (`tailor export --set role=approver`). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The package's course.js sets these: plain data in a script file, so no fetch and no eval. */
const global = window as unknown as { TAILOR_COURSE?: Course; TAILOR_PACKAGE?: PackageConfig };

function boot(): void {
  const root = document.getElementById('player')!;
  const course = global.TAILOR_COURSE;
  const config = global.TAILOR_PACKAGE ?? { standard: 'none', profile: 'generic' };
  if (!course) {
    root.textContent = 'This package has no course data (course.js is missing).';
    return;
  }
  const options = { minimal: config.profile === 'strict', log: (m: string) => console.warn(`[tailor] ${m}`) };
  const lms: Tracker | null =
    config.standard === 'scorm12'
      ? scorm12Tracker(window, options)
      : config.standard === 'none'
        ? null
        : scorm2004Tracker(window, options);
  document.documentElement.lang = course.language;
  document.title = course.title;
  const index = indexCourse(course);
  // Launch parameters an LMS appends (index.html?role=approver&seniority=veteran); the package's own win.
  const params = new URLSearchParams(window.location.search);
  const display = displayPreferences(params);
  for (const key of DISPLAY_KEYS) params.delete(key);
  const launch = fixedAttributes(index, params);
  for (const problem of launch.problems) options.log(`launch parameter ignored: ${problem}`);
  const fixed = { ...launch.values, ...fixedAttributes(index, Object.entries(config.attributes ?? {})).values };
  const control = startPlayer({
    course,
    index,
    tracker: lms ?? localTracker(course.id),
    root,
    fixed,
    display,
    takeFocus: !framedByPreviewLms(window),
  });
  // Only the studio's preview (its LMS page, on this origin) may steer the player; in an LMS this stays off.
  listenToPreview(window, control);
}

boot();

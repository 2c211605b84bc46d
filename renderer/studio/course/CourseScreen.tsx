import { Button, Callout, H1, Intent, Spinner } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import type { CourseSummary } from '../../../shared/contract';
import { preloadEditorFor } from '../editors/editor-code';
import { selectionFromParam } from '../workspace/selection';
import { Workspace } from '../workspace/Workspace';
import { useCourseDocument } from './use-course-document';

export interface CourseScreenProps {
  readonly course: CourseSummary;
}

/** Opens the course's document and shows the workspace over it. */
export function CourseScreen({ course }: CourseScreenProps) {
  const [readOnly, setReadOnly] = useState(false);
  const { state, problem, saving, apply, applyAll, undo, redo } = useCourseDocument(course.path, readOnly);
  // A reload on a lesson (or a rule, the preview…): its editor's code downloads while the course opens.
  useEffect(() => {
    const param = new URLSearchParams(window.location.hash.slice(1)).get('sel');
    preloadEditorFor(param ? selectionFromParam(param)?.kind : undefined);
  }, []);

  if (state.kind === 'loading') return <Spinner aria-label="Opening the course" className="course-loading" />;
  if (state.kind === 'failed')
    return (
      <main className="course" aria-labelledby="course-title">
        <H1 id="course-title">{course.title}</H1>
        <Callout intent={Intent.WARNING} title="The course did not open for editing" role="alert">
          <p>{state.error.message}</p>
          {state.error.code === 'read-only' && !readOnly && (
            <Button intent={Intent.PRIMARY} text="Open read-only" onClick={() => setReadOnly(true)} />
          )}
        </Callout>
      </main>
    );
  return (
    <Workspace
      doc={state.doc}
      problem={problem}
      saving={saving}
      apply={apply}
      applyAll={applyAll}
      undo={undo}
      redo={redo}
    />
  );
}

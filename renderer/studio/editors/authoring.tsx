import { lazy, type ReactNode } from 'react';
import { LazyView } from '../app/LazyView';
import type { Selection } from '../workspace/selection';
import { CompetenciesList, CompetencyEditor } from './CompetencyEditors';
import { CourseSettingsEditor } from './CourseSettingsEditor';
import { editorCode } from './editor-code';
import type { EditorContext } from './editor-context';
import { MediaLibrary } from './Media';
import { ModuleEditor, ModulesList } from './ModuleEditors';
import './editors.css';

// The lesson editor (TipTap on ProseMirror) and the question editors load on first use, so opening a
// course waits only for the outline, the module list and the course settings.
const LessonEditor = lazy(() => editorCode.lesson().then((m) => ({ default: m.LessonEditor })));
const QuestionsList = lazy(() => editorCode.questions().then((m) => ({ default: m.QuestionsList })));
const QuestionEditor = lazy(() => editorCode.questions().then((m) => ({ default: m.QuestionEditor })));
const BanksList = lazy(() => editorCode.questions().then((m) => ({ default: m.BanksList })));
const BankEditor = lazy(() => editorCode.questions().then((m) => ({ default: m.BankEditor })));

/** Editors for the course's content (course, competencies, modules, lessons, questions, banks, media). */
export function authoringEditor(selection: Selection, context: EditorContext): ReactNode | undefined {
  // Keyed by the selection, so a refused value's message does not follow the designer to another item.
  switch (selection.kind) {
    case 'course':
      return <CourseSettingsEditor key="course" context={context} />;
    case 'competencies':
      return <CompetenciesList key="competencies" context={context} />;
    case 'competency':
      return <CompetencyEditor key={`competency:${selection.id}`} context={context} id={selection.id} />;
    case 'modules':
      return <ModulesList key="modules" context={context} />;
    case 'module':
      return <ModuleEditor key={`module:${selection.id}`} context={context} id={selection.id} />;
    case 'lesson':
      return (
        <LazyView key={`lesson:${selection.module}:${selection.id}`} label="Loading the lesson editor…">
          <LessonEditor context={context} module={selection.module} id={selection.id} />
        </LazyView>
      );
    case 'questions':
      return (
        <LazyView key="questions" label="Loading the questions…">
          <QuestionsList context={context} />
        </LazyView>
      );
    case 'question':
      return (
        <LazyView key={`question:${selection.id}`} label="Loading the question editor…">
          <QuestionEditor context={context} id={selection.id} />
        </LazyView>
      );
    case 'banks':
      return (
        <LazyView key="banks" label="Loading the question banks…">
          <BanksList context={context} />
        </LazyView>
      );
    case 'bank':
      return (
        <LazyView key={`bank:${selection.id}`} label="Loading the question bank editor…">
          <BankEditor context={context} id={selection.id} />
        </LazyView>
      );
    case 'media':
      return <MediaLibrary key="media" context={context} />;
    default:
      return undefined;
  }
}

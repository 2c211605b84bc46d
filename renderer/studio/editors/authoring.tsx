import type { ReactNode } from 'react';
import type { Selection } from '../workspace/selection';
import { CompetenciesList, CompetencyEditor } from './CompetencyEditors';
import { CourseSettingsEditor } from './CourseSettingsEditor';
import type { EditorContext } from './editor-context';
import { LessonEditor } from './LessonEditor';
import { MediaLibrary } from './Media';
import { ModuleEditor, ModulesList } from './ModuleEditors';
import { BankEditor, BanksList, QuestionEditor, QuestionsList } from './QuestionEditors';
import './editors.css';

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
        <LessonEditor
          key={`lesson:${selection.module}:${selection.id}`}
          context={context}
          module={selection.module}
          id={selection.id}
        />
      );
    case 'questions':
      return <QuestionsList key="questions" context={context} />;
    case 'question':
      return <QuestionEditor key={`question:${selection.id}`} context={context} id={selection.id} />;
    case 'banks':
      return <BanksList key="banks" context={context} />;
    case 'bank':
      return <BankEditor key={`bank:${selection.id}`} context={context} id={selection.id} />;
    case 'media':
      return <MediaLibrary key="media" context={context} />;
    default:
      return undefined;
  }
}

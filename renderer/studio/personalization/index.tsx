import type { ReactNode } from 'react';
import { AnalysisView } from '../analysis/AnalysisView';
import { useStudioAnalysis } from '../analysis/use-analysis';
import type { EditorContext } from '../editors/editor-context';
import type { Selection } from '../workspace/selection';
import { PersonasEditor } from './personas/PersonasEditor';
import { PlacementEditor } from './placement/PlacementEditor';
import { RulesEditor } from './rules/RulesEditor';
import './personalization.css';

type PersonalizationSelection = Extract<Selection, { kind: 'placement' | 'rules' | 'rule' | 'personas' | 'persona' }>;

const KINDS = new Set<Selection['kind']>(['placement', 'rules', 'rule', 'personas', 'persona']);

function isPersonalization(selection: Selection): selection is PersonalizationSelection {
  return KINDS.has(selection.kind);
}

/** Editors for personalization (placement test, rules, personas), each beside the live analysis. */
export function personalizationEditor(selection: Selection, context: EditorContext): ReactNode | undefined {
  if (!isPersonalization(selection)) return undefined;
  return <PersonalizationWorkbench selection={selection} context={context} />;
}

function PersonalizationWorkbench(props: { selection: PersonalizationSelection; context: EditorContext }): ReactNode {
  const { selection, context } = props;
  const analysis = useStudioAnalysis();
  const editor = (() => {
    switch (selection.kind) {
      case 'rules':
      case 'rule':
        return (
          <RulesEditor
            context={context}
            analysis={analysis}
            selectedRule={selection.kind === 'rule' ? selection.id : undefined}
          />
        );
      case 'placement':
        return <PlacementEditor context={context} analysis={analysis} />;
      case 'personas':
      case 'persona':
        return (
          <PersonasEditor context={context} selectedPersona={selection.kind === 'persona' ? selection.id : undefined} />
        );
    }
  })();
  return (
    <div className="personalization">
      {editor}
      <AnalysisView analysis={analysis} context={context} />
    </div>
  );
}

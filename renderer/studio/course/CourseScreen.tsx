import { Button, Card, Classes, H1, H2, NonIdealState } from '@blueprintjs/core';
import { FolderOpen, Layers } from '@blueprintjs/icons';
import type { CourseSummary } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';

export interface CourseScreenProps {
  readonly course: CourseSummary;
}

export function CourseScreen({ course }: CourseScreenProps) {
  const { client, info } = useBackend();
  return (
    <main className="course" aria-labelledby="course-title">
      <header className="course-header">
        <H1 id="course-title">{course.title}</H1>
        <p className={Classes.TEXT_MUTED}>
          Saved in <code>{course.path}</code>
          {info.capabilities.revealInFolder && (
            <Button
              variant="minimal"
              size="small"
              icon={<FolderOpen />}
              text="Show in folder"
              onClick={() => void client.invoke('platform.revealInFolder', { path: course.path })}
            />
          )}
        </p>
      </header>
      <Card className="course-outline">
        <H2 className={Classes.HEADING}>Outline</H2>
        <NonIdealState
          icon={<Layers size={48} />}
          title="This course has no modules yet"
          description="Competencies, modules, lessons, the placement test and skip-ahead rules are authored here."
        />
      </Card>
    </main>
  );
}

import { Button, Callout, Classes, H1, H2, Intent, Menu, MenuItem, Popover, Spinner } from '@blueprintjs/core';
import { Manual, CaretDown, FolderOpen, Import, Plus } from '@blueprintjs/icons';
import { useCallback, useEffect, useState } from 'react';
import type { ContractError, CourseSummary, ExampleCourse, LibraryEntry } from '../../../shared/contract';
import { useBackend } from '../app/backend-context';
import { NewCourseDialog } from './NewCourseDialog';
import { OpenCourseDialog } from './OpenCourseDialog';

/** A dialog asked for from the menu (File ▸ New, or Open without a native picker); `seq` makes a repeat count. */
export interface WelcomeRequest {
  readonly kind: 'new' | 'open';
  readonly seq: number;
}

export interface WelcomeScreenProps {
  readonly onOpen: (course: CourseSummary) => void;
  readonly request?: WelcomeRequest | null;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function WelcomeScreen({ onOpen, request = null }: WelcomeScreenProps) {
  const { client, info } = useBackend();
  const [entries, setEntries] = useState<readonly LibraryEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);
  const [recovered, setRecovered] = useState<readonly CourseSummary[]>([]);
  const [examples, setExamples] = useState<readonly ExampleCourse[]>([]);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    let live = true;
    void client.invoke('examples.list', {}).then((result) => {
      if (live && result.ok) setExamples(result.value.examples);
    });
    return () => {
      live = false;
    };
  }, [client]);

  /** A portable folder becomes a new document in the courses folder, then opens. */
  const importFolder = useCallback(
    async (folder: string) => {
      setImporting(true);
      const result = await client.invoke('document.importPortable', { folder });
      setImporting(false);
      if (result.ok) onOpen(result.value);
      else setError(result.error);
    },
    [client, onOpen],
  );

  const pickAndImport = useCallback(async () => {
    const picked = await client.invoke('platform.pickFolder', { title: 'Import a course folder' });
    if (!picked.ok) setError(picked.error);
    else if (picked.value.path) await importFolder(picked.value.path);
  }, [client, importFolder]);
  // Without a native picker the Open dialog takes a typed folder.
  const startImport = () => (info.capabilities.pickFolder ? void pickAndImport() : setDialog('open'));

  useEffect(() => {
    let live = true;
    void client.invoke('recovery.list', {}).then((result) => {
      if (live && result.ok) setRecovered(result.value.entries.flatMap((e) => (e.readable ? [e] : [])));
    });
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      client.invoke('library.list', {}).then((result) => {
        if (!live) return;
        if (result.ok) {
          setEntries(result.value.entries);
          setError(null);
        } else setError(result.error);
      });
    void refresh();
    const unsubscribe = client.subscribe('library.changed', () => void refresh());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  const openCourse = useCallback(
    async (path: string) => {
      const result = await client.invoke('course.open', { path });
      if (result.ok) onOpen(result.value);
      else setError(result.error);
    },
    [client, onOpen],
  );

  const pickAndOpen = useCallback(async () => {
    const picked = await client.invoke('platform.pickDocument', {});
    if (!picked.ok) setError(picked.error);
    else if (picked.value.path) await openCourse(picked.value.path);
  }, [client, openCourse]);
  const startOpen = () => (info.capabilities.pickDocument ? void pickAndOpen() : setDialog('open'));

  // The menu's New, and Open / Import where no native picker exists, open their dialog here (once per request).
  const [seen, setSeen] = useState(0);
  if (request && request.seq !== seen) {
    setSeen(request.seq);
    setDialog(request.kind);
  }

  const readable = entries?.filter((e): e is Extract<LibraryEntry, { readable: true }> => e.readable) ?? [];
  const unreadable = entries?.filter((e): e is Extract<LibraryEntry, { readable: false }> => !e.readable) ?? [];

  return (
    <main className="welcome" aria-labelledby="welcome-heading">
      <header className="welcome-header">
        <div>
          <H1 id="welcome-heading">Your courses</H1>
          <p className={Classes.TEXT_MUTED}>
            New courses are saved in <code>{info.documentsDir}</code>
          </p>
        </div>
        <div className="welcome-actions">
          <Button
            intent={Intent.PRIMARY}
            size="large"
            icon={<Plus />}
            text="New course"
            onClick={() => setDialog('new')}
          />
          <Button size="large" icon={<FolderOpen />} text="Open…" onClick={startOpen} />
          <Button size="large" icon={<Import />} text="Import folder…" loading={importing} onClick={startImport} />
          {examples.length > 0 && (
            <Popover
              placement="bottom-end"
              content={
                <Menu aria-label="Example courses">
                  {examples.map((example) => (
                    <MenuItem
                      key={example.folder}
                      icon={<Manual />}
                      text={example.title}
                      onClick={() => void importFolder(example.folder)}
                    />
                  ))}
                </Menu>
              }
            >
              <Button size="large" variant="minimal" endIcon={<CaretDown />} text="Open example" />
            </Popover>
          )}
        </div>
      </header>

      {recovered.length > 0 && (
        <Callout intent={Intent.PRIMARY} title="Tailor stopped while these courses were open" className="welcome-error">
          <p>Every change you made was saved. Pick up where you left off:</p>
          <div className="welcome-actions">
            {recovered.map((course) => (
              <Button
                key={course.path}
                text={`Reopen “${course.title}”`}
                onClick={() => void openCourse(course.path)}
              />
            ))}
            <Button variant="minimal" text="Dismiss" onClick={() => setRecovered([])} />
          </div>
        </Callout>
      )}

      {error && (
        <Callout intent={Intent.DANGER} title="Something needs your attention" role="alert" className="welcome-error">
          {error.message}
        </Callout>
      )}

      {entries === null ? (
        <Spinner aria-label="Loading courses" />
      ) : readable.length === 0 && unreadable.length === 0 ? (
        <section className="welcome-empty" aria-labelledby="welcome-empty-heading">
          <H2 id="welcome-empty-heading">No courses yet</H2>
          <p className={Classes.TEXT_MUTED}>
            Create your first course with New course: a placement test, modules and the rules that tailor them to each
            learner. Or explore a finished example, personas and all.
          </p>
          {examples.length > 0 && (
            <ul className="example-list" aria-label="Example courses">
              {examples.map((example) => (
                <li key={example.folder}>
                  <button
                    type="button"
                    className={`${Classes.CARD} ${Classes.INTERACTIVE} ${Classes.ELEVATION_0} example-tile`}
                    aria-label={`Explore “${example.title}”`}
                    disabled={importing}
                    onClick={() => void importFolder(example.folder)}
                  >
                    <span className="example-tile-kind">
                      <Manual /> Example
                    </span>
                    <span className="course-tile-title">{example.title}</span>
                    {example.description && (
                      <span className={`${Classes.TEXT_MUTED} example-tile-description`}>{example.description}</span>
                    )}
                    <span className="example-tile-action">Explore</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <ul className="course-list" aria-label="Courses">
          {readable.map((course) => (
            <li key={course.path}>
              <button
                type="button"
                className={`${Classes.CARD} ${Classes.INTERACTIVE} ${Classes.ELEVATION_0} course-tile`}
                onClick={() => void openCourse(course.path)}
              >
                <span className="course-tile-title">{course.title}</span>
                <span className={`${Classes.TEXT_MUTED} course-tile-path`}>{course.path}</span>
                <span className={Classes.TEXT_MUTED}>Edited {dateFormat.format(new Date(course.modifiedAt))}</span>
              </button>
            </li>
          ))}
          {unreadable.map((entry) => (
            <li key={entry.path}>
              <Callout intent={Intent.WARNING} title={entry.path}>
                {entry.problem}
              </Callout>
            </li>
          ))}
        </ul>
      )}

      <NewCourseDialog
        isOpen={dialog === 'new'}
        onClose={() => setDialog(null)}
        onCreated={(course) => {
          setDialog(null);
          onOpen(course);
        }}
      />
      <OpenCourseDialog
        isOpen={dialog === 'open'}
        onClose={() => setDialog(null)}
        onOpened={(course) => {
          setDialog(null);
          onOpen(course);
        }}
      />
    </main>
  );
}

import {
  Alignment,
  Button,
  Callout,
  Intent,
  Navbar,
  NavbarDivider,
  NavbarGroup,
  NavbarHeading,
} from '@blueprintjs/core';
import { ArrowLeft, Flash, Moon } from '@blueprintjs/icons';
import { HotkeysContext } from '@blueprintjs/core';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { CourseSummary } from '../../../shared/contract';
import { CourseScreen } from '../course/CourseScreen';
import { APP_COMMANDS, type AppCommandContext } from '../commands/app-commands';
import { MenuBar } from '../commands/MenuBar';
import { useMenuCommands, useMenuRecent } from '../commands/menu-hub';
import { useCommandHotkeys } from '../commands/use-command-hotkeys';
import { WelcomeScreen, type WelcomeRequest } from '../welcome/WelcomeScreen';
import { useBackend } from './backend-context';
import { useTheme } from './theme';

/** The open course (and, after it, the selection) lives in the URL hash, so a reload comes back to it. */
function pathFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('course');
}

export function App() {
  const { client, info } = useBackend();
  const { theme, toggleTheme } = useTheme();
  const [course, setCourse] = useState<CourseSummary | null>(null);
  const [restoring, setRestoring] = useState(() => pathFromHash() !== null);
  const [openFailed, setOpenFailed] = useState<string | null>(null);
  const [request, setRequest] = useState<WelcomeRequest | null>(null);
  const requests = useRef(0);
  const [recent, setRecent] = useState<readonly { path: string; title: string }[]>([]);
  const [, dispatchHotkeys] = useContext(HotkeysContext);

  const show = useCallback((next: CourseSummary | null) => {
    setCourse(next);
    // A course opened: whatever the menu asked of the welcome screen is done.
    if (next) setRequest(null);
    const keep = next && pathFromHash() === next.path ? window.location.hash : null;
    const hash = next ? (keep ?? `#course=${encodeURIComponent(next.path)}`) : '';
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash || window.location.pathname);
  }, []);

  useEffect(() => {
    const path = pathFromHash();
    if (!path) return;
    void client.invoke('course.open', { path }).then((result) => {
      show(result.ok ? result.value : null);
      setRestoring(false);
    });
  }, [client, show]);

  const openPath = useCallback(
    (path: string) =>
      void client.invoke('course.open', { path }).then((result) => {
        if (result.ok) {
          setOpenFailed(null);
          show(result.value);
        } else setOpenFailed(result.error.message);
      }),
    [client, show],
  );

  // File ▸ New (and Open or Import without a native picker) ask the welcome screen for its dialog.
  const commandContext: AppCommandContext = useMemo(() => {
    const ask = (kind: WelcomeRequest['kind']) => {
      show(null);
      setRequest({ kind, seq: ++requests.current });
    };
    const { pickDocument, pickFolder } = info.capabilities;
    return {
      courseOpen: course !== null,
      dark: theme === 'dark',
      newCourse: () => ask('new'),
      open: () => {
        if (!pickDocument) return ask('open');
        void client.invoke('platform.pickDocument', {}).then((picked) => {
          if (!picked.ok) setOpenFailed(picked.error.message);
          else if (picked.value.path) openPath(picked.value.path);
        });
      },
      importFolder: () => {
        if (!pickFolder) return ask('open');
        void client.invoke('platform.pickFolder', { title: 'Import a course folder' }).then(async (picked) => {
          if (!picked.ok) return setOpenFailed(picked.error.message);
          if (!picked.value.path) return;
          const result = await client.invoke('document.importPortable', { folder: picked.value.path });
          if (result.ok) show(result.value);
          else setOpenFailed(result.error.message);
        });
      },
      close: () => show(null),
      toggleTheme,
      showShortcuts: () => dispatchHotkeys({ type: 'OPEN_DIALOG' }),
    };
  }, [client, info.capabilities, course, theme, show, openPath, toggleTheme, dispatchHotkeys]);
  useMenuCommands('app', APP_COMMANDS, commandContext);
  useCommandHotkeys(APP_COMMANDS, commandContext);
  useMenuRecent(recent);

  // Open Recent: the library's courses, newest first (refreshed when the open course changes). Not while a reload's
  // course is opening: the backend is reading that course, and the list is asked again once it is open.
  useEffect(() => {
    if (restoring) return;
    let live = true;
    void client.invoke('library.list', {}).then((result) => {
      if (live && result.ok)
        setRecent(
          result.value.entries.flatMap((e) => (e.readable ? [{ path: e.path, title: e.title }] : [])).slice(0, 10),
        );
    });
    return () => {
      live = false;
    };
  }, [client, course, restoring]);

  // The desktop shell hands over documents the OS opened with Tailor (double-click, a second launch).
  useEffect(() => client.subscribe('app.openDocument', ({ path }) => openPath(path)), [client, openPath]);

  useEffect(() => {
    document.title = course ? `${course.title} — Tailor` : 'Tailor';
  }, [course]);

  return (
    <div className="app">
      <header>
        <Navbar>
          <NavbarGroup align={Alignment.START}>
            {course && <Button variant="minimal" icon={<ArrowLeft />} text="All courses" onClick={() => show(null)} />}
            {course && <NavbarDivider />}
            <NavbarHeading className="brand">Tailor</NavbarHeading>
            {!info.capabilities.nativeMenu && <MenuBar onOpen={openPath} />}
          </NavbarGroup>
          <NavbarGroup align={Alignment.END}>
            <span className="host-badge">{info.host === 'web' ? 'Browser mode' : `v${info.version}`}</span>
            <Button
              variant="minimal"
              icon={theme === 'dark' ? <Flash /> : <Moon />}
              aria-label={theme === 'dark' ? 'Use the light theme' : 'Use the dark theme'}
              title={theme === 'dark' ? 'Use the light theme' : 'Use the dark theme'}
              onClick={toggleTheme}
            />
          </NavbarGroup>
        </Navbar>
      </header>
      {openFailed && (
        <Callout intent={Intent.DANGER} title="That course could not be opened" role="alert" className="app-notice">
          {openFailed}
          <Button variant="minimal" text="Dismiss" onClick={() => setOpenFailed(null)} />
        </Callout>
      )}
      {restoring ? null : course ? <CourseScreen course={course} /> : <WelcomeScreen onOpen={show} request={request} />}
    </div>
  );
}

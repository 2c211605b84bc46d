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
import { useCallback, useEffect, useState } from 'react';
import type { CourseSummary } from '../../../shared/contract';
import { CourseScreen } from '../course/CourseScreen';
import { WelcomeScreen } from '../welcome/WelcomeScreen';
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

  const show = useCallback((next: CourseSummary | null) => {
    setCourse(next);
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

  // The desktop shell hands over documents the OS opened with Tailor (double-click, a second launch).
  useEffect(
    () =>
      client.subscribe('app.openDocument', ({ path }) => {
        void client.invoke('course.open', { path }).then((result) => {
          if (result.ok) {
            setOpenFailed(null);
            show(result.value);
          } else setOpenFailed(result.error.message);
        });
      }),
    [client, show],
  );

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
      {restoring ? null : course ? <CourseScreen course={course} /> : <WelcomeScreen onOpen={show} />}
    </div>
  );
}

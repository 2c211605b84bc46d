import { describe, expect, it } from 'vitest';
import { heldAfterSave, limitWarning, nextLaunch } from './lms-limits';

describe('the standards’ limits on LMS values', () => {
  it('warns when suspend_data passes 4096 characters in SCORM 1.2 but not in SCORM 2004 4th Edition', () => {
    const long = 'x'.repeat(4097);
    expect(limitWarning('scorm12', 'cmi.suspend_data', long)).toMatch(/4097 characters; the standard allows 4096/);
    expect(limitWarning('scorm12', 'cmi.suspend_data', 'x'.repeat(4096))).toBeNull();
    expect(limitWarning('scorm2004-4th', 'cmi.suspend_data', long)).toBeNull();
  });

  it('holds SCORM 2004 3rd Edition to its 4000-character suspend_data', () => {
    expect(limitWarning('scorm2004-3rd', 'cmi.suspend_data', 'x'.repeat(4001))).toMatch(/allows 4000/);
  });

  it('warns about a bookmark, an identifier or a score out of range', () => {
    expect(limitWarning('scorm12', 'cmi.core.lesson_location', 'l'.repeat(256))).toMatch(/CMIString255/);
    expect(limitWarning('scorm12', 'cmi.interactions.3.id', 'i'.repeat(300))).toMatch(/CMIIdentifier/);
    expect(limitWarning('scorm12', 'cmi.core.score.raw', '120')).toMatch(/0 to 100/);
    expect(limitWarning('scorm2004-4th', 'cmi.score.scaled', '1.5')).toMatch(/-1 to 1/);
    expect(limitWarning('scorm2004-4th', 'cmi.location', 'm1')).toBeNull();
  });
});

describe('what an LMS keeps between sessions', () => {
  it('hands the next session what it held, with entry resume', () => {
    expect(
      nextLaunch(
        { 'cmi.suspend_data': 'abc', 'cmi.location': 'l2', 'cmi.session_time': 'PT1M', 'cmi.entry': 'ab-initio' },
        false,
      ),
    ).toEqual({ 'cmi.suspend_data': 'abc', 'cmi.location': 'l2', 'cmi.entry': 'resume' });
    expect(nextLaunch({ 'cmi.core.lesson_location': 'l2' }, true)).toEqual({
      'cmi.core.lesson_location': 'l2',
      'cmi.core.entry': 'resume',
    });
  });

  it('drops a value equal to its launch value when the LMS does so, keeping what it held before', () => {
    const launch = { 'cmi.location': 'a' };
    const held = { 'cmi.location': 'b' };
    expect(heldAfterSave(held, { 'cmi.location': 'a' }, launch, true)).toEqual({ 'cmi.location': 'b' });
    expect(heldAfterSave(held, { 'cmi.location': 'a' }, launch, false)).toEqual({ 'cmi.location': 'a' });
  });
});

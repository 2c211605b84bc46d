/**
 * What authored rich text may contain, for DOMPurify: the export sanitizes with it and the player
 * sanitizes again with the same policy when it renders (a package's course.js could be edited).
 */
export const AUTHORED_HTML_POLICY = {
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'base',
    'meta',
    'link',
  ],
  FORBID_ATTR: ['style'],
} as const;

/** The fields of a course that hold authored HTML (everything else is shown as plain text). */
export const HTML_FIELDS = ['html', 'transcript'] as const;

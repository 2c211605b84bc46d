import { courseAttributes } from '../engine/attributes';
import type { CourseIndex } from '../engine/course-index';
import type { Finding } from './findings';

/** A rule that reads an attribute no learner can supply never fires as written: an error, at each rule. */
export function attributeFindings(index: CourseIndex): Finding[] {
  const ruleAt = new Map(index.course.rules.map((r, i) => [r.id, i]));
  return courseAttributes(index).flatMap((attribute) =>
    attribute.options.length > 0
      ? []
      : attribute.readBy.map((where): Finding => {
          const rule = /^rule "(.+)"$/.exec(where)?.[1];
          return {
            severity: 'error',
            code: 'attribute-unsuppliable',
            path: rule !== undefined ? `rules[${ruleAt.get(rule)}].when` : where,
            message: `${where} reads the learner's ${attribute.id === 'preferredFormat' ? 'format' : attribute.id}, but the course declares none a learner could give: add them in the course settings.`,
          };
        }),
  );
}

import { courseAttributes } from '../engine/attributes';
import type { CourseIndex } from '../engine/course-index';
import { personaIdentity } from '../engine/persona-state';
import type { Finding } from './findings';
import { readAttributes } from './outcomes';
import { placementReads } from './placement-learners';

/** A rule that reads an attribute no learner can supply never fires as written: an error, at each rule. */
export function attributeFindings(index: CourseIndex): Finding[] {
  const ruleAt = new Map(index.course.rules.map((r, i) => [r.id, i]));
  return courseAttributes(index).flatMap((attribute) =>
    attribute.options.length > 0
      ? []
      : attribute.readBy.map((where): Finding => {
          const rule = /^rule "(.+)"$/.exec(where)?.[1];
          const node = /^placement question "(.+)"$/.exec(where)?.[1];
          return {
            severity: 'error',
            code: 'attribute-unsuppliable',
            path:
              rule !== undefined
                ? `rules[${ruleAt.get(rule)}].when`
                : node !== undefined
                  ? `placement.nodes[${index.placementNodes.get(node)}].branches`
                  : where,
            message: `${where} reads the learner's ${attribute.id === 'preferredFormat' ? 'format' : attribute.id}, but the course declares none a learner could give: add them in the course settings.`,
          };
        }),
  );
}

/**
 * An answer to one of the course's own questions that something reads but no persona gives: the proof still covers
 * such learners ("any learner, site=warehouse"), but the designer cannot preview one. Information, at the value.
 */
export function uncoveredAttributeValues(index: CourseIndex): Finding[] {
  const declared = index.course.settings.attributes ?? [];
  // The placement test's branches count too: a learner they send another way is one the preview should show.
  const read = new Set([...readAttributes(index), ...placementReads(index)]);
  // Each persona as the preview and the package see it, worked out once, not once per value.
  const given = index.course.personas.map((p) => personaIdentity(index, p).attributes ?? {});
  return declared.flatMap((attribute, a) =>
    read.has(attribute.id)
      ? attribute.values.flatMap((value, v): Finding[] =>
          given.some((attributes) => attributes[attribute.id] === value.id)
            ? []
            : [
                {
                  severity: 'info',
                  code: 'attribute-value-without-persona',
                  path: `settings.attributes[${a}].values[${v}]`,
                  message: `No persona answers “${value.label}” to “${attribute.label}”. The proof covers such learners, but the preview cannot show one: add a persona who does.`,
                },
              ],
        )
      : [],
  );
}

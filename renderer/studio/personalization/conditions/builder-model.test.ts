import { describe, expect, it } from 'vitest';
import { parseExpr, printExpr, withoutOffsets } from '../../../../shared/engine/expr';
import { builderModel, modelToExpr, type BuilderModel } from './builder-model';

const roundTrip = (source: string) => printExpr(modelToExpr(builderModel(parseExpr(source))));

describe('the visual condition builder', () => {
  it('shows a list of tests joined by and as rows, and gives the same tree back', () => {
    const source = 'mastery(thresholds) >= proficient and seniority != new and role != approver';
    const model = builderModel(parseExpr(source));
    expect(model.join).toBe('and');
    expect(model.rows.map((r) => r.test?.kind)).toEqual(['compare', 'compare', 'compare']);
    expect(withoutOffsets(modelToExpr(model))).toEqual(withoutOffsets(parseExpr(source)));
  });

  it('keeps a test it cannot show as dropdowns as it is', () => {
    const model = builderModel(parseExpr('role in [buyer, approver] or needs(captions)'));
    expect(model.join).toBe('or');
    expect(model.rows[0]!.test).toBeNull();
    expect(model.rows[1]!.test).toEqual({ kind: 'flag', subject: { kind: 'needs', what: 'captions' }, negated: false });
    expect(roundTrip('role in [buyer, approver] or needs(captions)')).toBe(
      'role in [buyer, approver] or needs(captions)',
    );
  });

  it('turns an edited row into the text the engine reads', () => {
    const model = builderModel(parseExpr('mastery(policy) >= proficient'));
    const edited: BuilderModel = {
      join: 'and',
      rows: [
        ...model.rows,
        {
          test: { kind: 'compare', subject: { kind: 'score', competency: 'vendors' }, op: '<', value: '0.5' },
          expr: model.rows[0]!.expr,
        },
        {
          test: { kind: 'flag', subject: { kind: 'prefers', what: 'audio' }, negated: true },
          expr: model.rows[0]!.expr,
        },
      ],
    };
    expect(printExpr(modelToExpr(edited))).toBe(
      'mastery(policy) >= proficient and score(vendors) < 0.5 and not prefers(audio)',
    );
  });

  it('reads "true" as no tests and no tests as "true"', () => {
    expect(builderModel(parseExpr('true')).rows).toEqual([]);
    expect(printExpr(modelToExpr({ join: 'or', rows: [] }))).toBe('true');
  });
});

import { LRLanguage, LanguageSupport } from '@codemirror/language';
import { styleTags, tags as t } from '@lezer/highlight';
import { parser } from './condition.grammar';

/** The rule language for CodeMirror: highlighting from the Lezer grammar, brackets closed and matched. */
export const conditionLanguage = LRLanguage.define({
  name: 'tailor-condition',
  parser: parser.configure({
    props: [
      styleTags({
        'and or not in': t.logicOperator,
        Boolean: t.bool,
        FunctionName: t.function(t.variableName),
        ArgName: t.labelName,
        VariableName: t.variableName,
        Number: t.number,
        String: t.string,
        CompareOp: t.compareOperator,
        '( )': t.paren,
        '[ ]': t.squareBracket,
        ',': t.separator,
      }),
    ],
  }),
  languageData: { closeBrackets: { brackets: ['(', '[', '"'] } },
});

export function conditionSupport(): LanguageSupport {
  return new LanguageSupport(conditionLanguage);
}

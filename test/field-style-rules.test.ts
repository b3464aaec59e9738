import { expect } from '@open-wc/testing';
import { describeProblem, maskValue, styleFor, validateRules } from '../src/util/field-style-rules.js';

describe('field style rules', () => {
  const rules = [
    { name: 'VIP', field: 'level', when: { equals: 'VIP' }, presentation: 'badge', tone: 'accent' },
    { name: 'Owes money', field: 'balance', when: { lt: 0 }, tone: 'danger', presentation: 'emphasis' },
    { field: 'idNumber', when: { notEmpty: true }, presentation: 'masked' },
    { field: 'score', when: { between: [50, 80] }, tone: 'warning' },
    { field: 'city', when: { oneOf: ['Shanghai', 'Beijing'] }, tone: 'info' },
  ];

  it('compiles valid rules and reports none', () => {
    const result = validateRules(rules);
    expect(result.problems).to.deep.equal([]);
    expect(result.rules).to.have.length(5);
  });

  it('styles a VIP level as an accent badge and nothing else', () => {
    const { rules: compiled } = validateRules(rules);
    expect(styleFor(compiled, 'level', 'VIP')).to.include({ presentation: 'badge', tone: 'accent', rule: 'VIP' });
    expect(styleFor(compiled, 'level', 'Gold')).to.include({ presentation: 'plain', tone: null, rule: null });
    expect(styleFor(compiled, 'level', 'vip').presentation).to.equal('plain');
  });

  it('compares numbers numerically, including numeric text, and never matches text that is not a number', () => {
    const { rules: compiled } = validateRules(rules);
    expect(styleFor(compiled, 'balance', -42.5).tone).to.equal('danger');
    expect(styleFor(compiled, 'balance', '-0.01').tone).to.equal('danger');
    expect(styleFor(compiled, 'balance', 0).tone).to.equal(null);
    expect(styleFor(compiled, 'balance', 'n/a').tone).to.equal(null);
    expect(styleFor(compiled, 'balance', null).tone).to.equal(null);
    expect(styleFor(compiled, 'score', 50).tone).to.equal('warning');
    expect(styleFor(compiled, 'score', 80).tone).to.equal('warning');
    expect(styleFor(compiled, 'score', 80.5).tone).to.equal(null);
    expect(styleFor(compiled, 'city', 'Beijing').tone).to.equal('info');
    expect(styleFor(compiled, 'city', 'Dubai').tone).to.equal(null);
  });

  it('applies the first matching rule for a field', () => {
    const { rules: compiled } = validateRules([
      { field: 'balance', when: { lt: -100 }, tone: 'danger', presentation: 'badge' },
      { field: 'balance', when: { lt: 0 }, tone: 'warning' },
    ]);
    expect(styleFor(compiled, 'balance', -500)).to.include({ tone: 'danger', presentation: 'badge' });
    expect(styleFor(compiled, 'balance', -5)).to.include({ tone: 'warning', presentation: 'plain' });
  });

  it('treats empty text, null and missing alike', () => {
    const { rules: compiled } = validateRules([{ field: 'email', when: { empty: true }, tone: 'warning' }]);
    for (const v of ['', '   ', null, undefined]) expect(styleFor(compiled, 'email', v).tone).to.equal('warning');
    expect(styleFor(compiled, 'email', 'a@b.co').tone).to.equal(null);
  });

  it('masks all but the last characters, never revealing a short value', () => {
    expect(maskValue('310101199001011234')).to.deep.equal({ hidden: 14, shown: '1234' });
    expect(maskValue('310101199001011234', 2)).to.deep.equal({ hidden: 16, shown: '34' });
    expect(maskValue('1234')).to.deep.equal({ hidden: 4, shown: '' });
    expect(maskValue('')).to.deep.equal({ hidden: 0, shown: '' });
  });

  for (const [label, rule, code] of [
    ['raw CSS', { field: 'level', when: { equals: 'VIP' }, style: 'color:red' }, 'unknown-key'],
    ['no field', { when: { equals: 'VIP' } }, 'missing-field'],
    ['no condition', { field: 'level', when: {} }, 'missing-condition'],
    ['two conditions', { field: 'balance', when: { lt: 0, gt: -10 } }, 'several-conditions'],
    ['an unknown condition', { field: 'level', when: { contains: 'V' } }, 'unknown-condition'],
    ['lt with text', { field: 'balance', when: { lt: '0' } }, 'bad-operand'],
    ['between reversed', { field: 'balance', when: { between: [10, 0] } }, 'bad-operand'],
    ['an empty oneOf', { field: 'level', when: { oneOf: [] } }, 'bad-operand'],
    ['an unknown presentation', { field: 'level', when: { equals: 'VIP' }, presentation: 'blink' }, 'unknown-presentation'],
    ['a colour as tone', { field: 'level', when: { equals: 'VIP' }, tone: '#ff0000' }, 'unknown-tone'],
    ['a negative visible count', { field: 'id', when: { notEmpty: true }, presentation: 'masked', visible: -1 }, 'bad-visible'],
    ['a string', 'level = VIP', 'not-an-object'],
  ] as const) {
    it(`refuses a rule with ${label}, keeping the others`, () => {
      const result = validateRules([rules[0], rule, rules[1]]);
      expect(result.rules.map((r) => r.label)).to.deep.equal(['VIP', 'Owes money']);
      expect(result.problems).to.have.length(1);
      expect(result.problems[0]).to.include({ index: 1, label: 'rule 2', code });
      expect(describeProblem(result.problems[0]!)).to.match(/^av-workbench: field style rule "rule 2" .+; it is ignored\.$/);
    });
  }

  it('names a rule by its name in problems', () => {
    const { problems } = validateRules([{ name: 'Debtors', field: 'balance', when: { lt: 'zero' } }]);
    expect(problems[0]!.label).to.equal('Debtors');
    expect(describeProblem(problems[0]!)).to.contain('"Debtors"');
  });
});

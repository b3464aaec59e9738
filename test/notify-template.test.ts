import { expect } from '@open-wc/testing';
import { fillTemplate, templateVariables } from '../src/util/template.js';

describe('notification templates', () => {
  it('fills known variables and keeps the rest of the text', () => {
    const filled = fillTemplate('Dear {{customerName}}, call {{ agentWorkNo }}.', { customerName: 'Zhang Min', agentWorkNo: '1001' });
    expect(filled.text).to.equal('Dear Zhang Min, call 1001.');
    expect(filled.unresolved).to.deep.equal([]);
    expect(filled.parts.map((p) => p.kind)).to.deep.equal(['text', 'value', 'text', 'value', 'text']);
  });

  it('leaves unknown and empty variables visible and lists each once', () => {
    const filled = fillTemplate('{{a}} {{vip}} {{a}} {{customerName}}', { a: 'x', customerName: '' });
    expect(filled.text).to.equal('x {{vip}} x {{customerName}}');
    expect(filled.unresolved).to.deep.equal(['vip', 'customerName']);
  });

  it('does not expand a value that looks like a placeholder, nor inherited names', () => {
    const filled = fillTemplate('{{name}} {{constructor}}', { name: '{{agentName}}' });
    expect(filled.text).to.equal('{{agentName}} {{constructor}}');
    expect(filled.unresolved).to.deep.equal(['constructor']);
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables('Hi {{customerName}}, {{1}} at {{2}}, {{1}}')).to.deep.equal(['customerName', '1', '2']);
  });

  it('leaves single braces and text without placeholders alone', () => {
    expect(fillTemplate('{x} {{ }} plain', {}).text).to.equal('{x} {{ }} plain');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html, trusted } from '../../../../services/web/http/html.js';

describe('html', () => {
  const cases: Array<[string, unknown, string]> = [
    [
      'a script tag',
      '<script>alert(1)</script>',
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    ],
    [
      'quotes that would end the attribute',
      `" onmouseover="x' y`,
      '<p title="&quot; onmouseover=&quot;x&#39; y">&quot; onmouseover=&quot;x&#39; y</p>',
    ],
    ['an ampersand entity', '&lt;', '<p title="&amp;lt;">&amp;lt;</p>'],
    ['nothing', undefined, '<p title=""></p>'],
    ['a number', 42, '<p title="42">42</p>'],
  ];
  for (const [what, value, expected] of cases)
    it(`escapes ${what} in text and in attributes`, () => {
      assert.equal(String(html`<p title="${value}">${value}</p>`), expected);
    });

  it('puts markup it made itself in as it is, and escapes each item of a list', () => {
    const inner = html`<b>${'<i>'}</b>`;
    assert.equal(
      String(html`<div>${inner}${['<a>', trusted('<br>')]}</div>`),
      '<div><b>&lt;i&gt;</b>&lt;a&gt;<br></div>',
    );
  });
});

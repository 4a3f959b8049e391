import { renderToStaticMarkup } from 'react-dom/server';
import { AttentionHeadline } from '../../../src/ui/overview/AttentionHeadline';
import { I18nProvider } from '../../../src/ui/shell/I18nContext';
import { loadCatalogue } from '../../../src/i18n';

// English is a chunk of its own (src/i18n/index.ts); the surfaces load it before their first render.
beforeAll(() => loadCatalogue('en'));

const zero = { 'review-dropped': 0, 'past-rhythm': 0, 'overdue-agenda': 0, 'no-owner': 0, 'single-department': 0, 'no-contact': 0 };
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the overview headline', () => {
  it('names only the reasons with a count, each plural-correct and a button, most pressing first', () => {
    const html = renderToStaticMarkup(
      <I18nProvider locale="nl">
        <AttentionHeadline counts={{ ...zero, 'review-dropped': 1, 'past-rhythm': 3, 'overdue-agenda': 1 }} onOpen={() => undefined} />
      </I18nProvider>,
    );
    expect(text(html)).toBe('Wat aandacht vraagt1 relatie verslechterd · 3 partners stil gevallen · 1 agendapunt over datum');
    expect(html.match(/<button/g)).toHaveLength(3);
  });
  it('says all is in order when every count is zero', () => {
    const html = renderToStaticMarkup(
      <I18nProvider locale="en">
        <AttentionHeadline counts={zero} onOpen={() => undefined} />
      </I18nProvider>,
    );
    expect(text(html)).toMatch(/^What needs attentionAll in order: /);
    expect(html).not.toContain('<button');
    expect(text(html)).not.toMatch(/\b0 /);
  });
});

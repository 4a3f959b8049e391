/** @jest-environment jsdom */
import { HOST_CHUNKS_META, preloadHostChunks } from '../../src/surfaces/preloadHostChunks';

const preloaded = () => [...document.head.querySelectorAll('link[rel="preload"]')].map((l) => `${l.getAttribute('as')} ${l.getAttribute('href')}`);

beforeEach(() => {
  document.head.replaceChildren();
  const meta = document.createElement('meta');
  meta.name = HOST_CHUNKS_META;
  meta.setAttribute('data-office', '/host-office.1.js /msal.2.js');
  meta.setAttribute('data-browser', '/host-browser.3.js');
  document.head.append(meta);
});

test('only the chunks of the host the page runs in are preloaded, as scripts', () => {
  preloadHostChunks('office');
  expect(preloaded()).toEqual(['script /host-office.1.js', 'script /msal.2.js']);
  document.head.querySelectorAll('link').forEach((l) => l.remove());
  preloadHostChunks('browser');
  expect(preloaded()).toEqual(['script /host-browser.3.js']);
});

test('a page without the list (an older build) preloads nothing and does not fail', () => {
  document.head.replaceChildren();
  preloadHostChunks('office');
  expect(preloaded()).toEqual([]);
});

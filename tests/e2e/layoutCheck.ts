import type { Page } from 'playwright-core';
import { animationsSettled } from './browser';

/**
 * What a reader sees as broken layout, measured in the page: the document wider than the viewport,
 * a box cut off by (or sticking out of) the box it is drawn in, text spilling out of its own box,
 * two texts drawn over each other, a heading that runs on into the text after it, and a placeholder
 * wider than its input. Each problem names the element (tag, id, nearest test id, first words).
 * A box inside a scroll container may reach past it: that is what the container scrolls.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  await animationsSettled(page);
  return page.evaluate(() => {
    const SLACK = 1.5;
    const problems: string[] = [];
    const name = (el: Element): string => {
      const testId = el.closest('[data-testid]')?.getAttribute('data-testid');
      const id = el.id ? `#${el.id}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}>${testId ? ` in [${testId}]` : ''}${text ? ` "${text}"` : ''}`;
    };
    // What an endless animation moves (a spinner's turning tail) has no settled box: measured halfway
    // round, it reaches past its circle.
    const turning = new Set(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime === Infinity)
        .map((a) => (a.effect as KeyframeEffect | null)?.target)
        .filter((target): target is Element => target instanceof Element),
    );
    // Only what is drawn: not what is hidden (a closed <details>, a closed list's portal), not visually
    // hidden text (a clipped box of 1 px), not skeletons, not what turns.
    const shown = (el: Element): boolean => {
      if (!el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return false;
      for (let a: Element | null = el; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if ((style.clip !== 'auto' && style.clip !== '') || (a.getBoundingClientRect().width <= 1 && style.overflow !== 'visible')) return false;
        if (a.classList.contains('fui-Skeleton') || turning.has(a)) return false;
      }
      return true;
    };
    // Of a drawing, its box and its texts (a chart's labels).
    const elements = [...document.body.querySelectorAll('*')].filter((el) => !(el instanceof SVGElement && el.tagName !== 'svg' && el.tagName !== 'text') && shown(el));

    // Each line of text, from its first to its last visible character (a space where a line wraps hangs
    // past the box unseen).
    const textLines = (text: Node): DOMRect[] => {
      const byLine = new Map<number, DOMRect>();
      const range = document.createRange();
      for (const word of (text.textContent ?? '').matchAll(/\S+/g)) {
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        for (const rect of range.getClientRects()) {
          if (rect.width < 1) continue;
          const key = Math.round(rect.top);
          const line = byLine.get(key);
          const left = Math.min(line?.left ?? rect.left, rect.left);
          const top = Math.min(line?.top ?? rect.top, rect.top);
          byLine.set(key, new DOMRect(left, top, Math.max(line?.right ?? rect.right, rect.right) - left, Math.max(line?.bottom ?? rect.bottom, rect.bottom) - top));
        }
      }
      return [...byLine.values()];
    };
    const lines: Array<{ el: Element; rect: DOMRect }> = [];

    // Text that spills out of its own box (an inline element's box is its lines; an ellipsis or a line
    // clamp cuts text off on purpose).
    for (const el of elements) {
      const texts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (texts.length === 0) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const ownBox = style.display !== 'inline' && style.textOverflow !== 'ellipsis' && style.webkitLineClamp === 'none';
      let spilled = false;
      for (const rect of texts.flatMap(textLines)) {
        lines.push({ el, rect });
        const by = Math.max(rect.right - box.right, rect.bottom - box.bottom, box.left - rect.left);
        if (ownBox && !spilled && by > SLACK) {
          problems.push(`the text of ${name(el)} spills out of its box by ${Math.round(by)} px`);
          spilled = true;
        }
      }
    }

    // The page scrolls sideways: name the innermost elements, or the texts, that reach past the viewport.
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      const wide = elements.filter((el) => el.getBoundingClientRect().right > root.clientWidth + SLACK);
      const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
      const texts = lines.filter((line) => line.rect.right > root.clientWidth + SLACK).map((line) => line.el);
      const culprits = [...new Set([...innermost, ...texts])].slice(0, 4);
      problems.unshift(`the document is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport: ${culprits.map(name).join(', ')}`);
    }

    // Boxes cut off by a clipping ancestor, or sticking out of the bordered or filled box they sit in.
    const clips = (style: CSSStyleDeclaration) => [style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
    const scrolls = (style: CSSStyleDeclaration) => [style.overflowX, style.overflowY].some((o) => o === 'auto' || o === 'scroll');
    const drawn = (style: CSSStyleDeclaration) =>
      (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && style.borderRightStyle !== 'none' && parseFloat(style.borderRightWidth) > 0) ||
      (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent');
    for (const el of elements) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).position === 'fixed') continue;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (scrolls(style)) break;
        const clipping = clips(style);
        if (!clipping && !drawn(style)) continue;
        const outer = a.getBoundingClientRect();
        const by = Math.max(box.right - outer.right, outer.left - box.left, clipping ? 0 : box.bottom - outer.bottom);
        if (by > SLACK) problems.push(`${name(el)} ${clipping ? 'is cut off by' : 'sticks out of'} ${name(a)} by ${Math.round(by)} px`);
        break;
      }
    }

    // Texts drawn over each other (lines are taller than their glyphs: a few pixels in common are no overlap).
    const seen = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const [a, b] = [lines[i], lines[j]];
        if (a.el === b.el) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        const problem = `the text of ${name(a.el)} overlaps the text of ${name(b.el)}`;
        if (x > 2 && y > 4 && !seen.has(problem)) problems.push(problem);
        seen.add(problem);
      }
    }

    // A heading on the same line as the text after it reads as one sentence.
    for (const heading of elements.filter((el) => /^H[1-6]$/.test(el.tagName) && getComputedStyle(el).display.startsWith('inline'))) {
      const next = heading.nextSibling;
      const inline = next?.nodeType === Node.TEXT_NODE || (next instanceof Element && getComputedStyle(next).display.startsWith('inline'));
      const text = (next?.textContent ?? '').trim();
      if (inline && text) problems.push(`${name(heading)} runs on into "${text.slice(0, 40)}"`);
    }

    // A placeholder wider than its input is cut off.
    const measure = document.createElement('canvas').getContext('2d');
    for (const input of elements.filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && !!el.placeholder && !el.value)) {
      if (!measure) break;
      const style = getComputedStyle(input);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needed = measure.measureText(input.placeholder).width;
      if (needed > room + SLACK) problems.push(`the placeholder "${input.placeholder}" needs ${Math.round(needed)} px, its input has ${Math.round(room)} px`);
    }
    return problems;
  });
}

import { expect, it } from 'vitest';
import * as browser from '../../../src/scheduler/detect/site-browser.js';
import * as node from '../../../src/scheduler/detect/site.js';

it("the page's stand-in for site.ts exports the same functions (package.json's browser field swaps them)", () => {
  expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  expect(browser.callerSite()).toBeUndefined();
});

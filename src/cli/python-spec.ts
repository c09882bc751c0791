/**
 * What the command line needs to know about Python programs before loading the Python front
 * end: whether a name is one, and the `--switch` rule chosen for them. Kept apart from
 * load-python.ts so that a TypeScript program's run never loads the parser or interpreter.
 */
import type { SwitchRule } from '../python/interp.js';

let ruleFromFlag: SwitchRule | undefined;

/** The `--switch` option: the switching rule of `.py` programs loaded from now on. */
export function setPythonSwitchRule(rule: SwitchRule | undefined): void {
  ruleFromFlag = rule;
}

/** The rule `--switch` chose, if it was given. */
export function pythonSwitchRule(): SwitchRule | undefined {
  return ruleFromFlag;
}

/** True when `spec` names a Python program: `FILE.py`, `py/NAME`, either with `@any`. */
export function isPythonSpec(spec: string): boolean {
  return /\.py(@any)?$/.test(spec) || spec.startsWith('py/');
}

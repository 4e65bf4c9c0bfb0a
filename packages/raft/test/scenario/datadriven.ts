// A reader and rewriter for scenario scripts in the style of etcd's datadriven format:
//
//   # comment
//   command arg key=value key=(1,2,3)
//   ----
//   expected output
//   (a blank line ends the case)
//
// Output that contains blank lines is fenced by a doubled separator (`----` twice before it, and
// twice after it).

export interface Arg {
  key: string;
  vals: string[];
}

export interface TestCase {
  /** Lines before the command (comments, blank lines), kept verbatim on rewrite. */
  prefix: string[];
  line: number;
  /** The command line as written. */
  raw: string;
  cmd: string;
  args: Arg[];
  input: string;
  expected: string;
}

export interface ScriptFile {
  cases: TestCase[];
  trailer: string[];
}

export function parseArgs(tokens: string[]): Arg[] {
  return tokens.map((t) => {
    const eq = t.indexOf('=');
    if (eq < 0) return { key: t, vals: [] };
    const key = t.slice(0, eq);
    let v = t.slice(eq + 1);
    if (v.startsWith('(') && v.endsWith(')')) v = v.slice(1, -1);
    return { key, vals: v === '' ? [] : v.split(',').map((s) => s.trim()) };
  });
}

/** Splits a command line into tokens, keeping `key=(a, b)` groups whole. */
function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of line) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

export function parseScript(text: string): ScriptFile {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const cases: TestCase[] = [];
  let prefix: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.trim() === '' || l.startsWith('#')) {
      prefix.push(l);
      i++;
      continue;
    }
    const lineNo = i + 1;
    const cmdLines = [l];
    i++;
    while (i < lines.length && lines[i] !== '----') cmdLines.push(lines[i++]!);
    if (i >= lines.length) throw new SyntaxError(`line ${lineNo}: command without a ---- separator`);
    i++; // ----
    let expected: string[] = [];
    if (lines[i] === '----') {
      i++;
      while (i < lines.length && !(lines[i] === '----' && lines[i + 1] === '----'))
        expected.push(lines[i++]!);
      i += 2;
      // The fenced block ends with a newline before the closing separators.
      if (expected[expected.length - 1] === '') expected = expected.slice(0, -1);
    } else {
      while (i < lines.length && lines[i]!.trim() !== '') expected.push(lines[i++]!);
    }
    const tokens = tokenize(cmdLines[0]!);
    cases.push({
      prefix,
      line: lineNo,
      raw: cmdLines[0]!,
      cmd: tokens[0]!,
      args: parseArgs(tokens.slice(1)),
      input: cmdLines.slice(1).join('\n'),
      expected: expected.join('\n'),
    });
    prefix = [];
  }
  return { cases, trailer: prefix };
}

/** Re-renders a script with new outputs (one per case). */
export function renderScript(file: ScriptFile, outputs: string[]): string {
  const out: string[] = [];
  file.cases.forEach((c, k) => {
    out.push(...c.prefix);
    out.push(c.raw);
    if (c.input !== '') out.push(c.input);
    out.push('----');
    const o = outputs[k]!;
    if (o.split('\n').some((l) => l.trim() === '')) {
      out.push('----', o, '', '----', '----');
    } else {
      out.push(o);
    }
  });
  out.push(...file.trailer);
  return `${out.join('\n')}\n`;
}

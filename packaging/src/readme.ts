// What a package README promises, read from the README itself:
// - its install commands: every line of the ```sh blocks under the `## Install` heading;
// - its examples: every ```ts block is a complete ES module that must compile with
//   `tsc --strict --module nodenext` and run with Node in a fresh install of the package;
// - an example's expected output: a ```output block right after a ```ts block (the next fenced block)
//   is what the example prints, exactly.
export interface ReadmeExample {
  /** 1-based line of the opening fence in the README. */
  line: number;
  code: string;
  output?: string;
}

export interface ReadmeContract {
  install: string[];
  examples: ReadmeExample[];
}

interface Fence {
  lang: string;
  line: number;
  body: string;
  section: string;
}

function fences(text: string): Fence[] {
  const lines = text.split('\n');
  const out: Fence[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^#{1,6} /.test(l)) section = l.replace(/^#+ /, '').trim();
    const open = /^```(\S*)/.exec(l);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({ lang: open[1] ?? '', line: start + 1, body: `${body.join('\n')}\n`, section });
  }
  return out;
}

export function readmeContract(text: string): ReadmeContract {
  const all = fences(text);
  const install = all
    .filter((f) => f.section.toLowerCase() === 'install' && (f.lang === 'sh' || f.lang === 'bash'))
    .flatMap((f) => f.body.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const examples: ReadmeExample[] = [];
  all.forEach((f, i) => {
    if (f.lang !== 'ts' && f.lang !== 'typescript') return;
    const next = all[i + 1];
    examples.push({
      line: f.line,
      code: f.body,
      ...(next?.lang === 'output' ? { output: next.body } : {}),
    });
  });
  return { install, examples };
}

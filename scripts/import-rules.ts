// The rules of `npm run lint`'s import check (scripts/check-imports.ts), as pure functions of the
// import graph so a test can feed them a graph of its own.

/** The trees of the project; a file belongs to the first whose folder holds it. */
export const TREES = ['shared', 'server', 'widget', 'admin/src', 'scripts', 'test'];

/** Cycles of a directed graph, each as the list of its nodes (one per strongly connected component). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** A server file's folder: `server/mail/templates/x.ts` → `server/mail`; top-level files are their own. */
function serverFolder(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

/** A widget file's folder (`feedback`, `rating`, `shared`, …), or undefined outside widget/. */
const widgetFolder = (file: string) => (file.startsWith('widget/') ? file.split('/')[1] : undefined);

/** Tests and their helpers may reach across: a test beside the code uses the shared test harness. */
const isTest = (file: string) => /(\.test|test-helpers)\.tsx?$/.test(file) || file.includes('/testing/');
const tree = (file: string) => TREES.find((t) => file.startsWith(`${t}/`)) ?? file;
const allowed: Record<string, string[]> = {
  shared: ['shared'],
  server: ['server', 'shared'],
  widget: ['widget', 'shared'],
  'admin/src': ['admin/src', 'shared'],
};

/**
 * What is wrong with a project's imports: files or server folders importing one another in a
 * circle, a tree importing one it may not, a widget importing another widget's folder.
 * @example importProblems(new Map([['server/a.ts', ['server/b.ts']], ['server/b.ts', ['server/a.ts']]]))
 */
export function importProblems(imports: Map<string, string[]>): string[] {
  const fileGraph = new Map<string, Set<string>>();
  const folderGraph = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of imports.keys()) {
    const targets = [...(imports.get(file) ?? [])];
    fileGraph.set(file, new Set(targets));
    const rule = allowed[tree(file)];
    for (const target of targets) {
      if (rule && !rule.includes(tree(target)) && !isTest(file))
        problems.push(`${file} imports ${target}: ${tree(file)} may not import ${tree(target)}`);
      if (
        !isTest(file) &&
        widgetFolder(file) &&
        widgetFolder(target) &&
        !['loader', 'shared', widgetFolder(file)].includes(widgetFolder(target)!)
      )
        problems.push(`${file} imports ${target}: a widget uses only widget/shared and the loader's contract`);
      if (!file.startsWith('server/') || !target.startsWith('server/') || isTest(file)) continue;
      const [from, to] = [serverFolder(file), serverFolder(target)];
      if (from === to) continue;
      if (!folderGraph.has(from)) folderGraph.set(from, new Set());
      folderGraph.get(from)!.add(to);
    }
  }
  for (const cycle of cycles(fileGraph)) problems.push(`files import one another in a circle: ${cycle.join(' ↔ ')}`);
  for (const cycle of cycles(folderGraph)) {
    const edges = [...fileGraph].flatMap(([file, targets]) =>
      [...targets]
        .filter(
          (t) =>
            cycle.includes(serverFolder(file)) &&
            cycle.includes(serverFolder(t)) &&
            serverFolder(file) !== serverFolder(t),
        )
        .map((t) => `    ${file} → ${t}`),
    );
    problems.push(`server folders import one another in a circle: ${cycle.join(' ↔ ')}\n${edges.join('\n')}`);
  }
  return problems;
}

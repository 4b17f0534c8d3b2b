// The examples/ folder as the picker sees it. The demo scripts are small and say what each
// example is (title, summary, cluster), so they come with the first screen; the YAML manifests are
// loaded only when a scenario is picked (Vite splits each into its own small chunk).
import { STARTER_MANIFEST } from '../../store/starter.ts';
import { scenarioCatalog, scenarioIdOf, scenarioText, type Scenario } from './scenarios.ts';

const DEMOS = import.meta.glob<string>('/examples/*/demo.sh', { query: '?raw', import: 'default', eager: true });
const MANIFESTS = import.meta.glob<string>('/examples/*/*.yaml', { query: '?raw', import: 'default' });

/** `/examples/<folder>/<file>` → [folder, file]. */
const split = (path: string) => path.split('/').slice(-2) as [string, string];

const demoById: Record<string, string> = {};
for (const [path, text] of Object.entries(DEMOS)) demoById[split(path)[0]] = text;
const yamlById: Record<string, string[]> = Object.fromEntries(Object.keys(demoById).map((id) => [id, []]));
for (const path of Object.keys(MANIFESTS)) (yamlById[split(path)[0]] ??= []).push(split(path)[1]);

export const SCENARIOS: Scenario[] = scenarioCatalog(demoById, yamlById);

/** Examples with no manifests (Docker images built from a folder): run with `kubesim run`. */
export const TERMINAL_ONLY: string[] = Object.keys(yamlById)
  .filter((id) => yamlById[id]!.length === 0)
  .sort();

/** The editor text of a scenario, loading its manifests. */
export async function loadScenarioText(scenario: Scenario): Promise<string> {
  const contents: Record<string, string> = {};
  await Promise.all(
    scenario.files.map(async ({ file }) => {
      const load = MANIFESTS[`/examples/${scenario.id}/${file}`];
      if (load) contents[file] = await load();
    }),
  );
  return scenarioText(scenario, contents);
}

/**
 * True when replacing `text` loses nothing the learner wrote: it is empty, the starter, or a
 * scenario exactly as the picker made it.
 */
export async function isUntouched(text: string): Promise<boolean> {
  if (text.trim() === '' || text === STARTER_MANIFEST) return true;
  const scenario = SCENARIOS.find((s) => s.id === scenarioIdOf(text));
  return scenario !== undefined && text === (await loadScenarioText(scenario));
}

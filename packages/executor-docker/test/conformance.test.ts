// The executor contract of @swarm/testbed, run against the Docker Engine executor on a private
// dockerd in its own network namespace.
import { executorConformance } from '@swarm/testbed/conformance';
import { conformanceEnv, type DockerBench, dockerBench } from './harness.js';

let bench: DockerBench | undefined;

executorConformance({
  name: 'docker',
  async setup() {
    bench = await dockerBench('dx');
    return conformanceEnv(bench);
  },
  async teardown() {
    await bench?.tb.cleanup();
  },
});
